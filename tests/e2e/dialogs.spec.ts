// Dialogs on the desk's 1366×768 screen, in real Chromium against the real HTTP door and core (run
// `npm run build:renderer` first): a memo near its limit counts, past it says the limit, and the form's first
// field and its buttons stay in view while messages show; the banquet dialog keeps its buttons in view with
// its messages; the 「未対応の要望」 chip opens the requests; an allergy and a request are recorded from the
// card's first tab in four interactions at most.

import { openBanquets } from './banquets.helpers.ts';
import { expectWhollyInView, NOTEBOOK } from './dialogs.helpers.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest } from './floor.helpers.ts';
import { firstRun, open, openForm } from './guest-desk.helpers.ts';
import { countInteractions, openNewGuest } from './service.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: NOTEBOOK });

test('a memo counts near its limit and names it when passed, the name field and save button in view', async ({
  page,
  app,
}) => {
  const id = await openNewGuest(page, app.url);
  await openForm(page, 'edit-guest');
  const form = page.getByTestId('guest-form');
  const note = form.locator('[name="note"]');
  const counter = form.getByTestId('note-counter');

  // Far from the limit: no counter.
  await note.fill('あ'.repeat(1000));
  await expect(counter).toBeHidden();
  // From 80 % on, the counter, with the numbers written as staff read them.
  await note.fill('あ'.repeat(1600));
  await expect(counter).toHaveText('1,600 / 2,000文字');
  await expect(counter).toHaveAttribute('data-over', 'false');
  await expect(form).not.toContainText('文字以内');

  // Past it: the counter turns, and the message says the limit, before saving and after.
  await note.fill('あ'.repeat(2050));
  await expect(counter).toHaveText('2,050 / 2,000文字');
  await expect(counter).toHaveAttribute('data-over', 'true');
  await expect(form).toContainText('2,000文字以内で入力してください');
  await page.getByTestId('save-guest').click();
  await expect(form).toContainText('2,000文字以内で入力してください');
  await expect(form).toContainText('入力内容を確認してください');
  await expect(form).not.toContainText('長すぎます');

  // The dialog's title, its first field and its buttons are all on screen, the messages shown.
  await expectWhollyInView(page, page.getByRole('dialog').getByText('お客様情報の編集'));
  await expectWhollyInView(page, form.locator('[name="familyName"]'));
  await expectWhollyInView(page, page.getByTestId('save-guest'));
  await expectWhollyInView(page, form.getByRole('button', { name: 'キャンセル' }));
  await expectWhollyInView(page, counter);

  // Nothing was saved: the guest's memo is as it was.
  const stored = await apiFor(page, app)('guests.get', { id });
  expect(stored.note).toBe('');
});

test('the banquet dialog keeps its first field and buttons in view with its messages shown', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  await guest(apiFor(page, app), '小林', '健', 'こばやし', 'けん');
  await openBanquets(page);
  await page.getByTestId('new-inquiry').click();
  const form = page.getByTestId('banquet-form');
  // The longest form: a memorial service (its two more fields), an end before the start, a memo past its limit,
  // and no organiser chosen.
  await form.getByTestId('banquet-type').click();
  await page.getByRole('option', { name: '法要', exact: true }).click();
  await form.getByTestId('banquet-group').fill('小林家 一周忌');
  await form.getByTestId('banquet-start').fill('20:00');
  await form.getByTestId('banquet-end').fill('18:00');
  await form.getByTestId('banquet-note').fill('い'.repeat(2100));
  await page.getByTestId('save-banquet').click();
  await expect(form).toContainText('2,000文字以内で入力してください');
  await expect(form.getByTestId('banquet-note-counter')).toHaveText('2,100 / 2,000文字');
  await expect(form).toContainText('入力内容を確認してください');

  await expectWhollyInView(page, page.getByTestId('save-banquet'));
  await expectWhollyInView(page, form.getByRole('button', { name: 'キャンセル' }));
  await expectWhollyInView(page, form.getByTestId('banquet-group'));
  await expectWhollyInView(page, page.getByRole('dialog').getByText('新しい問い合わせ'));
});

test('the open-requests chip opens the requests, wherever the card was', async ({ page, app }) => {
  const id = await openNewGuest(page, app.url);
  const api = apiFor(page, app);
  await api('requests.record', { guestId: id, standing: true, category: 'meals', text: '朝食は和食で' });
  await api('requests.record', { guestId: id, standing: true, category: 'room', text: '禁煙の部屋' });
  const chip = page.getByTestId('alert-requests');
  await expect(chip).toHaveText('未対応の要望 2件');
  await expect(page.getByTestId('profile-tab')).toHaveAttribute('aria-selected', 'true');

  await chip.click();
  await expect(page.getByTestId('service-tab')).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByTestId('requests-panel');
  await expect(panel).toBeFocused();
  await expect(panel).toBeInViewport();
  const open = panel.locator('[data-testid="request"][data-status="open"]');
  await expect(open).toHaveCount(2);
  await expect(open.filter({ hasText: '朝食は和食で' })).toBeInViewport();
  await expect(open.filter({ hasText: '禁煙の部屋' })).toBeInViewport();
});

test('an allergy and a request are recorded from the card’s first tab in four interactions at most', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  await expect(page.getByTestId('profile-tab')).toHaveAttribute('aria-selected', 'true');

  // An allergy: 「+ アレルギー」, type the allergen into the picker that has the focus, Enter takes it, Enter saves.
  const interactions = await countInteractions(page);
  await page.getByTestId('card-record-allergy').click();
  await expect(page.getByTestId('allergy-allergen')).toBeFocused();
  await page.keyboard.type('えび');
  await expect(page.getByRole('option', { name: 'えび', exact: true })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('allergy-allergen')).toHaveValue('えび');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('allergy-form')).toBeHidden();
  const forAllergy = await interactions();
  expect(forAllergy).toBeLessThanOrEqual(4);
  await expect(page.getByTestId('alert-allergy')).toContainText('えび');
  await expect(page.getByTestId('profile-tab')).toHaveAttribute('aria-selected', 'true');

  // A request: 「+ 要望」, a category, the text (the input has the focus), Enter.
  await page.getByTestId('card-record-request').click();
  await expect(page.getByTestId('request-category-meals')).toBeFocused(); // the categories come first
  await page.getByTestId('request-category-meals').click();
  await expect(page.getByTestId('request-text')).toBeFocused();
  await page.keyboard.type('夕食は19時から');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quick-request-panel')).toBeHidden();
  expect((await interactions()) - forAllergy).toBeLessThanOrEqual(4);
  await expect(page.getByTestId('alert-requests')).toHaveText('未対応の要望 1件');

  // Both are on the service tab, recorded under this guest.
  await page.getByTestId('service-tab').click();
  await expect(page.getByTestId('allergy-record')).toContainText('えび');
  const request = page.getByTestId('request').filter({ hasText: '夕食は19時から' });
  await expect(request).toHaveAttribute('data-category', 'meals');
  await expect(request).toHaveAttribute('data-status', 'open');
});
