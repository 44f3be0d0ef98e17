// 運営の振り返り (the manager's view), end to end in real Chromium against the real HTTP door and core (run `npm
// run build:renderer` first): the manager opens the page for this month, reads the arrivals and the repeat
// share with their chart, opens the list behind a figure (the allergies due for re-confirmation, with the
// guest's name leading to the card; a staff member's records), and saves a figure as CSV.
// What staff recorded at the desk earlier goes in through the HTTP door.

import { readFile } from 'node:fs/promises';
import { addYears, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('the manager reads this month, opens the list behind a figure and saves a figure as CSV', async ({
  page,
  app,
}) => {
  // A long flow (first run, six records through the door, three lists, a download) on a shared 2-core machine.
  test.setTimeout(90_000);
  const today = localDate(Date.now(), DEFAULT_TIME_ZONE);
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const api = apiFor(page, app);
  const yamada = await guest(api, '山田', '太郎', 'やまだ', 'たろう');
  const suzuki = await guest(api, '鈴木', '一郎', 'すずき', 'いちろう');
  // 山田 stayed a year ago and checked in today (returning); 鈴木 checked in today for the first time.
  const yearAgo = addYears(today, -1);
  await api('stays.create', {
    fields: { guestId: yamada, arrivalDate: yearAgo, departureDate: yearAgo, rooms: ['101'], status: 'departed' },
  });
  for (const [guestId, room, amountYen] of [
    [yamada, '201', 48_000],
    [suzuki, '202', 32_000],
  ] as const) {
    await api('stays.create', {
      fields: { guestId, arrivalDate: today, departureDate: today, rooms: [room], amountYen, status: 'in_house' },
    });
  }
  const request = await api('requests.record', {
    guestId: yamada,
    standing: true,
    category: 'meals',
    text: '朝食は和食',
  });
  await api('requests.setStatus', { id: request.id, status: 'done' });
  // An allergy confirmed two years ago: due again at this check-in.
  await api('allergies.record', {
    guestId: suzuki,
    freeAllergen: 'そば',
    severity: 'allergy',
    tracesOk: false,
    confirmedAt: addYears(today, -2),
  });

  await page.getByTestId('header-menu').click();
  await page.getByTestId('manager-link').click();
  const view = page.getByTestId('manager-page');
  await expect(view.getByRole('heading', { name: '運営の振り返り' })).toBeVisible();
  await expect(page.getByTestId('stat-arrivals-value')).toHaveText('2件');
  await expect(page.getByTestId('stat-repeat-value')).toHaveText('50.0%');
  await expect(page.getByTestId('stat-revenue-value')).toHaveText('¥80,000');
  // This month is shown by week, as a chart and the table under it.
  await expect(page.getByTestId('figure-arrivals')).toContainText('週別');
  await expect(page.getByTestId('figure-arrivals').locator('.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('allergies-overdue-value')).toHaveText('1件');

  // 要再確認 opens the allergies due, the guest's name leading to their card.
  await page.getByTestId('allergies-overdue').click();
  const list = page.getByTestId('figure-list');
  await expect(list).toContainText('要再確認のアレルギー');
  await expect(list.getByTestId('figure-list-row')).toHaveCount(1);
  await expect(list).toContainText('そば');
  await expect(list.getByTestId('figure-list-count')).toHaveText('1〜1件目 / 全1件');
  await list.getByTestId('list-guest').click();
  await expect(page).toHaveURL(new RegExp(`#/guest/${suzuki}$`));
  await expect(page.getByText('鈴木 一郎').first()).toBeVisible();

  // Back on the page: the staff member's requests, and the returning arrivals.
  await page.goBack();
  await expect(page.getByTestId('manager-page')).toBeVisible();
  await page.getByTestId('staff-requests-佐藤 花子').click();
  await expect(list).toContainText('佐藤 花子の記録：要望');
  await expect(list.getByTestId('figure-list-row')).toHaveCount(1);
  await expect(list).toContainText('要望の記録');
  await expect(list).toContainText('山田 太郎');
  await list.getByRole('button', { name: '閉じる' }).click();
  await page.getByTestId('stat-repeat').click();
  await expect(list.getByTestId('figure-list-row')).toHaveCount(1);
  await expect(list).toContainText('山田 太郎');
  await expect(list).toContainText('リピーター');
  await list.getByRole('button', { name: '閉じる' }).click();

  // The arrivals as CSV for Excel: a BOM, Japanese headers, numbers as numbers.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('figure-arrivals-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^arrivals-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFF期間,到着,初めて,リピーター,リピート率 (%),宿泊の売上\r\n')).toBe(true);
  expect(csv).toContain(',2,1,1,50,80000\r\n');
});

test('an earlier visit recorded later makes today’s arrival a returning one on the page and in its list', async ({
  page,
  app,
}) => {
  // The figures come from per-day totals kept by the write path (docs/manager-view.md, Speed): a stay of last
  // year entered today changes today's figure, a day the write never touched.
  test.setTimeout(60_000);
  const today = localDate(Date.now(), DEFAULT_TIME_ZONE);
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const api = apiFor(page, app);
  const suzuki = await guest(api, '鈴木', '一郎', 'すずき', 'いちろう');
  await api('stays.create', {
    fields: { guestId: suzuki, arrivalDate: today, departureDate: today, rooms: ['202'], status: 'in_house' },
  });
  await page.getByTestId('header-menu').click();
  await page.getByTestId('manager-link').click();
  await expect(page.getByTestId('stat-arrivals-value')).toHaveText('1件');
  await expect(page.getByTestId('stat-repeat-value')).toHaveText('0.0%');

  // The ledger of last year turns up: 鈴木 様 had stayed before.
  const yearAgo = addYears(today, -1);
  await api('stays.create', {
    fields: { guestId: suzuki, arrivalDate: yearAgo, departureDate: yearAgo, rooms: ['101'], status: 'departed' },
  });
  await page.reload();
  await expect(page.getByTestId('stat-arrivals-value')).toHaveText('1件');
  await expect(page.getByTestId('stat-repeat-value')).toHaveText('100.0%');
  await page.getByTestId('stat-repeat').click();
  const list = page.getByTestId('figure-list');
  await expect(list.getByTestId('figure-list-row')).toHaveCount(1);
  await expect(list).toContainText('鈴木 一郎');
});
