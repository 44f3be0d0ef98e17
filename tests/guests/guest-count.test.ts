import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { LIVE_GUEST_COUNT } from '../../electron/core/guests/count.ts';
import { makeStaffedCore } from '../support/core.ts';
import { planOf } from '../support/query-plan.ts';

// How many guests the register holds, as system.info says it (the first-run screen, another system through the
// HTTP door): the guests not deleted, counted from two indexes, never by reading every guest row.

describe('the count of guests', () => {
  it('leaves out deleted and merged-away guests, through system.info', async () => {
    const t = await makeStaffedCore();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      ids.push((await t.call('guests.create', { fields: { familyName: `客${i}`, familyReading: 'きゃく' } })).id);
    }
    expect((await t.call('system.info', {})).guestCount).toBe(6);
    await t.call('guests.delete', { id: ids[0] });
    await t.call('duplicates.merge', { keptId: ids[1], mergedId: ids[2] });
    expect((await t.call('system.info', {})).guestCount).toBe(4);
    t.core.close();
  });

  it('is read from the primary key and the index of deleted guests, not from the rows', () => {
    const plan = planOf(openDatabase(':memory:'), LIVE_GUEST_COUNT);
    expect(plan.some((line) => line.includes('USING COVERING INDEX sqlite_autoindex_guests_1'))).toBe(true);
    expect(plan.some((line) => line.includes('USING COVERING INDEX guests_deleted'))).toBe(true);
    expect(plan.filter((line) => /^SCAN guests$/.test(line))).toEqual([]);
  });
});
