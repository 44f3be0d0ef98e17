import type { ImportField } from '../../../../shared/contract/import-codes.ts';
import type { SalesCounts, SalesRow } from '../../../../shared/contract/sales-import.ts';
import { addDays } from '../../../../shared/text/dates.ts';
import { isKanaReading, kanaKey } from '../../../../shared/text/kana.ts';
import { foldKanjiVariants } from '../../../../shared/text/kanji-variants.ts';
import { familyFirst } from '../../../../shared/text/person-name.ts';
import { foldWidth } from '../../../../shared/text/width.ts';
import type { CoreContext } from '../../context.ts';
import type { AsyncJob } from '../../jobs/runner.ts';
import { cleanseDate } from '../cleanse-dates.ts';
import { readAmount } from '../cleanse-stay.ts';
import { type Cell, ChangeList, SetAside, tidyCell } from '../cleanse-text.ts';
import { type ColumnMapping, fold, guessMapping, looksLikeHeader, mappingIssues, sourceKey } from '../mapping.ts';
import { rememberedMapping } from '../plan.ts';
import { type LedgerTable, readLedger } from '../read/index.ts';

// A sales file's plan: the file read by the ledger import's reader, its columns mapped by the same words, each
// row's cells tidied and its date and amount read by the ledger's cleansing rules, then matched to ONE stay
// already recorded. Nothing is written here; the run (write.ts) sets the amounts of the stays matched.
//
// A row fits a stay when the row's date is inside the stay (arrival to departure, both days counted: a file may
// give the arrival, the checkout or the bill date), and, when the row names a room, the room is one of the stay's,
// and its name is the lead guest's or a party member's, as search folds names (variant kanji, width, spaces; a
// name in kana against the reading). A reservation number the stay also holds is enough on its own. Several
// stays fitting is "ambiguous", none "not found": neither is written, as an amount set on the wrong stay would
// raise the wrong guest's rank without anyone seeing it.

/** Rows the preview lists: the ones that need a look first. */
export const SALES_ROWS_SHOWN = 500;

/** Header words of a sales file's date that the ledger's words leave unmapped (日付 says nothing in a ledger). */
const SALES_DATE_WORDS = new Set(['日付', '精算日', '売上日', '請求日', '会計日', '計上日', 'date', 'billdate']);

/** The ledger's guess, plus a sales file's own date words when no arrival or departure column was found. */
export function guessSalesMapping(header: string[]): ColumnMapping {
  const mapping = guessMapping(header);
  if (mapping.includes('arrival') || mapping.includes('departure')) return mapping;
  const column = header.findIndex((cell, index) => mapping[index] === null && SALES_DATE_WORDS.has(fold(cell)));
  if (column >= 0) mapping[column] = 'arrival';
  return mapping;
}

/** A sales file needs a name (or a reservation number), a date and an amount; a name mapped twice is refused. */
export function salesMappingIssues(mapping: ColumnMapping): string[] {
  const has = (field: ImportField) => mapping.includes(field);
  const issues = mappingIssues(mapping)
    .map((issue) => issue.code as string)
    // A sales file names no stay to make: a room or amount without an arrival column is what it is.
    .filter((code) => code !== 'stay_without_arrival')
    // A reservation number or a reading alone can find the stay.
    .filter((code) => code !== 'needs_name' || !(has('reservationNo') || has('fullReading')));
  if (!has('arrival') && !has('departure')) issues.push('sales_needs_date');
  if (!has('amount')) issues.push('sales_needs_amount');
  return issues;
}

/** A name as search folds it: variant kanji, width, case, no spaces. */
export function nameKey(text: string): string {
  return foldKanjiVariants(foldWidth(text)).replace(/\s+/g, '').toLowerCase();
}

/** 山田 花子 様, 山田花子様, ヤマダ ハナコ さま: the honorific is the file's courtesy, not the name. */
function withoutHonorific(name: string): string {
  return name.replace(/\s*(?:様|さま|サマ|殿|御中)$/u, '').trim();
}

/** 201号室 is room 201. */
function roomKey(room: string): string {
  return foldWidth(room)
    .replace(/号室?$/u, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

const reservationKey = (text: string) => foldWidth(text).replace(/\s+/g, '').toLowerCase();

type ReadRow = {
  line: number;
  date: string;
  name: string;
  reading: string;
  rooms: string[];
  reservationNo: string;
  amountYen: number | null;
  reason: string | null;
};

/** One row's cells, read with the ledger's cleansing rules; an unreadable cell gives the row its reason. */
function readRow(line: number, cells: string[], mapping: ColumnMapping): ReadRow | null {
  const changes = new ChangeList();
  const byField = new Map<ImportField, Cell[]>();
  for (const [column, field] of mapping.entries()) {
    if (!field) continue;
    const cell = tidyCell({ field, column, value: cells[column] ?? '' }, changes);
    byField.set(field, [...(byField.get(field) ?? []), cell]);
  }
  const value = (field: ImportField) => byField.get(field)?.[0]?.value ?? '';
  if ([...byField.values()].flat().every((cell) => cell.value === '')) return null;
  const name = withoutHonorific(value('fullName') || familyFirst(value('familyName'), value('givenName')));
  const reading = withoutHonorific(value('fullReading') || familyFirst(value('familyReading'), value('givenReading')));
  const rooms = value('rooms')
    .split(/[,，、・/／\s]+/)
    .map((room) => room.trim())
    .filter(Boolean);
  const row: ReadRow = {
    line,
    date: '',
    name,
    reading,
    rooms,
    reservationNo: value('reservationNo'),
    amountYen: null,
    reason: null,
  };
  try {
    const dateCell = [byField.get('arrival')?.[0], byField.get('departure')?.[0]].find((cell) => cell?.value);
    if (!dateCell) throw new SetAside('no_date');
    row.date = cleanseDate(dateCell, changes);
    const amountCell = byField.get('amount')?.[0];
    // An empty amount is ¥0 in a ledger; here it would wipe what the stay holds, so it is a row to look at.
    if (!amountCell || amountCell.value === '') throw new SetAside('no_amount');
    row.amountYen = readAmount(amountCell, changes);
    if (name === '' && reading === '' && row.reservationNo === '') throw new SetAside('no_name');
  } catch (error) {
    if (!(error instanceof SetAside)) throw error;
    row.reason = error.reason;
  }
  return row;
}

type CandidateStay = {
  id: string;
  guest_id: string;
  arrival_date: string;
  departure_date: string;
  rooms: string;
  amount_yen: number;
  reservation_no: string;
};

type Person = { name: string; nameKeys: string[]; readingKey: string };

export type SalesMatch = { line: number; stayId: string; amountYen: number };

export type SalesPlan = {
  fileName: string;
  table: Omit<LedgerTable, 'rows'>;
  mapping: ColumnMapping;
  mappingSource: 'guessed' | 'remembered' | 'given';
  mappingIssues: string[];
  sourceKey: string;
  counts: SalesCounts;
  rows: SalesRow[];
  /** Each matched stay with the amount the run sets (rows of one stay add up) and the amount it holds now. */
  stays: Map<string, { before: number; after: number }>;
};

export async function buildSalesPlan(
  ctx: CoreContext,
  file: { name: string; bytes: Buffer },
  given: ColumnMapping | undefined,
  job: AsyncJob,
): Promise<SalesPlan> {
  job.report({ done: 0, total: file.bytes.length, step: 'read' });
  const table = await readLedger(file.bytes, file.name, {
    onProgress: (done, total) => job.report({ done, total, step: 'read' }),
    signal: job.signal,
    isHeader: looksLikeHeader,
  });
  const key = sourceKey(table.header);
  const remembered = given ? null : rememberedMapping(ctx, key, table.header.length, 'sales');
  const mapping = given ?? remembered ?? guessSalesMapping(table.header);
  const { rows: fileRows, ...tableInfo } = table;
  const plan: SalesPlan = {
    fileName: file.name,
    table: tableInfo,
    mapping,
    mappingSource: given ? 'given' : remembered ? 'remembered' : 'guessed',
    mappingIssues: salesMappingIssues(mapping),
    sourceKey: key,
    counts: { rows: 0, matched: 0, ambiguous: 0, notFound: 0, invalid: 0, stays: 0 },
    rows: [],
    stays: new Map(),
  };
  if (plan.mappingIssues.length > 0) return plan;

  // The stays whose nights hold a day: their arrival is at most the longest stay's nights before it, which bounds
  // the index range (arrival_date <= day alone would read every earlier stay for every row).
  const longest = ctx.db
    .prepare(
      `SELECT coalesce(max(julianday(departure_date) - julianday(arrival_date)), 0) FROM stays
        WHERE deleted_at IS NULL`,
    )
    .pluck()
    .get() as number;
  const staysOnStmt = ctx.db.prepare(
    `SELECT id, guest_id, arrival_date, departure_date, rooms, amount_yen, reservation_no FROM stays
      WHERE arrival_date BETWEEN ? AND ? AND departure_date >= ? AND deleted_at IS NULL AND status <> 'cancelled'`,
  );
  const staysOn = (day: string) => staysOnStmt.all(addDays(day, -Math.ceil(longest)), day, day) as CandidateStay[];
  const guestStmt = ctx.db.prepare(
    'SELECT family_name, given_name, family_reading, given_reading FROM guests WHERE id = ?',
  );
  const partyStmt = ctx.db.prepare('SELECT guest_id FROM stay_party WHERE stay_id = ? AND deleted_at IS NULL').pluck();
  const people = new Map<string, Person | null>();
  const personOf = (guestId: string): Person | null => {
    if (people.has(guestId)) return people.get(guestId) ?? null;
    const guest = guestStmt.get(guestId) as
      | { family_name: string; given_name: string; family_reading: string; given_reading: string }
      | undefined;
    const person = guest
      ? {
          name: familyFirst(guest.family_name, guest.given_name),
          // A name in Latin letters is written either way round (John Smith, Smith John).
          nameKeys: /^[A-Za-z]/.test(guest.family_name)
            ? [nameKey(`${guest.family_name}${guest.given_name}`), nameKey(`${guest.given_name}${guest.family_name}`)]
            : [nameKey(`${guest.family_name}${guest.given_name}`)],
          readingKey: kanaKey(`${guest.family_reading}${guest.given_reading}`),
        }
      : null;
    people.set(guestId, person);
    return person;
  };

  const matches: Array<{ row: SalesRow; stay: CandidateStay | null; amountYen: number }> = [];
  job.report({ done: 0, total: fileRows.length, step: 'match' });
  for (const [index, fileRow] of fileRows.entries()) {
    if (job.due()) {
      job.report({ done: index, total: fileRows.length, step: 'match' });
      await job.pause();
    }
    const read = readRow(fileRow.line, fileRow.cells, mapping);
    if (!read) continue;
    plan.counts.rows++;
    const row: SalesRow = {
      line: read.line,
      status: 'invalid',
      reason: read.reason,
      date: read.date,
      name: read.name || read.reading,
      rooms: read.rooms,
      amountYen: read.amountYen,
      candidates: 0,
      stay: null,
    };
    if (read.reason !== null || read.amountYen === null) {
      plan.counts.invalid++;
      plan.rows.push(row);
      continue;
    }
    const fits = fittingStays(read, staysOn(read.date), (stay) => [
      personOf(stay.guest_id),
      ...(partyStmt.all(stay.id) as string[]).map(personOf),
    ]);
    row.candidates = fits.length;
    if (fits.length === 1) {
      row.status = 'matched';
      plan.counts.matched++;
      matches.push({ row, stay: fits[0] as CandidateStay, amountYen: read.amountYen });
    } else {
      row.status = fits.length === 0 ? 'not_found' : 'ambiguous';
      if (fits.length === 0) plan.counts.notFound++;
      else plan.counts.ambiguous++;
    }
    plan.rows.push(row);
  }

  // Rows of one stay (a bill in several lines) add up to what the guest paid for it.
  for (const { stay, amountYen } of matches) {
    if (!stay) continue;
    const known = plan.stays.get(stay.id);
    if (known) known.after += amountYen;
    else plan.stays.set(stay.id, { before: stay.amount_yen, after: amountYen });
  }
  for (const { row, stay } of matches) {
    if (!stay) continue;
    const amounts = plan.stays.get(stay.id) as { before: number; after: number };
    row.stay = {
      id: stay.id,
      guestName: personOf(stay.guest_id)?.name ?? '',
      arrivalDate: stay.arrival_date,
      departureDate: stay.departure_date,
      rooms: JSON.parse(stay.rooms) as string[],
      oldAmountYen: amounts.before,
      newAmountYen: amounts.after,
    };
  }
  plan.counts.stays = [...plan.stays.values()].filter((amounts) => amounts.before !== amounts.after).length;
  const order = { invalid: 0, ambiguous: 1, not_found: 2, matched: 3 } as const;
  plan.rows = plan.rows.sort((a, b) => order[a.status] - order[b.status] || a.line - b.line).slice(0, SALES_ROWS_SHOWN);
  return plan;
}

/** The stays on the row's date that its reservation number, or its room and name, fit. */
function fittingStays(
  row: ReadRow,
  onTheDay: CandidateStay[],
  peopleOf: (stay: CandidateStay) => Array<Person | null>,
): CandidateStay[] {
  if (row.reservationNo !== '') {
    const wanted = reservationKey(row.reservationNo);
    const same = onTheDay.filter(
      (stay) => stay.reservation_no !== '' && reservationKey(stay.reservation_no) === wanted,
    );
    if (same.length > 0) return same;
  }
  const rooms = row.rooms.map(roomKey);
  const inRoom =
    rooms.length === 0
      ? onTheDay
      : onTheDay.filter((stay) => (JSON.parse(stay.rooms) as string[]).some((room) => rooms.includes(roomKey(room))));
  if (row.name === '' && row.reading === '') return [];
  const names = [row.name, row.reading].filter(Boolean);
  const keys = new Set(names.map(nameKey));
  // A name written in kana is compared with the reading, as search does (ヤマダ ハナコ finds 山田 花子).
  const kana = new Set(names.filter((name) => isKanaReading(name.replace(/\s+/g, ''))).map((name) => kanaKey(name)));
  return inRoom.filter((stay) =>
    peopleOf(stay).some(
      (person) =>
        person !== null &&
        (person.nameKeys.some((key) => keys.has(key)) || (person.readingKey !== '' && kana.has(person.readingKey))),
    ),
  );
}
