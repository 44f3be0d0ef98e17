// The screen lock end to end in real Chromium: after the idle minutes the manager set, with nobody touching the
// window, the screen locks (the page's clock is driven, never waited on); the lock screen names who was working
// and asks their PIN, or lets someone else choose themselves; the header's lock button locks at once. An inn
// running without PINs sees that plainly in the settings, and choosing a person asks nothing.

import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';
import { addStaff, chooseInSwitcher, openStaffManager } from './roles.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

async function openSettings(page: import('@playwright/test').Page) {
  await page.getByTestId('header-menu').click();
  await page.getByTestId('settings-link').click();
  await expect(page.getByTestId('access-settings')).toBeVisible();
}

test('after the idle minutes the screen locks; the PIN resumes, another person can switch in', async ({
  page,
  app,
}) => {
  await page.clock.install();
  await open(page, app.url);
  await firstRun(page, '佐藤 花子', { pin: '2468' });
  await openStaffManager(page);
  await addStaff(page, '山本 健', ['調理場'], '1357');
  await page.keyboard.press('Escape');

  await openSettings(page);
  const settings = page.getByTestId('access-settings');
  await expect(settings.getByTestId('pins-state')).toHaveText(
    'PINを必須にしています：担当者を選ぶときに本人のPINが必要です',
  );
  await expect(settings.getByTestId('setting-pinsRequired')).toBeChecked();
  await settings.getByTestId('setting-idleLockMinutes').fill('3');
  await settings.getByTestId('save-idle-lock').click();
  await expect(page.getByTestId('success-notification').last()).toHaveText('PINと画面ロックの設定を保存しました');
  // The timer restarts on the new minutes once the settings are read again (a changed event): wait for that.
  await expect(page.getByTestId('idle-lock')).toHaveAttribute('data-minutes', '3');
  await expect(page.getByTestId('idle-lock')).toHaveAttribute('data-armed', 'true');

  // Two and a half minutes without a touch: still open. Past three: locked, and nothing of the register shows.
  await page.clock.fastForward('02:30');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await page.clock.fastForward('00:40');
  const lock = page.getByTestId('lock-screen');
  await expect(lock).toBeVisible();
  await expect(lock.getByTestId('lock-was-working')).toHaveText('佐藤 花子が作業中でした');
  await expect(page.getByTestId('guest-search')).toHaveCount(0);
  // The core holds the lock too: nobody is working at this PC.
  expect((await apiFor(page, app)('staff.list', {})).currentStaffId).toBeNull();

  // The PIN field has the focus; a wrong PIN says so, the right one and Enter resume.
  const pin = lock.getByTestId('lock-pin');
  await expect(pin).toBeFocused();
  await pin.fill('1111');
  await pin.press('Enter');
  await expect(lock.getByTestId('pin-error')).toContainText('PINが違います');
  await pin.fill('2468');
  await pin.press('Enter');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByTestId('staff-switcher')).toHaveValue('佐藤 花子');

  // The lock button locks at once; a reload keeps the lock; another person switches in with their PIN.
  await page.getByTestId('lock-button').click();
  await expect(lock).toBeVisible();
  await page.reload();
  await expect(lock).toBeVisible();
  await expect(lock.getByTestId('lock-was-working')).toHaveText('佐藤 花子が作業中でした');
  await lock.getByTestId('lock-switch-person').click();
  await lock.getByTestId('lock-person').click();
  await page.getByRole('option', { name: '山本 健', exact: true }).click();
  await lock.getByTestId('lock-pin').fill('1357');
  await lock.getByTestId('lock-pin').press('Enter');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByTestId('staff-switcher')).toHaveValue('山本 健');
});

test('without PINs the settings say so plainly, switching asks nothing, and PINs need the owner’s own first', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  await openStaffManager(page);
  await addStaff(page, '中村 翔', ['フロント']);
  await page.keyboard.press('Escape');

  await openSettings(page);
  const settings = page.getByTestId('access-settings');
  await expect(settings.getByTestId('pins-state')).toHaveText('PINなしで運用中：だれでも任意の名前で操作できます');
  // Turning PINs on while the owner has none would lock everybody out: refused, in words.
  await settings.getByTestId('setting-pinsRequired').click();
  await expect(settings.getByTestId('access-settings-error')).toHaveText(
    'PINを必須にする前に、ご自身のPINを設定してください。',
  );
  await expect(settings.getByTestId('setting-pinsRequired')).not.toBeChecked();

  await chooseInSwitcher(page, '中村 翔');
  await expect(page.getByTestId('pin-prompt')).toHaveCount(0);
  await expect(page.getByTestId('staff-switcher')).toHaveValue('中村 翔');

  // The lock button still clears who is working; going on is one click, in English too.
  await page.getByTestId('lock-button').click();
  const lock = page.getByTestId('lock-screen');
  await expect(lock.getByTestId('lock-pin')).toHaveCount(0);
  await expect(lock.getByTestId('lock-submit')).toHaveText('中村 翔として続ける');
  await lock.getByTestId('language-switch').getByText('English').click();
  await expect(lock.getByTestId('lock-submit')).toHaveText('Go on as 中村 翔');
  await lock.getByTestId('lock-submit').click();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByTestId('staff-switcher')).toHaveValue('中村 翔');
});
