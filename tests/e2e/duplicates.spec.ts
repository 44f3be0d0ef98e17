// 名寄せ end to end in real Chromium against the real HTTP door and core (run `npm run build:renderer` first): two
// cards of one person, each with a stay, found by the duplicate check, merged from the keyboard, the kept card
// showing both stays, then the merge undone and both cards back as they were.

import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { firstRun, open, searchAndOpen } from './guest-desk.helpers.ts';
import { openServiceTab } from './service.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('review a duplicate pair, merge it from the keyboard, see both stays on one card, undo the merge', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const api = apiFor(page, app);
  // The same person registered twice: once with the old kanji and a mobile, once from a booking site with the
  // reading in half-width kana and the number in +81 form.
  const first = await api('guests.create', {
    fields: {
      familyName: '髙橋',
      givenName: '一郎',
      familyReading: 'たかはし',
      givenReading: 'いちろう',
      phones: [{ number: '090-1234-5678', label: 'mobile' }],
    },
  });
  const second = await api('guests.create', {
    fields: {
      familyName: '高橋',
      givenName: '一郎',
      familyReading: 'ﾀｶﾊｼ',
      givenReading: 'ｲﾁﾛｳ',
      phones: [{ number: '+81 90 1234 5678', label: 'home' }],
      email: 'ichiro@example.jp',
    },
  });
  for (const [guestId, arrivalDate, departureDate] of [
    [first.id, '2025-10-10', '2025-10-11'],
    [second.id, '2026-02-01', '2026-02-02'],
  ] as const) {
    await api('stays.create', { fields: { guestId, arrivalDate, departureDate, rooms: ['201'] } });
  }

  await page.getByTestId('header-menu').click();
  await page.getByTestId('duplicates-link').click();
  const screen = page.getByTestId('duplicates-page');
  await expect(screen).toBeVisible();
  await page.getByTestId('scan-duplicates').click();
  const candidate = page.getByTestId('candidate');
  await expect(candidate).toHaveCount(1);
  await expect(page.getByTestId('candidate-reasons')).toHaveText('電話番号と氏名と読みが一致');
  await expect(page.getByTestId('side-a')).toContainText('髙橋 一郎');
  await expect(page.getByTestId('side-b')).toContainText('高橋 一郎');

  // M opens the merge dialog; the kept card is the older one, its empty e-mail takes the other's; Enter merges.
  await page.keyboard.press('m');
  const dialog = page.getByTestId('merge-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('choose-email-b')).toBeChecked();
  await expect(dialog.getByTestId('choose-familyName-a')).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(
    page.getByTestId('success-notification').filter({ hasText: '髙橋 一郎 様のカードに統合しました' }),
  ).toBeVisible();
  await expect(page.getByTestId('duplicates-empty')).toBeVisible();
  const merge = page.getByTestId('merge-row');
  await expect(merge).toContainText('高橋 一郎 様 → 髙橋 一郎 様');

  // The kept card holds both stays; the second card's name (and its half-width reading) finds it.
  await searchAndOpen(page, '高橋一郎');
  await expect(page.getByTestId('guest-card')).toHaveAttribute('data-guest-id', first.id);
  await expect(page.getByTestId('guest-name')).toHaveText('髙橋 一郎');
  await openServiceTab(page);
  await expect(page.getByTestId('stay-row')).toHaveCount(2);
  const search = page.getByTestId('guest-search');
  await search.fill('ﾀｶﾊｼ');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  // The merged card itself says where its records went, and leads there.
  await page.evaluate((guestId) => {
    window.location.hash = `#/guest/${guestId}`;
  }, second.id);
  await expect(page.getByTestId('merged-banner')).toContainText('髙橋 一郎 様のカードに統合されています');
  await expect(page.getByTestId('restore-guest')).toHaveCount(0);
  await page.getByTestId('open-kept-guest').click();
  await expect(page.getByTestId('guest-card')).toHaveAttribute('data-guest-id', first.id);

  // Undo: both cards are back, each with its own stay.
  await page.getByTestId('header-menu').click();
  await page.getByTestId('duplicates-link').click();
  await page.getByTestId('undo-merge').click();
  await expect(page.getByTestId('merge-undone')).toBeVisible();
  await search.fill('たかはし');
  await expect(page.getByTestId('search-result')).toHaveCount(2);
  for (const id of [first.id, second.id]) {
    await page.evaluate((guestId) => {
      window.location.hash = `#/guest/${guestId}`;
    }, id);
    await expect(page.getByTestId('guest-card')).toHaveAttribute('data-guest-id', id);
    await openServiceTab(page);
    await expect(page.getByTestId('stay-row')).toHaveCount(1);
  }
});

test('from the keyboard: ↓ to the next pair, L puts it off to the end, N records two people never proposed again', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const api = apiFor(page, app);
  const phone = [{ number: '080-5555-6666', label: 'mobile' as const }];
  for (let i = 0; i < 2; i++) {
    await api('guests.create', {
      fields: { familyName: '田中', givenName: '太郎', familyReading: 'たなか', givenReading: 'たろう', phones: phone },
    });
    await api('guests.create', {
      fields: {
        familyName: '山本',
        givenName: '誠',
        familyReading: 'やまもと',
        givenReading: 'まこと',
        birthday: '1975-03-03',
      },
    });
  }
  await page.getByTestId('header-menu').click();
  await page.getByTestId('duplicates-link').click();
  await page.getByTestId('scan-duplicates').click();
  const candidates = page.getByTestId('candidate');
  await expect(candidates).toHaveCount(2);
  // The surer pair (same phone too) first.
  await expect(candidates.nth(0)).toContainText('田中 太郎 様と田中 太郎 様');
  await expect(candidates.nth(0)).toHaveAttribute('data-selected', 'true');

  await page.keyboard.press('ArrowDown');
  await expect(candidates.nth(1)).toHaveAttribute('data-selected', 'true');
  await expect(page.getByTestId('candidate-reasons')).toHaveText('氏名と読みと生年月日が一致');
  await page.keyboard.press('l');
  await expect(page.getByTestId('success-notification').filter({ hasText: 'あとで確認します' })).toBeVisible();
  await expect(candidates.nth(1)).toContainText('あとで確認');

  // The selection is on the 田中 pair again: N says they are two people.
  await expect(candidates.nth(0)).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('n');
  await expect(candidates).toHaveCount(1);
  await expect(candidates.nth(0)).toContainText('山本 誠 様と山本 誠 様');
  // A new check does not propose them again.
  await page.getByTestId('scan-duplicates').click();
  await expect(page.getByTestId('success-notification').filter({ hasText: '1組の候補が見つかりました' })).toBeVisible();
  await expect(candidates).toHaveCount(1);
});
