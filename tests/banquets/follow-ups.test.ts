import { describe, expect, it } from 'vitest';
import { salesDesk } from './helpers.ts';

// The calls a finished banquet leaves: next year's party, the family's next memorial services.

type FollowUp = { kind: string; eventDate: string; dueDate: string; memorialYear: number | null; status: string };

describe('follow-up calls', () => {
  it('asks for a call in September about next year’s year-end party once this one is held', async () => {
    const desk = await salesDesk();
    const hallId = await desk.hall('松の間', { seated: 60 });
    const organiser = await desk.guest('山田', '太郎');
    const id = await desk.deal(organiser, { hallIds: [hallId], groupName: '山田商事' });
    await desk.advance(id, 'confirmed');
    expect((await desk.call('followUps.list', { guestId: organiser })).followUps).toEqual([]);
    desk.setToday('2026-12-10');
    const held = await desk.advance(id, 'held');
    expect(held.followUps).toEqual([
      expect.objectContaining({
        kind: 'yearly',
        type: 'bonenkai',
        eventDate: '2027-12-10',
        dueDate: '2027-09-10',
        memorialYear: null,
        status: 'open',
        guestName: '山田 太郎',
        groupName: '山田商事',
      }),
    ]);
    // Not yet due within the default two months; listed when the desk looks that far ahead.
    expect((await desk.call('followUps.list', {})).followUps).toEqual([]);
    const due = await desk.call('followUps.list', { dueBy: '2027-09-30' });
    expect(due.followUps.map((f: FollowUp) => f.eventDate)).toEqual(['2027-12-10']);
  });

  it('lists the memorial anniversaries still ahead after a service, and marks a call done by its staff', async () => {
    const desk = await salesDesk('2026-02-01');
    const hallId = await desk.hall('梅の間', { seated: 20 });
    const organiser = await desk.guest('佐藤', '花子', 'さとう');
    const id = await desk.deal(organiser, {
      type: 'memorial',
      date: '2026-03-08',
      startTime: '11:00',
      endTime: '13:00',
      hallIds: [hallId],
      headcount: 12,
      deceasedName: '佐藤 一郎',
      dateOfDeath: '2025-03-10',
    });
    await desk.advance(id, 'confirmed');
    desk.setToday('2026-03-08');
    const held = await desk.advance(id, 'held');
    expect(held.followUps.map((f: FollowUp) => [f.memorialYear, f.eventDate, f.dueDate])).toEqual([
      [2, '2027-03-10', '2026-12-10'],
      [6, '2031-03-10', '2030-12-10'],
      [12, '2037-03-10', '2036-12-10'],
      [16, '2041-03-10', '2040-12-10'],
      [22, '2047-03-10', '2046-12-10'],
      [26, '2051-03-10', '2050-12-10'],
      [32, '2057-03-10', '2056-12-10'],
    ]);
    expect(held.followUps[0]).toMatchObject({ kind: 'memorial', deceasedName: '佐藤 一郎', guestName: '佐藤 花子' });

    desk.setToday('2026-11-01');
    const open = (await desk.call('followUps.list', {})).followUps;
    expect(open.map((f: FollowUp) => f.memorialYear)).toEqual([2]);
    const done = await desk.call('followUps.setStatus', { id: open[0].id, status: 'done', note: '予約いただいた' });
    expect(done).toMatchObject({ status: 'done', doneByName: '女将 山田', note: '予約いただいた' });
    expect(done.doneAt).not.toBeNull();
    expect((await desk.call('followUps.list', {})).followUps).toEqual([]);
    expect(
      (await desk.call('followUps.list', { status: 'done' })).followUps.map((f: FollowUp) => f.memorialYear),
    ).toEqual([2]);
    const reopened = await desk.call('followUps.setStatus', { id: open[0].id, status: 'open' });
    expect(reopened).toMatchObject({ status: 'open', doneAt: null, doneBy: null });
    expect((await desk.call('followUps.list', { guestId: organiser })).followUps).toHaveLength(7);
    await desk.refuses(
      'followUps.setStatus',
      { id: '0190a8c0-0000-7000-8000-000000000000', status: 'done' },
      'not_found',
      'follow_up_not_found',
    );
  });

  it('still leaves the next call when a yearly party is lost, and only once', async () => {
    const desk = await salesDesk();
    const organiser = await desk.guest('山田', '太郎');
    const id = await desk.deal(organiser, { type: 'shinnenkai', date: '2027-01-08' });
    const lost = await desk.advance(id, 'lost', { lostReason: 'price', competitor: '花月楼', note: '予算' });
    expect(lost.followUps.map((f: FollowUp) => [f.eventDate, f.dueDate])).toEqual([['2028-01-08', '2027-10-08']]);
    const cancelledMeeting = await desk.deal(organiser, { type: 'meeting' });
    const cancelled = await desk.advance(cancelledMeeting, 'cancelled', { note: '中止' });
    expect(cancelled.followUps).toEqual([]);
  });
});
