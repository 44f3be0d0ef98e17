// The guest desk, end to end in real Chromium against the real HTTP door and core (run
// `npm run build:renderer` first): first run, recording a guest, finding them every way staff type,
// editing with history, delete and restore, validation, language, restart, and the keyboard.

import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import {
  createGuest,
  fillGuestForm,
  firstRun,
  goHome,
  open,
  openForm,
  searchAndOpen,
  TAKAHASHI,
} from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('first run: the person at this PC is added, and the empty register offers sample data', async ({ page, app }) => {
  await open(page, app.url);
  await expect(page).not.toHaveURL(/token=/); // the token left the visible address
  await expect(page.getByText('宿帳 Yadocho へようこそ')).toBeVisible();
  // Nobody to record anything as yet: the desk's buttons wait for the first person.
  for (const button of ['header-new-guest', 'header-arrivals', 'header-banquets']) {
    await expect(page.getByTestId(button)).toHaveCount(0);
  }
  // はじめる without a name says what is missing, at the name (it is not greyed out with no reason given).
  await page.getByTestId('first-run-submit').click();
  const name = page.getByTestId('first-run-name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('first-run')).toContainText('入力してください');
  await name.fill('佐');
  await expect(page.getByTestId('first-run')).not.toContainText('入力してください');
  await firstRun(page, '佐藤 花子');
  await expect(page.getByTestId('header-new-guest')).toBeVisible();
  await expect(page.getByTestId('no-guests')).toBeVisible();
  await expect(page.getByTestId('load-sample-data')).toBeVisible();

  await page.getByTestId('load-sample-data').click();
  await expect(page.getByTestId('no-guests')).toBeHidden();
  await expect(page.getByTestId('search-hint')).toBeVisible();
  await page.getByTestId('guest-search').fill('田');
  await expect(page.getByTestId('search-result').first()).toBeVisible();
});

test('a guest is recorded, then found by kana, romaji, variant kanji and every way of typing the phone', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const id = await createGuest(page, TAKAHASHI);
  await expect(page.getByTestId('guest-reading')).toHaveText('たかはし いちろう');
  await expect(page.getByTestId('guest-romaji')).toHaveText('Takahashi Ichiro');
  await expect(page.getByTestId('guest-phones')).toContainText('090-1234-5678');
  await expect(page.getByTestId('guest-email')).toHaveText(TAKAHASHI.email);
  // Someone else, so that each search has to choose.
  await createGuest(page, {
    familyName: '佐々木',
    givenName: '花',
    familyReading: 'ささき',
    givenReading: 'はな',
    phone: '03-3333-4444',
  });

  for (const query of [
    'タカハシ',
    'ﾀｶﾊｼ',
    'たかはし',
    'takahashi',
    'Takahasi Ichiro',
    '高橋',
    '髙橋 一郎',
    '09012345678',
    '０９０－１２３４－５６７８',
    '+81 90-1234-5678',
    '5678',
    'ichiro.takahashi@',
  ]) {
    await searchAndOpen(page, query);
    await expect(page.getByTestId('guest-name'), `search for ${query}`).toHaveText('髙橋 一郎');
    await expect(page.getByTestId('guest-card')).toHaveAttribute('data-guest-id', id);
  }

  // A result row shows name, reading, romaji, phone and the kind of match.
  await page.getByTestId('guest-search').fill('たかは');
  const row = page.getByTestId('search-result').first();
  await expect(row).toContainText('髙橋 一郎');
  await expect(row).toContainText('たかはし いちろう');
  await expect(row).toContainText('Takahashi Ichiro');
  await expect(row).toContainText('090-1234-5678');
  await expect(row).toContainText('前方一致');

  // Nobody found: the new-guest button is prefilled from what was typed.
  await page.getByTestId('guest-search').fill('山本 太郎');
  await expect(page.getByTestId('no-results')).toContainText('一致するお客様はいません');
  await page.getByTestId('no-results').getByTestId('new-guest').click();
  await expect(page.locator('[name="familyName"]')).toHaveValue('山本');
  await expect(page.locator('[name="givenName"]')).toHaveValue('太郎');
  await page.keyboard.press('Escape');
  await page.getByTestId('guest-search').fill('やまもと');
  await page.getByTestId('no-results').getByTestId('new-guest').click();
  await expect(page.locator('[name="familyReading"]')).toHaveValue('やまもと');
});

test('editing records who changed what in the history, and another open window follows', async ({
  page,
  app,
  context,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const id = await createGuest(page, TAKAHASHI);

  // A second window on the same card (another PC on the LAN sees the same through the same events).
  const other = await context.newPage();
  await open(other, app.url);
  await other.evaluate((guestId) => {
    window.location.hash = `#/guest/${guestId}`; // a card has its own address
  }, id);
  await expect(other.getByTestId('guest-card')).toHaveAttribute('data-guest-id', id);

  await openForm(page, 'edit-guest');
  await fillGuestForm(page, { note: '窓側の部屋を希望' });
  await page.locator('[name="phones.0.number"]').fill('080-9999-0000');
  await page.getByTestId('save-guest').click();
  await expect(page.getByTestId('guest-form')).toBeHidden();
  await expect(page.getByTestId('guest-note')).toHaveText('窓側の部屋を希望');
  await expect(page.getByTestId('guest-phones')).toContainText('080-9999-0000');
  await expect(other.getByTestId('guest-note')).toHaveText('窓側の部屋を希望'); // refetched on `changed`

  await page.getByTestId('history-tab').click();
  const note = page.getByTestId('history-entry').filter({ hasText: 'メモ' });
  await expect(note).toHaveCount(1);
  await expect(note).toContainText('窓側の部屋を希望');
  await expect(note).toContainText('佐藤 花子');
  const phones = page.getByTestId('history-entry').filter({ hasText: '080-9999-0000' });
  await expect(phones).toContainText('090-1234-5678'); // from → to
  await expect(phones).toContainText('電話番号');
  await expect(page.getByTestId('history-entry').filter({ hasText: 'せい（よみ）' })).toContainText('たかはし');
});

test('a long history shows the latest 200 entries, and older ones on request', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  // Twenty years of a regular, recorded before this card was opened.
  const api = apiFor(page, app);
  const { phone, ...fields } = TAKAHASHI;
  const { id } = await api('guests.create', { fields: { ...fields, phones: [{ number: phone, label: 'mobile' }] } });
  for (let i = 1; i <= 200; i++) await api('guests.update', { id, patch: { note: `${i}回目のご来館` } });
  await page.evaluate((guestId) => {
    window.location.hash = `#/guest/${guestId}`;
  }, id);

  await page.getByTestId('history-tab').click();
  await expect(page.getByTestId('history-entry').first()).toContainText('200回目のご来館');
  await expect(page.getByTestId('history-entry')).toHaveCount(200);
  await page.getByTestId('history-older').click();
  // The rest: the first notes and the fields the guest was created with (name, readings, phone, email).
  await expect(page.getByTestId('history-entry')).toHaveCount(206);
  await expect(page.getByTestId('history-entry').last()).toContainText(TAKAHASHI.email);
  await expect(page.getByTestId('history-older')).toHaveCount(0);
});

test('delete asks first, shows the deleted banner with Restore, and the deleted list restores too', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  await createGuest(page, TAKAHASHI);

  await page.getByTestId('delete-guest').click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('deleted-banner')).toBeVisible();
  await expect(page.getByText('髙橋 一郎 様を削除しました')).toBeVisible();
  await page.getByTestId('restore-guest').click();
  await expect(page.getByTestId('deleted-banner')).toBeHidden();
  await expect(page.getByTestId('edit-guest')).toBeVisible();

  await page.getByTestId('history-tab').click();
  await expect(page.getByTestId('history-entry').filter({ hasText: '削除' })).toHaveCount(2);
  await expect(page.getByTestId('history-entry').filter({ hasText: '復元' })).toHaveCount(1);

  // Deleted guests are not found by search, and are listed under the menu.
  await page.getByTestId('delete-guest').click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('deleted-banner')).toBeVisible();
  await page.getByTestId('guest-search').fill('タカハシ');
  await expect(page.getByTestId('no-results')).toBeVisible();
  await page.getByTestId('header-menu').click();
  await page.getByTestId('deleted-guests-link').click();
  await expect(page.getByTestId('deleted-guest')).toHaveCount(1);
  await page.getByTestId('restore-deleted').click();
  await expect(page.getByTestId('deleted-guest')).toHaveCount(0);
  await searchAndOpen(page, 'タカハシ');
  await expect(page.getByTestId('guest-name')).toHaveText('髙橋 一郎');
});

test('invalid input shows the translated field messages and saves nothing', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  await openForm(page, 'header-new-guest');
  await fillGuestForm(page, {
    familyName: '山田',
    familyReading: '山田',
    phone: '12-34',
    email: 'yamada@',
  });
  await page.getByTestId('save-guest').click();
  const form = page.getByTestId('guest-form');
  await expect(
    form.getByText('よみはひらがな・カタカナで入力してください（ローマ字のお名前はローマ字でも入力できます）'),
  ).toBeVisible();
  await expect(form.getByText('電話番号の形式が正しくありません')).toBeVisible();
  await expect(form.getByText('メールアドレスの形式が正しくありません')).toBeVisible();
  await expect(form.locator('[name="familyReading"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('[name="familyReading"]')).toBeFocused();

  // Nothing was saved: cancel, and the register is still empty.
  await form.getByRole('button', { name: 'キャンセル' }).click();
  await expect(page.getByTestId('no-guests')).toBeVisible();

  // A required field left empty.
  await openForm(page, 'header-new-guest');
  await page.getByTestId('save-guest').click();
  await expect(page.getByTestId('guest-form').getByText('入力してください')).toHaveCount(2);
  // Filled in, its message goes at once: no red left over what has just been put right.
  await page.getByTestId('guest-form').locator('[name="familyName"]').fill('山田');
  await expect(page.getByTestId('guest-form').getByText('入力してください')).toHaveCount(1);
  await expect(page.getByTestId('guest-form').locator('[name="familyName"]')).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );
});

test('a write with nobody working at this PC says to choose someone in the switcher', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  await page.getByTestId('header-menu').click();
  await page.getByTestId('manage-staff').click();
  await page.getByTestId('new-staff-name').fill('鈴木 次郎');
  // The register keeps an owner: 鈴木 is made one, so 佐藤 (the first owner) may stop working here.
  await page.getByTestId('new-staff-roles').getByRole('checkbox', { name: 'オーナー' }).check();
  await page.getByTestId('add-staff').click();
  await expect(page.getByTestId('staff-row')).toHaveCount(2);
  await page
    .getByTestId('staff-row')
    .filter({ has: page.locator('input[value="佐藤 花子"]') })
    .getByTestId('deactivate-staff')
    .click();
  await expect(page.getByTestId('reactivate-staff')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('staff-switcher')).toHaveValue('');

  await openForm(page, 'header-new-guest');
  await fillGuestForm(page, { familyName: '山田', familyReading: 'やまだ' });
  await page.getByTestId('save-guest').click();
  await expect(page.getByTestId('form-error')).toContainText('担当者が選ばれていません');
  // It names the control as the screen shows it then: nobody chosen, the switcher reads 「担当者を選択」.
  await expect(page.getByTestId('form-error')).toContainText('「担当者を選択」');
  await expect(page.getByTestId('staff-switcher')).toHaveAttribute('placeholder', '担当者を選択');
  await page.getByTestId('guest-form').getByRole('button', { name: 'キャンセル' }).click();

  // Adding a colleague is a write like the others once the register has staff: refused in the same words.
  await page.getByTestId('header-menu').click();
  await page.getByTestId('manage-staff').click();
  await page.getByTestId('new-staff-name').fill('田中 三郎');
  await page.getByTestId('add-staff').click();
  await expect(page.getByTestId('error-notification')).toContainText('担当者が選ばれていません');
  await expect(page.getByTestId('staff-row')).toHaveCount(2);
  await page.keyboard.press('Escape');

  await page.getByTestId('staff-switcher').click();
  await page.getByRole('option', { name: '鈴木 次郎' }).click();
  await expect(page.getByTestId('staff-switcher')).toHaveValue('鈴木 次郎');
  await createGuest(page, { familyName: '山田', familyReading: 'やまだ' });
  await page.getByTestId('history-tab').click();
  await expect(page.getByTestId('history-entry').first()).toContainText('鈴木 次郎');
});

test('the language switch shows English labels and is remembered', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  await createGuest(page, { ...TAKAHASHI, note: 'Prefers a quiet room' });
  await expect(page.getByTestId('history-tab')).toHaveText('履歴');

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByTestId('history-tab')).toHaveText('History');
  await expect(page.getByTestId('profile-tab')).toHaveText('Profile');
  await expect(page.getByTestId('edit-guest')).toHaveText('Edit');
  await expect(page.getByTestId('guest-search')).toHaveAttribute('placeholder', /Search by name/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByTestId('edit-guest')).toHaveText('Edit');
  await openForm(page, 'edit-guest');
  await page.locator('[name="email"]').fill('not-an-email');
  await page.getByTestId('save-guest').click();
  await expect(page.getByTestId('guest-form').getByText('Not a valid email address')).toBeVisible();
});

test('after a restart of the server the guest is still there', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  await createGuest(page, TAKAHASHI);
  await app.restart();
  await open(page, app.url);
  await expect(page.getByTestId('first-run')).toBeHidden();
  await searchAndOpen(page, 'ﾀｶﾊｼ');
  await expect(page.getByTestId('guest-name')).toHaveText('髙橋 一郎');
  await expect(page.getByTestId('staff-switcher')).toHaveValue('佐藤 花子');
});

test('keyboard: Ctrl+K and / focus the search, arrows choose, Enter opens, Escape clears', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  await page.getByTestId('load-sample-data').click();
  await expect(page.getByTestId('search-hint')).toBeVisible();

  const search = page.getByTestId('guest-search');
  await page.locator('body').click();
  await page.keyboard.press('Control+k');
  await expect(search).toBeFocused();
  await page.keyboard.type('た');
  const rows = page.getByTestId('search-result');
  await expect(rows.nth(1)).toBeVisible();
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  const second = await rows.nth(1).getAttribute('data-guest-id');
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('guest-card')).toHaveAttribute('data-guest-id', second ?? '');

  await page.locator('body').click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.getByTestId('guest-card')).toBeVisible(); // Escape clears the box, the card stays
});

test('no search while an IME composition is in progress: the converted text is searched', async ({
  page,
  app,
  context,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const id = await createGuest(page, TAKAHASHI);
  await goHome(page);
  const searched: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/call/guests.search')) searched.push(JSON.parse(request.postData() ?? '{}').q);
  });
  const search = page.getByTestId('guest-search');
  await search.focus();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'たかはし', selectionStart: 4, selectionEnd: 4 });
  await expect(search).toHaveValue('たかはし');
  await page.keyboard.press('Enter'); // Enter while composing confirms the conversion, it opens nothing
  await cdp.send('Input.imeSetComposition', { text: '高橋', selectionStart: 2, selectionEnd: 2 });
  await page.waitForTimeout(300);
  expect(searched).toEqual([]);
  await cdp.send('Input.insertText', { text: '高橋' }); // the conversion is committed: compositionend
  await expect(search).toHaveValue('高橋');
  await expect.poll(() => searched).toEqual(['高橋']);
  await expect(page.getByTestId('search-result')).toHaveAttribute('data-guest-id', id);
});

test('companions are linked from an existing guest, shown on both cards, and removed', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  await createGuest(page, { familyName: '髙橋', givenName: '花子', familyReading: 'たかはし', givenReading: 'はなこ' });
  await createGuest(page, TAKAHASHI);

  await page.getByTestId('add-companion').click();
  await page.getByTestId('companion-search').fill('はなこ');
  await page.getByTestId('companion-candidate').filter({ hasText: '髙橋 花子' }).click();
  await page.getByTestId('companion-relationship').selectOption('spouse');
  await page.getByTestId('link-companion').click();
  const companion = page.getByTestId('companion');
  await expect(companion).toContainText('髙橋 花子');
  await expect(companion).toContainText('配偶者');

  await companion.getByRole('link', { name: '髙橋 花子' }).click();
  await expect(page.getByTestId('guest-name')).toHaveText('髙橋 花子');
  await expect(page.getByTestId('companion')).toContainText('髙橋 一郎');
  await page.getByTestId('history-tab').click();
  await expect(page.getByTestId('history-entry').filter({ hasText: '同伴者に追加' })).toContainText('髙橋 一郎');

  await page.getByTestId('profile-tab').click();
  await page.getByTestId('remove-companion').click();
  await expect(page.getByTestId('companion')).toHaveCount(0);
  await expect(page.getByText('同伴者は登録されていません')).toBeVisible();

  // The history names the guest who is no longer on the card, from its one call: no guest card is fetched
  // for it (the card's own refetches ask for this guest only).
  const cardId = await page.getByTestId('guest-card').getAttribute('data-guest-id');
  const otherCards: unknown[] = [];
  page.on('request', (request) => {
    if (!request.url().includes('/api/call/guests.get')) return;
    const input = request.postDataJSON() as { id?: string };
    if (input.id !== cardId) otherCards.push(input);
  });
  await page.getByTestId('history-tab').click();
  await expect(page.getByTestId('history-entry').filter({ hasText: '同伴者から外す' })).toContainText('髙橋 一郎');
  await expect(page.getByTestId('history-entry').filter({ hasText: '同伴者に追加' })).toContainText('髙橋 一郎');
  await page.waitForTimeout(300); // what a per-guest lookup would have asked for by now
  expect(otherCards).toEqual([]);
});

test('a form with something typed is not thrown away by Escape or a click beside it: closing asks first', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const form = page.getByTestId('guest-form');
  // The question's own buttons: Mantine keeps the dialog's root box empty, so it is never "visible" itself.
  const discard = page.getByTestId('discard-changes-confirm');

  // Nothing typed yet: Escape simply closes.
  await openForm(page, 'header-new-guest');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(discard).toBeHidden();

  await openForm(page, 'header-new-guest');
  await fillGuestForm(page, { familyName: '松本', familyReading: 'まつもと', note: '窓側の部屋を希望' });
  await page.keyboard.press('Escape');
  await expect(discard).toBeVisible();
  await expect(page.getByRole('dialog', { name: '入力した内容を破棄しますか？' })).toBeVisible();
  // 戻る: back to the form, everything still there.
  await page.getByTestId('discard-changes-back').click();
  await expect(discard).toBeHidden();
  await expect(form.locator('[name="familyName"]')).toHaveValue('松本');
  await expect(form.locator('[name="note"]')).toHaveValue('窓側の部屋を希望');
  // A click on the dimmed page beside the dialog asks too; 破棄する closes without saving.
  await page.mouse.click(5, 400);
  await expect(discard).toBeVisible();
  await page.getByTestId('discard-changes-confirm').click();
  await expect(form).toBeHidden();
  await expect(discard).toBeHidden();
  // Nothing was saved.
  await page.getByTestId('guest-search').fill('まつもと');
  await expect(page.getByTestId('no-results')).toContainText('一致するお客様はいません');
});
