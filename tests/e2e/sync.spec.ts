// Two PCs of one inn, each its own server (the core in its worker on its own data file, its sync port on
// 127.0.0.1), each with its own page in real Chromium (run `npm run build:renderer` first). Staff turn sync on
// in 「PC・同期」 on both, add the second PC from the first (the code read off the first page and typed on the
// second), see both listed as 同期済み, and an allergy recorded on one PC's guest card shows on the other's.
// Then, with the second PC's sync switched off, each confirms a party in the same hall the same evening; once
// it is back on, both PCs' headers turn red and both 競合・保留 screens name the clash.
// Nothing is mocked: real TLS between the two cores, only loopback dialled.

import type { Browser, Page } from '@playwright/test';
import { addDays, localDate } from '../../shared/text/dates.ts';
import { type RunningApp, startApp } from '../support/app-server.ts';
import { freePort } from '../support/pair-pcs.ts';
import { takeInquiry } from './banquets.helpers.ts';
import { type AppFixture, expect, test } from './fixtures.ts';
import { apiFor, guest } from './floor.helpers.ts';
import { createGuest, firstRun, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

type Pc = { app: RunningApp; syncPort: number; page: Page };

async function startPc(browser: Browser, staff: string): Promise<Pc> {
  const syncPort = await freePort();
  const app = await startApp({ sync: { port: syncPort, host: '127.0.0.1' } });
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  await open(page, app.server.pageUrl);
  await firstRun(page, staff);
  return { app, syncPort, page };
}

/** 「PC・同期」 from the header's menu, as staff find it. */
async function openSync(page: Page): Promise<void> {
  await page.getByTestId('header-menu').click();
  await page.getByTestId('sync-link').click();
  await expect(page.getByTestId('sync-page')).toBeVisible();
}

/** Names this PC and turns sync on, through the screen. */
async function turnOn(page: Page, name: string): Promise<string> {
  await openSync(page);
  await expect(page.getByTestId('sync-off')).toBeVisible();
  await page.getByTestId('sync-name').fill(name);
  await page.getByTestId('sync-save-name').click();
  await expect(
    page.getByTestId('success-notification').filter({ hasText: 'このPCの名前を保存しました' }),
  ).toBeVisible();
  await page.getByLabel('同期する').click();
  await expect(page.getByLabel('同期する')).toBeChecked();
  await expect(page.getByTestId('sync-off')).toBeHidden();
  await expect(page.getByTestId('sync-problem')).toBeHidden();
  await expect(page.getByTestId('sync-name')).toHaveValue(name);
  await expect(page.getByTestId('sync-save-name')).toBeDisabled();
  const id = page.getByTestId('sync-device-id');
  await expect(id).toHaveText(/^([A-Z2-7]{7}-){7}[A-Z2-7]{7}$/);
  return (await id.textContent()) ?? '';
}

/** Switches this PC's sync on or off in 「PC・同期」. */
async function switchSync(page: Page, on: boolean): Promise<void> {
  await openSync(page);
  const toggle = page.getByLabel('同期する');
  await toggle.click();
  if (on) await expect(toggle).toBeChecked();
  else await expect(toggle).not.toBeChecked();
}

/** This PC's device id as 「PC・同期」 shows it, and its short form (the first seven characters). */
async function deviceIdOf(page: Page): Promise<string> {
  await openSync(page);
  return (await page.getByTestId('sync-device-id').textContent()) ?? '';
}
const shortOf = (id: string) => id.slice(0, 7);

/** What a person types when their keyboard is in full-width mode: １２３４５６. */
const fullWidth = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

const running: Pc[] = [];
test.afterEach(async () => {
  for (const pc of running.splice(0)) {
    await pc.page.context().close();
    await pc.app.stop();
  }
});

/**
 * Two PCs, each with its server and page, turned on, named and paired through the screens: 「PCを追加」 on the
 * front desk's PC, the kitchen's joins at 127.0.0.1 and its sync port, the code typed, the front desk adds it.
 */
async function pairedPcs(browser: Browser): Promise<{ front: Pc; kitchen: Pc }> {
  const front = await startPc(browser, '佐藤 花子');
  running.push(front);
  const kitchen = await startPc(browser, '鈴木 一郎');
  running.push(kitchen);
  // Sync is off until someone turns it on: no indicator in the header.
  await expect(front.page.getByTestId('sync-indicator')).toBeHidden();
  await turnOn(front.page, 'フロント');
  const kitchenId = await turnOn(kitchen.page, '厨房');
  // On, but in no group yet: still nothing in the header.
  await expect(front.page.getByTestId('sync-no-peers')).toBeVisible();
  await expect(front.page.getByTestId('sync-indicator')).toBeHidden();

  // 「PCを追加」 on the front desk's PC.
  await front.page.getByTestId('sync-invite-button').click();
  await expect(front.page.getByTestId('sync-invite-waiting')).toHaveText(
    '新しいPCで このPCを選んで、表示されるコードを入力してください',
  );

  // The kitchen's PC joins at the front desk's address and sync port.
  await kitchen.page.getByTestId('sync-join-button').click();
  await kitchen.page.getByTestId('sync-join-host').fill('127.0.0.1');
  await kitchen.page.getByTestId('sync-join-port').fill(String(front.syncPort));
  await kitchen.page.getByTestId('sync-join-connect').click();

  // The front desk shows the code, large; the kitchen asks for it, naming the front desk's PC.
  const code = front.page.getByTestId('sync-code');
  await expect(code).toHaveText(/^\d{3} \d{3}$/, { timeout: 15_000 });
  await expect(front.page.getByTestId('sync-time-left')).toHaveText(/^残り [0-2]:\d{2}$/);
  const digits = (await code.getAttribute('data-code')) ?? '';
  expect(digits).toMatch(/^\d{6}$/);
  const input = kitchen.page.getByTestId('sync-join-code');
  await expect(input).toBeVisible({ timeout: 15_000 });
  await expect(kitchen.page.getByTestId('sync-join-code-form')).toContainText('フロント (');
  await expect(kitchen.page.getByTestId('sync-join-tries')).toHaveText('あと3回まで入力できます');

  // Too few digits is said at once and uses no try; a wrong code uses one, and says how many are left.
  await input.fill('123');
  await input.press('Enter');
  await expect(kitchen.page.getByTestId('sync-join-code-form')).toContainText('6桁の数字を入力してください');
  await expect(kitchen.page.getByTestId('sync-join-tries')).toHaveText('あと3回まで入力できます');
  const wrong = `${(Number(digits[0]) + 1) % 10}${digits.slice(1)}`;
  await input.fill(wrong);
  await input.press('Enter');
  await expect(kitchen.page.getByTestId('sync-join-wrong')).toHaveText('コードが違います。あと2回まで入力できます。');

  // The right one typed in full-width digits, Enter submits.
  await input.fill(fullWidth(digits));
  await input.press('Enter');
  await expect(kitchen.page.getByTestId('sync-join-matched')).toContainText('コードが一致しました。', {
    timeout: 15_000,
  });
  // The new PC shows its own short id, for the person at the front desk to compare.
  const kitchenShort = kitchenId.slice(0, 7);
  await expect(kitchen.page.getByTestId('sync-join-matched')).toContainText(`このPCの識別番号：${kitchenShort}`);

  // The front desk asks whether to add the kitchen's PC by name and short id; staff add it.
  const confirm = front.page.getByTestId('sync-invite-confirm');
  await expect(confirm).toHaveText(`厨房 (${kitchenShort}) を追加しますか`, { timeout: 15_000 });
  await front.page.getByTestId('sync-invite-accept').click();
  await expect(front.page.getByTestId('sync-invite-paired')).toHaveText('厨房をグループに追加しました');
  await expect(kitchen.page.getByTestId('sync-join-paired')).toBeVisible({ timeout: 15_000 });

  // Both list the other, in sync, with where it was reached; the header shows all is well.
  for (const [pc, other] of [
    [front, '厨房'],
    [kitchen, 'フロント'],
  ] as const) {
    const peer = pc.page.getByTestId('sync-peer');
    await expect(peer).toHaveCount(1);
    await expect(peer.getByTestId('sync-peer-name')).toHaveText(other);
    await expect(peer.getByTestId('sync-peer-state')).toHaveText('同期済み', { timeout: 30_000 });
    await expect(peer.getByTestId('sync-peer-address')).toContainText('127.0.0.1:');
    const indicator = pc.page.getByTestId('sync-indicator');
    await expect(indicator).toHaveAttribute('data-level', 'ok');
    await expect(indicator).toHaveAttribute('aria-label', '同期: すべてのPCと同期済みです');
  }
  await expect(front.page.getByTestId('sync-peer-address')).toHaveText(`アドレス 127.0.0.1:${kitchen.syncPort}`);

  return { front, kitchen };
}

test('two PCs are paired through the screens, an allergy recorded on one shows on the other, and one is removed', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { front, kitchen } = await pairedPcs(browser);
  // An allergy recorded on the front desk's guest card…
  await createGuest(front.page, {
    familyName: '髙橋',
    givenName: '一郎',
    familyReading: 'たかはし',
    givenReading: 'いちろう',
  });
  await front.page.getByTestId('card-record-allergy').click();
  await expect(front.page.getByTestId('allergy-allergen')).toBeFocused();
  await front.page.keyboard.type('えび');
  await expect(front.page.getByRole('option', { name: 'えび', exact: true })).toBeVisible();
  await front.page.keyboard.press('Enter');
  await expect(front.page.getByTestId('allergy-allergen')).toHaveValue('えび');
  await front.page.keyboard.press('Enter');
  await expect(front.page.getByTestId('allergy-form')).toBeHidden();
  await expect(front.page.getByTestId('alert-allergy')).toContainText('えび');

  // …shows on the kitchen's card of the same guest.
  await kitchen.page.getByTestId('home').click();
  const search = kitchen.page.getByTestId('guest-search');
  const results = kitchen.page.getByTestId('search-result');
  await expect(async () => {
    await search.fill('');
    await search.fill('たかはし');
    await expect(results).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await results.first().click();
  await expect(kitchen.page.getByTestId('guest-name')).toHaveText('髙橋 一郎');
  await expect(kitchen.page.getByTestId('alert-allergy')).toContainText('えび', { timeout: 30_000 });

  // The kitchen's laptop is retired: removed from the group on the front desk's PC, after a warning that it
  // cannot be undone. The front desk then has no peer, and the header's indicator goes.
  await openSync(front.page);
  await front.page.getByTestId('sync-peer-remove').click();
  const dialog = front.page.getByRole('dialog');
  await expect(dialog).toContainText(`厨房 (${shortOf(await deviceIdOf(kitchen.page))}) をグループから外します`);
  await expect(dialog.getByTestId('sync-remove-irreversible')).toContainText('この操作は元に戻せません');
  await dialog.getByTestId('sync-remove-reason').fill('買い替え');
  await dialog.getByTestId('sync-remove-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(front.page.getByTestId('sync-peer')).toHaveCount(0);
  await expect(front.page.getByTestId('sync-no-peers')).toBeVisible();
  await expect(front.page.getByTestId('sync-indicator')).toBeHidden();
});

test('a hall booked for the same evening on both PCs while one was off is a conflict on both once it is back on', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const { front, kitchen } = await pairedPcs(browser);
  // The hall and both organisers were recorded earlier on the front desk's PC (through the HTTP door), and
  // reached the kitchen's.
  const frontApi = apiFor(front.page, { url: front.app.server.pageUrl } as AppFixture);
  const kitchenApi = apiFor(kitchen.page, { url: kitchen.app.server.pageUrl } as AppFixture);
  await frontApi('halls.create', { fields: { name: '松の間', capacity: { seated: 60, standing: 80, theatre: 0 } } });
  await guest(frontApi, '田中', '太郎', 'たなか', 'たろう');
  await guest(frontApi, '山本', '次郎', 'やまもと', 'じろう');
  await expect
    .poll(
      async () => {
        const halls = (await kitchenApi('halls.list', {})).halls.length;
        const hits = (await kitchenApi('guests.search', { q: 'やまもと' })).hits.length;
        return halls + hits;
      },
      { timeout: 30_000 },
    )
    .toBe(2);

  // The kitchen's PC goes off sync; each PC confirms a party in 松の間 the same evening.
  await switchSync(kitchen.page, false);
  await expect(kitchen.page.getByTestId('sync-indicator')).toBeHidden();
  const date = addDays(localDate(Date.now(), 'Asia/Tokyo'), 30);
  const party = { date, start: '18:00', end: '20:00', hall: '松の間', headcount: 30 };
  await takeInquiry(front.page, { ...party, organiser: 'たなか', group: '営業部 歓迎会' });
  await front.page.getByTestId('advance-confirmed').click();
  await expect(front.page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', 'confirmed');
  await takeInquiry(kitchen.page, { ...party, organiser: 'やまもと', group: '同窓会' });
  await kitchen.page.getByTestId('advance-confirmed').click();
  await expect(kitchen.page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', 'confirmed');

  // Back on: both PCs learn of the clash, the header turns red, and 競合・保留 names the hall and both deals.
  await switchSync(kitchen.page, true);
  for (const pc of [front, kitchen]) {
    const indicator = pc.page.getByTestId('sync-indicator');
    await expect(indicator).toHaveAttribute('data-level', 'alert', { timeout: 30_000 });
    await expect(indicator).toHaveAttribute('aria-label', '同期: 確認が必要な競合・保留が1件あります');
    await openSync(pc.page);
    await pc.page.getByTestId('sync-conflicts-link').click();
    await expect(pc.page.getByTestId('conflicts-page')).toBeVisible();
    const hall = pc.page.locator('[data-testid="conflict"][data-kind="hall_double_booked"]');
    await expect(hall.getByTestId('conflict-title')).toHaveText('松の間が同じ時間に2件の宴会で押さえられています');
    const deals = hall.getByTestId('conflict-deal');
    await expect(deals).toHaveCount(2);
    await expect(deals.filter({ hasText: '営業部 歓迎会' })).toHaveCount(1);
    await expect(deals.filter({ hasText: '同窓会' })).toHaveCount(1);
  }
});
