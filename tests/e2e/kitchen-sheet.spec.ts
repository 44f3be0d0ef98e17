// The kitchen sheet as staff print it, end to end in real Chromium against the real HTTP door and core (run
// `npm run build:renderer` first): twelve typical parties, put in through the HTTP door as the desk and the
// kitchen would have recorded them, print from the arrivals page's 調理場シート onto at most two A4 pages
// (Chromium's own print to PDF, as Electron's "PDFで保存" does), each room whole on one page with every
// allergen and every dish to avoid, the allergens first.

import type { Page } from '@playwright/test';
import { addDays, localDate } from '../../shared/text/dates.ts';
import { writeTypicalDay } from '../sheets/typical-day.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { type AppFixture, expect, test } from './fixtures.ts';
import { apiFor, openArrivals } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

/** Arrivals a little ahead, so that every plan is for an upcoming stay whatever day the test runs. */
const ARRIVAL = addDays(localDate(Date.now(), 'Asia/Tokyo'), 10);
/**
 * Text to compare: no whitespace, and NFKC, because Chromium's PDF maps some kanji to look-alike Kangxi
 * radicals when pdf.js reads it back (⼀ for 一, ⽼ for 老), which NFKC undoes.
 */
const flat = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
/**
 * Where `needle` is in the page's text. Some kanji come back as CJK radical supplements NFKC leaves alone
 * (⻨ for 麦), so a kanji of the needle also matches one of those; every other character must be the same.
 */
function indexIn(text: string, needle: string): number {
  const pattern = [...flat(needle)]
    .map((c) => (/\p{Script=Han}/u.test(c) ? `(?:${c}|[\u2E80-\u2EFF])` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return text.search(new RegExp(pattern, 'u'));
}

/** The app opened on a new register holding the twelve typical parties arriving on ARRIVAL, put in through the door. */
async function typicalDay(page: Page, app: AppFixture) {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const call = (name: string, input: unknown) => api(name as never, input as never);
  const rooms = await writeTypicalDay(call, {
    day: ARRIVAL,
    earlier: addDays(localDate(Date.now(), 'Asia/Tokyo'), -200),
  });
  return { api, call, rooms };
}

test('twelve typical rooms print on at most two A4 pages, each room whole with its allergens first', async ({
  page,
  app,
}) => {
  test.setTimeout(60_000);
  const { api, rooms } = await typicalDay(page, app);
  const { arrivals } = await api('arrivals.forDate', { date: ARRIVAL });

  await openArrivals(page, ARRIVAL);
  await page.getByTestId('print-kitchen').click();
  const blocks = page.getByTestId('kitchen-row');
  await expect(blocks).toHaveCount(12);
  // In each block the allergies come first: an anaphylaxis red, then the dishes to avoid.
  const first = blocks.first();
  await expect(first.getByTestId('kitchen-allergy').first()).toHaveAttribute('data-severity', 'anaphylaxis');
  await expect(first.getByTestId('kitchen-allergy').first()).toContainText('えび（アナフィラキシー・コンタミ不可）');
  await expect(first.getByTestId('kitchen-allergy').first()).toHaveCSS('color', 'rgb(201, 42, 42)');
  await expect(first.getByTestId('kitchen-avoid').first()).toContainText('海老真丈の椀');

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = (await pdfPages(pdf)).map(flat);
  // The goal is four typical rooms or more a page (three pages); the blocks take two, the old table took three.
  expect(pages.length).toBeLessThanOrEqual(2);

  const marker = (i: number) => `${rooms[i]?.room}${rooms[i]?.leadName} 様`;
  arrivals.forEach((arrival, i) => {
    const holding = pages.filter((text) => indexIn(text, marker(i)) >= 0);
    expect(holding, `room ${rooms[i]?.room} is on exactly one page`).toHaveLength(1);
    const text = holding[0] as string;
    const start = indexIn(text, marker(i));
    const next = i + 1 < rooms.length ? indexIn(text, marker(i + 1)) : -1;
    const block = text.slice(start, next > start ? next : undefined);
    const avoidAt = indexIn(block, '避ける料理');
    for (const allergy of arrival.allergies) {
      const at = indexIn(block, allergy.nameJa);
      expect(at, `${rooms[i]?.room}: ${allergy.nameJa}`).toBeGreaterThan(0);
      expect(at, `${rooms[i]?.room}: ${allergy.nameJa} before the dishes to avoid`).toBeLessThan(avoidAt);
    }
    for (const dish of arrival.dishesToAvoid) {
      expect(indexIn(block.slice(avoidAt), dish.dishName), `${rooms[i]?.room}: ${dish.dishName}`).toBeGreaterThan(0);
    }
  });
});

test('the printed sheet carries what the PDF carries: allergens no dish records, and what to serve instead', async ({
  page,
  app,
}) => {
  test.setTimeout(60_000);
  const { api, call } = await typicalDay(page, app);
  // The first room's lead cannot take alcohol (an allergen no dish in the catalogue records), a companion raw fish.
  const { arrivals: before } = await api('arrivals.forDate', { date: ARRIVAL });
  const [lead, companion] = (before[0] as (typeof before)[number]).stay.party;
  await call('allergies.record', {
    guestId: lead?.guestId,
    freeAllergen: 'アルコール',
    severity: 'anaphylaxis',
    tracesOk: false,
  });
  await call('allergies.record', {
    guestId: companion?.guestId,
    freeAllergen: '生もの',
    severity: 'dislike',
    tracesOk: true,
  });
  const { arrivals } = await api('arrivals.forDate', { date: ARRIVAL });

  await openArrivals(page, ARRIVAL);
  await page.getByTestId('print-kitchen').click();
  const blocks = page.getByTestId('kitchen-row');
  await expect(blocks).toHaveCount(12);
  const unchecked = blocks.first().getByTestId('kitchen-unchecked');
  // Most severe first, the anaphylaxis in red, each with its guest.
  await expect(unchecked).toHaveText([
    `※ アルコール: アナフィラキシー（${lead?.familyName} ${lead?.givenName} 様）`,
    `※ 生もの: 苦手（${companion?.familyName} ${companion?.givenName} 様）`,
  ]);
  await expect(unchecked.first()).toHaveCSS('color', 'rgb(201, 42, 42)');
  // Every planned dish the core offers alternatives for shows them, in every room, as the PDF does.
  let offered = 0;
  for (const [i, arrival] of arrivals.entries()) {
    const block = blocks.nth(i);
    for (const menu of arrival.menus) {
      for (const dish of menu.dishes.filter((d) => d.allergies.length > 0 && d.alternatives.length > 0)) {
        offered++;
        await expect(block).toContainText(`→ ${dish.alternatives.map((alternative) => alternative.name).join('・')}`);
      }
    }
  }
  expect(offered).toBeGreaterThan(0);
});
