// A burst of writes from elsewhere (another PC's batch, a colleague at another window), end to end in real
// Chromium against the HTTP door: the open screen reads again about once per moment, not once per write, and
// still ends on the last of them (renderer/api/changed-events.ts). Before, every write was a search and a
// sync status read, competing with what staff were doing on the same PC. The search page counts the guests
// only while none is on record, and a keystroke's answer is not held back by a refetch of the same query.

import type { Route } from '@playwright/test';
import { CHANGE_WINDOW_MS } from '../../renderer/api/changed-events.ts';
import { expect, test } from './fixtures.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const BURST = 15; // under the search's 20 rows, so the screen can show every one of them

test('a burst of new guests written elsewhere is read in a few refetches, and every one of them ends on screen', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  await page.getByTestId('guest-search').fill('はやし');
  await expect(page.locator('[data-shown-query="はやし"]')).toBeVisible();
  await expect(page.getByTestId('search-result')).toHaveCount(0);

  const asked = { search: 0, status: 0 };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/api/call/guests.search') asked.search++;
    if (path === '/api/call/sync.status') asked.status++;
  });
  const started = Date.now();
  for (let i = 0; i < BURST; i++) {
    const made = await app.running.core.call('guests.create', {
      fields: { familyName: `林${i}`, familyReading: 'はやし' },
    });
    expect(made.ok).toBe(true);
  }

  await expect(page.getByTestId('search-result')).toHaveCount(BURST);
  await expect(page.getByTestId('search-result').filter({ hasText: `林${BURST - 1}` })).toHaveCount(1);
  // At once for the first, then one read per window at most while the events kept coming, and one after.
  const shownMs = Date.now() - started;
  expect(asked.search).toBeLessThanOrEqual(Math.ceil(shownMs / CHANGE_WINDOW_MS) + 2);
  expect(asked.search).toBeLessThan(BURST);
  // The header's sync status is read a second after a write, once for all the writes of that second, and by
  // its own poll every three seconds: over the whole time watched, far fewer reads than writes.
  await page.waitForTimeout(1_500);
  const watchedMs = Date.now() - started;
  expect(asked.status).toBeLessThanOrEqual(Math.ceil(watchedMs / 1_000) + Math.ceil(watchedMs / 3_000) + 1);
  expect(asked.status).toBeLessThan(BURST);
});

test('the empty register’s screen gives way to the first guest written elsewhere, and guests on record are not counted again at every change', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  await expect(page.getByTestId('no-guests')).toBeVisible();
  let counted = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/call/system.info') counted++;
  });
  // While no guest is on record, a guest recorded at another window or PC turns the first-run screen into
  // the search hint.
  const first = await app.running.core.call('guests.create', { fields: { familyName: '林', familyReading: 'はやし' } });
  expect(first.ok).toBe(true);
  await expect(page.getByTestId('search-hint')).toBeVisible();
  expect(counted).toBeGreaterThan(0);

  // From then on, counting every guest (a read of them all) is not repeated for each change a sync brings.
  counted = 0;
  await page.getByTestId('guest-search').fill('はやし');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  for (let i = 0; i < BURST - 1; i++) {
    const made = await app.running.core.call('guests.create', {
      fields: { familyName: `林${i}`, familyReading: 'はやし' },
    });
    expect(made.ok).toBe(true);
  }
  // The search was read again for these changes, so the page has heard them all.
  await expect(page.getByTestId('search-result')).toHaveCount(BURST);
  expect(counted).toBe(0);
});

test('a typed search shows its own answer even when a change made the page ask the same query again meanwhile', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const first = await app.running.core.call('guests.create', { fields: { familyName: '林', familyReading: 'はやし' } });
  expect(first.ok).toBe(true);
  await expect(page.getByTestId('search-hint')).toBeVisible();

  // Every search waits here until the test lets it through, so the order of answers is the test's choice.
  const held: Route[] = [];
  let holding = true;
  await page.route('**/api/call/guests.search', (route) => {
    if (holding) held.push(route);
    else void route.continue();
  });
  await page.getByTestId('guest-search').fill('はやし');
  await expect.poll(() => held.length).toBeGreaterThanOrEqual(1);
  const typed = held.length;
  // A guest recorded elsewhere while the keystroke's answer is on its way: the page asks the query again.
  const second = await app.running.core.call('guests.create', {
    fields: { familyName: '林二', familyReading: 'はやし' },
  });
  expect(second.ok).toBe(true);
  await expect.poll(() => held.length).toBeGreaterThan(typed);

  // The keystroke's answer comes first, and is shown, while the later search is still held.
  await held[0]?.continue();
  await expect(page.locator('[data-shown-query="はやし"]')).toBeVisible();
  await expect(page.getByTestId('search-result')).not.toHaveCount(0);
  holding = false;
  for (const route of held.slice(1)) await route.continue();
  await expect(page.getByTestId('search-result')).toHaveCount(2);
});
