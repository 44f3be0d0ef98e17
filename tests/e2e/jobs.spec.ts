// Long jobs end to end in real Chromium, against the core in its worker behind the HTTP door: the progress bar
// shown on every screen, with its name, done/total and a stop button. Jobs here run one unit of work per
// slice, so they last long enough for a person (or this test) to press stop; either outcome (stopped, or done
// before the click landed) must leave the screens and the register right. No duration is asserted.

import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', appOptions: { jobs: { sliceMs: 0 } } });

test('sample data shows its progress bar, and the stop button stops it', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  await page.getByTestId('load-sample-data').click();

  const bar = page.getByTestId('job-progress');
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('data-job-kind', 'demo.load');
  await expect(bar).toContainText('サンプルデータを読み込み中');
  await expect(bar.getByTestId('job-count')).toHaveText(/^[\d,]+ \/ 400$/);
  await expect(bar.getByRole('progressbar')).toBeVisible();

  // The load may finish before the click lands: then there is nothing left to stop.
  const pressed = await bar
    .getByTestId('job-cancel')
    .click({ timeout: 5_000 })
    .then(
      () => true,
      () => false,
    );
  await expect(bar).toBeHidden();
  const api = apiFor(page, app);
  const { guestCount } = await api('system.info', {});
  const cancelled = page.getByTestId('job-cancelled');
  const loaded = page.getByTestId('success-notification').filter({ hasText: 'サンプルのお客様' });
  await expect(cancelled.or(loaded)).toBeVisible();
  if (await cancelled.isVisible()) {
    expect(pressed).toBe(true);
    await expect(cancelled).toContainText('中止しました');
    // A stopped load does not claim to have loaded. What committed before the stop stays, each guest
    // findable: no more guests than asked for, and all 200 when the stop landed in the second half (the
    // past stays, written after every guest). The core's jobs tests stop at a chosen unit and count it.
    await expect(loaded).toHaveCount(0);
    expect(guestCount).toBeLessThanOrEqual(200);
  } else {
    expect(guestCount).toBe(200);
  }
  // A stop is the person's own choice, not an error.
  await expect(page.getByTestId('error-notification')).toHaveCount(0);
  expect(await api('jobs.list', {})).toEqual({ jobs: [] });
  await expect(page.getByTestId('load-sample-data').or(page.getByTestId('search-hint'))).toBeVisible();
  if (guestCount > 0) {
    await page.getByTestId('guest-search').fill('さ');
    await expect(page.getByTestId('search-result').or(page.getByTestId('no-results'))).not.toHaveCount(0);
  }
});

test('the search index is rebuilt from the settings screen while search keeps answering', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  await api('demo.load', { count: 300, seed: 12 });

  await page.getByTestId('header-menu').click();
  await page.getByTestId('settings-link').click();
  await page.getByTestId('rebuild-search-index').click();
  const bar = page.getByTestId('job-progress');
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('検索インデックスを再構築中');

  // Typing a search meanwhile: its answer comes while the rebuild runs in the worker.
  await page.getByTestId('guest-search').fill('た');
  await expect(page.getByTestId('search-result').first()).toBeVisible();

  await expect(
    page.getByTestId('success-notification').filter({ hasText: '検索インデックスを再構築しました（300名）' }),
  ).toBeVisible();
  await expect(bar).toBeHidden();
  await page.getByTestId('guest-search').fill('さ');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
});
