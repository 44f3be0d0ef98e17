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
/** The changes of a row past the preview's, counted and let go: one shared empty list, as NO_CELLS. */
const NO_CHANGES: CleanRow['changes'] = Object.freeze([]) as unknown as CleanRow['changes'];

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
  job.report({ done: 0, total: total, step: 'cleanse' });
  // Memory (500 MB for a 100,000-row ledger, the core and SQLite's cache included): a row's cells are let go
  // once it is cleansed, unless it is set aside (its file gives them back), and a row's list of changes once
  // it is counted, except for the rows the preview shows. Held to the end, the ledger's cells and its near
  // million change objects were most of a 990 MB peak.
  let detailed = 0;
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
    // A future stay in a room may still be set aside by matching (room_taken): it keeps its cells and changes
    // until then. Other rows are settled here.
    const stay = result.row.stay;
    const mayClash = stay !== null && stay.arrivalDate >= today && stay.rooms.length > 0;
    if (!mayClash) {
      if (detailed < PREVIEW_ROWS) detailed++;
      else result.row.changes = NO_CHANGES;
    }
    plan.rows.push({
      line: row.line,
      cells: mayClash ? row.cells : NO_CELLS,
      clean: result.row,
      stay: result.row.stay,
      setAside: null,
      person: null,
      stayKnown: false,
    });
  }
  plan.changeSummary = [...rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count);

  await matchPersons(ctx, plan, job, today);
  plan.counts.setAside = plan.rows.filter((row) => row.setAside).length;
  forgetWhatIsNotShown(plan);
  plan.counts.rows = plan.rows.length;
  return plan;
}

/** Gives each cleansed row its person: an earlier line's, an existing guest, or a new one. */
async function matchPersons(ctx: CoreContext, plan: ImportPlan, job: AsyncJob, today: string) {
  const register = existingGuests(ctx);
  const allergens = allergenBook(ctx);
  const byKey = new Map<string, number[]>();
  // Who each person is, for matching the rows after: matching's own, let go with it (64,000 at 100,000 rows).
  const identities: Identity[] = [];
  const total = plan.rows.length;
  let shown = 0;
  job.report({ done: 0, total: total, step: 'match' });
  for (const [index, row] of plan.rows.entries()) {
    if (job.due()) {
      job.report({ done: index, total: total, step: 'match' });
      await job.pause();
    }
    const clean = row.clean;
    if (!clean) continue;
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
          continue;
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
    // The row is settled: past the rows the preview shows, its person and stay are all the write needs.
    if (shown < PREVIEW_ROWS) shown++;
    else row.clean = null;
  }
}

/** Rows the preview shows: their cleansing is kept whole, with every change it made. */
export const PREVIEW_ROWS = 50;

/**
 * Once every row is matched, a row that will be written keeps only its stay (its person holds the guest),
 * except the first rows the preview shows; a row set aside keeps its cells, for the file of set-aside rows.
 * A 100,000-row ledger's changes alone are near a million objects.
 */
function forgetWhatIsNotShown(plan: ImportPlan) {
  let shown = 0;
  for (const row of plan.rows) {
    if (row.setAside) continue;
    row.cells = NO_CELLS;
    if (row.clean && shown < PREVIEW_ROWS) shown++;
    else row.clean = null;
  }
}

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
