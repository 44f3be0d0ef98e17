import type { Stored } from '../../../db/log/codec.ts';
import { columnSpec } from '../../../db/log/registry.ts';
import type { SyncedTable } from '../../../db/schema.ts';
import type { HistoryChange, HistoryGuest } from '../../../shared/contract/history.ts';
import { guestDrafts, linkDrafts } from './history-guest.ts';
import type { GuestLogEntry } from './history-log.ts';
import { allergyDrafts, partyDrafts, requestDrafts, stayDrafts } from './history-service.ts';

// Replays a guest's logged fields in the order they happened, keeping what each row looked like, and turns
// every write into the rows a person reads. A row's meaning often needs more than the entry itself: a party
// member's stay, the record an allergy correction replaced, the other side of a companion link. Names of
// other guests, staff and allergens are not known here: a draft says which ids it needs, and is built once
// the page is chosen and those are read in one query each (history.ts).

/** A row's columns as of some write, in contract values (lists parsed, 0/1 flags as booleans). */
export type RowState = Readonly<Record<string, unknown>>;

/** One write of one row: its columns before and after, and which of them it changed. */
export type RowWrite = {
  rowId: string;
  /** Undefined for the row's first write: it was made (or first arrived) here. */
  before: RowState | undefined;
  after: RowState;
  changed: ReadonlySet<string>;
};

/** What a page's drafts need named, read in one query each. */
export type Needs = { guests?: string[]; staff?: (string | null)[]; allergens?: (string | null)[] };

export type Lookups = {
  guest(id: string): HistoryGuest;
  staffName(id: unknown): string | null;
  /** A catalogue allergen's names, or the free text in both languages. */
  allergen(allergenId: unknown, free: unknown): { nameJa: string; nameEn: string };
};

export type Draft = { needs: Needs; build(lookups: Lookups): HistoryChange };

/** What a table's writes read as, given the other rows' states so far. */
export type Interpreter = (write: RowWrite, states: ReadonlyMap<string, RowState>, guestId: string) => Draft[];

export const stateKey = (table: SyncedTable, rowId: string) => `${table}:${rowId}`;

/** A draft that needs nothing looked up. */
export const fixed = (change: HistoryChange): Draft => ({ needs: {}, build: () => change });

const INTERPRETERS: Partial<Record<SyncedTable, Interpreter>> = {
  guests: guestDrafts,
  guest_links: linkDrafts,
  stays: stayDrafts,
  stay_party: partyDrafts,
  allergies: allergyDrafts,
  requests: requestDrafts,
};

const FLAGS = new Set(['marketing_consent', 'traces_ok', 'standing']);

/** A stored value as the contract speaks of it: JSON lists (phones, rooms) parsed, 0/1 flags as booleans. */
function contractValue(table: SyncedTable, column: string, value: Stored): unknown {
  if (FLAGS.has(column)) return value === 1;
  if (columnSpec(table, column)?.list && typeof value === 'string') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return [];
    }
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b || ((a === null || a === undefined) && (b === null || b === undefined))) return true;
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

/** A draft with the write it came from: its stamp, PC and author, and its place among the write's rows. */
export type PlacedDraft = Draft & { hlc: number; node: string; staff: number | null; n: number };

/** Every draft of the guest's history, oldest write first. */
export function replay(entries: readonly GuestLogEntry[], guestId: string): PlacedDraft[] {
  const states = new Map<string, RowState>();
  const drafts: PlacedDraft[] = [];
  let start = 0;
  while (start < entries.length) {
    // One transaction: the entries sharing its stamp and PC, grouped by row in the order the rows came.
    const first = entries[start] as GuestLogEntry;
    let end = start;
    const rows = new Map<string, GuestLogEntry[]>();
    for (; end < entries.length; end++) {
      const entry = entries[end] as GuestLogEntry;
      if (entry.hlc !== first.hlc || entry.node !== first.node) break;
      const key = stateKey(entry.table, entry.rowId);
      const ofRow = rows.get(key);
      if (ofRow) ofRow.push(entry);
      else rows.set(key, [entry]);
    }
    let n = 0;
    for (const [key, ofRow] of rows) {
      const { table, rowId, baseline } = ofRow[0] as GuestLogEntry;
      const before = states.get(key);
      const after: Record<string, unknown> = { ...before };
      const changed = new Set<string>();
      for (const entry of ofRow) {
        for (const [column, stored] of entry.values) {
          const value = contractValue(table, column, stored);
          // Not a change: a field set to what it was (an insert's empty fields, a baseline restating a row).
          if (!same(after[column], value)) changed.add(column);
          after[column] = value;
        }
      }
      states.set(key, after);
      // A migration's baseline restates rows that existed before the log: state, never a change to show.
      if (baseline || changed.size === 0) continue;
      const interpret = INTERPRETERS[table];
      for (const draft of interpret?.({ rowId, before, after, changed }, states, guestId) ?? []) {
        drafts.push({ ...draft, hlc: first.hlc, node: first.node, staff: first.staff, n: n++ });
      }
    }
    start = end;
  }
  return drafts;
}
