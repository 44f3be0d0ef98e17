// A guest's rights in one sitting, as issue 12 asks, end to end in real Chromium against the real HTTP door and
// core (run `npm run build:renderer` first): the owner reads the month's revenue on the manager's page, discloses
// one guest as JSON and as a PDF, then erases them; afterwards neither the card, the search, an export nor the raw
// data file holds the guest's name or phone, and the month's revenue reads the same.

import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { bytesFound } from '../erasure/helpers.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest } from './floor.helpers.ts';
import { createGuest, firstRun, goHome, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const KURAHASHI = {
  familyName: '鞍橋',
  givenName: '澪',
  familyReading: 'くらはし',
  givenReading: 'みお',
  phone: '090-6420-9753',
};

// A stay long past the 宿泊者名簿's three years, so the erasure holds nothing back and the file can be searched
// for every trace; its month is the one the revenue figure is read for.
const monthStart = (() => {
  const day = new Date(Date.now() - 5 * 366 * 86_400_000);
  return `${day.toISOString().slice(0, 7)}-01`;
})();
const monthEnd = `${monthStart.slice(0, 7)}-28`;
const withinMonth = (day: number) => `${monthStart.slice(0, 7)}-${String(day).padStart(2, '0')}`;

async function revenueOfMonth(page: Page): Promise<string> {
  await page.getByTestId('header-menu').click();
  await page.getByTestId('manager-link').click();
  const view = page.getByTestId('manager-page');
  await view.getByTestId('manager-presets').getByText('期間を指定').click();
  await view.getByTestId('manager-from').fill(monthStart);
  await view.getByTestId('manager-to').fill(monthEnd);
  const revenue = view.getByTestId('stat-revenue-value');
  await expect(revenue).toHaveText('¥70,000');
  return (await revenue.textContent()) ?? '';
}

test('disclosed as JSON and PDF, then erased: found nowhere, and the month’s revenue unchanged', async ({
  page,
  app,
}) => {
  test.setTimeout(90_000);
  await open(page, app.url);
  await firstRun(page, '女将 山田');
  const id = await createGuest(page, KURAHASHI);
  const api = apiFor(page, app);
  await api('stays.create', {
    fields: {
      guestId: id,
      arrivalDate: withinMonth(10),
      departureDate: withinMonth(11),
      rooms: ['201'],
      amountYen: 42_000,
      status: 'departed',
    },
  });
  const other = await guest(api, '佐藤', '一郎', 'さとう', 'いちろう');
  await api('stays.create', {
    fields: {
      guestId: other,
      arrivalDate: withinMonth(12),
      departureDate: withinMonth(13),
      rooms: ['202'],
      amountYen: 28_000,
      status: 'departed',
    },
  });

  const before = await revenueOfMonth(page);

  // The guest asks what is held about them: the card gives it as JSON and as a PDF.
  await page.goto(`${app.url.replace(/#.*$/, '')}#/guest/${id}`);
  await page.getByTestId('disclose-guest').click();
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('disclose-json').click()]);
  const disclosure = JSON.parse((await readFile(await json.path())).toString('utf8'));
  expect(disclosure.guest).toMatchObject({ familyName: KURAHASHI.familyName, phones: [{ number: KURAHASHI.phone }] });
  expect(disclosure.stays).toMatchObject([{ amountYen: 42_000 }]);
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('disclose-pdf').click()]);
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-');
  await page.keyboard.press('Escape');

  // Then to be forgotten.
  await page.getByTestId('erase-guest').click();
  await expect(page.getByTestId('erasure-no-hold')).toBeVisible();
  await page.getByTestId('erasure-reason').fill('ご本人より書面で依頼');
  await page.getByTestId('confirm-erase').click();
  await expect(page.getByTestId('guest-name')).toHaveText('消去済みのお客様');
  await expect(page.getByTestId('guest-card')).not.toContainText(KURAHASHI.familyName);

  await goHome(page);
  for (const query of [KURAHASHI.familyName, KURAHASHI.familyReading, 'kurahashi', '09064209753']) {
    await page.getByTestId('guest-search').fill(query);
    await expect(page.getByTestId('no-results')).toBeVisible();
  }

  // Every guest written out: the other guest is there, the erased one is not.
  await page.getByTestId('guest-search').fill('');
  await page.getByTestId('header-menu').click();
  await page.getByTestId('export-link').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByText('CSV', { exact: true }).click();
  const [exported] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-start').click()]);
  const csv = (await readFile(await exported.path())).toString('utf8');
  expect(csv).toContain('佐藤');
  for (const trace of Object.values(KURAHASHI)) expect(csv).not.toContain(trace);
  await page.keyboard.press('Escape');

  // Not in the data file either, old values in the change log included.
  expect(bytesFound(app.dataFile, Object.values(KURAHASHI))).toEqual([]);

  // The amounts stay for the statistics, under the anonymous id.
  expect(await revenueOfMonth(page)).toBe(before);
});
