import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { makeStaffedCore } from '../support/core.ts';

// A staffed core whose clock starts at a fixed local day and moves on a millisecond per reading, so
// "today" is known and records made one after another have distinct times.

export const TODAY = '2026-06-15';

export async function serviceCore() {
  let now = new Date(2026, 5, 15, 10, 0, 0).getTime();
  const clock = () => {
    now += 1;
    return now;
  };
  const test = await makeStaffedCore({ clock });
  const guest = async (familyName: string, familyReading = 'てすと') =>
    (await test.call('guests.create', { fields: { familyName, familyReading } })).id as string;
  const stay = async (guestId: string, fields: Record<string, unknown> = {}) =>
    test.call('stays.create', {
      fields: { guestId, arrivalDate: '2026-06-15', departureDate: '2026-06-17', rooms: ['101'], ...fields },
    });
  return { ...test, guest, stay };
}

/**
 * Dishes and servings are written straight to the tables: the kitchen's calls belong to another part of
 * the core, and these tests are about reading them back onto the guest card.
 */
export function addDish(db: Database, name: string): string {
  const id = uuidv7();
  db.prepare(
    `INSERT INTO dishes (id, name, category, created_at, updated_at) VALUES (?, ?, 'grilled', '2026-01-01', '2026-01-01')`,
  ).run(id, name);
  return id;
}

export function addServed(
  db: Database,
  served: { stayId: string; dishId: string; date: string; meal?: string; reaction?: string; retracted?: boolean },
): string {
  const id = uuidv7();
  db.prepare(
    `INSERT INTO served (id, stay_id, date, meal, dish_id, reaction, retracted_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    served.stayId,
    served.date,
    served.meal ?? 'dinner',
    served.dishId,
    served.reaction ?? null,
    served.retracted ? '2026-01-02' : null,
    `${served.date}T10:00:00.000Z`,
    `${served.date}T10:00:00.000Z`,
  );
  return id;
}
