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
    const front = await call('staff.create', { name: 'フロント 鈴木' });
    await call('staff.setCurrent', { id: front.id });
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
