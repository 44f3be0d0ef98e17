// Importing an inn's ledger end to end in real Chromium, against the core in its worker behind the HTTP door,
// as a new inn's front desk does it: the file is chosen on the import screen, the preview is checked (counts,
// what cleansing changed, the rows left out), the import is run, the guests are found at the desk, and the
// whole batch is undone from the list of imports.

import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';
import {
  chooseLedger,
  countTile,
  fieldText,
  jaText,
  LEDGER,
  mapColumn,
  mappingRow,
  openImports,
  searchNames,
  shiftJisCsv,
  workbook,
} from './imports.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('a Shift_JIS ledger is previewed, imported, found at the desk and undone as one step', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  // A new inn starts on the empty register, which offers the import beside the first guest.
  await page.getByTestId('no-guests').getByTestId('import-ledger').click();
  await expect(page.getByTestId('imports-page')).toBeVisible();
  await expect(page.getByTestId('import-history-empty')).toBeVisible();

  await chooseLedger(page, '顧客台帳.csv', 'text/csv', shiftJisCsv(LEDGER));
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('import-file-name')).toContainText('顧客台帳.csv');
  await expect(page.getByTestId('import-encoding')).toContainText(/shift_jis|cp932|windows-31j/i);
  await expect(mappingRow(page, '氏名').getByTestId('mapping-select')).toHaveValue(fieldText('fullName'));
  await expect(mappingRow(page, '氏名').getByTestId('mapping-origin')).toHaveText('見出しから推測');

  // Two new guests (鈴木 twice, once as a later visit), three stays, one allergy to confirm, one row left out.
  await expect(countTile(page, 'newGuests')).toHaveText('新しいお客様 2人');
  await expect(countTile(page, 'repeatRows')).toHaveAttribute('data-count', '1');
  await expect(countTile(page, 'stays')).toHaveText('宿泊 3件');
  await expect(countTile(page, 'allergies')).toHaveText('アレルギー 1件（要確認）');
  await expect(countTile(page, 'setAside')).toHaveText('取り込まない行 1件');

  // The first row as it will be recorded: family name first with its reading in hiragana, the era birthday
  // as a date, the amount in yen; and what cleansing changed, opened from the row.
  const first = page.getByTestId('preview-row').and(page.locator('[data-line="2"]'));
  await expect(first.getByTestId('row-name')).toHaveText('鈴木 一郎');
  await expect(first.getByTestId('row-reading')).toHaveText('すずき いちろう');
  await expect(first.getByTestId('row-birthday')).toContainText('1980年5月5日');
  await expect(first.getByTestId('row-amount')).toHaveText('¥32,000');
  await expect(first.getByTestId('row-match')).toHaveAttribute('data-match', 'new');
  const repeat = page.getByTestId('preview-row').and(page.locator('[data-line="4"]'));
  await expect(repeat.getByTestId('row-match')).toHaveText('2行目と同じ人');
  await first.getByTestId('row-changes-toggle').click();
  await expect(first.getByTestId('row-changes-toggle')).toHaveAttribute('aria-expanded', 'true');
  // Each change as field, from, to and the rule in words: half-width katakana widened, then made hiragana.
  const changes = page.getByTestId('row-change');
  await expect(changes.and(page.locator('[data-rule="width"]')).first()).toHaveText(
    `${fieldText('fullReading')}：ｽｽﾞｷ ｲﾁﾛｳ → スズキ イチロウ（${jaText('imports.rule.width')}）`,
  );
  await expect(changes.filter({ hasText: 'スズキ イチロウ → すずき いちろう' })).toHaveCount(1);
  await expect(changes.and(page.locator('[data-rule="date_era"]'))).toHaveText(
    `${fieldText('birthday')}：S55.5.5 → 1980-05-05（${jaText('imports.rule.date_era')}）`,
  );
  await expect(page.getByTestId('change-summary-item').first()).toBeVisible();

  // The broken row, by its line in the file, with the value that could not be read.
  const setAside = page.getByTestId('set-aside-row');
  await expect(setAside).toHaveCount(1);
  await expect(setAside).toHaveAttribute('data-line', '5');
  await expect(setAside.getByTestId('set-aside-value')).toContainText('昭和九十九年');
  // …and saved as a file to fix in Excel: UTF-8 with a BOM, the reason in words beside the original cells.
  const download = page.waitForEvent('download');
  await page.getByTestId('save-set-aside').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('顧客台帳-取り込まなかった行.csv');
  const bytes = await readFile(await saved.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text).toContain('森 健太');
  expect(text).toContain(
    jaText(`imports.setAside.${await setAside.getByTestId('set-aside-reason').getAttribute('data-reason')}`),
  );
  await expect(page.getByTestId('success-notification')).toContainText('取り込まない行1件をファイルに保存しました');

  // Import, under the staff member at this PC.
  await expect(page.getByTestId('import-run-note')).toContainText('佐藤 花子が取り込みます');
  await page.getByTestId('import-run').click();
  const result = page.getByTestId('import-result');
  await expect(result).toBeVisible();
  await expect(countTile(result, 'newGuests')).toHaveAttribute('data-count', '2');
  await expect(countTile(result, 'stays')).toHaveAttribute('data-count', '3');

  // The desk finds them: by the reading the ledger wrote in half-width kana, and one guest for two visits.
  await result.getByTestId('import-search-guests').click();
  await expect(page.getByTestId('guest-search')).toBeFocused();
  expect(await searchNames(page, 'すずき')).toEqual([expect.stringContaining('鈴木 一郎')]);
  expect(await searchNames(page, 'やまだ はなこ')).toEqual([expect.stringContaining('山田 花子')]);
  const api = apiFor(page, app);
  expect((await api('system.info', {})).guestCount).toBe(2);
  // Meanwhile the desk records a request for 山田 様: that guest is the inn's own record now.
  const [yamada] = (await api('guests.search', { q: 'やまだ はなこ' })).hits;
  await api('requests.record', { guestId: yamada?.id ?? '', standing: true, category: 'room', text: '禁煙の部屋' });

  // The list of imports: this one, complete, by whom; undone after saying what that does.
  await openImports(page);
  const row = page.getByTestId('import-history-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('顧客台帳.csv');
  await expect(row).toContainText('佐藤 花子');
  await expect(row.getByTestId('import-state')).toHaveText('完了');
  await row.getByTestId('undo-import').click();
  const dialog = page.getByTestId('undo-dialog');
  await expect(dialog).toContainText('取り込んだお客様と宿泊を取り除き、アレルギーの記録を取り消します');
  await expect(dialog).toContainText('その記録とともに残します');
  await dialog.getByTestId('undo-confirm').click();
  await expect(page.getByTestId('undo-removed')).toContainText('取り除いたお客様 1人');
  await expect(page.getByTestId('undo-kept')).toHaveText('その後に記録が加わったため残したお客様 1人');
  await expect(row.getByTestId('import-state')).toHaveText('取り消し済み');
  await expect(row.getByTestId('undo-import')).toHaveCount(0);

  // The desk no longer finds 鈴木 様; 山田 様, with the request recorded since, stays.
  await page.getByTestId('home').click();
  await page.getByTestId('guest-search').fill('');
  expect(await searchNames(page, 'すずき')).toEqual([]);
  await expect(page.getByTestId('no-results')).toBeVisible();
  expect(await searchNames(page, 'やまだ はなこ')).toEqual([expect.stringContaining('山田 花子')]);
  expect((await api('system.info', {})).guestCount).toBe(1);
});

test('an .xlsx ledger: the mapping is changed on the screen, a missing name blocks the import, the choice is remembered', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  await openImports(page);
  const file = await workbook('顧客一覧', [
    ['お名前', 'ふりがな', 'TEL', '誕生日', 'チェックイン', '部屋', '売上', '備考'],
    ['高橋 誠', 'ﾀｶﾊｼ ﾏｺﾄ', '０９０−２２２２−３３３３', 'H2.3.3', '2024/6/1', '301', 45000, '窓側希望'],
    ['高橋 誠', 'ﾀｶﾊｼ ﾏｺﾄ', '090-2222-3333', 'H2.3.3', '2024/12/24', '302', 52000, ''],
    ['伊藤 三郎', '', '', '', '2024/7/7', '', '', ''],
  ]);
  await chooseLedger(page, '顧客一覧.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-sheet')).toContainText('顧客一覧');
  await expect(countTile(page, 'newGuests')).toHaveAttribute('data-count', '1');
  await expect(countTile(page, 'stays')).toHaveAttribute('data-count', '2');
  // A kanji name with no reading is left out, never given a guessed reading.
  await expect(page.getByTestId('set-aside-row')).toHaveAttribute('data-line', '4');
  const first = page.getByTestId('preview-row').and(page.locator('[data-line="2"]'));
  await expect(first.getByTestId('row-phones')).toHaveText('090-2222-3333');
  await expect(first.getByTestId('row-reading')).toHaveText('たかはし まこと');

  // Without a name column nothing can be imported: said in words, and 取り込む waits.
  await mapColumn(page, 'お名前', '取り込まない');
  await expect(page.getByTestId('mapping-issue').first()).toBeVisible();
  await expect(page.getByTestId('import-run')).toBeDisabled();
  await expect(mappingRow(page, 'お名前').getByTestId('mapping-origin')).toHaveText('変更');
  await mapColumn(page, 'お名前', fieldText('fullName'));
  await expect(page.getByTestId('mapping-issues')).toHaveCount(0);
  await expect(page.getByTestId('import-run')).toBeEnabled();

  // The note column left out: previewed again with that mapping, and imported so (remembered below).
  await mapColumn(page, '備考', '取り込まない');
  await expect(mappingRow(page, '備考').getByTestId('mapping-select')).toHaveValue('取り込まない');
  await expect(page.getByTestId('import-job')).toHaveCount(0);
  await page.getByTestId('import-run').click();
  const result = page.getByTestId('import-result');
  await expect(countTile(result, 'newGuests')).toHaveAttribute('data-count', '1');
  const api = apiFor(page, app);
  const { hits } = await api('guests.search', { q: 'たかはし' });
  expect(hits.map((hit) => `${hit.familyName} ${hit.givenName}`)).toEqual(['高橋 誠']);

  // Undone right from the result.
  await result.getByTestId('undo-this-import').click();
  await page.getByTestId('undo-dialog').getByTestId('undo-confirm').click();
  await expect(page.getByTestId('undo-result')).toContainText('取り除いたお客様 1人');
  await expect(page.getByTestId('import-history-row').getByTestId('import-state')).toHaveText('取り消し済み');
  expect((await api('guests.search', { q: 'たかはし' })).hits).toEqual([]);

  // The same ledger again: the mapping chosen last time is offered, and says so.
  await chooseLedger(page, '顧客一覧.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('undo-result')).toHaveCount(0);
  await expect(mappingRow(page, '備考').getByTestId('mapping-select')).toHaveValue('取り込まない');
  await expect(mappingRow(page, '備考').getByTestId('mapping-origin')).toHaveText('前回と同じ');
  await expect(mappingRow(page, 'お名前').getByTestId('mapping-origin')).toHaveText('前回と同じ');
});

test('a guest already on record is matched, not made a second card; one written differently is left to 重複の確認', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  await api('guests.create', {
    fields: {
      familyName: '山田',
      givenName: '花子',
      familyReading: 'やまだ',
      givenReading: 'はなこ',
      phones: [{ number: '03-1111-2222', label: 'home' }],
    },
  });
  // The same phone and reading as the ledger's 鈴木 一郎, another kanji: maybe the same man, never merged on a guess.
  await api('guests.create', {
    fields: {
      familyName: '鈴木',
      givenName: '一朗',
      familyReading: 'すずき',
      givenReading: 'いちろう',
      phones: [{ number: '090-1234-5678', label: 'mobile' }],
    },
  });
  await openImports(page);
  await chooseLedger(page, '顧客台帳.csv', 'text/csv', shiftJisCsv(LEDGER));
  await expect(countTile(page, 'matchedGuests')).toHaveText('登録済みのお客様と一致 1件');
  await expect(countTile(page, 'newGuests')).toHaveText('新しいお客様 1人');
  const yamada = page.getByTestId('preview-row').and(page.locator('[data-line="3"]'));
  await expect(yamada.getByTestId('row-match')).toHaveText('登録済み：山田 花子 様');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  expect((await api('system.info', {})).guestCount).toBe(3);
  const { hits } = await api('guests.search', { q: 'やまだ はなこ' });
  expect(hits).toHaveLength(1);
  // The scan after the import proposes the pair; the result says so and leads to the review.
  const duplicates = page.getByTestId('import-duplicates');
  await expect(duplicates).toHaveAttribute('data-count', '1');
  await expect(duplicates).toContainText('同じ方かもしれない組が1件あります');
  await duplicates.getByTestId('import-open-duplicates').click();
  await expect(page.getByTestId('duplicates-page')).toBeVisible();
  await expect(page.getByTestId('candidate')).toHaveCount(1);
});
