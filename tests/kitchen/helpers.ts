import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { migrate } from '../../db/migrate.ts';
import { SEEDED_ALLERGENS, seededAllergenId } from '../../db/migrations/0002-service.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { changeLogCount, makeStaffedCore } from '../support/core.ts';

// A kitchen to test with: a staffed core whose "today" is 2026-06-15 (local), and short ways to make
// guests, stays, allergies, dishes and courses through the real calls.

export const TODAY = '2026-06-15';

/** The seeded catalogue allergen with this code ('shrimp', 'egg', …). */
export function allergen(code: string): string {
  const index = SEEDED_ALLERGENS.findIndex(([c]) => c === code);
  if (index < 0) throw new Error(`no seeded allergen ${code}`);
  return seededAllergenId(index + 1);
}

type Fields = Record<string, unknown>;

/**
 * A core over an in-memory database that tells `onSql` every statement it runs, parameters filled in
 * (better-sqlite3's verbose hook): for tests of what the core asks SQLite, not only what it answers.
 */
async function observedCore(clock: () => number, onSql: (text: string) => void) {
  const db = new Database(':memory:', { verbose: (text) => onSql(String(text)) });
  db.pragma('foreign_keys = ON');
  migrate(db);
  const core = createCore({
    db,
    nodeId: openNodeIdentity(db).nodeId,
    clock,
    logger: { info() {}, warn() {}, error() {} },
  });
  const call = async (name: string, input: unknown) => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    // biome-ignore lint/suspicious/noExplicitAny: tests read call results loosely, as in tests/support/core.ts.
    return result.value as any;
  };
  const staff = await call('staff.create', { name: '女将 山田' });
  await call('staff.setCurrent', { id: staff.id });
  return { core, db, call, staffId: staff.id as string };
}

export async function kitchenCore(options: { onSql?: (text: string) => void } = {}) {
  // 10:00 at the inn (Asia/Tokyo, the default zone), whatever zone the test process runs in.
  let now = Date.parse('2026-06-15T10:00:00+09:00');
  const clock = () => {
    now += 1;
    return now;
  };
  const test = options.onSql ? await observedCore(clock, options.onSql) : await makeStaffedCore({ clock });
  const { call, core, db } = test;

  const guest = async (familyName: string, givenName = '', birthday = '') =>
    (await call('guests.create', { fields: { familyName, givenName, familyReading: 'てすと', birthday } }))
      .id as string;
  const stay = async (guestId: string, fields: Fields = {}) =>
    (
      await call('stays.create', {
        fields: { guestId, arrivalDate: TODAY, departureDate: '2026-06-17', rooms: ['101'], ...fields },
      })
    ).id as string;
  const allergy = async (guestId: string, code: string, severity: string, tracesOk = false) =>
    (await call('allergies.record', { guestId, allergenId: allergen(code), severity, tracesOk })).id as string;
  const dish = async (name: string, category: string, allergens: string[] = [], reading = '') =>
    (await call('dishes.create', { fields: { name, reading, category, allergenIds: allergens.map(allergen) } }))
      .id as string;
  const course = async (name: string, dishIds: string[]) =>
    (await call('courses.create', { fields: { name, dishIds } })).id as string;

  /** Expects the call to fail with this code (and detail), having written nothing. */
  const refuses = async (name: string, input: unknown, code: string, detail?: string) => {
    const before = changeLogCount(db);
    const result = await core.call(name, input);
    expect(result.ok, `${name} should fail`).toBe(false);
    if (result.ok) return undefined;
    expect(result.error.code).toBe(code);
    if (detail) expect(result.error.detail).toBe(detail);
    expect(changeLogCount(db)).toBe(before);
    return result.error;
  };

  return { ...test, guest, stay, allergy, dish, course, refuses };
}
