import { describe, expect, it } from 'vitest';
import { salesDesk } from './helpers.ts';

// What happens the second time round: a family holding its next memorial service here, an organiser booking
// next year's party, a hold extended, a hall withdrawn or made smaller after the inquiry.

type FollowUp = { kind: string; eventDate: string; memorialYear: number | null; status: string; doneBy: string | null };

async function memorialFamily() {
  const desk = await salesDesk('2026-02-01');
  const hallId = await desk.hall('梅の間', { seated: 20 });
  const organiser = await desk.guest('佐藤', '花子', 'さとう');
  const memorial = (date: string) =>
    desk.deal(organiser, {
      type: 'memorial',
      date,
      startTime: '11:00',
      endTime: '13:00',
      hallIds: [hallId],
      headcount: 12,
      deceasedName: '佐藤 一郎',
      dateOfDeath: '2025-03-10',
    });
  return { desk, organiser, memorial };
}

describe('a family and an organiser coming back', () => {
  it('keeps one call per anniversary, and booking the next service answers its call', async () => {
    const { desk, organiser, memorial } = await memorialFamily();
    const first = await memorial('2026-03-08'); // 一周忌
    await desk.advance(first, 'confirmed');
    desk.setToday('2026-03-08');
    await desk.advance(first, 'held');
    // The 三回忌 is booked here the next winter, and held.
    desk.setToday('2026-12-15');
    const second = await memorial('2027-03-07');
    await desk.advance(second, 'confirmed');
    desk.setToday('2027-03-07');
    await desk.advance(second, 'held');

    const calls: FollowUp[] = (await desk.call('followUps.list', { guestId: organiser })).followUps;
    const years = calls.map((call) => call.memorialYear);
    expect(years).toEqual([2, 6, 12, 16, 22, 26, 32]); // each anniversary once
    const sanKaiki = calls.find((call) => call.memorialYear === 2) as FollowUp;
    expect(sanKaiki.status).toBe('done'); // booked, so nobody calls about it again
    expect(sanKaiki.doneBy).not.toBeNull();
    expect(calls.filter((call) => call.status === 'open').map((call) => call.memorialYear)).toEqual([
      6, 12, 16, 22, 26, 32,
    ]);
  });

  it('answers last year’s call when next year’s party is confirmed', async () => {
    const desk = await salesDesk('2025-11-01');
    const hallId = await desk.hall('松の間', { seated: 60 });
    const organiser = await desk.guest('山田', '太郎');
    const lastYear = await desk.deal(organiser, { hallIds: [hallId], date: '2025-12-12' });
    await desk.advance(lastYear, 'confirmed');
    desk.setToday('2025-12-12');
    await desk.advance(lastYear, 'held');
    desk.setToday('2026-09-01');
    const thisYear = await desk.deal(organiser, { hallIds: [hallId], date: '2026-12-11' });
    const open = async () =>
      (await desk.call('followUps.list', { guestId: organiser })).followUps.filter(
        (call: FollowUp) => call.status === 'open',
      );
    expect((await open()).map((call: FollowUp) => call.eventDate)).toEqual(['2026-12-12']);
    await desk.advance(thisYear, 'confirmed');
    expect(await open()).toEqual([]);
  });

  it('refuses to mark a memorial service held without the date of death its anniversaries count from', async () => {
    const desk = await salesDesk('2026-02-01');
    const hallId = await desk.hall('梅の間', { seated: 20 });
    const organiser = await desk.guest('佐藤', '花子', 'さとう');
    const id = await desk.deal(organiser, { type: 'memorial', date: '2026-03-08', hallIds: [hallId], headcount: 12 });
    await desk.advance(id, 'confirmed');
    desk.setToday('2026-03-08');
    await desk.refuses('banquets.advance', { id, stage: 'held' }, 'conflict', 'date_of_death_required');
    await desk.call('banquets.update', { id, fields: { dateOfDeath: '2025-03-10' } });
    const held = await desk.advance(id, 'held');
    expect(held.followUps.length).toBeGreaterThan(0);
  });
});

describe('holds', () => {
  it('extends a provisional hold, keeping both expiries on the timeline, but never past the banquet', async () => {
    const desk = await salesDesk();
    const hallId = await desk.hall('松の間', { seated: 60 });
    const id = await desk.deal(await desk.guest('山田', '太郎'), { hallIds: [hallId], date: '2026-07-10' });
    await desk.advance(id, 'provisional', { holdExpiresOn: '2026-06-22' });
    await desk.refuses(
      'banquets.advance',
      { id, stage: 'provisional', holdExpiresOn: '2026-07-11' },
      'invalid_input',
      'hold_after_banquet',
    );
    const extended = await desk.advance(id, 'provisional', { holdExpiresOn: '2026-06-29' });
    expect(extended.banquet.holdExpiresOn).toBe('2026-06-29');
    expect(
      extended.timeline.map((event: { stage: string; holdExpiresOn: string | null }) => event.holdExpiresOn),
    ).toEqual([null, '2026-06-22', '2026-06-29']);
  });

  it('does not hold a hall withdrawn or made smaller since the inquiry', async () => {
    const desk = await salesDesk();
    const pine = await desk.hall('松の間', { seated: 60 });
    const bamboo = await desk.hall('竹の間', { seated: 60 });
    const organiser = await desk.guest('山田', '太郎');
    const onPine = await desk.deal(organiser, { hallIds: [pine], headcount: 50 });
    const onBamboo = await desk.deal(organiser, { hallIds: [bamboo], headcount: 50, date: '2026-12-11' });
    await desk.call('halls.delete', { id: pine });
    await desk.refuses('banquets.advance', { id: onPine, stage: 'confirmed' }, 'conflict', 'hall_deleted');
    await desk.call('halls.update', { id: bamboo, fields: { capacity: { seated: 10, standing: 0, theatre: 0 } } });
    await desk.refuses('banquets.advance', { id: onBamboo, stage: 'confirmed' }, 'invalid_input', 'over_capacity');
  });

  it('shows a withdrawn hall on the calendar while a deal is on it, and leaves holds of past parties out', async () => {
    const desk = await salesDesk();
    const pine = await desk.hall('松の間', { seated: 60 });
    const organiser = await desk.guest('山田', '太郎');
    const soon = await desk.deal(organiser, { hallIds: [pine], date: '2026-06-20' });
    await desk.advance(soon, 'provisional', { holdExpiresOn: '2026-06-16' });
    const later = await desk.deal(organiser, { hallIds: [pine], date: '2026-06-25' });
    await desk.advance(later, 'confirmed');
    await desk.call('halls.delete', { id: pine });
    const june = await desk.call('banquets.calendar', { from: '2026-06-01', to: '2026-06-30' });
    expect(june.halls.map((hall: { name: string }) => hall.name)).toEqual(['松の間']);
    expect(june.expiringHolds.map((deal: { id: string }) => deal.id)).toEqual([soon]);
    desk.setToday('2026-06-21'); // the party's day has passed: its lapsed hold is history
    const after = await desk.call('banquets.calendar', { from: '2026-07-01', to: '2026-07-31' });
    expect(after.expiringHolds).toEqual([]);
    expect(after.halls).toEqual([]); // nothing on the withdrawn hall in July
  });

  it('takes times typed with the Japanese input on, or without the leading zero', async () => {
    const desk = await salesDesk();
    const organiser = await desk.guest('山田', '太郎');
    const created = await desk.call('banquets.create', {
      fields: {
        organiserId: organiser,
        type: 'meeting',
        date: '2026-07-01',
        startTime: '９：３０',
        endTime: '11:00',
        headcount: 8,
      },
    });
    expect([created.banquet.startTime, created.banquet.endTime]).toEqual(['09:30', '11:00']);
  });
});
