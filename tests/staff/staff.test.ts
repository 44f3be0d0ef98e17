import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core.ts';

describe('who is working at this PC', () => {
  it('is told to every open screen when it changes, and survives as the PC’s choice', async () => {
    const { core, call } = makeCore();
    const okami = await call('staff.create', { name: '女将 山田', reading: 'やまだ' });
    const seen: string[][] = [];
    core.onChanged((tables) => seen.push(tables));
    await call('staff.setCurrent', { id: okami.id });
    expect(seen).toEqual([['staff']]);
    expect((await call('staff.list', {})).currentStaffId).toBe(okami.id);
    await call('staff.clearCurrent', {});
    expect((await call('staff.list', {})).currentStaffId).toBeNull();
  });

  it('cannot be someone who no longer works here; deactivating the person at this PC clears the choice', async () => {
    const { core, call } = makeCore();
    const front = await call('staff.create', { name: 'フロント 鈴木' }); // the first member: owner
    await call('staff.setCurrent', { id: front.id });
    await call('staff.create', { name: '女将 山田', roles: ['owner'] }); // so the first may leave
    const other = await call('staff.create', { name: '仲居 田中' });
    await call('staff.update', { id: other.id, active: false });
    expect(await core.call('staff.setCurrent', { id: other.id })).toEqual({
      ok: false,
      error: { code: 'conflict', detail: 'staff_inactive' },
    });
    await call('staff.update', { id: front.id, active: false });
    expect((await call('staff.list', {})).currentStaffId).toBeNull();
    const list = await call('staff.list', { includeInactive: true });
    expect(list.staff.map((s: { name: string; active: boolean }) => [s.name, s.active])).toEqual(
      expect.arrayContaining([
        ['フロント 鈴木', false],
        ['仲居 田中', false],
      ]),
    );
  });
});

describe('staff names', () => {
  it('take a kana reading, as guests do, and refuse anything else without recording it', async () => {
    const { core, call } = makeCore();
    expect(await core.call('staff.create', { name: '山田', reading: '山田' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'reading', code: 'reading_not_kana' }] },
    });
    expect((await call('staff.list', {})).staff).toEqual([]);
    expect((await call('staff.create', { name: '山田', reading: 'ﾔﾏﾀﾞ' })).reading).toBe('ヤマダ');
  });
});

describe('the two writes allowed before anyone is chosen at this PC', () => {
  const count = (db: Database, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  it('staff.create adds the first member on first run, and is refused once the register has staff', async () => {
    const { core, call, db } = makeCore();
    const okami = await call('staff.create', { name: '女将 山田' }); // first run: nobody to choose yet
    await call('staff.setCurrent', { id: okami.id });
    await call('staff.clearCurrent', {});
    expect(await core.call('staff.create', { name: '仲居 田中' })).toEqual({ ok: false, error: { code: 'no_staff' } });
    expect(count(db, 'staff')).toBe(1);
    // Chosen again, adding a colleague is an ordinary write.
    await call('staff.setCurrent', { id: okami.id });
    expect((await core.call('staff.create', { name: '仲居 田中' })).ok).toBe(true);
  });

  it('nobody can deactivate the last owner, so a register always has someone to choose and manage it', async () => {
    const { core, call } = makeCore();
    const only = await call('staff.create', { name: 'フロント 鈴木' });
    await call('staff.setCurrent', { id: only.id });
    expect(await core.call('staff.update', { id: only.id, active: false })).toEqual({
      ok: false,
      error: { code: 'forbidden', detail: 'last_owner' },
    });
    expect((await call('staff.list', {})).currentStaffId).toBe(only.id);
    expect(await core.call('staff.create', { name: 'フロント 佐藤' })).toMatchObject({ ok: true });
  });

  it('demo.load loads into an empty register before anyone is chosen, and is refused into one with guests', async () => {
    const { core, call, db } = makeCore();
    expect(await call('demo.load', { count: 5, seed: 1 })).toEqual({ created: 5 });
    // The sample inn brought its people; someone chooses themself, then leaves the PC.
    const [someone] = (await call('staff.list', {})).staff;
    await call('staff.setCurrent', { id: someone.id });
    await call('staff.clearCurrent', {});
    const guests = count(db, 'guests');
    expect(await core.call('demo.load', { count: 5, seed: 2 })).toEqual({ ok: false, error: { code: 'no_staff' } });
    expect(count(db, 'guests')).toBe(guests);
    // `--demo` at a later start still answers as before: nothing to add to a register that has guests.
    expect(await core.call('demo.load', { count: 5, ifEmpty: true })).toEqual({ ok: true, value: { created: 0 } });
  });
});
