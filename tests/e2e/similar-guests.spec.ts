// A regular typed in again as a new guest, end to end in real Chromium against the HTTP door and the core: before
// a second card is made, the guests already on record who are probably that person are shown with what the two
// share, and the desk takes the one on record (with their allergies and stays) or registers a new guest anyway.

import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { createGuest, fillGuestForm, firstRun, open, openForm, TAKAHASHI } from './guest-desk.helpers.ts';
import { openNewGuest } from './service.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('the guest form shows a regular already on record before making a second card; the desk opens theirs, or registers anyway', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const first = await createGuest(page, TAKAHASHI);
  const api = apiFor(page, app);

  // The same man on the phone: his name as the desk types it (高 for 髙, katakana, full-width digits and dashes).
  await openForm(page, 'header-new-guest');
  await fillGuestForm(page, {
    familyName: '高橋',
    givenName: '一郎',
    familyReading: 'タカハシ',
    givenReading: 'イチロウ',
    phone: '０９０−１２３４−５６７８',
  });
  await page.getByTestId('save-guest').click();
  const similar = page.getByTestId('similar-guests');
  await expect(similar).toContainText('同じお客様がすでに登録されているかもしれません');
  const row = similar.getByTestId('similar-guests-guest');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-guest-id', first);
  await expect(row).toContainText('髙橋 一郎 様');
  await expect(row).toContainText('ご宿泊なし');
  await expect(similar.getByTestId('similar-guests-reasons')).toHaveText('電話番号と氏名と読みが一致');
  // The keyboard is on the guest on record: Enter opens their card, and nothing new is recorded.
  await expect(similar.getByTestId('similar-guests-pick')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('guest-form')).toBeHidden();
  await expect(page.getByTestId('guest-card')).toHaveAttribute('data-guest-id', first);
  expect((await api('guests.search', { q: 'たかはし' })).hits.map((hit) => hit.id)).toEqual([first]);

  // Typed again with a new mobile: taking the guest on record would leave that number unsaved, so the button
  // asks once more, beside him, before the form goes; a change to the form takes the list away.
  await openForm(page, 'header-new-guest');
  await fillGuestForm(page, { ...TAKAHASHI, email: '', phone: '080-9999-0000' });
  await page.getByTestId('save-guest').click();
  await expect(similar.getByTestId('similar-guests-reasons')).toHaveText('氏名と読みが一致');
  await fillGuestForm(page, { note: '新しい携帯' });
  await expect(similar).toBeHidden();
  await page.getByTestId('save-guest').click();
  await similar.getByTestId('similar-guests-pick').click();
  await expect(similar.getByTestId('similar-guests-unsaved')).toContainText('保存されません');
  await expect(similar.getByTestId('similar-guests-pick')).toHaveText('保存せずにこのお客様にする');
  await expect(page.getByTestId('guest-form')).toBeVisible();
  await similar.getByTestId('similar-guests-pick').click();
  await expect(page.getByTestId('guest-form')).toBeHidden();
  await expect(page.getByTestId('guest-card')).toHaveAttribute('data-guest-id', first);
  expect((await api('guests.get', { id: first })).phones.map((phone) => phone.number)).toEqual(['090-1234-5678']);

  // His son, of the same name and reading: the desk goes back to the form (入力に戻る), adds a note, and registers
  // him as another guest.
  await openForm(page, 'header-new-guest');
  await fillGuestForm(page, {
    familyName: '髙橋',
    givenName: '一郎',
    familyReading: 'たかはし',
    givenReading: 'いちろう',
  });
  await page.getByTestId('save-guest').click();
  await expect(similar.getByTestId('similar-guests-reasons')).toHaveText('氏名と読みが一致');
  await similar.getByTestId('similar-guests-back').click();
  await expect(similar).toBeHidden();
  await expect(page.getByTestId('guest-form').locator('[name="familyName"]')).toBeFocused();
  await fillGuestForm(page, { note: '髙橋 一郎 様のご子息' });
  await page.getByTestId('save-guest').click();
  await similar.getByTestId('similar-guests-anyway').click();
  await expect(page.getByTestId('guest-form')).toBeHidden();
  const second = await page.getByTestId('guest-card').getAttribute('data-guest-id');
  expect(second).not.toBe(first);
  const { hits } = await api('guests.search', { q: 'たかはし いちろう' });
  expect(hits.map((hit) => hit.id).sort()).toEqual([first, second].sort());
  // What was typed after going back is on the new card.
  expect((await api('guests.get', { id: second ?? '' })).note).toBe('髙橋 一郎 様のご子息');
});

test('a companion typed in with other kanji is the guest on record: the picker chooses them instead of registering', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  const api = apiFor(page, app);
  const taro = await api('guests.create', {
    fields: {
      familyName: '木村',
      givenName: '太郎',
      familyReading: 'きむら',
      givenReading: 'たろう',
      phones: [{ number: '080-5555-0001', label: 'mobile' }],
    },
  });

  await page.getByTestId('add-companion').click();
  const search = page.getByTestId('companion-search');
  // 太朗 for 太郎: the search finds nobody of that name, and the desk starts a new registration.
  await search.pressSequentially('木村 太朗');
  await expect(page.getByTestId('companion-new-start')).toContainText('該当するお客様がいません');
  await search.press('Enter');
  const form = page.getByTestId('companion-new');
  await form.getByTestId('companion-new-familyReading').fill('きむら');
  await form.getByTestId('companion-new-givenReading').fill('たろう');
  await form.getByTestId('companion-new-phone').fill('080-5555-0001');
  await form.getByTestId('companion-new-save').click();

  const similar = page.getByTestId('companion-new-similar');
  await expect(similar.getByTestId('companion-new-similar-guest')).toHaveAttribute('data-guest-id', taro.id);
  // Escape goes back to the short form, with what was typed (not out of it, which would drop it).
  await page.keyboard.press('Escape');
  await expect(similar).toBeHidden();
  await expect(form.getByTestId('companion-new-familyName')).toBeFocused();
  await expect(form.getByTestId('companion-new-givenReading')).toHaveValue('たろう');
  await expect(form).toBeVisible();
  await form.getByTestId('companion-new-save').click();
  await expect(similar.getByTestId('companion-new-similar-reasons')).toHaveText('電話番号と読みが一致');
  await similar.getByTestId('companion-new-similar-pick').click();
  await expect(page.getByTestId('companion-chosen')).toContainText('木村 太郎');
  await page.getByTestId('companion-relationship').selectOption('sibling');
  await page.getByTestId('link-companion').click();
  await expect(page.getByTestId('companion')).toContainText('木村 太郎');
  // No second 木村 太郎 (nor a 太朗) was made.
  const { hits } = await api('guests.search', { q: 'きむら たろう' });
  expect(hits.map((hit) => hit.id)).toEqual([taro.id]);
});
