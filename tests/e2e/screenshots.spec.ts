// Screenshots for the docs (docs/images/*.png), taken from the real app with the sample data:
// `npm run screenshots` (its own Playwright project, not part of `npm test`).
//   search.png         the search page, one kana typed
//   guest-card.png     a guest card (a guest with a company)
//   arrivals.png       本日の到着 with the sample day: alerts, celebrations, planned menus
//   guest-service.png  a returning guest with an anaphylaxis, the 宿泊・食事 tab open
//   menu-planning.png  that guest's stay: tonight's course with allergen and repeat flags
//   banquet-reports.png  the banquet reports over the sample deals of the last twelve months

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Arrival } from '../../shared/contract/arrivals.ts';
import { localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

// The inn is in Japan: the server reads "today" in the inn's zone (Tokyo by default), the browser is there too.
test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const SAMPLE_LOADED = /サンプルのお客様200名と/;

/** The returning party whose lead has an anaphylaxis and whose dinner tonight repeats dishes from before. */
function showcase(arrivals: Arrival[]): Arrival {
  const found = arrivals.find(
    (arrival) =>
      arrival.visitCount > 0 &&
      arrival.allergies.some((a) => a.severity === 'anaphylaxis' && a.guestId === arrival.stay.guestId) &&
      arrival.menus.some((menu) => menu.dishes.some((dish) => dish.servedBefore.length > 0)),
  );
  if (!found) throw new Error('the sample day has no returning anaphylaxis party with a planned menu');
  return found;
}

test('screenshots of the search page, a guest card, the arrivals, a guest’s service tab and menu planning', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  await page.getByTestId('load-sample-data').click();
  await expect(page.getByTestId('search-hint')).toBeVisible();
  // Backed up, as an inn's register should be: no backup warning across the screenshots.
  const backups = join(dirname(app.dataFile), 'backups');
  mkdirSync(backups);
  await apiFor(page, app)('backups.configure', { folder: backups });
  await apiFor(page, app)('backups.run', {});
  await expect(page.getByTestId('backup-warning')).toBeHidden();
  await page.getByTestId('guest-search').fill('た'); // sample data is random: one kana finds many
  await expect(page.getByTestId('search-result').nth(5)).toBeVisible();

  await expect(page.getByText(SAMPLE_LOADED)).toBeHidden({ timeout: 10_000 });
  await page.screenshot({ path: 'docs/images/search.png' });

  await page
    .getByTestId('search-result')
    .filter({ hasText: /株式会社|協会|組合/ })
    .first()
    .click();
  await expect(page.getByTestId('guest-card')).toBeVisible();
  await expect(page.getByTestId('guest-organization')).toBeVisible();
  await page.screenshot({ path: 'docs/images/guest-card.png' });

  // 本日の到着: the day the sample data made around today.
  const today = localDate(Date.now(), DEFAULT_TIME_ZONE);
  const { arrivals } = await apiFor(page, app)('arrivals.forDate', { date: today });
  expect(arrivals.length).toBeGreaterThanOrEqual(10);
  await page.getByTestId('header-arrivals').click();
  await expect(page.getByTestId('arrivals-page')).toHaveAttribute('data-date', today);
  await expect(page.getByText('本日の到着').first()).toBeVisible();
  await expect(page.getByTestId('arrival')).toHaveCount(arrivals.length);
  await expect(page.getByTestId('arrival-allergy').first()).toBeVisible();
  await page.screenshot({ path: 'docs/images/arrivals.png' });

  // A returning guest with an anaphylaxis: the alert on top, the 宿泊・食事 tab with visits and dishes.
  const chosen = showcase(arrivals);
  const card = page.locator(`[data-testid="arrival"][data-stay-id="${chosen.stay.id}"]`);
  await card.getByTestId('arrival-lead').click();
  await expect(page.getByTestId('guest-card')).toHaveAttribute('data-guest-id', chosen.stay.guestId);
  await page.getByTestId('service-tab').click();
  await expect(page.getByTestId('service-panel')).toBeVisible();
  await expect(page.getByTestId('alert-allergy').first()).toContainText('アナフィラキシー');
  await expect(page.getByTestId('visit-count')).toBeVisible();
  await page.screenshot({ path: 'docs/images/guest-service.png', fullPage: true });

  // Their stay: tonight's course, each dish with its allergen and "served before" flags.
  await page.getByTestId('header-arrivals').click();
  await expect(page.getByTestId('arrivals-page')).toBeVisible();
  await card.getByTestId('arrival-open-stay').click();
  await expect(page.getByTestId('stay-page')).toHaveAttribute('data-stay-id', chosen.stay.id);
  const menu = page.getByTestId('planned-menu').first();
  await expect(menu.getByTestId('dish-anaphylaxis').first()).toBeVisible();
  await expect(menu.getByTestId('dish-repeated').first()).toBeVisible();
  // From the top: a full-page shot taken scrolled down would paint the sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/images/menu-planning.png', fullPage: true });

  // Banquet reports: the sample deals of the last twelve months in the four charts.
  await page.getByTestId('guest-search').fill(''); // the search shot's kana would stay in the header
  await page.getByTestId('header-banquets').click();
  await page.getByTestId('banquet-nav-reports').click();
  await expect(page.getByTestId('reports-page')).toBeVisible();
  for (const card of ['report-pipeline', 'report-lost', 'report-revenue', 'report-hit-rate']) {
    // Every chart has something to draw in the sample year (a bar of zero draws no path).
    await expect(page.getByTestId(card).locator('.recharts-bar-rectangle path')).not.toHaveCount(0);
  }
  await page.waitForTimeout(1500); // recharts grows its bars in; the shot waits for them to settle
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/images/banquet-reports.png', fullPage: true });
});
