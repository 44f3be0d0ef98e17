import { describe, expect, it } from 'vitest';
import { changeLogCount } from '../support/core.ts';
import { salesDesk } from './helpers.ts';

// A salesperson's deal from the first call to the party itself, and the refusals that keep the hall
// calendar honest: a hall holds one party at a time, within its capacity.

describe('the banquet pipeline', () => {
  it('takes a deal from inquiry to held, keeping each stage with its date and staff', async () => {
    const desk = await salesDesk();
    const matsu = await desk.hall('松の間', { seated: 60, standing: 80 });
    const yamada = await desk.guest('山田', '太郎');
    const created = await desk.call('banquets.create', {
      fields: {
        organiserId: yamada,
        groupName: '山田商事',
        type: 'bonenkai',
        date: '2026-12-10',
        startTime: '18:00',
        endTime: '20:30',
        hallIds: [matsu],
        headcount: 40,
        pricePerHeadYen: 8000,
      },
    });
    expect(created.banquet).toMatchObject({
      stage: 'inquiry',
      organiserName: '山田 太郎',
      hallNames: ['松の間'],
      estimateYen: 320_000,
      staffName: '女将 山田',
    });
    const id = created.banquet.id;
    await desk.advance(id, 'proposal');
    await desk.advance(id, 'provisional', { holdExpiresOn: '2026-07-01' });
    const confirmed = await desk.advance(id, 'confirmed');
    expect(confirmed.banquet.holdExpiresOn).toBeNull();
    await desk.refuses('banquets.advance', { id, stage: 'held' }, 'conflict', 'not_yet_held');
    desk.setToday('2026-12-10');
    const held = await desk.advance(id, 'held');
    expect(held.banquet.stage).toBe('held');
    expect(held.timeline.map((event: { stage: string }) => event.stage)).toEqual([
      'inquiry',
      'proposal',
      'provisional',
      'confirmed',
      'held',
    ]);
    expect(held.timeline.every((event: { staffName: string }) => event.staffName === '女将 山田')).toBe(true);
    expect(held.timeline[2].holdExpiresOn).toBe('2026-07-01');
    const times = held.timeline.map((event: { at: string }) => event.at);
    expect([...times].sort()).toEqual(times);
    await desk.refuses(
      'banquets.advance',
      { id, stage: 'lost', lostReason: 'price', competitor: '花月楼', note: '後から' },
      'conflict',
      'banquet_closed',
    );
    await desk.refuses('banquets.update', { id, fields: { note: '追加' } }, 'conflict', 'banquet_closed');
  });

  it('refuses a second deal on a held hall at an overlapping time, naming the first', async () => {
    const desk = await salesDesk();
    const matsu = await desk.hall('松の間', { seated: 60 });
    const take = await desk.deal(await desk.guest('山田', '太郎'), { hallIds: [matsu], groupName: '' });
    await desk.advance(take, 'provisional', { holdExpiresOn: '2026-07-01' });
    const other = await desk.deal(await desk.guest('佐藤', '花子'), {
      hallIds: [matsu],
      startTime: '19:00',
      endTime: '21:00',
    });
    // An inquiry may overlap (a warning on its page); holding the hall is refused.
    const page = await desk.call('banquets.get', { id: other });
    expect(page.overlaps).toEqual([expect.objectContaining({ banquetId: take, hallName: '松の間' })]);
    // No group name: the organiser is the name given (once).
    const error = await desk.refuses(
      'banquets.advance',
      { id: other, stage: 'confirmed' },
      'conflict',
      'hall_clash_organiser',
    );
    expect(error.params).toMatchObject({
      hall: '松の間',
      date: '2026-12-10',
      startTime: '18:00',
      endTime: '20:00',
      group: '',
      organiser: '山田 太郎',
      stage: 'provisional',
    });
  });

  it('lets parties follow each other in a hall back to back, and ignores a hold that has lapsed', async () => {
    const desk = await salesDesk();
    const matsu = await desk.hall('松の間', { seated: 60 });
    const guest = await desk.guest('山田', '太郎');
    const lunch = await desk.deal(guest, { hallIds: [matsu], startTime: '12:00', endTime: '14:00' });
    await desk.advance(lunch, 'confirmed');
    const tea = await desk.deal(guest, { hallIds: [matsu], startTime: '14:00', endTime: '16:00' });
    expect((await desk.advance(tea, 'confirmed')).banquet.stage).toBe('confirmed');

    const hold = await desk.deal(guest, { hallIds: [matsu], startTime: '18:00', endTime: '20:00' });
    await desk.advance(hold, 'provisional', { holdExpiresOn: '2026-06-20' });
    const late = await desk.deal(guest, { hallIds: [matsu], startTime: '19:00', endTime: '21:00' });
    await desk.refuses('banquets.advance', { id: late, stage: 'confirmed' }, 'conflict', 'hall_clash_organiser');
    desk.setToday('2026-06-21');
    expect((await desk.advance(late, 'confirmed')).banquet.stage).toBe('confirmed');
    // Moving a confirmed deal onto another's time is refused too.
    await desk.refuses(
      'banquets.update',
      { id: tea, fields: { startTime: '13:00' } },
      'conflict',
      'hall_clash_organiser',
    );
  });

  it('needs reason, competitor and note to lose a deal, and a reason to cancel one', async () => {
    const desk = await salesDesk();
    const id = await desk.deal(await desk.guest('山田', '太郎'));
    const full = { id, stage: 'lost', lostReason: 'price', competitor: '花月楼', note: '一人5千円差' };
    for (const [field, code] of [
      ['lostReason', 'lost_reason_required'],
      ['competitor', 'competitor_required'],
      ['note', 'required'],
    ]) {
      const { [field as keyof typeof full]: _left, ...input } = full;
      const error = await desk.refuses('banquets.advance', input, 'invalid_input');
      expect(error.issues).toEqual([{ path: field, code }]);
    }
    const cancelled = await desk.refuses('banquets.advance', { id, stage: 'cancelled' }, 'invalid_input');
    expect(cancelled.issues).toEqual([{ path: 'note', code: 'cancel_reason_required' }]);
    const lost = await desk.call('banquets.advance', full);
    expect(lost.banquet).toMatchObject({ stage: 'lost', lostReason: 'price', competitor: '花月楼' });
    expect(lost.banquet.closingNote).toBe('一人5千円差');
    expect(lost.timeline.at(-1)).toMatchObject({ stage: 'lost', lostReason: 'price', competitor: '花月楼' });
  });

  it('moves only forward along the pipeline', async () => {
    const desk = await salesDesk();
    const hallId = await desk.hall('竹の間', { seated: 30 });
    const id = await desk.deal(await desk.guest('山田', '太郎'), { hallIds: [hallId] });
    await desk.refuses('banquets.advance', { id, stage: 'held' }, 'conflict', 'stage_not_allowed');
    await desk.refuses('banquets.advance', { id, stage: 'inquiry' }, 'conflict', 'stage_not_allowed');
    await desk.advance(id, 'confirmed');
    await desk.refuses('banquets.advance', { id, stage: 'proposal' }, 'conflict', 'stage_not_allowed');
    await desk.refuses(
      'banquets.advance',
      { id, stage: 'provisional', holdExpiresOn: '2026-07-01' },
      'conflict',
      'stage_not_allowed',
    );
  });

  it('wants a hall and an expiry from today on before holding', async () => {
    const desk = await salesDesk();
    const id = await desk.deal(await desk.guest('山田', '太郎'));
    await desk.refuses('banquets.advance', { id, stage: 'confirmed' }, 'conflict', 'hall_required');
    const hallId = await desk.hall('竹の間', { seated: 30 });
    await desk.call('banquets.update', { id, fields: { hallIds: [hallId] } });
    const past = await desk.refuses(
      'banquets.advance',
      { id, stage: 'provisional', holdExpiresOn: '2026-06-14' },
      'invalid_input',
      'hold_expiry_past',
    );
    // The field is told what is wrong with its date, not that it is no date.
    expect(past.issues).toEqual([{ path: 'holdExpiresOn', code: 'hold_expiry_past' }]);
    const error = await desk.refuses('banquets.advance', { id, stage: 'provisional' }, 'invalid_input');
    expect(error.issues).toEqual([{ path: 'holdExpiresOn', code: 'hold_expiry_required' }]);
    await desk.advance(id, 'provisional', { holdExpiresOn: '2026-06-15' });
    await desk.refuses('banquets.update', { id, fields: { hallIds: [] } }, 'conflict', 'hall_required');
  });
});

describe('what a deal may be', () => {
  it('refuses an end before the start, on create and on a change of one time', async () => {
    const desk = await salesDesk();
    const guest = await desk.guest('山田', '太郎');
    const input = {
      fields: {
        organiserId: guest,
        type: 'social',
        date: '2026-12-10',
        startTime: '18:00',
        endTime: '17:00',
        headcount: 5,
      },
    };
    const error = await desk.refuses('banquets.create', input, 'invalid_input');
    expect(error.issues).toEqual([{ path: 'fields.endTime', code: 'end_before_start' }]);
    const id = await desk.deal(guest);
    const changed = await desk.refuses('banquets.update', { id, fields: { endTime: '17:30' } }, 'invalid_input');
    expect(changed.issues).toEqual([{ path: 'fields.endTime', code: 'end_before_start' }]);
  });

  it('refuses a headcount over the capacity of one hall or of halls opened into one', async () => {
    const desk = await salesDesk();
    const matsu = await desk.hall('松の間', { seated: 60, standing: 80 });
    const take = await desk.hall('竹の間', { seated: 30, standing: 40 }, { combinableWith: [matsu] });
    const ume = await desk.hall('梅の間', { seated: 20 });
    const guest = await desk.guest('山田', '太郎');
    const error = await desk.refuses(
      'banquets.create',
      {
        fields: {
          organiserId: guest,
          type: 'social',
          date: '2026-12-10',
          startTime: '18:00',
          endTime: '20:00',
          headcount: 61,
          hallIds: [matsu],
        },
      },
      'invalid_input',
      'over_capacity',
    );
    expect(error.params).toEqual({ capacity: '60' });
    const id = await desk.deal(guest, { hallIds: [matsu, take], headcount: 90 });
    const over = await desk.refuses(
      'banquets.update',
      { id, fields: { headcount: 91 } },
      'invalid_input',
      'over_capacity',
    );
    expect(over.params).toEqual({ capacity: '90' });
    expect(
      (await desk.call('banquets.update', { id, fields: { layout: 'standing', headcount: 120 } })).banquet,
    ).toMatchObject({ layout: 'standing', headcount: 120 });
    await desk.refuses(
      'banquets.update',
      { id, fields: { hallIds: [matsu, ume] } },
      'invalid_input',
      'hall_not_offered_in_layout',
    );
    await desk.refuses(
      'banquets.update',
      { id, fields: { hallIds: [matsu, ume], layout: 'seated', headcount: 10 } },
      'invalid_input',
      'halls_not_combinable',
    );
  });

  it('names only organisers, courses and halls on record', async () => {
    const desk = await salesDesk();
    const guest = await desk.guest('山田', '太郎');
    const unknown = '0190a8c0-0000-7000-8000-000000000000';
    await desk.refuses(
      'banquets.create',
      {
        fields: {
          organiserId: unknown,
          type: 'social',
          date: '2026-12-10',
          startTime: '18:00',
          endTime: '20:00',
          headcount: 5,
        },
      },
      'not_found',
      'guest_not_found',
    );
    const base = {
      organiserId: guest,
      type: 'social',
      date: '2026-12-10',
      startTime: '18:00',
      endTime: '20:00',
      headcount: 5,
    };
    await desk.refuses('banquets.create', { fields: { ...base, hallIds: [unknown] } }, 'not_found', 'hall_not_found');
    await desk.refuses('banquets.create', { fields: { ...base, courseId: unknown } }, 'not_found', 'course_not_found');
    await desk.refuses(
      'banquets.create',
      { fields: { ...base, attendeeIds: [unknown] } },
      'not_found',
      'guest_not_found',
    );
    const hallId = await desk.hall('梅の間', { seated: 20 });
    await desk.call('halls.delete', { id: hallId });
    await desk.refuses('banquets.create', { fields: { ...base, hallIds: [hallId] } }, 'conflict', 'hall_deleted');
  });
});

describe('halls', () => {
  it('keeps combinations on both halls, without the hall itself, and lists withdrawn halls only when asked', async () => {
    const desk = await salesDesk();
    const matsu = await desk.hall('松の間', { seated: 60 }, { sortOrder: 1 });
    const take = await desk.hall('竹の間', { seated: 30 }, { combinableWith: [matsu], sortOrder: 2 });
    const list = async (includeDeleted = false) => (await desk.call('halls.list', { includeDeleted })).halls;
    expect((await list()).map((h: { name: string; combinableWith: string[] }) => [h.name, h.combinableWith])).toEqual([
      ['松の間', [take]],
      ['竹の間', [matsu]],
    ]);
    await desk.call('halls.update', { id: matsu, fields: { combinableWith: [matsu] } });
    expect((await list()).map((h: { combinableWith: string[] }) => h.combinableWith)).toEqual([[], []]);
    await desk.refuses(
      'halls.update',
      { id: matsu, fields: { combinableWith: ['0190a8c0-0000-7000-8000-000000000000'] } },
      'not_found',
      'hall_not_found',
    );
    await desk.call('halls.delete', { id: take });
    await desk.refuses('halls.delete', { id: take }, 'conflict', 'hall_already_deleted');
    expect((await list()).map((h: { name: string }) => h.name)).toEqual(['松の間']);
    expect((await list(true)).map((h: { name: string }) => h.name)).toEqual(['松の間', '竹の間']);
    await desk.call('halls.restore', { id: take });
    await desk.refuses('halls.restore', { id: take }, 'conflict', 'hall_not_deleted');
    const error = await desk.refuses(
      'halls.create',
      { fields: { name: '空の間', capacity: { seated: 0, standing: 0, theatre: 0 } } },
      'invalid_input',
    );
    expect(error.issues).toEqual([{ path: 'fields.capacity', code: 'capacity_required' }]);
  });

  it('writes every change through the change log', async () => {
    const desk = await salesDesk();
    const before = changeLogCount(desk.db);
    await desk.hall('松の間', { seated: 60 });
    expect(changeLogCount(desk.db)).toBeGreaterThan(before);
  });
});

describe('withdrawn halls', () => {
  it('are restored before they are edited, and never newly named as a hall another opens into', async () => {
    const desk = await salesDesk();
    const matsu = await desk.hall('松の間', { seated: 60 });
    const take = await desk.hall('竹の間', { seated: 30 });
    const gone = await desk.hall('旧館広間', { seated: 30 });
    await desk.call('halls.update', { id: matsu, fields: { combinableWith: [gone] } });
    await desk.call('halls.delete', { id: gone });
    const before = changeLogCount(desk.db);
    const capacity = { seated: 10, standing: 0, theatre: 0 };
    await desk.refuses('halls.update', { id: gone, fields: { name: '幽霊' } }, 'conflict', 'hall_deleted');
    await desk.refuses(
      'halls.create',
      { fields: { name: '梅の間', capacity, combinableWith: [gone] } },
      'conflict',
      'hall_deleted',
    );
    await desk.refuses('halls.update', { id: take, fields: { combinableWith: [gone] } }, 'conflict', 'hall_deleted');
    expect(changeLogCount(desk.db)).toBe(before);
    // A hall that already opened into it keeps it while its other fields change.
    await desk.call('halls.update', { id: matsu, fields: { combinableWith: [gone], note: '襖で仕切れる' } });
  });
});
