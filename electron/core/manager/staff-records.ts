import { bytesToUuid } from '../../../db/log/codec.ts';
import { tableSpec, tableSpecById } from '../../../db/log/registry.ts';
import { ENTRY_BITS } from '../../../db/log/store.ts';
import { packKey, sqlIdText } from '../../../db/stored-form.ts';
import { STAFF_RECORD_KINDS, type StaffRecordKind } from '../../../shared/contract/manager.ts';
import type { CoreContext } from '../context.ts';
import type { Period } from './period.ts';

// Records per staff member in the period, read from the change log's headers: every write names the person
// working at that PC and the call that made it, so one source counts guests registered or edited, requests
// taken, allergies recorded, corrected or confirmed, and servings recorded or reacted to, alike. The point is
// to see where knowledge is recorded by one person only (属人化), not to rank people.
//
// The log has a header per write (millions at a large inn). With the index `log_tx_staff (staff, call, hlc)`
// (migration 13) each (person, call) pair is one range count in the index; without it,
// the period's headers are read once and grouped. The index's presence is looked up once per core.

export const KIND_CALLS: Record<StaffRecordKind, readonly string[]> = {
  guests: ['guests.create', 'guests.update'],
  requests: ['requests.record'],
  allergies: ['allergies.record', 'allergies.correct', 'allergies.confirm'],
  served: ['served.record', 'served.react'],
};

const ALL_CALLS = Object.values(KIND_CALLS).flat();
const callList = (calls: readonly string[]) => calls.map((name) => `'${name}'`).join(', ');

const BY_SCAN = `
  SELECT t.staff AS staff, c.name AS call, count(*) AS n
    FROM log_tx t JOIN log_calls c ON c.id = t.call
   WHERE t.hlc >= @startHlc AND t.hlc < @endHlc AND t.staff IS NOT NULL AND c.name IN (${callList(ALL_CALLS)})
   GROUP BY t.staff, c.name`;

const BY_INDEX = `
  SELECT ls.id AS staff, c.name AS call,
         (SELECT count(*) FROM log_tx t
           WHERE t.staff = ls.id AND t.call = c.id AND t.hlc >= @startHlc AND t.hlc < @endHlc) AS n
    FROM log_staff ls CROSS JOIN log_calls c
   WHERE c.name IN (${callList(ALL_CALLS)})`;

const LOG_STAFF = 'SELECT id, staff FROM log_staff';
const STAFF = 'SELECT id, name, active FROM staff';
const HAS_INDEX = `SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'log_tx_staff'`;

const STAFF_TXS = (calls: readonly string[]) => `
  FROM log_tx t JOIN log_calls c ON c.id = t.call
 WHERE t.staff = @staff AND c.name IN (${callList(calls)}) AND t.hlc >= @startHlc AND t.hlc < @endHlc`;

const FIRST_ENTRY = 'SELECT tbl, row FROM log_entry WHERE id >= @low AND id < @high ORDER BY id LIMIT 1';

export const STAFF_STATEMENTS = { BY_SCAN, BY_INDEX, FIRST_ENTRY };

const idOf = (value: unknown): string =>
  value instanceof Uint8Array && value.length === 16 ? bytesToUuid(value) : String(value);

export type StaffFigure = {
  staffId: string;
  name: string;
  active: boolean;
  total: number;
} & Record<StaffRecordKind, number>;

export function createStaffRecords(ctx: CoreContext) {
  let indexed: boolean | undefined;
  const kindOfCall = new Map<string, StaffRecordKind>();
  for (const kind of STAFF_RECORD_KINDS) for (const name of KIND_CALLS[kind]) kindOfCall.set(name, kind);

  /** log_staff's small numbers → staff ids. */
  const logStaff = () =>
    new Map(
      (ctx.run.prepare(LOG_STAFF).all() as Array<{ id: number; staff: unknown }>).map((row) => [
        row.id,
        idOf(row.staff),
      ]),
    );

  function figures(period: Period): StaffFigure[] {
    indexed ??= ctx.run.prepare(HAS_INDEX).get() !== undefined;
    const range = { startHlc: period.startHlc, endHlc: period.endHlc };
    const rows = ctx.run.prepare(indexed ? BY_INDEX : BY_SCAN).all(range) as Array<{
      staff: number;
      call: string;
      n: number;
    }>;
    const ids = logStaff();
    const people = new Map<string, StaffFigure>();
    for (const person of ctx.run.prepare(STAFF).all() as Array<{ id: string; name: string; active: number }>) {
      people.set(person.id, {
        staffId: person.id,
        name: person.name,
        active: person.active === 1,
        total: 0,
        guests: 0,
        requests: 0,
        allergies: 0,
        served: 0,
      });
    }
    for (const row of rows) {
      const person = people.get(ids.get(row.staff) ?? '');
      const kind = kindOfCall.get(row.call);
      if (!person || !kind || row.n === 0) continue;
      person[kind] += row.n;
      person.total += row.n;
    }
    // Everyone who recorded something, and everyone still working here even with nothing: a colleague who
    // records nothing is as telling as one who records everything.
    return [...people.values()]
      .filter((person) => person.total > 0 || person.active)
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'ja'));
  }

  /** One person's records of a kind in the period, latest first: when, which call, and the guest it concerned. */
  function list(period: Period, staffId: string, kind: StaffRecordKind, offset: number, limit: number) {
    const logId = ctx.run.prepare("SELECT id FROM log_staff WHERE staff IN (unhex(@id, '-'), @id)").pluck().get({
      id: staffId,
    }) as number | undefined;
    if (logId === undefined) return { total: 0, rows: [] };
    const params = { staff: logId, startHlc: period.startHlc, endHlc: period.endHlc };
    const calls = KIND_CALLS[kind];
    const total = ctx.run
      .prepare(`SELECT count(*) ${STAFF_TXS(calls)}`)
      .pluck()
      .get(params) as number;
    const txs = ctx.run
      .prepare(
        `SELECT t.seq, t.hlc, c.name AS call ${STAFF_TXS(calls)} ORDER BY t.hlc DESC, t.seq DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ ...params, limit, offset }) as Array<{ seq: number; hlc: number; call: string }>;
    const rows = txs.map((tx) => {
      const first = ctx.run
        .prepare(FIRST_ENTRY)
        .get({ low: tx.seq * 2 ** ENTRY_BITS, high: (tx.seq + 1) * 2 ** ENTRY_BITS }) as
        | { tbl: number; row: unknown }
        | undefined;
      const guestId = first ? guestOfEntry(ctx, first.tbl, idOf(first.row)) : null;
      return { seq: tx.seq, at: new Date(Math.floor(tx.hlc / 2048)).toISOString(), call: tx.call, guestId, kind };
    });
    return { total, rows };
  }

  return { figures, list };
}

const GUEST_OF: Array<[number, string | null]> = [
  [tableSpec('guests').id, null],
  [tableSpec('requests').id, 'SELECT guest_id FROM requests WHERE id = ?'],
  [tableSpec('allergies').id, 'SELECT guest_id FROM allergies WHERE id = ?'],
  // served keeps its ids packed (db/stored-form.ts): the id asked for is packed as its table keeps it.
  [
    tableSpec('served').id,
    `SELECT s.guest_id FROM served v JOIN stays s ON s.id = ${sqlIdText('v.stay_id')} WHERE v.id = ?`,
  ],
];

/** The guest a written row concerns (a guest, a request's, an allergy's, a serving's stay's lead). */
function guestOfEntry(ctx: CoreContext, tbl: number, rowId: string): string | null {
  const known = GUEST_OF.find(([id]) => id === tbl);
  if (!known) return null;
  if (known[1] === null) return rowId;
  const table = tableSpecById(tbl)?.name ?? '';
  return (ctx.run.prepare(known[1]).pluck().get(packKey(table, rowId)) as string | undefined) ?? null;
}
