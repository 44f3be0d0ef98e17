import { describe, expect, it } from 'vitest';
import { makeBriefingPdf } from '../../electron/sheets/briefing.ts';
import { makeKitchenPdf } from '../../electron/sheets/kitchen.ts';
import { pdfPages, pdfText } from '../support/pdf-text.ts';
import { alertedArrival, arrivalsOf, fullHouse, quietArrival } from './arrivals-fixture.ts';

// 07:30 on the inn's clock (Asia/Tokyo, the default zone), whatever zone the test process runs in.
const NOW = new Date('2026-11-23T07:30:00+09:00');
const day = () => arrivalsOf([alertedArrival(), quietArrival(2), quietArrival(3)]);
/** Table cells wrap anywhere: compare text without line breaks. */
const flat = (text: string) => text.replace(/\s+/g, '');

describe('the briefing sheet', () => {
  it('gives each arriving room its own page, in Japanese, with the alerts and the footer', async () => {
    const pages = await pdfPages(await makeBriefingPdf(day(), 'ja', { now: NOW }));
    expect(pages).toHaveLength(3);
    const [first, second, third] = pages as [string, string, string];
    expect(first).toContain('201');
    expect(first).toContain('佐藤 一郎 様');
    expect(first).toContain('さとう いちろう');
    expect(first).toContain('2026年11月23日(月)');
    expect(first).toContain('ご来館4回目');
    // The lead guest's rank (顧客ランク) before the visits; a guest without one shows none.
    expect(first).toContain('ランク ゴールド');
    expect(second).not.toContain('ランク');
    expect(first).toContain('大人2名・子ども1名');
    expect(first).toContain('2泊');
    expect(first).toContain('アナフィラキシー');
    expect(first).toContain('えび（佐藤 一郎 様）');
    expect(first).toContain('コンタミ不可');
    expect(first).toContain('要再確認');
    expect(first).toContain('【毎回】枕を低いものに');
    expect(first).toContain('佐藤 花子 様 お誕生日 2026年11月24日');
    expect(first).toContain('海老しんじょう');
    expect(first).toContain('2026年11月23日(月) 07:30 印刷');
    expect(first).toContain('1 / 3');
    expect(second).toContain('102');
    expect(second).toContain('初めてのご来館');
    expect(second).not.toContain('アナフィラキシー');
    expect(third).toContain('3 / 3');
  });

  it('lists allergies most severe first whatever order they come in', async () => {
    const text = await pdfText(await makeBriefingPdf(arrivalsOf([alertedArrival()]), 'ja', { now: NOW }));
    const order = ['えび（佐藤 一郎 様）', '小麦（佐藤 花子 様）', '生もの（佐藤 一郎 様）'].map((s) =>
      text.indexOf(s),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('speaks English when asked, with the allergen’s English name', async () => {
    const text = await pdfText(await makeBriefingPdf(day(), 'en', { now: NOW }));
    expect(text).toContain('Room briefing sheet');
    expect(text).toContain('Mon 23 Nov 2026');
    expect(text).toContain('201');
    expect(text).toContain('佐藤 一郎');
    expect(text).toContain('Anaphylaxis');
    expect(text).toContain('Shrimp (佐藤 一郎)');
    expect(text).toContain('[Every visit] 枕を低いものに');
    expect(text).toContain('Printed Mon 23 Nov 2026 07:30');
    expect(text).not.toContain('様');
    // Counted words follow the count: room 201 is two adults and a child for two nights, 102 one night.
    expect(text).toContain('2 adults, 1 child');
    expect(text).toContain('2 nights');
    expect(text).toContain('2 adults, 0 children');
    expect(text).toMatch(/\b1 night\b/);
    expect(text).not.toMatch(/1 children|1 nights/);
  });

  it('says so on a day without arrivals', async () => {
    const pages = await pdfPages(await makeBriefingPdf(arrivalsOf([]), 'ja', { now: NOW }));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('この日の到着はありません');
  });

  it('carries a room whose alerts overflow onto a second page, naming the room again', async () => {
    const crowded = alertedArrival();
    crowded.requests = Array.from({ length: 40 }, (_, i) => ({
      ...(crowded.requests[0] as (typeof crowded.requests)[number]),
      id: `r${i}`,
      text: `ご要望その${i + 1}`,
    }));
    const pages = await pdfPages(await makeBriefingPdf(arrivalsOf([crowded]), 'ja', { now: NOW }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[1]).toContain('201 佐藤 一郎 様');
    expect(pages.join('')).toContain('ご要望その40');
  });
});

describe('the kitchen sheet', () => {
  it('gives each room a block with the allergies, the dishes to avoid and the menu flags', async () => {
    const pages = await pdfPages(await makeKitchenPdf(day(), 'ja', { now: NOW }));
    expect(pages).toHaveLength(1);
    const text = flat(pages[0] as string);
    for (const word of ['調理場シート', '3組', 'アレルギー', '避ける料理', '献立', '201', '102', '103']) {
      expect(text).toContain(flat(word));
    }
    expect(text).toContain(flat('えび: アナフィラキシー、コンタミ不可、要再確認（佐藤 一郎 様）'));
    expect(text).toContain(flat('夕食 秋の会席: 海老しんじょう'));
    expect(text).toContain(flat('アナフィラキシー: 海老しんじょう'));
    expect(text).toContain(flat('前回提供 2025年3月1日: 里芋の煮物（残された）'));
    expect(text).toContain(flat('→ 胡麻豆腐の椀'));
    expect(text).toContain(flat('ほか3品')); // the repeats beyond the first ten, counted
    expect(text).toContain(flat('2026年11月23日(月) 07:30 印刷'));
  });

  it('repeats the page header on every page of a full house, and labels every room’s rows', async () => {
    const pages = await pdfPages(await makeKitchenPdf(fullHouse(30), 'en', { now: NOW }));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain('Kitchen sheet');
      expect(flat(page)).toContain('Dishestoavoid');
      expect(page).toContain(`${i + 1} / ${pages.length}`);
    });
    const text = flat(pages.join(''));
    expect(text).toContain('Shrimp:Anaphylaxis');
    for (let room = 101; room <= 130; room++) expect(text).toContain(String(room));
  });
});
