// 書き出し end to end in real Chromium: the desk searches, opens the export from the menu with that search
// already chosen, and saves the file; the download holds every guest the search finds (more than the page
// of results shows), in a CSV that Excel reads as UTF-8, and an .xlsx with its Japanese sheets.

import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('exports the guests a search finds to CSV, all of them, from the menu', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  for (let index = 1; index <= 25; index++) {
    await api('guests.create', { fields: { familyName: '佐藤', givenName: `${index}郎`, familyReading: 'さとう' } });
  }
  await api('guests.create', {
    fields: {
      familyName: '佐藤',
      givenName: '花',
      familyReading: 'さとう',
      givenReading: 'はな',
      phones: [{ number: '+81 90-1111-2222', label: 'mobile' }],
      note: '=1+1',
    },
  });
  await api('guests.create', { fields: { familyName: '鈴木', familyReading: 'すずき' } });

  await page.getByTestId('guest-search').fill('さとう');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  await page.getByTestId('header-menu').click();
  await page.getByTestId('export-link').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByText('お客様の記録を書き出す')).toBeVisible();
  // The search the desk was looking at is the filter already.
  await expect(dialog.getByTestId('export-query')).toHaveValue('さとう');
  await dialog.getByText('CSV', { exact: true }).click();
  await expect(dialog.getByTestId('export-kind-guests')).toBeChecked();

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-start').click()]);
  expect(download.suggestedFilename()).toMatch(/^yadocho-お客様-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(dialog.getByTestId('export-done')).toContainText('26行を書き出しました');
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  expect(lines[0]).toMatch(/^お客様ID,姓,名,せい,めい,電話,/);
  expect(lines).toHaveLength(27);
  expect(lines.slice(1).every((line) => line.split(',')[1] === '佐藤')).toBe(true);
  expect(lines.some((line) => line.includes('鈴木'))).toBe(false);
  const hana = lines.find((line) => line.includes(',花,')) as string;
  expect(hana).toContain(',+81 90-1111-2222,');
  expect(hana).toContain(",'=1+1,");
});

test('exports the stays of a period to Excel with a sheet per kind', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const guest = (await api('guests.create', {
    fields: { familyName: '山田', givenName: '太郎', familyReading: 'やまだ', givenReading: 'たろう' },
  })) as { id: string };
  await api('stays.create', {
    fields: {
      guestId: guest.id,
      arrivalDate: '2026-04-01',
      departureDate: '2026-04-03',
      rooms: ['桜'],
      amountYen: 54000,
    },
  });

  await page.getByTestId('header-menu').click();
  await page.getByTestId('export-link').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-filter-dates').click();
  await dialog.getByTestId('export-from').fill('2026-04-01');
  await dialog.getByTestId('export-to').fill('2026-04-30');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-start').click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await download.path())) as unknown as ExcelJS.Buffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['お客様', '宿泊', 'アレルギー', '要望']);
  const stays = workbook.getWorksheet('宿泊') as ExcelJS.Worksheet;
  const header = (stays.getRow(1).values as string[]).slice(1);
  const row = stays.getRow(2);
  expect(row.getCell(header.indexOf('姓') + 1).value).toBe('山田');
  expect(row.getCell(header.indexOf('部屋') + 1).value).toBe('桜');
  expect(row.getCell(header.indexOf('金額（円）') + 1).value).toBe(54000);
  expect(row.getCell(header.indexOf('到着日') + 1).value).toEqual(new Date(Date.UTC(2026, 3, 1)));
});

test.describe('a long export', () => {
  test.use({ appOptions: { jobs: { sliceMs: 0 } } });

  test('shows its progress with a stop button, and a stopped export saves no file', async ({ page, app }) => {
    await open(page, app.url);
    await firstRun(page);
    const api = apiFor(page, app);
    await api('demo.load', { count: 3000, seed: 4 });
    await page.getByTestId('header-menu').click();
    await page.getByTestId('export-link').click();
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog.getByTestId('export-filter-all')).toBeChecked();
    let downloads = 0;
    page.on('download', () => {
      downloads++;
    });
    await dialog.getByTestId('export-start').click();
    const progress = dialog.getByTestId('export-progress');
    // The export may finish before the click lands (one batch per slice, but a fast machine): then it is done.
    const pressed = await progress
      .getByTestId('export-cancel')
      .click({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    await expect(progress).toBeHidden({ timeout: 60_000 });
    const done = dialog.getByTestId('export-done');
    const cancelled = page.getByTestId('job-cancelled');
    await expect(done.or(cancelled)).toBeVisible();
    if (await cancelled.isVisible()) {
      expect(pressed).toBe(true);
      await expect(done).toHaveCount(0);
      expect(downloads).toBe(0);
    } else {
      await expect(done).toContainText('行を書き出しました');
    }
    // Stopping is the person's choice, not an error.
    await expect(page.getByTestId('error-notification')).toHaveCount(0);
    expect(await api('jobs.list', {})).toEqual({ jobs: [] });
  });
});
