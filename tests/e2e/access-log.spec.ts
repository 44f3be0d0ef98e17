// 閲覧記録 end to end in real Chromium against the real HTTP door and core (run `npm run build:renderer` first): a
// guest card opened (twice: one look), the day's sheet saved as a PDF and a room's sheet printed, then the manager's screen says each in
// words, filters by action and guest, and saves the filtered list as a CSV Excel opens.

import { readFile } from 'node:fs/promises';
import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest, openArrivals, pick } from './floor.helpers.ts';
import { firstRun, goHome, open, searchAndOpen } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const ARRIVAL = addDays(localDate(Date.now(), DEFAULT_TIME_ZONE), 3);

function japaneseDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

test('a card opened and a sheet printed are in 閲覧記録, in words, and in its CSV', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page, '女将 山田');
  const api = apiFor(page, app);
  const yamada = await guest(api, '佐藤', '花子', 'さとう', 'はなこ');
  await api('stays.create', {
    fields: { guestId: yamada, arrivalDate: ARRIVAL, departureDate: addDays(ARRIVAL, 1), rooms: ['201'], adults: 1 },
  });

  // The desk opens the card, goes back to the search and opens it again: one look.
  await searchAndOpen(page, 'さとう');
  await goHome(page);
  await searchAndOpen(page, 'さとう');

  // The day's briefing sheet, saved as a PDF (the HTTP door makes it, and records it).
  await openArrivals(page, ARRIVAL);
  await page.getByTestId('print-briefing').click();
  await expect(page.getByTestId('print-page')).toHaveAttribute('data-sheet', 'briefing');
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-pdf').click()]);
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');
  await page.getByTestId('print-back').click();
  // The room's own sheet, sent to the printer (the page hears beforeprint, as with Ctrl+P).
  await page.getByTestId('arrival-sheet').click();
  await expect(page.getByTestId('print-page')).toBeVisible();
  await page.getByTestId('print-now').click();
  await page.getByTestId('print-back').click();

  await page.getByTestId('header-menu').click();
  await page.getByTestId('access-log-link').click();
  await expect(page.getByTestId('access-log-page')).toBeVisible();
  const entries = page.getByTestId('access-entry');
  await expect(entries).toHaveCount(3);
  // Newest first: the room's sheet printed, the day's sheet saved, the card opened.
  const what = (index: number) => entries.nth(index).getByTestId('access-entry-what');
  await expect(what(0)).toHaveText(
    `女将 山田が佐藤 花子 様の客室別ご案内シート（${japaneseDay(ARRIVAL)}到着）を印刷しました`,
  );
  await expect(what(1)).toHaveText(`女将 山田が${japaneseDay(ARRIVAL)}到着分の客室別ご案内シートをPDFで保存しました`);
  await expect(what(2)).toHaveText('女将 山田が佐藤 花子 様のお客様カードを開きました');
  await expect(entries.nth(2).getByTestId('access-entry-pc')).toHaveText(/^このPC（[0-9a-f]{8}）$/);
  // The inn's time, as every screen writes it: 2026/12/03 10:05.
  await expect(entries.nth(2).getByTestId('access-entry-when')).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}$/);

  // Only the cards opened.
  await pick(page, 'access-log-action', 'カードを開いた');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toHaveAttribute('data-action', 'card_opened');
  await page.getByTestId('access-log-action').click();
  await page.getByRole('option', { name: 'カードを開いた', exact: true }).click(); // chosen again: cleared
  await expect(entries).toHaveCount(3);

  // Only what concerns one guest: the whole day's sheet was about no one in particular.
  await page.getByTestId('access-log-guest').fill('さとう');
  await page.getByTestId('access-log-guest-hit').first().click();
  await expect(page.getByTestId('access-log-guest-chosen')).toContainText('佐藤 花子 様');
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toHaveAttribute('data-action', 'sheet_printed');
  await expect(entries.nth(1)).toHaveAttribute('data-action', 'card_opened');

  // The filtered list as a CSV that Excel opens (UTF-8 with BOM), the sentence in its own column.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('access-log-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(/^yadocho-閲覧記録-.*\.csv$/);
  const text = (await readFile(await csv.path())).toString('utf8');
  expect(text.startsWith('\uFEFF日時,担当者,操作,お客様,内容,PC\r\n')).toBe(true);
  expect(text).toContain('女将 山田,カードを開いた,佐藤 花子 様,女将 山田が佐藤 花子 様のお客様カードを開きました,');
  expect(text.trimEnd().split('\r\n')).toHaveLength(3);
});
