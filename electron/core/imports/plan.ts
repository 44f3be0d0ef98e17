import { guestCreateFieldsSchema, type PHONE_LABELS } from '../../../shared/contract/guests.ts';
import type { ImportKind } from '../../../shared/contract/import-codes.ts';
import type { ImportCounts } from '../../../shared/contract/imports.ts';
import { phoneDigits } from '../../../shared/text/phone.ts';
import { StringTable } from '../compact/string-table.ts';
import type { CoreContext } from '../context.ts';
import type { AsyncJob } from '../jobs/runner.ts';
import { roomClashes } from '../stays/rooms.ts';
import { type AllergyItem, allergenBook } from './allergens.ts';
import { type CleanGuest, type CleanRow, type CleanStay, cleanseRow } from './cleanse.ts';
import { type ColumnMapping, guessMapping, looksLikeHeader, mappingIssues, sourceKey } from './mapping.ts';
import { absorb, compatible, existingGuests, findExisting, type Identity, identityOf } from './match.ts';
import { PlannedStays } from './planned-stays.ts';
import { type LedgerRow, type LedgerTable, readLedger } from './read/index.ts';

// An import's plan: the ledger read, its columns mapped, every row cleansed and matched to a person, before
// anything is written. The preview shows it; the batch writer (write.ts) writes it as it stands. Built as a
// job: reading awaits the file's stream, and cleansing and matching pause between slices so the screens stay
// answered while a 100,000-row ledger is worked through.

export type SetAside = { line: number; reason: string; column: number | null; value: string | null };

/** One person of the ledger: the guest to create (or the existing guest it is), with the lines that name it. */
export type LedgerPerson = {
  guest: CleanGuest;
  existing: { id: string; name: string } | null;
  firstLine: number;
  /** Shared and empty (NO_ALLERGIES) until the person's first allergy: most persons have none. */
  allergies: AllergyItem[];
};

/** A row the plan keeps as a row: one of the first rows the preview shows, or a row set aside. */
export type PlannedRow = {
  line: number;
  /** The row's cells, for the file of rows set aside; none for a row that is written. */
  cells: string[];
  /** The row as cleansed, with every change, for the preview's rows. */
  clean: CleanRow | null;
  setAside: SetAside | null;
  /** Index into plan.persons. */
  person: number | null;
};

/** The cells of a row that is written, not kept: one shared empty list, not one per row. */
const NO_CELLS: string[] = Object.freeze([]) as unknown as string[];
/** The allergies of a person without any, shared: 64,000 persons of a ledger, few with an allergy. */
const NO_ALLERGIES: AllergyItem[] = Object.freeze([]) as unknown as AllergyItem[];

export type ImportPlan = {
  fileName: string;
  table: Omit<LedgerTable, 'rows'>;
  mapping: ColumnMapping;
  mappingSource: 'guessed' | 'remembered' | 'given';
  mappingIssues: string[];
  sourceKey: string;
  /**
   * The rows the preview shows and the rows set aside, in ledger order. A row that is only written is not kept
   * as a row: its person is in `persons`, its stay in `stays` (memory: 100,000 rows).
   */
  rows: PlannedRow[];
  persons: LedgerPerson[];
  /** The stays to write, by person: not the ones the register already holds (the same ledger imported again). */
  stays: PlannedStays;
  counts: ImportCounts;
  changeSummary: Array<{ rule: string; count: number }>;
};

/** The mapping of the latest import of a ledger with this header, if one was made. */
export function rememberedMapping(
  ctx: CoreContext,
  key: string,
  columns: number,
  kind: ImportKind = 'ledger',
): ColumnMapping | null {
  const text = ctx.db
    .prepare('SELECT mapping FROM imports WHERE source_key = ? AND kind = ? ORDER BY created_at DESC LIMIT 1')
    .pluck()
    .get(key, kind) as string | undefined;
  if (!text) return null;
  const mapping = JSON.parse(text) as ColumnMapping;
  return mapping.length === columns ? mapping : null;
}

const MOBILE = /^0[789]0/;

/** The guest as the contract checks a new one: what fails here is set aside, never written half right. */
export function contractProblem(guest: CleanGuest): { field: string; code: string } | null {
  const parsed = guestCreateFieldsSchema.safeParse(guestFields(guest));
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return { field: String(issue?.path[0] ?? ''), code: issue?.message ?? 'invalid' };
}

export function guestFields(guest: CleanGuest) {
  return {
    familyName: guest.familyName,
    givenName: guest.givenName,
    familyReading: guest.familyReading,
    givenReading: guest.givenReading,
    phones: guest.phones.slice(0, 5).map((number) => ({
      number,
      label: (MOBILE.test(phoneDigits(number)) ? 'mobile' : 'home') as (typeof PHONE_LABELS)[number],
    })),
    email: guest.email,
    postalCode: guest.postalCode,
    address: guest.address,
    birthday: guest.birthday,
    organization: guest.organization,
    note: guest.note,
    marketingConsent: false,
  };
}

function knownStay(ctx: CoreContext, guestId: string, stay: CleanStay): boolean {
  return (
    ctx.db
      .prepare('SELECT 1 FROM stays WHERE guest_id = ? AND arrival_date = ? AND deleted_at IS NULL')
      .get(guestId, stay.arrivalDate) !== undefined
  );
}

export async function buildPlan(
  ctx: CoreContext,
  file: { name: string; bytes: Buffer },
  given: ColumnMapping | undefined,
  job: AsyncJob,
): Promise<ImportPlan> {
  job.report({ done: 0, total: file.bytes.length, step: 'read' });
  const table = await readLedger(file.bytes, file.name, {
    onProgress: (done, total) => job.report({ done: done, total: total, step: 'read' }),
    signal: job.signal,
    isHeader: looksLikeHeader,
  });
  const key = sourceKey(table.header);
  const remembered = given ? null : rememberedMapping(ctx, key, table.header.length);
  const mapping = given ?? remembered ?? guessMapping(table.header);
  const issues = mappingIssues(mapping).map((issue) => issue.code);
  const { rows: ledgerRows, ...tableInfo } = table;
  const plan: ImportPlan = {
    fileName: file.name,
    table: tableInfo,
    mapping,
    mappingSource: given ? 'given' : remembered ? 'remembered' : 'guessed',
    mappingIssues: issues,
    sourceKey: key,
    rows: [],
    persons: [],
    stays: new PlannedStays(),
    counts: {
      rows: ledgerRows.length,
      newGuests: 0,
      matchedGuests: 0,
      repeatRows: 0,
      stays: 0,
      allergies: 0,
      setAside: 0,
      changes: 0,
    },
    changeSummary: [],
  };
  if (issues.length > 0) return plan;

  const today = ctx.today();
  const rules = new Map<string, number>();
  const total = ledgerRows.length;
  const matchRow = personMatcher(ctx, plan, today);
  // Each row is cleansed and matched in one pass (one step, 'cleanse', 整形・照合). Memory (issue 11: 500 MB for
  // a 100,000-row ledger, the core and SQLite's cache included): a row's cells are let go once it is cleansed,
  // unless it is set aside (its file gives them back), and its cleansing once it is matched, except for the rows
  // the preview shows. A row that is written is kept as its stay alone (planned-stays.ts); its person holds the
  // guest. Cleansed whole before matching, the rows' cleansing was 100 MB alive at once.
  job.report({ done: 0, total: total, step: 'cleanse' });
  let shown = 0;
  let rowCount = 0;
  const setAside = (row: LedgerRow, aside: SetAside) => {
    plan.rows.push({ line: row.line, cells: row.cells, clean: null, setAside: aside, person: null });
  };
  for (let index = 0; index < ledgerRows.length; index++) {
    if (job.due()) {
      job.report({ done: index, total: total, step: 'cleanse' });
      await job.pause();
    }
    const row = ledgerRows[index] as LedgerRow;
    (ledgerRows as unknown[])[index] = undefined;
    const result = cleanseRow(row, mapping, { today });
    if (!result.ok && (result.reason as string) === 'empty') continue;
    rowCount++;
    if (!result.ok) {
      const { line, reason } = result;
      setAside(row, { line, reason, column: result.column ?? null, value: result.value ?? null });
      continue;
    }
    const problem = contractProblem(result.row.guest);
    if (problem) {
      const value = `${problem.field}: ${problem.code}`;
      setAside(row, { line: row.line, reason: 'invalid_field', column: null, value });
      continue;
    }
    for (const change of result.row.changes) rules.set(change.rule, (rules.get(change.rule) ?? 0) + 1);
    plan.counts.changes += result.row.changes.length;
    const matched = matchRow(row.line, result.row);
    if (matched.setAside) {
      // room_taken: its file gives the row back
      plan.rows.push({
        line: row.line,
        cells: row.cells,
        clean: null,
        setAside: matched.setAside,
        person: matched.person,
      });
    } else if (shown < PREVIEW_ROWS) {
      shown++;
      plan.rows.push({ line: row.line, cells: NO_CELLS, clean: result.row, setAside: null, person: matched.person });
    }
  }
  plan.changeSummary = [...rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count);
  plan.counts.setAside = plan.rows.filter((row) => row.setAside).length;
  plan.counts.rows = rowCount;
  return plan;
}

/**
 * Gives each cleansed row, in ledger order, its person: an earlier line's, an existing guest, or a new one;
 * sets a future stay in a room another party holds aside (room_taken), and counts what the batch will write.
 */
function personMatcher(ctx: CoreContext, plan: ImportPlan, today: string) {
  const register = existingGuests(ctx);
  const allergens = allergenBook(ctx);
  // The persons with each identity key: one number for most keys, a list only where two persons share one.
  // Each candidate's identity is worked out again from its guest when a later row has its key, rather than
  // kept for 64,000 persons through the whole pass (memory: see buildPlan).
  const byKey = new Map<string, number | number[]>();
  // Names and readings repeat across an inn's guests (佐藤, さとう): one string each for the whole plan.
  const names = new StringTable();

  const sameKey = (key: string): readonly number[] => {
    const found = byKey.get(key);
    return found === undefined ? [] : typeof found === 'number' ? [found] : found;
  };
  const addToKey = (key: string, person: number) => {
    const found = byKey.get(key);
    if (found === undefined) byKey.set(key, person);
    else if (typeof found === 'number') byKey.set(key, [found, person]);
    else found.push(person);
  };
  const newPerson = (line: number, clean: CleanRow, identity: Identity): number => {
    const existing = findExisting(identity, register);
    const index = plan.persons.length;
    plan.persons.push({
      guest: keptGuest(clean.guest, names),
      existing: existing && { id: existing.id, name: existing.name },
      firstLine: line,
      allergies: NO_ALLERGIES,
    });
    addToKey(identity.key, index);
    if (existing) plan.counts.matchedGuests++;
    else plan.counts.newGuests++;
    return index;
  };

  return (line: number, clean: CleanRow): { person: number; setAside: SetAside | null } => {
    const identity = identityOf(clean.guest);
    let personIndex = sameKey(identity.key).find((candidate) =>
      compatible(identityOf((plan.persons[candidate] as LedgerPerson).guest), identity),
    );
    if (personIndex === undefined) personIndex = newPerson(line, clean, identity);
    else {
      const person = plan.persons[personIndex] as LedgerPerson;
      if (!person.existing) absorb(person.guest, clean.guest);
      plan.counts.repeatRows++;
    }
    const person = plan.persons[personIndex] as LedgerPerson;
    if (clean.stay) {
      if (clean.stay.arrivalDate >= today && clean.stay.rooms.length > 0) {
        const [clash] = roomClashes(ctx, {
          id: null,
          rooms: clean.stay.rooms,
          arrivalDate: clean.stay.arrivalDate,
          departureDate: clean.stay.departureDate,
        });
        if (clash) {
          const value = clash.rooms.join('、');
          return { person: personIndex, setAside: { line, reason: 'room_taken', column: null, value } };
        }
      }
      if (!(person.existing && knownStay(ctx, person.existing.id, clean.stay))) {
        plan.stays.add(personIndex, clean.stay);
        plan.counts.stays++;
      }
    }
    for (const text of clean.allergies) {
      const item = allergens.resolve(text);
      if (!item) continue;
      const same = (known: AllergyItem) =>
        known.allergenId !== null ? known.allergenId === item.allergenId : known.freeAllergen === item.freeAllergen;
      if (person.allergies.some(same)) continue;
      if (person.existing && hasCurrentAllergy(ctx, person.existing.id, item)) continue;
      if (person.allergies === NO_ALLERGIES) person.allergies = [];
      person.allergies.push(item);
      plan.counts.allergies++;
    }
    return { person: personIndex, setAside: null };
  };
}

/**
 * The person's guest as the plan keeps it: a copy of its own (later lines add to it, absorb in match.ts), of
 * one shape, its names and readings shared with every other person of the same name.
 */
function keptGuest(guest: CleanGuest, names: StringTable): CleanGuest {
  return {
    familyName: names.shared(guest.familyName),
    givenName: names.shared(guest.givenName),
    familyReading: names.shared(guest.familyReading),
    givenReading: names.shared(guest.givenReading),
    phones: [...guest.phones],
    postalCode: guest.postalCode,
    address: guest.address,
    birthday: guest.birthday,
    email: guest.email,
    organization: guest.organization,
    note: guest.note,
  };
}

/** Rows the preview shows: their cleansing is kept whole, with every change it made. */
export const PREVIEW_ROWS = 50;

function hasCurrentAllergy(ctx: CoreContext, guestId: string, item: AllergyItem): boolean {
  return (
    ctx.db
      .prepare(
        `SELECT 1 FROM allergies WHERE guest_id = ? AND superseded_by IS NULL AND retracted_at IS NULL
           AND (allergen_id IS ? AND (allergen_id IS NOT NULL OR free_allergen = ?))`,
      )
      .get(guestId, item.allergenId, item.freeAllergen) !== undefined
  );
}
