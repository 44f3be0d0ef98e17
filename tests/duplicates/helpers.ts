import type { Database } from 'better-sqlite3';
import { SYNCED_TABLES } from '../../db/schema.ts';
import type { Candidate } from '../../shared/contract/duplicates.ts';
import { makeStaffedCore } from '../support/core.ts';

// A staffed core on a clock that moves a millisecond per reading (10:00 at the inn on 2026-06-15), and quick ways to
// record guests and what hangs on them.

export async function dupesCore() {
  let now = Date.parse('2026-06-15T10:00:00+09:00');
  const test = await makeStaffedCore({
    clock: () => {
      now += 1;
      return now;
    },
  });
  const guest = async (fields: Record<string, unknown>) => (await test.call('guests.create', { fields })).id as string;
  const stay = async (guestId: string, arrivalDate: string, fields: Record<string, unknown> = {}) =>
    (
      await test.call('stays.create', {
        fields: {
          guestId,
          arrivalDate,
          departureDate: arrivalDate.replace(/-(\d\d)$/, (_, d) => `-${String(Number(d) + 1).padStart(2, '0')}`),
          rooms: ['101'],
          sharedRoom: true,
          ...fields,
        },
      })
    ).id as string;
  const scan = () => test.call('duplicates.scan', {});
  const list = async () => (await test.call('duplicates.list', {})).candidates as Candidate[];
  return { ...test, guest, stay, scan, list };
}

/** Every synced table without the merge records and without updated_at (the time of a row's latest write). */
export function recordsOf(db: Database): Record<string, unknown[]> {
  const tables: Record<string, unknown[]> = {};
  for (const table of SYNCED_TABLES) {
    if (table === 'guest_merges') continue;
    tables[table] = (db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Array<Record<string, unknown>>).map(
      ({ updated_at: _, ...row }) => row,
    );
  }
  return tables;
}
