import { describe, expect, it } from 'vitest';
import { makeStaffedCore } from '../support/core.ts';

// guests.retentionReview through the core's door: who is listed after the inn's retention period (the
// setting retentionYears, 5 by default) without a stay or anything else recorded, on the inn's days.

/** Noon in Tokyo (the inn's default zone) of a day. */
const noonInTokyo = (date: string) => Date.parse(`${date}T03:00:00Z`);

async function innOn(start: string) {
  let now = noonInTokyo(start);
  const clock = () => {
    now += 1;
    return now;
  };
  const test = await makeStaffedCore({ clock });
  /** Moves the inn's today forward (the change log's clock never goes back). */
  const setToday = (date: string) => {
    now = Math.max(now, noonInTokyo(date));
  };
  const guest = async (familyName: string, familyReading: string) =>
    (await test.call('guests.create', { fields: { familyName, familyReading } })).id as string;
  const listed = async () =>
    (await test.call('guests.retentionReview', {})).guests.map((row: { familyName: string }) => row.familyName);
  return { ...test, setToday, guest, listed };
}

describe('retention review', () => {
  it('lists a guest from the day their last activity is more than the set years old, not on the day itself', async () => {
    const inn = await innOn('2020-03-10');
    await inn.guest('青木', 'あおき');
    inn.setToday('2025-03-10');
    expect(await inn.listed()).toEqual([]);
    inn.setToday('2025-03-11');
    const review = await inn.call('guests.retentionReview', {});
    expect(review).toMatchObject({ years: 5, before: '2020-03-11', total: 1 });
    expect(review.guests).toEqual([
      expect.objectContaining({ familyName: '青木', lastStay: null, stays: 0, lastActivity: '2020-03-10' }),
    ]);
  });

  it('keeps off the list a guest with a recent stay, as lead or in a party, and counts the stays of one who is listed', async () => {
    const inn = await innOn('2015-01-05');
    const old = await inn.guest('古川', 'ふるかわ');
    const lead = await inn.guest('新井', 'あらい');
    const member = await inn.guest('中村', 'なかむら');
    await inn.call('stays.create', {
      fields: { guestId: old, arrivalDate: '2015-01-05', departureDate: '2015-01-06', rooms: ['101'] },
    });
    await inn.call('stays.create', {
      fields: { guestId: old, arrivalDate: '2015-02-01', departureDate: '2015-02-02', rooms: ['101'] },
    });
    await inn.call('stays.create', {
      fields: {
        guestId: old,
        arrivalDate: '2015-03-01',
        departureDate: '2015-03-02',
        rooms: ['101'],
        status: 'cancelled',
      },
    });
    inn.setToday('2022-06-01');
    await inn.call('stays.create', {
      fields: {
        guestId: lead,
        arrivalDate: '2022-06-01',
        departureDate: '2022-06-02',
        rooms: ['102'],
        partyIds: [member],
      },
    });
    inn.setToday('2026-06-01');
    const review = await inn.call('guests.retentionReview', {});
    expect(review.guests.map((row: { familyName: string }) => row.familyName)).toEqual(['古川']);
    // The cancelled booking is activity (the guest was in touch) but not a stay.
    expect(review.guests[0]).toMatchObject({ lastStay: '2015-02-01', stays: 2, lastActivity: '2015-03-02' });
  });

  it('counts an allergy or request recorded lately as activity, and leaves deleted guests out', async () => {
    const inn = await innOn('2018-04-01');
    const told = await inn.guest('石田', 'いしだ');
    const gone = await inn.guest('上田', 'うえだ');
    await inn.guest('遠藤', 'えんどう');
    await inn.call('guests.delete', { id: gone });
    inn.setToday('2023-05-01');
    await inn.call('requests.record', { guestId: told, standing: true, category: 'room', text: '禁煙室' });
    inn.setToday('2024-01-01');
    expect(await inn.listed()).toEqual(['遠藤']);
  });

  it('follows the years the manager sets', async () => {
    const inn = await innOn('2023-01-10');
    await inn.guest('小田', 'おだ');
    inn.setToday('2025-01-11');
    expect(await inn.listed()).toEqual([]);
    await inn.call('settings.update', { patch: { retentionYears: 2 } });
    const review = await inn.call('guests.retentionReview', {});
    expect(review).toMatchObject({ years: 2, before: '2023-01-11' });
    expect(review.guests.map((row: { familyName: string }) => row.familyName)).toEqual(['小田']);
  });

  it('leaves out a guest already erased: there is nothing left to review', async () => {
    const inn = await innOn('2018-04-01');
    const erased = await inn.guest('松田', 'まつだ');
    await inn.guest('森', 'もり');
    inn.setToday('2025-04-02');
    expect(await inn.listed()).toEqual(['松田', '森']);
    await inn.call('guests.erase', { id: erased, reason: '保存期間の見直し' });
    const review = await inn.call('guests.retentionReview', {});
    expect(review.total).toBe(1);
    expect(review.guests.map((row: { familyName: string }) => row.familyName)).toEqual(['森']);
  });
});
