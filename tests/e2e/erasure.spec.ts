// Erasure on a guest's request, end to end in real Chromium against the real HTTP door and core (run
// `npm run build:renderer` first): the manager erases a guest from the card, the confirmation says what goes and
// what stays, then the search finds nothing, the card says 消去済みのお客様, and the data file holds no trace.

import { bytesFound } from '../erasure/helpers.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest } from './floor.helpers.ts';
import { createGuest, firstRun, goHome, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const TODOROKI = {
  familyName: '轟木',
  givenName: '雫',
  familyReading: 'とどろき',
  givenReading: 'しずく',
  phone: '090-7531-8642',
  email: 'shizuku.todoroki@example.jp',
};

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test('a guest erased from the card is found nowhere, and the card says 消去済みのお客様', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page, '女将 山田');
  const id = await createGuest(page, TODOROKI);
  const api = apiFor(page, app);
  // An old stay (five years ago): its amount stays for the statistics, and no register hold applies.
  const stay = await api('stays.create', {
    fields: {
      guestId: id,
      arrivalDate: daysAgo(5 * 366),
      departureDate: daysAgo(5 * 366 - 1),
      rooms: ['201'],
      amountYen: 38000,
    },
  });

  const partner = await guest(api, '佐藤', '一郎', 'さとう', 'いちろう');
  await api('guests.linkCompanion', { guestId: partner, companionId: id, relationship: 'spouse' });
  await page.reload();

  await page.getByTestId('erase-guest').click();
  const confirm = page.getByTestId('erasure-confirm');
  await expect(confirm).toContainText('氏名・読み・ローマ字・電話番号');
  await expect(confirm).toContainText(`匿名のID（${id}）`);
  await expect(confirm).toContainText('この操作は元に戻せません。');
  await expect(page.getByTestId('erasure-no-hold')).toBeVisible();
  await expect(page.getByTestId('confirm-erase')).toBeDisabled(); // a reason first
  await page.getByTestId('erasure-reason').fill('ご本人よりお電話で依頼');
  await page.getByTestId('confirm-erase').click();

  await expect(page.getByTestId('guest-name')).toHaveText('消去済みのお客様');
  await expect(page.getByTestId('erased-id')).toHaveText(`匿名ID：${id}`);
  await expect(page.getByTestId('erase-guest')).toBeHidden();

  await goHome(page);
  for (const query of ['轟木', 'とどろき', 'todoroki', '09075318642', '8642']) {
    await page.getByTestId('guest-search').fill(query);
    await expect(page.getByTestId('no-results')).toBeVisible();
  }
  await page.goto(`${app.url.replace(/#.*$/, '')}#/guest/${id}`);
  await expect(page.getByTestId('guest-name')).toHaveText('消去済みのお客様');
  await expect(page.getByTestId('guest-card')).not.toContainText('轟木');

  // A companion's card keeps the link, without the name.
  await page.goto(`${app.url.replace(/#.*$/, '')}#/guest/${partner}`);
  await expect(page.getByTestId('companion')).toContainText('（消去済み）');

  expect(bytesFound(app.dataFile, Object.values(TODOROKI))).toEqual([]);
  expect(await api('stays.get', { id: stay.id })).toMatchObject({ amountYen: 38000 });
});

test('a guest with a stay this year: the register fields are kept until three years after it', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '女将 山田');
  const id = await createGuest(page, TODOROKI);
  const api = apiFor(page, app);
  await api('stays.create', {
    fields: { guestId: id, arrivalDate: daysAgo(12), departureDate: daysAgo(10), rooms: ['201'], amountYen: 38000 },
  });
  await page.getByTestId('erase-guest').click();
  const hold = page.getByTestId('erasure-hold');
  await expect(hold).toContainText('宿泊者名簿');
  await expect(hold).toContainText(`${Number(daysAgo(10).slice(0, 4)) + 3}年`);
  await page.getByTestId('erasure-reason').fill('ご本人よりメールで依頼');
  await page.getByTestId('confirm-erase').click();
  await expect(page.getByTestId('guest-name')).toHaveText('消去済みのお客様');
  await expect(page.getByTestId('erased-banner')).toContainText('名簿のためだけに保存');
  await goHome(page);
  await page.getByTestId('guest-search').fill('とどろき');
  await expect(page.getByTestId('no-results')).toBeVisible();
});

test('a guest deleted earlier can still be erased at their request, from the deleted card', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page, '女将 山田');
  await createGuest(page, TODOROKI);
  await page.getByTestId('delete-guest').click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('guest-name')).toHaveCSS('text-decoration-line', 'line-through');
  await page.getByTestId('erase-guest').click();
  await page.getByTestId('erasure-reason').fill('ご本人よりお電話で依頼');
  await page.getByTestId('confirm-erase').click();
  await expect(page.getByTestId('guest-name')).toHaveText('消去済みのお客様');
  expect(bytesFound(app.dataFile, [TODOROKI.familyName, TODOROKI.phone])).toEqual([]);
});
