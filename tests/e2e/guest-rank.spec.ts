// 顧客ランク end to end in real Chromium against the HTTP door: the manager sets a rank rule in the settings
// (previewing how many guests it gives), and the rank shows as a badge on the guest's card, in the search results
// and on the day's arrivals; a manual VIP given on the card wins over it.

import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest, openArrivals, pick } from './floor.helpers.ts';
import { firstRun, open, searchAndOpen } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('a rank rule set in the settings shows as a badge on the card, in search results and on the arrivals', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const today = localDate(Date.now(), DEFAULT_TIME_ZONE);
  const regular = await guest(api, '西園寺', '京子', 'さいおんじ', 'きょうこ');
  await guest(api, '西園寺', '誠', 'さいおんじ', 'まこと');
  for (const [n, back] of [100, 400].entries()) {
    const arrival = addDays(today, -back);
    await api('stays.create', {
      fields: {
        guestId: regular,
        arrivalDate: arrival,
        departureDate: addDays(arrival, 1),
        rooms: [`${n + 1}`],
        status: 'departed',
        amountYen: 45000,
      },
    });
  }
  await api('stays.create', {
    fields: { guestId: regular, arrivalDate: today, departureDate: addDays(today, 1), rooms: ['12'] },
  });

  // The manager's rules: ゴールド at two visits over the last three years, and a manual VIP.
  await page.getByTestId('header-menu').click();
  await page.getByTestId('settings-link').click();
  const rules = page.getByTestId('rank-rules');
  await rules.getByTestId('add-rank').click();
  const gold = rules.getByTestId('rank-rule').nth(0);
  await gold.getByTestId('rank-name').fill('ゴールド');
  await gold.getByTestId('rank-min-visits').fill('2');
  await rules.getByTestId('add-rank').click();
  const vip = rules.getByTestId('rank-rule').nth(1);
  await vip.getByTestId('rank-name').fill('VIP');
  await vip.getByTestId('rank-manual').check();
  // The preview counts before anything is saved: one ゴールド among the two guests on record.
  await rules.getByTestId('preview-ranks').click();
  await expect(gold.getByTestId('rank-preview-count')).toHaveText('1名');
  await expect(vip.getByTestId('rank-preview-count')).toHaveText('0名');
  await expect(rules.getByTestId('rank-preview-total')).toHaveText('登録 2名のうち');
  await rules.getByTestId('save-ranks').click();
  await expect(page.getByTestId('success-notification')).toContainText('ランクの設定を保存しました');

  // Search: the badge on her row, none on her namesake's.
  await page.getByTestId('home').click();
  await page.getByTestId('guest-search').fill('さいおんじ');
  const rows = page.getByTestId('search-result');
  await expect(rows).toHaveCount(2);
  const hers = rows.filter({ has: page.getByText('京子') });
  await expect(hers.getByTestId('hit-rank')).toHaveText('ゴールド');
  await expect(page.getByTestId('hit-rank')).toHaveCount(1);

  // The card: the badge, and a manual VIP given there wins over it.
  await searchAndOpen(page, 'さいおんじ きょうこ');
  const line = page.getByTestId('guest-rank');
  await expect(line.getByTestId('rank-badge')).toHaveText('ゴールド');
  await pick(page, 'manual-rank', 'VIP');
  await expect(line.getByTestId('rank-badge')).toHaveText('VIP');
  await expect(line.getByTestId('rank-badge')).toHaveAttribute('data-manual', 'true');

  // Today's arrivals: her party carries her rank.
  await openArrivals(page, today);
  await expect(page.getByTestId('arrival-rank')).toHaveText('VIP');
});
