// Importing sales end to end in real Chromium: a front desk with stays already recorded picks 売上の取り込み on the
// import screen, chooses the accounting system's Shift_JIS CSV, reviews which rows found their stay (and which did
// not), imports the amounts, and sees the amount on the guest's stay; then takes the import back.

import { expect, test } from './fixtures.ts';
import { apiFor, guest } from './floor.helpers.ts';
import { firstRun, open, searchAndOpen } from './guest-desk.helpers.ts';
import { chooseLedger, openImports, shiftJisCsv } from './imports.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('a sales CSV is matched to stays, reviewed, imported, shown on the stay and undone', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const yamada = await guest(api, '山田', '花子', 'やまだ', 'はなこ');
  await api('stays.create', {
    fields: {
      guestId: yamada,
      arrivalDate: '2025-05-01',
      departureDate: '2025-05-03',
      rooms: ['201'],
      amountYen: 0,
      status: 'departed',
    },
  });

  await openImports(page);
  await page.getByTestId('import-mode').getByText('売上の取り込み').click();
  await expect(page.getByTestId('sales-wizard')).toBeVisible();
  await chooseLedger(
    page,
    '売上.csv',
    'text/csv',
    shiftJisCsv([
      ['精算日', 'お名前', '部屋', '売上金額'],
      ['2025/5/3', '山田 花子 様', '201号室', '¥45,000'],
      ['2025/5/3', '高橋 三郎 様', '305', '12,000'],
      ['2025/13/3', '山田 花子 様', '201', '1,000'],
    ]),
  );

  const review = page.getByTestId('sales-review');
  await expect(review).toBeVisible();
  await expect(page.getByTestId('sales-count-matched')).toHaveText('照合できた行: 1');
  await expect(page.getByTestId('sales-count-not_found')).toHaveText('見つからない: 1');
  await expect(page.getByTestId('sales-count-invalid')).toHaveText('読めない行: 1');
  const matched = review.locator('[data-testid="sales-row"][data-status="matched"]');
  await expect(matched).toContainText('山田 花子 様');
  await expect(matched.getByTestId('sales-row-change')).toHaveText('¥0 → ¥45,000');
  await expect(review.locator('[data-testid="sales-row"][data-line="4"]')).toContainText('日付として読めません');

  await page.getByTestId('sales-run').click();
  await expect(page.getByTestId('sales-result-count')).toHaveText('1件の宿泊の金額を記録しました。');

  await searchAndOpen(page, 'やまだ はなこ');
  await page.getByTestId('service-tab').click();
  await expect(page.getByTestId('stay-amount')).toHaveText('¥45,000');

  // Taken back from the list of imports: the stay has no amount again.
  await openImports(page);
  const row = page.getByTestId('import-history-row').filter({ hasText: '売上.csv' });
  await expect(row.getByTestId('import-history-counts')).toHaveText('金額を記録した宿泊: 1件');
  await row.getByTestId('undo-import').click();
  await page.getByTestId('undo-confirm').click();
  await expect(page.getByTestId('undo-amounts')).toHaveText('金額を戻した宿泊: 1件');
  await searchAndOpen(page, 'やまだ はなこ');
  await page.getByTestId('service-tab').click();
  await expect(page.getByTestId('stay-row')).toContainText('201');
  await expect(page.getByTestId('stay-amount')).toBeHidden();
});
