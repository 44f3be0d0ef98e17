// Staff, roles and PINs end to end in real Chromium, against the core in its worker behind the HTTP door: the
// owner made on the first run with a PIN adds colleagues with their roles and PINs; switching to one asks their
// PIN; what the kitchen's roles do not allow is not offered, and where it is asked for anyway the core refuses
// it in words; five wrong PINs lock a person out until a time on the inn's clock, which a manager can end.

import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { createGuest, firstRun, goHome, open, searchAndOpen, TAKAHASHI } from './guest-desk.helpers.ts';
import { addStaff, chooseInSwitcher, openStaffManager, staffRow, switchWithPin } from './roles.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const OWNER_PIN = '2468';
const KITCHEN_PIN = '1357';

test('the owner adds staff with roles and PINs; the kitchen member, switched to with their PIN, sees no phone and cannot export', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子', { pin: OWNER_PIN });
  await createGuest(page, TAKAHASHI);
  await expect(page.getByTestId('guest-phones')).toContainText(TAKAHASHI.phone);
  await page.getByTestId('service-tab').click();
  await expect(page.getByTestId('add-stay')).toBeVisible();
  await expect(page.getByTestId('quick-request')).toBeVisible();

  await openStaffManager(page);
  const owner = staffRow(page, '佐藤 花子');
  await expect(owner.getByTestId('staff-pin-state')).toHaveText('PIN設定済み');
  await expect(owner.getByRole('checkbox', { name: 'オーナー' })).toBeChecked();
  await addStaff(page, '山本 健', ['調理場'], KITCHEN_PIN);
  await addStaff(page, '中村 翔', ['フロント', 'サービス（仲居・客室係）']);
  const cook = staffRow(page, '山本 健');
  await expect(cook.getByTestId('staff-pin-state')).toHaveText('PIN設定済み');
  await expect(cook.getByRole('checkbox', { name: '調理場' })).toBeChecked();
  await expect(cook.getByRole('checkbox', { name: 'フロント' })).not.toBeChecked();
  await expect(staffRow(page, '中村 翔').getByTestId('staff-pin-state')).toHaveText('PIN未設定');
  await page.keyboard.press('Escape');

  // Switching asks the PIN; Escape keeps who was working.
  await chooseInSwitcher(page, '山本 健');
  await expect(page.getByTestId('pin-prompt')).toContainText('山本 健のPINを入力してください');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('staff-switcher')).toHaveValue('佐藤 花子');
  await switchWithPin(page, '山本 健', KITCHEN_PIN);

  // The kitchen finds the guest by name and sees allergies and dishes, not how to reach them.
  await goHome(page);
  await searchAndOpen(page, 'たかはし');
  await expect(page.getByTestId('guest-name')).toHaveText('髙橋 一郎');
  await expect(page.getByTestId('guest-phones')).toHaveCount(0);
  await expect(page.getByTestId('guest-email')).toHaveCount(0);
  await expect(page.getByTestId('guest-contact-hidden')).toHaveText(
    '電話番号・メール・住所・誕生日は、あなたの役割では表示されません',
  );
  await expect(page.getByTestId('guest-card')).not.toContainText('5678');
  await expect(page.getByTestId('edit-guest')).toHaveCount(0);
  await expect(page.getByTestId('delete-guest')).toHaveCount(0);
  // Stays and requests are the desk's and the floor's to record: the kitchen reads them.
  await page.getByTestId('service-tab').click();
  await expect(page.getByTestId('stays-panel')).toBeVisible();
  await expect(page.getByTestId('add-stay')).toHaveCount(0);
  await expect(page.getByTestId('quick-request')).toHaveCount(0);

  // Export, import, staff and settings are not offered.
  await page.getByTestId('header-menu').click();
  await expect(page.getByTestId('catalogue-link')).toBeVisible();
  for (const hidden of ['export-link', 'imports-link', 'manage-staff', 'settings-link', 'duplicates-link']) {
    await expect(page.getByTestId(hidden)).toHaveCount(0);
  }
  await page.keyboard.press('Escape');

  // Asked for anyway, the core refuses, and the screen says why in words.
  const api = apiFor(page, app);
  await expect(
    api('exports.run', { kinds: ['guests'], format: 'csv', filter: { by: 'all' }, language: 'ja' }),
  ).rejects.toThrow(/forbidden_role/);
  await page.goto(`${app.url.split('#')[0]}#/duplicates`);
  await expect(page.getByText('「重複の確認・統合」は、あなたの役割ではできません', { exact: false })).toBeVisible();
  const guestId = (await api('guests.search', { q: 'たかはし', limit: 5 })).hits[0]?.id ?? '';
  const card = await api('guests.get', { id: guestId });
  expect(JSON.stringify(card)).not.toContain('5678');
});

test('five wrong PINs lock a person out until a time on the inn’s clock; a new PIN from a manager ends it', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子', { pin: OWNER_PIN });
  await openStaffManager(page);
  await addStaff(page, '山本 健', ['調理場'], KITCHEN_PIN);
  await page.keyboard.press('Escape');

  await chooseInSwitcher(page, '山本 健');
  const field = page.getByTestId('pin-prompt-pin');
  for (const left of [4, 3, 2, 1]) {
    await field.fill('0000');
    await field.press('Enter');
    await expect(page.getByTestId('pin-error')).toContainText(`あと${left}回`);
    await expect(field).toHaveValue('');
  }
  await field.fill('0000');
  await field.press('Enter');
  await expect(page.getByTestId('pin-error')).toContainText('PINを続けて間違えたため');
  await expect(page.getByTestId('pin-error')).toContainText(/\d{1,2}:\d{2}/);
  // Locked out: even the right PIN is refused until then.
  await field.fill(KITCHEN_PIN);
  await field.press('Enter');
  await expect(page.getByTestId('pin-error')).toContainText('PINを続けて間違えたため');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('staff-switcher')).toHaveValue('佐藤 花子');

  // The owner sees the lockout and sets a new PIN, which ends it.
  await openStaffManager(page);
  const cook = staffRow(page, '山本 健');
  await expect(cook.getByTestId('staff-locked-out')).toContainText('までロック中');
  await cook.getByTestId('staff-new-pin').fill('9753');
  await cook.getByTestId('staff-new-pin').press('Enter');
  await expect(page.getByTestId('success-notification').last()).toContainText('山本 健のPINを設定しました');
  await expect(staffRow(page, '山本 健').getByTestId('staff-locked-out')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await switchWithPin(page, '山本 健', '9753');

  // The PIN the manager gave is changed by its owner, who proves the current one first.
  await page.getByTestId('header-menu').click();
  await page.getByTestId('own-pin-link').click();
  const dialog = page.getByTestId('own-pin-dialog');
  await expect(dialog.getByTestId('own-pin-current')).toBeFocused();
  await dialog.getByTestId('own-pin-current').fill('1111');
  await dialog.getByTestId('own-pin-next').fill('8642');
  await dialog.getByTestId('own-pin-again').fill('8642');
  await dialog.getByTestId('own-pin-again').press('Enter');
  await expect(dialog.getByTestId('own-pin-error')).toContainText('PINが違います');
  await dialog.getByTestId('own-pin-current').fill('9753');
  await dialog.getByTestId('own-pin-save').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('lock-button').click();
  const lock = page.getByTestId('lock-screen');
  await lock.getByTestId('lock-pin').fill('8642');
  await lock.getByTestId('lock-pin').press('Enter');
  await expect(lock).toBeHidden();
  await expect(page.getByTestId('staff-switcher')).toHaveValue('山本 健');
});
