import type { Database } from 'better-sqlite3';
import { localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { BANQUET_MAKERS } from './workload-banquets.ts';
import { ledgerCsv, type Random } from './workload-data.ts';
import { DESK_MAKERS } from './workload-desk.ts';
import { day, guest, type Input, type Maker, one, stay, type WorkloadState } from './workload-draw.ts';
import { KITCHEN_MAKERS } from './workload-kitchen.ts';
import { REGISTER_MAKERS } from './workload-register.ts';

export { type Random, random } from './workload-data.ts';

// Random write calls against a real core, with inputs drawn from what its database holds, the way staff
// would make them (and, often enough, ways the core refuses). Used by the replay and convergence tests: every
// write call of the contract is here, and `WRITE_CALLS` is checked against the contract. The makers of each
// call are in workload-desk.ts, workload-kitchen.ts, workload-banquets.ts and workload-register.ts.

// In this order: a random write picks a call by its place in this list, so the order is part of what a seed
// draws.
const MAKERS: Record<string, Maker> = { ...DESK_MAKERS, ...KITCHEN_MAKERS, ...BANQUET_MAKERS, ...REGISTER_MAKERS };

export type Caller = (name: string, input: unknown) => Promise<{ ok: boolean; value?: unknown }>;

/** Write calls whose input needs a call first (an import needs its file uploaded). */
const PREPARED: Record<string, (w: WorkloadState, call: Caller) => Promise<Input | null>> = {
  'imports.run': async (w, call) => {
    const bytes = Buffer.from(ledgerCsv(w.r, w.today), 'utf8');
    const answer = await call('files.upload', {
      name: 'ledger.csv',
      size: bytes.length,
      offset: 0,
      chunk: bytes.toString('base64'),
    });
    return answer.ok ? { upload: (answer.value as { upload: string }).upload } : null;
  },
  // Sales for stays the register holds (as an accounting system exports them): date, name with 様, room, amount.
  'imports.salesRun': async (w, call) => {
    const stays = w.db
      .prepare(
        `SELECT s.arrival_date, s.rooms, g.family_name, g.given_name FROM stays s JOIN guests g ON g.id = s.guest_id
          WHERE s.deleted_at IS NULL AND s.status <> 'cancelled' ORDER BY s.id LIMIT 3`,
      )
      .all() as Array<{ arrival_date: string; rooms: string; family_name: string; given_name: string }>;
    if (stays.length === 0) return null;
    const lines = stays.map(
      (stay) =>
        `${stay.arrival_date},${stay.family_name} ${stay.given_name} 様,${(JSON.parse(stay.rooms) as string[])[0] ?? ''},${w.r.int(1, 90) * 1000}`,
    );
    const bytes = Buffer.from(['利用日,お名前,部屋,売上', ...lines].join('\r\n'), 'utf8');
    const answer = await call('files.upload', {
      name: 'sales.csv',
      size: bytes.length,
      offset: 0,
      chunk: bytes.toString('base64'),
    });
    return answer.ok ? { upload: (answer.value as { upload: string }).upload } : null;
  },
};
MAKERS['imports.undo'] = (w) => {
  const id = one(w, 'SELECT id FROM imports WHERE undone_at IS NULL');
  return id ? { import: id } : null;
};

export const WRITE_CALLS = [...Object.keys(MAKERS), ...Object.keys(PREPARED)];

/**
 * A valid input for a write call drawn from what the database holds, as randomWrite makes them, or null
 * (nothing to draw from yet, or a call that needs earlier calls to prepare it).
 */
export function writeInput(db: Database, r: Random, now: number, name: string): Input | null {
  const maker = MAKERS[name];
  if (!maker) return null;
  return maker({ db, r, today: localDate(now, DEFAULT_TIME_ZONE), demoChance: 1 });
}
/** Read calls that record in the access log, a synced table of its own (electron/core/access/): replayed too. */
const RECORDING: Record<string, Maker> = {
  'guests.get': (w) => {
    const id = guest(w);
    return id ? { id } : null;
  },
  'accessLog.sheetPrinted': (w) => {
    const stayId = w.r.chance(0.5) ? stay(w) : null;
    return {
      sheet: w.r.pick(['briefing', 'kitchen']),
      date: day(w, -3, 3),
      via: w.r.pick(['print', 'pdf']),
      ...(stayId ? { stayId } : {}),
    };
  },
};
export const RECORDING_CALLS = Object.keys(RECORDING);
const CREATES = [
  'guests.create',
  'stays.create',
  'allergies.record',
  'requests.record',
  'dishes.create',
  'courses.create',
  'halls.create',
  'banquets.create',
  'banquets.advance',
  'served.record',
  'menus.plan',
];

/**
 * Makes one random write call (or none when its inputs cannot be drawn yet). Returns the call's name and
 * whether it succeeded. `now` is the core's clock reading, for "today".
 */
export async function randomWrite(
  db: Database,
  call: Caller,
  r: Random,
  now: number,
  options: { demoChance?: number } = {},
) {
  // Sample data writes hundreds of rows at once: the simulation asks for it rarely, to stay fast.
  const w: WorkloadState = { db, r, today: localDate(now, DEFAULT_TIME_ZONE), demoChance: options.demoChance ?? 0.3 };
  // A third of the time something new, so that later calls find guests, stays, deals and dishes to work on.
  const name = r.chance(1 / 3) ? r.pick(CREATES) : r.pick([...WRITE_CALLS, ...RECORDING_CALLS]);
  const prepared = PREPARED[name];
  const input = prepared ? await prepared(w, call) : ((MAKERS[name] ?? RECORDING[name]) as Maker)(w);
  if (!input) return { name, ok: false };
  const result = await call(name, input);
  // A card's look is written after the card is answered (electron/core/after-answer.ts). The app waits for staff
  // to pause; the cores this workload drives are made with `afterAnswer: 'nextTurn'`, so that a seed replays
  // the same on any machine, and the workload gives them that turn.
  if (name in RECORDING) await new Promise<void>((resolve) => setImmediate(resolve));
  return { name, ok: result.ok };
}
