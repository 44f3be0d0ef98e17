import { describe, expect, it } from 'vitest';
import { salesDesk } from './helpers.ts';

// Every date field takes days from 1900-01-01 to 2100-12-31: a year 9999 typed for "some day" or 19800 for
// 1980 is refused with its own message, through the same door the screens use. A deal stored before that
// rule (9999-12-20 already in a register) must still be read, reported around, corrected and closed.

type Desk = Awaited<ReturnType<typeof salesDesk>>;

async function issuesOf(desk: Desk, name: string, input: unknown) {
  const result = await desk.core.call(name, input);
  if (result.ok) throw new Error(`${name} should have been refused`);
  expect(result.error.code).toBe('invalid_input');
  return (result.error.issues ?? []).map((issue) => `${issue.path}:${issue.code}`);
}

describe('dates outside 1900–2100', () => {
  it('are refused by every kind of date field, with date_out_of_range, writing nothing', async () => {
    const desk = await salesDesk();
    const guestId = await desk.guest('山田', '太郎');
    const hallId = await desk.hall('松の間', { seated: 40 });
    const dealId = await desk.deal(guestId, { hallIds: [hallId] });
    const stay = { guestId, departureDate: '2026-07-02', rooms: ['101'] };

    const refused: Array<[string, unknown, string]> = [
      [
        'guests.create',
        { fields: { familyName: '古川', familyReading: 'ふるかわ', birthday: '1899/12/31' } },
        'fields.birthday',
      ],
      [
        'stays.create',
        { fields: { ...stay, arrivalDate: '2101-01-01', departureDate: '2101-01-02' } },
        'fields.arrivalDate',
      ],
      [
        'banquets.create',
        {
          fields: {
            organiserId: guestId,
            type: 'bonenkai',
            date: '9999-12-20',
            startTime: '18:00',
            endTime: '20:00',
            headcount: 20,
          },
        },
        'fields.date',
      ],
      ['banquets.update', { id: dealId, fields: { date: '９９９９年１２月２０日' } }, 'fields.date'],
      ['banquets.report', { from: '2026-01-01', to: '9999-12-31' }, 'to'],
      ['banquets.calendar', { from: '1800-01-01', to: '1800-01-31' }, 'from'],
      ['arrivals.forDate', { date: '2200-04-01' }, 'date'],
    ];
    for (const [name, input, path] of refused) {
      await desk.refuses(name, input, 'invalid_input');
      expect(await issuesOf(desk, name, input), name).toContain(`${path}:date_out_of_range`);
    }
    await desk.refuses(
      'banquets.advance',
      { id: dealId, stage: 'provisional', holdExpiresOn: '2101-01-01' },
      'invalid_input',
    );
  });

  it('accept the range’s first and last days', async () => {
    const desk = await salesDesk();
    const guest = await desk.call('guests.create', {
      fields: { familyName: '古川', familyReading: 'ふるかわ', birthday: 'M33.1.1' },
    });
    expect(guest.birthday).toBe('1900-01-01');
    const report = await desk.call('banquets.report', { from: '2091-01-01', to: '2100-12-31' });
    expect(report.revenueByMonth.at(-1).month).toBe('2100-12');
  });

  it('an era date outside its era is refused through the core with date_outside_era', async () => {
    const desk = await salesDesk();
    const input = { fields: { familyName: '古川', familyReading: 'ふるかわ', birthday: '平成31年5月1日' } };
    await desk.refuses('guests.create', input, 'invalid_input');
    expect(await issuesOf(desk, 'guests.create', input)).toEqual(['fields.birthday:date_outside_era']);
  });
});

describe('a deal stored with a year-9999 date before the range was enforced', () => {
  async function legacyDeal(type = 'bonenkai') {
    const desk = await salesDesk();
    const guestId = await desk.guest('山田', '太郎');
    const hallId = await desk.hall('松の間', { seated: 40 });
    const dealId = await desk.deal(guestId, { hallIds: [hallId], type, estimateYen: 100_000 });
    await desk.deal(guestId, { hallIds: [hallId], date: '2026-12-11', estimateYen: 50_000 });
    // What an older version let through: written straight into the row, as it is in such a register.
    desk.db.prepare("UPDATE banquets SET date = '9999-12-20' WHERE id = ?").run(dealId);
    return { desk, dealId };
  }

  it('leaves the reports answering, over any range they accept', async () => {
    const { desk } = await legacyDeal();
    for (const range of [
      { from: '2026-01-01', to: '2026-12-31' },
      { from: '2091-01-01', to: '2100-12-31' },
    ]) {
      const report = await desk.core.call('banquets.report', range);
      expect(report.ok, JSON.stringify(report)).toBe(true);
    }
    const report = await desk.call('banquets.report', { from: '2026-01-01', to: '2026-12-31' });
    expect(report.pipeline.find((row: { stage: string }) => row.stage === 'inquiry')).toMatchObject({
      count: 1,
      valueYen: 50_000,
    });
    expect((await desk.call('banquets.list', {})).banquets.map((deal: { date: string }) => deal.date)).toContain(
      '9999-12-20',
    );
  });

  it('can be cancelled or lost (no call about a party in year 10000), with nothing else of the deal lost', async () => {
    const { desk, dealId } = await legacyDeal();
    const cancelled = await desk.call('banquets.advance', { id: dealId, stage: 'cancelled', note: '日付不明のため' });
    expect(cancelled.banquet.stage).toBe('cancelled');
    expect(cancelled.banquet.date).toBe('9999-12-20');
    expect(cancelled.followUps).toEqual([]);
    const memorial = await legacyDeal('memorial');
    await memorial.desk.call('banquets.update', { id: memorial.dealId, fields: { dateOfDeath: '2025-01-10' } });
    memorial.desk.db.prepare("UPDATE banquets SET date_of_death = '9999-01-10' WHERE id = ?").run(memorial.dealId);
    const lost = await memorial.desk.call('banquets.advance', {
      id: memorial.dealId,
      stage: 'lost',
      lostReason: 'price',
      competitor: 'ホテル松風',
      note: '価格で負けた',
    });
    expect(lost.banquet.stage).toBe('lost');
  });

  it('can be moved to a real date and then taken on as any deal', async () => {
    const { desk, dealId } = await legacyDeal();
    await desk.refuses('banquets.update', { id: dealId, fields: { date: '9999-12-21' } }, 'invalid_input');
    const moved = await desk.call('banquets.update', { id: dealId, fields: { date: 'R8.12.20' } });
    expect(moved.banquet.date).toBe('2026-12-20');
    const confirmed = await desk.call('banquets.advance', { id: dealId, stage: 'confirmed' });
    expect(confirmed.banquet.stage).toBe('confirmed');
  });
});
