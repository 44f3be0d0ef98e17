// Backups end to end in real Chromium, against the core in its worker behind the HTTP door, as staff would
// meet them: the warning while the register is not backed up, a folder set in the settings, 「今すぐバックアップ」,
// a guest recorded after, then a restore of the backup: the guest recorded after is gone, the earlier one is
// there, and the register before the restore is kept aside in the data folder.

import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { createGuest, firstRun, goHome, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('set a folder, back up now, restore: the register is back as it was at the backup', async ({ page, app }) => {
  const folder = join(dirname(app.dataFile), 'usb-backups');
  mkdirSync(folder);
  await open(page, app.url);
  await firstRun(page);
  await createGuest(page, { familyName: '石原', givenName: '浩', familyReading: 'いしはら', givenReading: 'ひろし' });

  // A register with guests and no backups: every screen says so.
  const banner = page.getByTestId('backup-warning');
  await expect(banner).toContainText('自動バックアップが設定されていません');

  await banner.getByRole('button', { name: '設定を開く' }).click();
  const section = page.getByTestId('backup-settings');
  await expect(section.getByTestId('backup-folder-state')).toHaveText('保存先フォルダが未設定です');
  // A folder that is not a full path is refused under its field.
  await section.getByTestId('backup-folder').fill('usb-backups');
  await section.getByTestId('backup-save').click();
  await expect(section.getByText('フォルダはフルパスで入力してください', { exact: false })).toBeVisible();

  await section.getByTestId('backup-folder').fill(folder);
  await section.getByTestId('backup-save').click();
  await expect(
    page.getByTestId('success-notification').filter({ hasText: 'バックアップの設定を保存しました' }),
  ).toBeVisible();
  await expect(section.getByTestId('backup-folder-state')).toHaveText('保存先フォルダに書き込めます');

  await expect(section.getByTestId('backup-now')).toBeEnabled();
  await section.getByTestId('backup-now').click();
  await expect(
    page.getByTestId('success-notification').filter({ hasText: 'バックアップを作成しました' }),
  ).toBeVisible();
  await expect(section.getByTestId('backup-last-good')).toContainText(/yadocho-\d{4}-\d{2}-\d{2}-\d{4}(-\d+)?\.sqlite/);
  await expect(section.getByTestId('backup-last-good')).toContainText('お客様1名・宿泊0件');
  await expect(banner).toBeHidden();

  // Recorded after the backup.
  await goHome(page);
  await createGuest(page, { familyName: '後藤', givenName: '真理', familyReading: 'ごとう', givenReading: 'まり' });

  await page.getByTestId('header-menu').click();
  await page.getByTestId('settings-link').click();
  const restore = page.getByTestId('backup-restore');
  await restore.getByTestId('backup-list-refresh').click();
  const newest = restore.getByTestId('backup-row').first();
  await expect(newest).toContainText('お客様1名・宿泊0件');
  await newest.getByTestId('backup-restore-open').click();
  const confirm = page.getByTestId('backup-restore-confirm');
  await expect(confirm).toContainText('お客様1名・宿泊0件）に戻します');
  await expect(confirm).toContainText('いまのデータは消さずに');
  await confirm.getByTestId('backup-restore-ok').click();
  await expect(
    page.getByTestId('success-notification').filter({ hasText: 'バックアップから復元しました' }),
  ).toBeVisible();

  // The screens reload on the restored register.
  await page.waitForEvent('load');
  await expect(page.getByTestId('guest-search')).toBeVisible();
  const search = page.getByTestId('guest-search');
  await search.fill('ごとう');
  await expect(page.getByTestId('no-results')).toBeVisible();
  await search.fill('いしはら');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await expect(page.getByTestId('search-result')).toContainText('石原');
  expect(readdirSync(dirname(app.dataFile)).filter((name) => name.includes('-before-restore-'))).toHaveLength(1);
});
