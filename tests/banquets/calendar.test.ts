import { describe, expect, it } from 'vitest';
import { salesDesk } from './helpers.ts';

// The hall calendar of a month and the sales desk's list of deals.

type Deal = { id: string; date: string; startTime: string; hallNames: string[]; stage: string };

describe('the hall calendar', () => {
  it('shows a month of deals in several halls by day and time, without lost ones, and the holds about to lapse', async () => {
    const desk = await salesDesk();
    const matsu = await desk.hall('松の間', { seated: 60 }, { sortOrder: 1 });
    const take = await desk.hall('竹の間', { seated: 30 }, { sortOrder: 2 });
    const gone = await desk.hall('旧館広間', { seated: 30 }, { sortOrder: 3 });
    await desk.call('halls.delete', { id: gone });
    const guest = await desk.guest('山田', '太郎');
    const late = await desk.deal(guest, { date: '2026-12-20', hallIds: [take], startTime: '18:00' });
    const early = await desk.deal(guest, {
      date: '2026-12-20',
      hallIds: [matsu],
      startTime: '12:00',
      endTime: '14:00',
    });
    const first = await desk.deal(guest, { date: '2026-12-01', hallIds: [matsu] });
    const lost = await desk.deal(guest, { date: '2026-12-05', hallIds: [matsu] });
    await desk.advance(lost, 'lost', { lostReason: 'price', competitor: '花月楼', note: '予算' });
    await desk.deal(guest, { date: '2027-01-05', hallIds: [matsu] });
    await desk.advance(first, 'provisional', { holdExpiresOn: '2026-06-20' });
    await desk.advance(late, 'provisional', { holdExpiresOn: '2026-08-01' });
    await desk.advance(early, 'confirmed');

    const month = await desk.call('banquets.calendar', { from: '2026-12-01', to: '2026-12-31' });
    expect(month.halls.map((h: { name: string }) => h.name)).toEqual(['松の間', '竹の間']);
    expect(month.banquets.map((b: Deal) => [b.date, b.startTime, b.hallNames[0], b.stage])).toEqual([
      ['2026-12-01', '18:00', '松の間', 'provisional'],
      ['2026-12-20', '12:00', '松の間', 'confirmed'],
      ['2026-12-20', '18:00', '竹の間', 'provisional'],
    ]);
    // Within a week of today (2026-06-15): the hold lapsing on the 20th, not the one in August.
    expect(month.expiringHolds.map((b: Deal) => b.id)).toEqual([first]);

    const error = await desk.refuses('banquets.calendar', { from: '2026-12-01', to: '2027-03-01' }, 'invalid_input');
    expect(error.issues).toEqual([{ path: 'to', code: 'range_too_long' }]);
  });
});

describe('the list of deals', () => {
  it('lists the latest first, filtered by stage, organiser, name or dates', async () => {
    const desk = await salesDesk();
    const yamada = await desk.guest('山田', '太郎', 'やまだ');
    const sato = await desk.guest('佐藤', '花子', 'さとう');
    const a = await desk.deal(yamada, { date: '2026-11-01', groupName: '山田商事' });
    const b = await desk.deal(sato, { date: '2026-12-01', groupName: '町内会' });
    const c = await desk.deal(yamada, { date: '2027-01-10' });
    await desk.advance(b, 'proposal');
    const ids = async (input: Record<string, unknown>) =>
      (await desk.call('banquets.list', input)).banquets.map((deal: Deal) => deal.id);
    expect(await ids({})).toEqual([c, b, a]);
    expect(await ids({ stages: ['proposal'] })).toEqual([b]);
    expect(await ids({ organiserId: yamada })).toEqual([c, a]);
    expect(await ids({ q: '山田 太郎' })).toEqual([c, a]);
    expect(await ids({ q: 'サトウ' })).toEqual([b]);
    expect(await ids({ q: '町内' })).toEqual([b]);
    expect(await ids({ from: '2026-11-15', to: '2026-12-31' })).toEqual([b]);
  });
});
