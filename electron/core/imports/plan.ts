import { guestCreateFieldsSchema, type PHONE_LABELS } from '../../../shared/contract/guests.ts';
import type { ImportKind } from '../../../shared/contract/import-codes.ts';
import type { ImportCounts } from '../../../shared/contract/imports.ts';
import { phoneDigits } from '../../../shared/text/phone.ts';
import type { CoreContext } from '../context.ts';
import type { AsyncJob } from '../jobs/runner.ts';
import { roomClashes } from '../stays/rooms.ts';
import { type AllergyItem, allergenBook } from './allergens.ts';
import { type CleanGuest, type CleanRow, type CleanStay, cleanseRow } from './cleanse.ts';
import { type ColumnMapping, guessMapping, looksLikeHeader, mappingIssues, sourceKey } from './mapping.ts';
import { absorb, compatible, existingGuests, findExisting, type Identity, identityOf } from './match.ts';
import { type LedgerTable, readLedger } from './read/index.ts';

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
  allergies: AllergyItem[];
};

export type PlannedRow = {
  line: number;
  cells: string[];
  /** The row as cleansed; kept whole for the rows the preview shows, then only its stay (memory: 100,000 rows). */
  clean: CleanRow | null;
  stay: CleanStay | null;
  setAside: SetAside | null;
  /** Index into plan.persons. */
  person: number | null;
  /** A visit row whose stay the register already holds (the same ledger imported before): not written again. */
  stayKnown: boolean;
};

/** The cells of a row that is written, not kept: one shared empty list, not one per row. */
const NO_CELLS: string[] = Object.freeze([]) as unknown as string[];

export type ImportPlan = {
  fileName: string;
  table: Omit<LedgerTable, 'rows'>;
  mapping: ColumnMapping;
  mappingSource: 'guessed' | 'remembered' | 'given';
  mappingIssues: string[];
  sourceKey: string;
  rows: PlannedRow[];
  persons: LedgerPerson[];
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
  // the preview shows; a row to be written keeps only its stay (its person holds the guest). Cleansed whole
  // before matching, the rows' cleansing was 100 MB alive at once.
  job.report({ done: 0, total: total, step: 'cleanse' });
  let shown = 0;
  for (let index = 0; index < ledgerRows.length; index++) {
    if (job.due()) {
      job.report({ done: index, total: total, step: 'cleanse' });
      await job.pause();
    }
    const row = ledgerRows[index] as (typeof ledgerRows)[number];
    (ledgerRows as unknown[])[index] = undefined;
    const result = cleanseRow(row, mapping, { today });
    if (!result.ok) {
      if ((result.reason as string) === 'empty') continue;
      plan.rows.push({
        line: row.line,
        cells: row.cells,
        clean: null,
        stay: null,
        setAside: {
          line: result.line,
          reason: result.reason,
          column: result.column ?? null,
          value: result.value ?? null,
        },
        person: null,
        stayKnown: false,
      });
      continue;
    }
    const problem = contractProblem(result.row.guest);
    if (problem) {
      plan.rows.push({
        line: row.line,
        cells: row.cells,
        clean: null,
        stay: null,
        setAside: { line: row.line, reason: 'invalid_field', column: null, value: `${problem.field}: ${problem.code}` },
        person: null,
        stayKnown: false,
      });
      continue;
    }
    for (const change of result.row.changes) rules.set(change.rule, (rules.get(change.rule) ?? 0) + 1);
    plan.counts.changes += result.row.changes.length;
    const planned: PlannedRow = {
      line: row.line,
      cells: NO_CELLS,
      clean: null,
      stay: result.row.stay,
      setAside: null,
      person: null,
      stayKnown: false,
    };
    matchRow(planned, result.row);
    if (planned.setAside)
      planned.cells = row.cells; // room_taken: its file gives the row back
    else if (shown < PREVIEW_ROWS) {
      shown++;
      planned.clean = result.row;
    }
    plan.rows.push(planned);
  }
  plan.changeSummary = [...rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count);
  plan.counts.setAside = plan.rows.filter((row) => row.setAside).length;
  plan.counts.rows = plan.rows.length;
  return plan;
}

/**
 * Gives each cleansed row, in ledger order, its person: an earlier line's, an existing guest, or a new one;
 * sets a future stay in a room another party holds aside (room_taken), and counts what the batch will write.
 */
function personMatcher(ctx: CoreContext, plan: ImportPlan, today: string) {
  const register = existingGuests(ctx);
  const allergens = allergenBook(ctx);
  const byKey = new Map<string, number[]>();
  // Who each person is, for matching the rows after: matching's own, not the plan's (64,000 at 100,000 rows).
  const identities: Identity[] = [];

  return (row: PlannedRow, clean: CleanRow): void => {
    const identity = identityOf(clean.guest);
    const sameKey = byKey.get(identity.key) ?? [];
    let personIndex = sameKey.find((candidate) => compatible(identities[candidate] as Identity, identity));
    if (personIndex === undefined) {
      const existing = findExisting(identity, register);
      personIndex = plan.persons.length;
      identities.push(identity);
      plan.persons.push({
        guest: { ...clean.guest, phones: [...clean.guest.phones] },
        existing: existing ? { id: existing.id, name: existing.name } : null,
        firstLine: row.line,
        allergies: [],
      });
      sameKey.push(personIndex);
      byKey.set(identity.key, sameKey);
      if (existing) plan.counts.matchedGuests++;
      else plan.counts.newGuests++;
    } else {
      const person = plan.persons[personIndex] as LedgerPerson;
      if (!person.existing) {
        absorb(person.guest, clean.guest);
        identities[personIndex] = identityOf(person.guest);
      }
      plan.counts.repeatRows++;
    }
    row.person = personIndex;
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
          row.setAside = { line: row.line, reason: 'room_taken', column: null, value: clash.rooms.join('、') };
          return;
        }
      }
      row.stayKnown = person.existing !== null && knownStay(ctx, person.existing.id, clean.stay);
      if (!row.stayKnown) plan.counts.stays++;
    }
    for (const text of clean.allergies) {
      const item = allergens.resolve(text);
      if (!item) continue;
      const same = (known: AllergyItem) =>
        known.allergenId !== null ? known.allergenId === item.allergenId : known.freeAllergen === item.freeAllergen;
      if (person.allergies.some(same)) continue;
      if (person.existing && hasCurrentAllergy(ctx, person.existing.id, item)) continue;
      person.allergies.push(item);
      plan.counts.allergies++;
    }
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
