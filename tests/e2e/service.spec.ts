// The guest card's service side, end to end in real Chromium against the real HTTP door and core (run
// `npm run build:renderer` first): allergies with the anaphylaxis alert, a correction that keeps the old record,
// the allergen picker taking what was typed on Enter and Tab, a request taken in four interactions and handled,
// and a stay dialog that refuses bad dates.

import { expect, test } from './fixtures.ts';
import { goHome } from './guest-desk.helpers.ts';
import {
  allergyRecord,
  chooseAllergen,
  chooseSeverity,
  countInteractions,
  openNewGuest,
  openServiceTab,
  recordAllergy,
} from './service.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('an anaphylaxis to そば is recorded and leads the alerts of the guest card', async ({ page, app }) => {
  await openNewGuest(page, app.url);
  await expect(page.getByTestId('service-alerts')).toBeHidden(); // nothing to warn about yet
  await openServiceTab(page);

  // A milder one first: the anaphylaxis recorded after it must still come first.
  await recordAllergy(page, '卵', 'アレルギー');

  await page.getByTestId('record-allergy').click();
  // The catalogue is found by the English name too, and shows the Japanese one in a Japanese UI.
  await chooseAllergen(page, 'buckwheat', 'そば');
  await chooseSeverity(page, 'アナフィラキシー');
  await page.getByTestId('allergy-note').fill('少量でも呼吸困難');
  await page.getByTestId('save-allergy').click();
  await expect(page.getByTestId('allergy-form')).toBeHidden();

  const alerts = page.getByTestId('service-alerts').getByTestId('alert-allergy');
  await expect(alerts).toHaveCount(2);
  await expect(alerts.first()).toHaveAttribute('data-severity', 'anaphylaxis');
  await expect(alerts.first()).toContainText('そば');
  await expect(alerts.first()).toContainText('アナフィラキシー');
  await expect(alerts.first()).toContainText('コンタミ不可');
  await expect(alerts.nth(1)).toHaveAttribute('data-severity', 'allergy');
  await expect(alerts.nth(1)).toContainText('卵');

  // The alerts stay on the card whatever the tab, and after a reload.
  await page.getByTestId('profile-tab').click();
  await page.reload();
  await expect(page.getByTestId('service-alerts').getByTestId('alert-allergy').first()).toContainText(
    'そば：アナフィラキシー',
  );

  // The panel shows who confirmed it, and the note.
  await openServiceTab(page);
  const record = allergyRecord(page, 'そば');
  await expect(record).toHaveAttribute('data-severity', 'anaphylaxis');
  await expect(record).toContainText('少量でも呼吸困難');
  await expect(record).toContainText('佐藤 花子');
});

test('a correction supersedes the old record, which stays in all records and in the history', async ({ page, app }) => {
  await openNewGuest(page, app.url);
  await openServiceTab(page);
  await recordAllergy(page, '卵', 'アレルギー');
  await expect(allergyRecord(page, '卵')).toHaveAttribute('data-state', 'current');

  // 訂正: the same dialog, prefilled; 卵 was wrong, it is 乳, and it is an anaphylaxis.
  await allergyRecord(page, '卵').getByTestId('allergy-correct').click();
  const form = page.getByTestId('allergy-form');
  await expect(form.getByTestId('allergy-allergen')).toHaveValue('卵');
  await chooseAllergen(page, 'milk', '乳');
  await chooseSeverity(page, 'アナフィラキシー');
  await page.getByTestId('save-allergy').click();
  await expect(form).toBeHidden();

  // Only the new record is current; the alert follows it.
  await expect(page.getByTestId('allergy-record')).toHaveCount(1);
  await expect(allergyRecord(page, '乳')).toHaveAttribute('data-severity', 'anaphylaxis');
  await expect(page.getByTestId('alert-allergy').first()).toContainText('乳：アナフィラキシー');

  // All records: the old one is there, struck through and marked 訂正済.
  await page.getByTestId('allergy-show-all').click();
  await expect(page.getByTestId('allergy-record')).toHaveCount(2);
  const old = allergyRecord(page, '卵');
  await expect(old).toHaveAttribute('data-state', 'superseded');
  await expect(old.getByTestId('allergy-state')).toHaveText('訂正済');
  await expect(old.getByTestId('allergy-name')).toHaveCSS('text-decoration-line', 'line-through');
  await expect(old.getByTestId('allergy-correct')).toHaveCount(0); // a superseded record cannot be corrected again

  // History tab: from → to, under the allergy it concerns, by who.
  await page.getByTestId('history-tab').click();
  const allergen = page
    .getByTestId('history-entry')
    .filter({ has: page.getByTestId('history-subject').getByText('アレルゲン', { exact: true }) })
    .filter({ hasText: '→' });
  await expect(allergen).toHaveCount(1);
  await expect(allergen).toContainText('卵');
  await expect(allergen).toContainText('乳');
  await expect(allergen).toContainText('佐藤 花子');
  const severity = page
    .getByTestId('history-entry')
    .filter({ has: page.getByTestId('history-subject').getByText('重症度', { exact: true }) })
    .filter({ hasText: '→' });
  await expect(severity).toContainText('アレルギー');
  await expect(severity).toContainText('アナフィラキシー');
});

test('the allergen picker finds an allergen as the desk writes or types it, not only by its catalogue name', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  await openServiceTab(page);
  const form = page.getByTestId('allergy-form');
  const picker = form.getByTestId('allergy-allergen');
  await page.getByTestId('record-allergy').click();
  // Readings of the kanji names, common kanji and katakana, romaji: each offers the catalogue's allergen.
  const typed: Array<[string, string]> = [
    ['たまご', '卵'],
    ['こむぎ', '小麦'],
    ['牛乳', '乳'],
    ['ぎゅうにゅう', '乳'],
    ['海老', 'えび'],
    ['ebi', 'えび'],
    ['soba', 'そば'],
    ['ゴマ', 'ごま'],
    ['らっかせい', '落花生'],
  ];
  for (const [words, allergen] of typed) {
    await picker.fill(words);
    await expect(page.getByRole('option'), words).toHaveText([allergen]);
  }
  // Taken with Enter and recorded as the catalogue's allergen, which the dishes are checked against.
  await picker.fill('たまご');
  await picker.press('Enter');
  await expect(picker).toHaveValue('卵');
  await page.getByTestId('save-allergy').click();
  await expect(form).toBeHidden();
  await expect(allergyRecord(page, '卵')).toBeVisible();
});

test('the allergen picker takes the highlighted allergen on Enter and keeps it on Tab, as typed', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  await openServiceTab(page);
  const form = page.getByTestId('allergy-form');
  const picker = form.getByTestId('allergy-allergen');

  // えび typed, one option shown: Enter takes it (and does not send the form), a second Enter saves.
  await page.getByTestId('record-allergy').click();
  await picker.fill('えび');
  await expect(page.getByRole('option')).toHaveText(['えび']);
  await picker.press('Enter');
  await expect(picker).toHaveValue('えび');
  await expect(form).toBeVisible();
  await expect(form).not.toContainText('アレルゲンを一覧から選ぶか');
  await picker.press('Enter');
  await expect(form).toBeHidden();
  await expect(allergyRecord(page, 'えび')).toHaveAttribute('data-severity', 'allergy');

  // Tab keeps what was typed and goes on to the next field.
  await page.getByTestId('record-allergy').click();
  await picker.fill('かに');
  await picker.press('Tab');
  await expect(picker).toHaveValue('かに');
  await expect(form.getByTestId('allergy-free')).toBeFocused();
  await page.getByTestId('save-allergy').click();
  await expect(form).toBeHidden();
  await expect(allergyRecord(page, 'かに')).toBeVisible();

  // Several options: the first is highlighted, the arrow keys move the highlight, Enter takes that one.
  await page.getByTestId('record-allergy').click();
  await picker.fill('ナッツ');
  // 落花生 too: a desk writes it ピーナッツ.
  await expect(page.getByRole('option')).toHaveText(['落花生', 'カシューナッツ', 'マカダミアナッツ']);
  await picker.press('ArrowDown');
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await expect(picker).toHaveValue('マカダミアナッツ');

  // Passing through the picker without typing changes nothing: not the allergen being corrected, nor free text.
  await page.getByRole('button', { name: 'キャンセル' }).click();
  await allergyRecord(page, 'かに').getByTestId('allergy-correct').click();
  await expect(picker).toBeFocused();
  await picker.press('Tab');
  await expect(picker).toHaveValue('かに');
  await picker.click(); // the list open, かに checked in it, nothing highlighted
  await expect(page.getByRole('option', { name: 'かに' })).toBeVisible();
  await picker.press('Tab');
  await expect(picker).toHaveValue('かに');
  await picker.click();
  await picker.press('Enter'); // not a toggle that clears it
  await expect(picker).toHaveValue('かに');
  await form.getByTestId('allergy-free').fill('アルコール');
  await form.getByTestId('allergy-free').press('Shift+Tab');
  await expect(picker).toBeFocused();
  await picker.press('Tab');
  await expect(picker).toHaveValue('');
  await expect(form.getByTestId('allergy-free')).toHaveValue('アルコール');
});

test('a request is taken in four interactions, then marked done with who handled it', async ({ page, app }) => {
  await openNewGuest(page, app.url);
  await openServiceTab(page);

  // The page counts the clicks, key presses and typing it receives: one more step on the way (a click into
  // the text, a save button) shows in the count, however the test reaches it.
  const interactions = await countInteractions(page);
  await page.getByTestId('quick-request').click();
  await page.getByTestId('request-category-meals').click();
  await expect(page.getByTestId('request-text')).toBeFocused(); // typing goes straight in
  await page.keyboard.type('夕食は19時から'); // into whatever has the focus, as a person types
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quick-request-panel')).toBeHidden();
  expect(await interactions()).toBe(4);

  const request = page.getByTestId('request').filter({ hasText: '夕食は19時から' });
  await expect(request).toHaveAttribute('data-status', 'open');
  await expect(request).toHaveAttribute('data-category', 'meals');
  await expect(request).toContainText('食事');
  await expect(request.getByTestId('request-standing')).toHaveText('毎回'); // no stay: it holds for every visit
  await expect(request).toContainText('佐藤 花子');
  await expect(page.getByTestId('alert-requests')).toHaveText('未対応の要望 1件');

  // The buttons say what they do: 「対応済」 alone read as a state the request was already in.
  await expect(request.getByTestId('request-done')).toHaveText('対応済にする');
  await expect(request.getByTestId('request-cancel')).toHaveText('取り消す');
  await request.getByTestId('request-done').click();
  await expect(request).toHaveAttribute('data-status', 'done');
  await expect(request.getByTestId('request-status')).toHaveText('対応済');
  await expect(request).toContainText(/対応済 .+ 佐藤 花子/);
  await expect(page.getByTestId('alert-requests')).toBeHidden();
});

test('the stay dialog refuses a departure before the arrival and saves nothing; a good stay becomes current', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  await openServiceTab(page);
  await expect(page.getByTestId('stays-panel')).toContainText('宿泊の記録はありません');

  await page.getByTestId('add-stay').click();
  const form = page.getByTestId('stay-form');
  await form.locator('[name="arrivalDate"]').fill('2026-11-24');
  await form.locator('[name="departureDate"]').fill('2026-11-23');
  await form.getByTestId('stay-rooms').fill('201');
  await form.getByTestId('stay-rooms').press('Enter');
  await page.getByTestId('save-stay').click();
  await expect(form).toContainText('出発日は到着日より前にできません');
  await expect(form.locator('[name="departureDate"]')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'キャンセル' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('stay-row')).toHaveCount(0);
  await expect(page.getByTestId('stays-panel')).toContainText('宿泊の記録はありません');

  // The same dialog with today's default dates saves, and the stay shows on the card as current.
  await page.getByTestId('add-stay').click();
  await form.getByTestId('stay-rooms').fill('201');
  await form.getByTestId('stay-rooms').press('Enter');
  await form.locator('[name="amountYen"]').fill('36000');
  await page.getByTestId('save-stay').click();
  await expect(form).toBeHidden();
  const stay = page.getByTestId('stay-row');
  await expect(stay).toHaveCount(1);
  await expect(stay).toContainText('1泊');
  await expect(stay).toContainText('201');
  await expect(stay).toContainText('¥36,000');
  await expect(stay.getByTestId('stay-status-badge')).toHaveText('予約');
  await expect(page.getByTestId('alert-current-stay')).toContainText('部屋 201');

  // With a current stay, a request goes to it by default.
  await page.getByTestId('quick-request').click();
  await expect(page.getByTestId('request-scope')).toBeVisible();
  await page.getByTestId('request-category-room').click();
  await page.getByTestId('request-text').fill('枕を追加');
  await page.getByTestId('request-text').press('Enter');
  const request = page.getByTestId('request').filter({ hasText: '枕を追加' });
  await expect(request).toBeVisible();
  await expect(request.getByTestId('request-standing')).toHaveCount(0);
});

test('a card asks for its service side with its profile, not after it, and its service tab asks nothing more', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  await openServiceTab(page);
  await recordAllergy(page, 'えび', 'アナフィラキシー');
  await goHome(page);
  const asked: string[] = [];
  page.on('request', (request) => {
    const call = /\/api\/call\/(guests\.(?:get|service))$/.exec(request.url())?.[1];
    if (call) asked.push(call);
  });
  // The profile's answer is held back: the alerts' service side must already have been asked for meanwhile.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/call/guests.get', async (route) => {
    await held;
    await route.continue();
  });
  const search = page.getByTestId('guest-search');
  await search.fill('きむら');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  await search.press('Enter');
  try {
    await expect.poll(() => asked).toEqual(['guests.get', 'guests.service']);
  } finally {
    release();
  }
  await expect(page.getByTestId('guest-card')).toBeVisible();
  await expect(page.getByTestId('service-alerts')).toContainText('えび');
  await openServiceTab(page);
  await expect(page.getByTestId('service-panel')).toContainText('えび');
  // One answer serves the alerts and the tab: opening the tab asks for it again no more.
  await page.waitForTimeout(300);
  expect(asked).toEqual(['guests.get', 'guests.service']);
});
