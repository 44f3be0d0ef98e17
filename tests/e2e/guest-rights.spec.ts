// The guest's rights end to end in real Chromium against the HTTP door and the core: a guest living abroad is
// recorded with their nationality and passport number from the guest form, the 宿泊者名簿 of the month of their
// stay lists them (on screen, as a PDF and as a CSV), and a guest's disclosure is saved as JSON and as a PDF.

import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { createGuest, fillGuestForm, firstRun, open, openForm } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

async function saved(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, bytes: await readFile(await download.path()) };
}

test('a guest living abroad, recorded with nationality and passport, is in the 宿泊者名簿 of the month they stay', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  await openForm(page, 'header-new-guest');
  await fillGuestForm(page, { familyName: 'Smith', givenName: 'John', familyReading: 'smith', givenReading: 'john' });
  const form = page.getByTestId('guest-form');
  await expect(form.getByTestId('guest-nationality')).toBeHidden();
  await form.getByLabel('海外在住（日本国内に住所がない）').check();
  await form.getByTestId('guest-nationality').fill('アメリカ');
  await page.getByRole('option', { name: 'アメリカ合衆国', exact: true }).click();
  // A wrong passport number is refused in words, then corrected; full width and a hyphen are read as printed.
  await form.getByTestId('guest-passport').fill('パスポート');
  await page.getByTestId('save-guest').click();
  await expect(form).toContainText('旅券番号は英数字5〜20文字で入力してください');
  await form.getByTestId('guest-passport').fill('ｘｂ１２３-４５６７');
  await page.getByTestId('save-guest').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('guest-nationality-card')).toHaveText('アメリカ合衆国');
  await expect(page.getByTestId('guest-passport-card')).toContainText('XB1234567');
  const id = (await page.getByTestId('guest-card').getAttribute('data-guest-id')) ?? '';
  // The History tab reads the nationality as the card does, by its name.
  await page.getByTestId('history-tab').click();
  await expect(page.getByTestId('history')).toContainText('アメリカ合衆国');

  const api = apiFor(page, app);
  await api('stays.create', {
    fields: { guestId: id, arrivalDate: '2026-11-03', departureDate: '2026-11-05', rooms: ['桜'] },
  });
  const sato = (await api('guests.create', {
    fields: { familyName: '佐藤', givenName: '花子', familyReading: 'さとう', givenReading: 'はなこ' },
  })) as { id: string };
  await api('stays.create', {
    fields: {
      guestId: sato.id,
      arrivalDate: '2026-11-20',
      departureDate: '2026-11-21',
      rooms: ['梅'],
      status: 'cancelled',
    },
  });

  await page.getByTestId('header-menu').click();
  await page.getByTestId('register-link').click();
  const screen = page.getByTestId('register-page');
  await screen.getByTestId('register-from').fill('2026-11-01');
  await screen.getByTestId('register-to').fill('2026-11-30');
  await expect(screen.getByTestId('register-count')).toHaveText('宿泊 1件・1名');
  const row = screen.getByTestId('register-row');
  await expect(row).toHaveCount(1); // the cancelled stay is not in the register
  await expect(row).toContainText('Smith John 様');
  await expect(row.getByTestId('register-foreign')).toContainText('アメリカ合衆国');
  await expect(row.getByTestId('register-foreign')).toContainText('XB1234567');
  // No address or phone yet: the register says what the Act asks for and is missing.
  await expect(row.getByTestId('register-gaps')).toHaveText('未記入：住所、電話');

  const pdf = await saved(page, () => screen.getByTestId('register-pdf').click());
  expect(pdf.download.suggestedFilename()).toBe('yadocho-宿泊者名簿-2026-11-01-2026-11-30.pdf');
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const csv = await saved(page, () => screen.getByTestId('register-csv').click());
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('2026-11-03,2026-11-05,桜,代表,Smith,John,smith,john,');
  expect(lines[1]).toContain(',アメリカ合衆国,US,XB1234567,');
});

test('a manager discloses a guest as JSON and as a PDF from the card', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  const id = await createGuest(page, {
    familyName: '高橋',
    givenName: '一郎',
    familyReading: 'たかはし',
    givenReading: 'いちろう',
    phone: '090-1234-5678',
  });
  const api = apiFor(page, app);
  await api('stays.create', {
    fields: { guestId: id, arrivalDate: '2026-10-10', departureDate: '2026-10-12', rooms: ['松'], amountYen: 64000 },
  });
  await api('requests.record', { guestId: id, standing: true, category: 'room', text: '禁煙室を希望' });

  await page.getByTestId('disclose-guest').click();
  const json = await saved(page, () => page.getByTestId('disclose-json').click());
  expect(json.download.suggestedFilename()).toMatch(/^yadocho-開示-高橋一郎-\d{4}-\d{2}-\d{2}\.json$/);
  const disclosure = JSON.parse(json.bytes.toString('utf8'));
  expect(disclosure).toMatchObject({
    format: 'yadocho.disclosure',
    version: 2,
    guest: { familyName: '高橋', givenName: '一郎', phones: [{ number: '090-1234-5678' }] },
    stays: [{ arrivalDate: '2026-10-10', amountYen: 64000 }],
    requests: [{ text: '禁煙室を希望', standing: true }],
  });
  expect(disclosure.history.length).toBeGreaterThan(0);
  await expect(page.getByTestId('success-notification').filter({ hasText: '開示' })).toContainText('を保存しました');

  const pdf = await saved(page, () => page.getByTestId('disclose-pdf').click());
  expect(pdf.download.suggestedFilename()).toMatch(/^yadocho-開示-高橋一郎-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
});

test('an erased guest’s card still discloses, with when they were erased and what the legal hold keeps', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const id = await createGuest(page, {
    familyName: '鳴海',
    givenName: '澪',
    familyReading: 'なるみ',
    givenReading: 'みお',
    phone: '090-2468-1357',
  });
  const api = apiFor(page, app);
  // A stay that ends ahead: the 宿泊者名簿 fields are held for three years after it.
  await api('stays.create', {
    fields: { guestId: id, arrivalDate: '2099-10-10', departureDate: '2099-10-12', rooms: ['松'] },
  });
  await page.reload();
  await page.getByTestId('erase-guest').click();
  await page.getByTestId('erasure-reason').fill('ご本人より書面で依頼');
  await page.getByTestId('confirm-erase').click();
  const card = page.getByTestId('guest-card');
  await expect(page.getByTestId('guest-name')).toHaveText('消去済みのお客様');
  await expect(card).not.toContainText('鳴海');

  await card.getByTestId('disclose-guest').click();
  await expect(page.getByRole('dialog')).toContainText('宿泊者名簿のために保管している項目');
  const json = await saved(page, () => page.getByTestId('disclose-json').click());
  const disclosure = JSON.parse(json.bytes.toString('utf8'));
  expect(disclosure).toMatchObject({
    version: 2,
    guest: { familyName: '', phones: [] },
    erasure: {
      holdUntil: '2102-10-12',
      releasedAt: null,
      held: { familyName: '鳴海', givenName: '澪', phones: [{ number: '090-2468-1357' }] },
    },
  });
  const pdf = await saved(page, () => page.getByTestId('disclose-pdf').click());
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
});

// A register kept for years: the file is written first by a core whose clock is seven years back, then the app
// opens it. The retention review lists the guest quiet since then, not the one recorded today, and a row opens
// the card.
const withOldGuest = test.extend<{ oldFile: string }>({
  oldFile: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'yadocho-retention-'));
    const file = join(dir, 'yadocho.sqlite');
    const db = openDatabase(file, { ownFolder: false });
    const sevenYears = 7 * 365 * 86_400_000;
    const core = createCore({
      db,
      nodeId: openNodeIdentity(db).nodeId,
      clock: () => Date.now() - sevenYears,
      logger: { info() {}, warn() {}, error: console.error },
    });
    const call = async (name: string, input: unknown) => {
      const result = await core.call(name, input);
      if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
      return result.value as { id: string };
    };
    await call('staff.setCurrent', { id: (await call('staff.create', { name: '佐藤 花子' })).id });
    const guest = await call('guests.create', {
      fields: { familyName: '古川', givenName: '一郎', familyReading: 'ふるかわ', givenReading: 'いちろう' },
    });
    await call('stays.create', {
      fields: { guestId: guest.id, arrivalDate: '2019-08-10', departureDate: '2019-08-11', rooms: ['松'] },
    });
    core.close();
    db.close();
    await use(file);
    rmSync(dir, { recursive: true, force: true });
  },
  appOptions: async ({ oldFile }, use) => {
    await use({ dataFile: oldFile });
  },
});

withOldGuest(
  'the retention review lists a guest quiet for years, and a row opens their card',
  async ({ page, app }) => {
    await open(page, app.url);
    await apiFor(page, app)('guests.create', { fields: { familyName: '新井', familyReading: 'あらい' } });
    await page.getByTestId('header-menu').click();
    await page.getByTestId('retention-link').click();
    const screen = page.getByTestId('retention-page');
    await expect(screen).toContainText('5年以上、宿泊も記録もないお客様です');
    const row = screen.getByTestId('retention-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('古川 一郎');
    await expect(row).toContainText('2019年8月10日');
    await expect(row).toContainText('1回');
    await row.getByRole('link', { name: '古川 一郎' }).click();
    await expect(page.getByTestId('guest-name')).toHaveText('古川 一郎');
  },
);
