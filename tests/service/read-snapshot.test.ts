import type { Database, Statement } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { HISTORY_CACHE_STATEMENTS } from '../../electron/core/kitchen/history-cache.ts';
import { createReadSnapshot, inWriteTransaction } from '../../electron/core/read-snapshot.ts';

// The desk's reads run in one read transaction (electron/core/read-snapshot.ts). What they read there is no
// write's and cannot be rolled back, so the caches keep it as they keep what a read outside a transaction read;
// a write still makes its own transaction.

/** A database whose statements count how often each ran (all/get/iterate/run), by their SQL. */
function countingDatabase(): { db: Database; runs: Map<string, number> } {
  const db = openDatabase(':memory:');
  const runs = new Map<string, number>();
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const statement = prepare(source);
    const proxy: Statement = new Proxy(statement, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        if (key === 'all' || key === 'get' || key === 'iterate' || key === 'run') {
          return (...args: unknown[]) => {
            runs.set(source, (runs.get(source) ?? 0) + 1);
            return value.apply(target, args);
          };
        }
        // pluck(), raw() and the like answer the statement itself: keep counting through it.
        return (...args: unknown[]) => {
          const answer = value.apply(target, args);
          return answer === target ? proxy : answer;
        };
      },
    });
    return proxy;
  }) as Database['prepare'];
  return { db, runs };
}

describe('the read snapshot of the desk’s reads', () => {
  it('is no write transaction: inside it the caches may keep what they read, inside a write they may not', () => {
    const db = openDatabase(':memory:');
    const snapshot = createReadSnapshot(db);
    expect(inWriteTransaction(db)).toBe(false);
    snapshot.run(() => {
      expect(db.inTransaction).toBe(true);
      expect(inWriteTransaction(db)).toBe(false);
      // Ended before a write: the write is a transaction of its own, not part of the read.
      snapshot.end();
      expect(db.inTransaction).toBe(false);
      db.transaction(() => expect(inWriteTransaction(db)).toBe(true)).immediate();
    });
    db.transaction(() => {
      expect(inWriteTransaction(db)).toBe(true);
      // Inside a caller's transaction it opens none of its own.
      snapshot.run(() => expect(inWriteTransaction(db)).toBe(true));
      expect(db.inTransaction).toBe(true);
    })();
    expect(db.inTransaction).toBe(false);
    // A read that fails still ends its transaction.
    expect(() =>
      snapshot.run(() => {
        throw new Error('a failed read');
      }),
    ).toThrow('a failed read');
    expect(db.inTransaction).toBe(false);
    db.close();
  });

  it('keeps what a guest card read: a second open reads no servings again, until one is recorded', async () => {
    const { db, runs } = countingDatabase();
    const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: { info() {}, warn() {}, error() {} } });
    const call = async (name: string, input: unknown) => {
      const result = await core.call(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as never as { id: string };
    };
    const staff = await call('staff.create', { name: '女将 山田' });
    await call('staff.setCurrent', { id: staff.id });
    const guest = await call('guests.create', { fields: { familyName: '森', familyReading: 'もり' } });
    const stay = await call('stays.create', {
      fields: { guestId: guest.id, arrivalDate: '2026-02-10', departureDate: '2026-02-11', rooms: ['101'] },
    });
    const dish = await call('dishes.create', { fields: { name: '鯛の造り', category: 'sashimi', allergenIds: [] } });
    await call('served.record', { stayId: stay.id, date: '2026-02-10', meal: 'dinner', dishIds: [dish.id] });

    const servingsRead = () => runs.get(HISTORY_CACHE_STATEMENTS.SERVINGS_OF_STAYS) ?? 0;
    const card = async () => (await core.call('guests.service', { id: guest.id })) as { ok: boolean; value?: unknown };
    const first = await card();
    expect(first.ok).toBe(true);
    const afterFirst = servingsRead();
    expect(afterFirst).toBeGreaterThan(0);
    expect(await card()).toEqual(first);
    expect(servingsRead()).toBe(afterFirst); // kept from the first open, read in its snapshot

    await call('served.record', { stayId: stay.id, date: '2026-02-11', meal: 'breakfast', dishIds: [dish.id] });
    const third = (await card()) as { value: { dishHistory: Array<{ times: number }> } };
    expect(servingsRead()).toBeGreaterThan(afterFirst);
    expect(third.value.dishHistory[0]?.times).toBe(2);
    core.close();
    db.close();
  });
});
