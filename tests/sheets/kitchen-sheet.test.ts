import { describe, expect, it } from 'vitest';
import { makeKitchenPdf } from '../../electron/sheets/kitchen.ts';
import { kitchenCore, TODAY } from '../kitchen/helpers.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { alertedArrival, arrivalsOf } from './arrivals-fixture.ts';
import { writeTypicalDay } from './typical-day.ts';

// The kitchen sheet of a real day, made through the core's calls: compact enough that a typical day of twelve
// rooms fits on three A4 pages, with every allergen and dish to avoid written out and no room split.

// biome-ignore lint/suspicious/noExplicitAny: call results are read loosely; the contract checks their shape.
type Loose = any;

const NOW = new Date(2026, 5, 15, 7, 30);
/** Text drawn piece by piece and wrapped: compare without whitespace. */
const flat = (text: string) => text.replace(/\s+/g, '');

/** What a room's block must say, as the sheet writes it in Japanese. */
function mustSay(arrival: Loose): string[] {
  return [
    ...arrival.allergies.map((a: Loose) => flat(`${a.nameJa}: ${severityJa[a.severity as string]}`)),
    ...arrival.dishesToAvoid.map((d: Loose) => flat(d.dishName)),
  ];
}
const severityJa: Record<string, string> = {
  anaphylaxis: 'アナフィラキシー',
  allergy: 'アレルギー',
  intolerance: '不耐症',
  dislike: '苦手',
};

describe('the kitchen sheet of a typical day', async () => {
  const k = await kitchenCore();
  const rooms = await writeTypicalDay(k.call, { day: TODAY, earlier: '2025-06-10' });
  const arrivals = await k.call('arrivals.forDate', { date: TODAY });
  const pages = (await pdfPages(await makeKitchenPdf(arrivals, 'ja', { now: NOW }))).map(flat);

  it('is made of twelve typical parties', () => {
    expect(arrivals.arrivals).toHaveLength(12);
    for (const arrival of arrivals.arrivals as Loose[]) {
      expect(arrival.stay.party.length).toBeGreaterThanOrEqual(2);
      expect(arrival.stay.party.length).toBeLessThanOrEqual(4);
      expect(arrival.allergies).toHaveLength(2);
      expect(arrival.menus).toHaveLength(1);
      expect(arrival.dishesToAvoid.length).toBeGreaterThanOrEqual(3);
      expect(arrival.dishesToAvoid.length).toBeLessThanOrEqual(6);
      expect(arrival.dishesToAvoid.some((d: Loose) => d.reasons.includes('served'))).toBe(true);
    }
  });

  it('fits twelve rooms on at most three A4 pages', () => {
    expect(pages.length).toBeLessThanOrEqual(3);
  });

  it('keeps each room whole on one page, with every allergen and every dish to avoid in its block', () => {
    const marker = (i: number) => {
      const { room, leadName } = rooms[i] as { room: string; leadName: string };
      return flat(`${room}${leadName} 様`);
    };
    (arrivals.arrivals as Loose[]).forEach((arrival, i) => {
      const holding = pages.filter((page) => page.includes(marker(i)));
      expect(holding, `room ${arrival.stay.rooms[0]} is on exactly one page`).toHaveLength(1);
      const page = holding[0] as string;
      // The block runs from its heading to the next room's heading (or the page's end).
      const start = page.indexOf(marker(i));
      const next = i + 1 < rooms.length ? page.indexOf(marker(i + 1)) : -1;
      const block = page.slice(start, next > start ? next : undefined);
      for (const text of mustSay(arrival)) expect(block, `room ${arrival.stay.rooms[0]}`).toContain(text);
    });
  });

  it('puts the allergens first in each room’s block, before the dishes to avoid', () => {
    for (const [i, arrival] of (arrivals.arrivals as Loose[]).entries()) {
      const page = pages.find((p) => p.includes(flat(`${rooms[i]?.room}${rooms[i]?.leadName} 様`))) ?? '';
      const block = page.slice(page.indexOf(flat(`${arrival.stay.rooms[0]}`)));
      const allergies = block.indexOf('アレルギー');
      const avoid = block.indexOf('避ける料理');
      expect(allergies).toBeGreaterThan(0);
      expect(avoid).toBeGreaterThan(allergies);
      for (const allergy of arrival.allergies as Loose[]) {
        const at = block.indexOf(flat(`${allergy.nameJa}: ${severityJa[allergy.severity as string]}`));
        expect(at).toBeGreaterThan(allergies);
        expect(at).toBeLessThan(avoid);
      }
    }
  });
});

describe('a room with very many dishes', () => {
  it('shows every one of them, going on over the page break with the room named again and （続き）', async () => {
    const k = await kitchenCore();
    const lead = await k.guest('石原', '浩');
    const partner = await k.guest('石原', '幸子');
    await k.allergy(lead, 'wheat', 'anaphylaxis');
    await k.allergy(partner, 'egg', 'allergy');
    const names = Array.from({ length: 40 }, (_, i) => `小麦の一品${String(i + 1).padStart(2, '0')}`);
    const dishIds: string[] = [];
    for (const name of names) dishIds.push(await k.dish(name, 'other', ['wheat', 'egg']));
    const stayId = await k.stay(lead, {
      rooms: ['梅の間'],
      partyIds: [partner],
      adults: 2,
      arrivalDate: TODAY,
      departureDate: '2026-06-17',
    });
    for (const [date, meal] of [
      [TODAY, 'dinner'],
      ['2026-06-16', 'breakfast'],
      ['2026-06-16', 'dinner'],
    ])
      await k.call('menus.plan', { stayId, date, meal, courseId: null, dishIds });
    const arrivals = await k.call('arrivals.forDate', { date: TODAY });
    expect(arrivals.arrivals[0].dishesToAvoid).toHaveLength(40);

    const pages = (await pdfPages(await makeKitchenPdf(arrivals, 'ja', { now: NOW }))).map(flat);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(flat('梅の間 石原 浩 様'));
    for (const page of pages.slice(1)) {
      expect(page).toContain(flat('梅の間 石原 浩 様（続き）'));
      // The party's allergies head every continued page too, right after the room: the cook need not turn back.
      expect(page).toContain(
        flat(
          '梅の間 石原 浩 様（続き）小麦: アナフィラキシー、コンタミ不可（石原 浩 様）卵: アレルギー、コンタミ不可（石原 幸子 様）',
        ),
      );
    }
    const text = pages.join('');
    for (const name of names) {
      // Once in the dishes to avoid and once per planned meal, each time with its allergen.
      expect(text.split(name).length - 1, name).toBe(4);
    }
    expect(text).toContain(flat('小麦: アナフィラキシー、コンタミ不可（石原 浩 様）'));
    expect(text).toContain(flat('卵: アレルギー、コンタミ不可（石原 幸子 様）'));
  });

  it('never cuts a line: a room longer than a page keeps every dish, the last one too', async () => {
    const crowded = alertedArrival();
    crowded.dishesToAvoid = Array.from({ length: 400 }, (_, i) => ({
      dishId: `dish-${i}`,
      dishName: `避ける一品${String(i + 1).padStart(3, '0')}`,
      reasons: ['allergen' as const],
      severity: 'anaphylaxis' as const,
      lastServed: null,
    }));
    const pages = (await pdfPages(await makeKitchenPdf(arrivalsOf([crowded]), 'ja', { now: NOW }))).map(flat);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join('');
    for (let i = 1; i <= 400; i++) expect(text).toContain(`避ける一品${String(i).padStart(3, '0')}`);
    expect(pages[1]).toContain(flat('201 佐藤 一郎 様（続き）'));
  });
});
