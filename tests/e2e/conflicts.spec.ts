// The conflicts screen end to end in real Chromium: what another PC recorded while apart arrives in this PC's
// register (written into the file before the app starts, see tests/support/conflicts-scenario.ts), the header counts it,
// the page says each conflict in words with both sides, a decision is confirmed and recorded under the person
// working here, and a change from a PC whose clock is ten minutes ahead is applied when staff accept it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { HERE_STAFF, recordOnTwoPcs, THERE_STAFF, type TwoPcsScenario } from '../support/conflicts-scenario.ts';
import { test as base, expect } from './fixtures.ts';
import { open } from './guest-desk.helpers.ts';

type Prepared = { dataFile: string; scenario: TwoPcsScenario };

// The app starts on a file that already holds both PCs' records: the app fixture takes it through appOptions.
const test = base.extend<{ prepared: Prepared }>({
  prepared: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'yadocho-conflicts-'));
    const dataFile = join(dir, 'yadocho.sqlite');
    await use({ dataFile, scenario: await recordOnTwoPcs(dataFile) });
    rmSync(dir, { recursive: true, force: true });
  },
  appOptions: async ({ prepared }, use) => {
    await use({ dataFile: prepared.dataFile });
  },
});

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const kind = (page: Page, name: string) => page.locator(`[data-testid="conflict"][data-kind="${name}"]`);
const heldBecause = (page: Page, reason: string) =>
  page.locator(`[data-testid="held-change"][data-reason="${reason}"]`);

test('staff see what two PCs recorded apart, decide which final stage stands, and apply a held change', async ({
  page,
  app,
  prepared,
}, testInfo) => {
  const { scenario } = prepared;
  await open(page, app.url);
  // Five conflicts and two held changes wait; the header says so on every screen.
  const badge = page.getByTestId('conflicts-badge');
  await expect(badge).toHaveText('競合・保留 7');
  await page.getByTestId('header-menu').click();
  await page.getByTestId('conflicts-link').click();
  await expect(page.getByTestId('conflicts-page')).toBeVisible();
  await expect(page.getByTestId('conflicts-section').getByRole('heading')).toHaveText('競合（5件）');

  const hall = kind(page, 'hall_double_booked');
  await expect(hall.getByTestId('conflict-title')).toHaveText('松の間が同じ時間に2件の宴会で押さえられています');
  await expect(hall.getByTestId('conflict-deal')).toHaveText(['営業部 歓迎会', '同窓会']);
  await expect(hall.getByTestId('conflict-deal').first()).toHaveAttribute(
    'href',
    `#/banquet/${scenario.sharedDeals.here}`,
  );

  const stages = kind(page, 'deal_final_stages');
  await expect(stages.getByTestId('conflict-title')).toHaveText('失注とキャンセルが両方記録されています');
  await expect(stages.getByTestId('conflict-deal')).toContainText('山本家 法要');
  const [lost, cancelled] = [
    stages.getByTestId('conflict-side').filter({ hasText: '失注' }),
    stages.getByTestId('conflict-side').filter({ hasText: 'キャンセル' }),
  ];
  await expect(lost).toContainText('競合先：ホテル白鷺');
  await expect(lost).toContainText(HERE_STAFF);
  await expect(cancelled).toContainText('法要そのものが延期');
  await expect(cancelled).toContainText(THERE_STAFF);

  const allergy = kind(page, 'allergy_duplicate');
  await expect(allergy.getByTestId('conflict-title')).toHaveText(
    '同じアレルゲンの記録が2件あります（重い方：アナフィラキシー）',
  );
  await expect(allergy.getByTestId('conflict-guest')).toHaveText('髙橋 太郎 様：えび');

  const dates = kind(page, 'field_group');
  await expect(dates.getByTestId('conflict-title')).toContainText('出発日（');
  await expect(dates.getByTestId('conflict-title')).toContainText('）が到着日（');
  await expect(dates.getByTestId('conflict-fix')).toHaveAttribute('href', `#/stay/${scenario.stayId}`);

  const note = kind(page, 'field_edit');
  await expect(note).toHaveCount(1); // the bookkeeping column both edits moved is not shown
  await expect(note.getByTestId('conflict-title')).toHaveText('髙橋 太郎 様の「メモ」が2台のPCで別々に変更されました');
  await expect(note.getByTestId('conflict-kept').getByTestId('conflict-value')).toHaveText('禁煙室を希望');
  await expect(note.getByTestId('conflict-kept')).toContainText(THERE_STAFF);
  await expect(note.getByTestId('conflict-other').getByTestId('conflict-value')).toHaveText('窓側の部屋を希望');
  await expect(note.getByTestId('conflict-other')).toContainText(HERE_STAFF);
  await page.screenshot({ path: testInfo.outputPath('conflicts-page.png'), fullPage: true });

  // The lost record stands: asked once more, recorded under the person working here, then gone from the list.
  await stages.getByTestId('decide-stage-lost').click();
  const dialog = page.getByTestId('decide-dialog');
  await expect(dialog).toContainText('この宴会の段階を「失注」とします');
  await expect(dialog.getByTestId('decide-by')).toHaveText(`記録する担当者：${HERE_STAFF}`);
  await dialog.getByTestId('decide-note').fill('幹事様に電話で確認');
  await dialog.getByTestId('decide-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(stages).toHaveCount(0);
  await expect(badge).toHaveText('競合・保留 6');

  // Held changes: why each waits, and only the clock's one can be applied from here.
  const ahead = heldBecause(page, 'clock_ahead');
  await expect(ahead).toContainText('このPCより5分以上進んだ時計のPCからの変更');
  await expect(ahead).toContainText('このPCより約10分進んでいます');
  await expect(ahead.getByTestId('held-entries')).toHaveText('1件');
  await expect(ahead.getByTestId('held-stamped')).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}$/);
  const newer = heldBecause(page, 'unknown_schema');
  await expect(newer).toContainText('新しいバージョンのYadochoからの変更（このPCを更新すると反映されます）');
  await expect(newer.getByTestId('accept-held')).toHaveCount(0);
  await ahead.getByTestId('accept-held').click();
  const accept = page.getByTestId('accept-dialog');
  await expect(accept).toContainText('このPCより約10分進んでいます');
  await expect(accept).toContainText('このPCの記録の時計もその時刻まで進みます');
  await page.screenshot({ path: testInfo.outputPath('accept-held.png') });
  await accept.getByTestId('accept-confirm').click();
  await expect(accept).toBeHidden();
  await expect(ahead).toHaveCount(0);
  await expect(heldBecause(page, 'unknown_schema')).toHaveCount(1);
  await expect(badge).toHaveText('競合・保留 5');

  // What was decided and accepted is in the register: the deal is lost, the held guest can be found.
  await page.evaluate((id) => {
    window.location.hash = `#/banquet/${id}`;
  }, scenario.endedDeal);
  await expect(page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', 'lost');
  await page.getByTestId('guest-search').fill('みらい');
  await expect(page.getByTestId('search-result')).toContainText('未来 一郎');
});

test('the page reads in English too', async ({ page, app }) => {
  await open(page, app.url);
  await page.getByTestId('language-switch').getByText('English').click();
  const badge = page.getByTestId('conflicts-badge');
  await expect(badge).toHaveText('Conflicts 7');
  await badge.click();
  await expect(page.getByTestId('conflicts-page').getByRole('heading', { level: 2 })).toHaveText(
    'Conflicts & held changes',
  );
  await expect(kind(page, 'deal_final_stages').getByTestId('conflict-title')).toHaveText(
    'Lost and Cancelled were both recorded',
  );
  await expect(kind(page, 'hall_double_booked').getByTestId('conflict-title')).toHaveText(
    '松の間 is held by 2 banquets at the same time',
  );
  await expect(heldBecause(page, 'clock_ahead')).toContainText(
    'From a PC whose clock is more than 5 minutes ahead of this one',
  );
});
