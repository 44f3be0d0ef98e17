// Screenshots for the docs (docs/images/search.png, docs/images/guest-card.png), taken from the real app with
// sample data: `npm run screenshots` (its own Playwright project, not part of `npm test`).

import { expect, test } from './fixtures.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('screenshots of the search page and a guest card', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  await page.getByTestId('load-sample-data').click();
  await expect(page.getByTestId('search-hint')).toBeVisible();
  await page.getByTestId('guest-search').fill('た'); // sample data is random: one kana finds many
  await expect(page.getByTestId('search-result').nth(5)).toBeVisible();

  await expect(page.getByText('サンプルのお客様を200名追加しました')).toBeHidden({ timeout: 10_000 });
  await page.screenshot({ path: 'docs/images/search.png' });

  await page
    .getByTestId('search-result')
    .filter({ hasText: /株式会社|協会|組合/ })
    .first()
    .click();
  await expect(page.getByTestId('guest-card')).toBeVisible();
  await expect(page.getByTestId('guest-organization')).toBeVisible();
  await page.screenshot({ path: 'docs/images/guest-card.png' });
});
