// The import screen's edges in real Chromium: a large file going up in chunks, a file the reader cannot take,
// a ledger with nothing to import, nobody chosen at this PC, the whole flow from the keyboard, stopping, and
// the screen in English. The main flows are in imports.spec.ts.

import { expect, test } from './fixtures.ts';
import { apiFor, pick } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';
import {
  chooseLedger,
  countTile,
  dropLedger,
  fieldText,
  jaText,
  LEDGER,
  mappingRow,
  openImports,
  shiftJisCsv,
} from './imports.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('a large file goes up with a progress bar, chunk by chunk, before it is read', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  await openImports(page);
  // Each chunk held back a moment on its way (as on a slow PC), so the bar can be seen moving.
  await page.route('**/api/call/files.upload', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  // Over 1 MB of ledger: three chunks of 512 KiB.
  const filler = 'ご予約メモ'.repeat(60);
  const rows = Array.from({ length: 1700 }, (_, index) => [
    '鈴木 一郎',
    'ｽｽﾞｷ ｲﾁﾛｳ',
    '090-1234-5678',
    `2024/${(index % 12) + 1}/1`,
    filler,
  ]);
  const file = shiftJisCsv([['氏名', 'フリガナ', '電話番号', '来館日', '備考'], ...rows]);
  expect(file.length).toBeGreaterThan(1024 * 1024);
  await chooseLedger(page, '大きな台帳.csv', 'text/csv', file);
  const sending = page.getByTestId('import-sending');
  await expect(sending).toContainText('大きな台帳.csvを送っています');
  const bar = sending.getByRole('progressbar');
  // Part of the way (a chunk acknowledged, not all), then the file is read.
  await expect(bar).toHaveAttribute('aria-valuenow', /^[1-9][0-9]?$/);
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 15_000 });
  await expect(sending).toHaveCount(0);
  await expect(page.getByTestId('import-file-name')).toContainText('大きな台帳.csv');
});

test('a file the reader cannot take gets its message where it was chosen, and nothing is written', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  await openImports(page);
  await chooseLedger(page, '写真.png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible();
  const message = jaText('errors.detail.ledger_wrong_type');
  expect(message, 'errors.detail.ledger_wrong_type has Japanese words').toBeDefined();
  await expect(error).toHaveText(message ?? '');
  // The person can choose another file straight away.
  await expect(page.getByTestId('import-choose-file')).toBeEnabled();
  await expect(page.getByTestId('import-history-empty')).toBeVisible();
  expect((await apiFor(page, app)('system.info', {})).guestCount).toBe(0);
});

test('a ledger whose every row is set aside: 取り込む waits, and the reasons are there to read', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  await openImports(page);
  // Kanji names without readings: a reading is never guessed from kanji.
  const ledger = shiftJisCsv([
    ['氏名', '電話'],
    ['渡辺 剛', '090-1111-0000'],
    ['中村 智', '090-2222-0000'],
  ]);
  await chooseLedger(page, '読みなし.csv', 'text/csv', ledger);
  await expect(countTile(page, 'setAside')).toHaveText('取り込まない行 2件');
  await expect(page.getByTestId('set-aside-row')).toHaveCount(2);
  await expect(page.getByTestId('import-run')).toBeDisabled();
  await expect(page.getByTestId('import-run-note')).toHaveText(jaText('errors.detail.import_nothing_to_import') ?? '');
});

test('without a staff member chosen at this PC, the file waits and the screen says who must be chosen', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  // Nobody at this PC (as after the current member was deactivated), seen by the screen on its next start.
  await apiFor(page, app)('staff.clearCurrent', {});
  await page.reload();
  await openImports(page);
  // The core reads nothing for nobody (roles: every call but choosing a person needs someone chosen), so the
  // file is not even read; the screen says who must be chosen.
  await chooseLedger(page, '顧客台帳.csv', 'text/csv', shiftJisCsv(LEDGER));
  await expect(page.getByText(jaText('errors.code.no_staff') ?? '').first()).toBeVisible();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await pick(page, 'staff-switcher', '佐藤 花子');
  // Chosen: the screens are built afresh for the person (the refusal goes), then the file is read.
  await expect(page.getByTestId('staff-switcher')).toHaveValue('佐藤 花子');
  await expect(page.getByText(jaText('errors.code.no_staff') ?? '')).toHaveCount(0);
  await chooseLedger(page, '顧客台帳.csv', 'text/csv', shiftJisCsv(LEDGER));
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-run')).toBeEnabled();
  await expect(page.getByTestId('import-run-note')).toContainText('佐藤 花子が取り込みます');
});

test('the whole import from the keyboard: choose the file, change a column, import, on to the desk', async ({
  page,
  app,
}) => {
  // Listening for the file dialog from the start: Playwright turns its interception on when first asked, and
  // asked only just before the key press, a dialog opened in the same instant was sometimes missed.
  const chooser = page.waitForEvent('filechooser');
  await open(page, app.url);
  await firstRun(page);
  await openImports(page);
  // The file button waits focused; Enter opens the system's file dialog.
  const choose = page.getByTestId('import-choose-file');
  await expect(choose).toBeFocused();
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: '顧客台帳.csv', mimeType: 'text/csv', buffer: shiftJisCsv(LEDGER) });

  // The preview takes the focus; Tab reaches the first column's Select, where typing picks another field.
  const preview = page.getByRole('region', { name: '内容を確かめる' });
  await expect(preview).toBeFocused();
  await page.keyboard.press('Tab');
  const nameSelect = mappingRow(page, '氏名').getByTestId('mapping-select');
  await expect(nameSelect).toBeFocused();
  await page.keyboard.type('取り込まない');
  // The list has narrowed to what was typed before the arrow picks from it (on a busy machine the keys can
  // arrive before the list follows them, and the arrow then picked another field).
  await expect(page.getByRole('option')).toHaveText(['取り込まない']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mapping-issue').first()).toBeVisible();
  await expect(page.getByTestId('import-run')).toBeDisabled();
  // Still in the same field while it previews again: put the name back the same way.
  await expect(nameSelect).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(fieldText('fullName'));
  await expect(page.getByRole('option', { name: fieldText('fullName'), exact: true })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mapping-issues')).toHaveCount(0);
  await expect(page.getByTestId('import-run')).toBeEnabled();

  // Tab on to 取り込む (after the preview's own buttons), and Enter.
  const run = page.getByTestId('import-run');
  for (let presses = 0; presses < 60 && !(await run.evaluate((el) => el === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(run).toBeFocused();
  await page.keyboard.press('Enter');
  // The result offers the desk's search first; Enter there leaves the cursor in the search box.
  const toDesk = page.getByTestId('import-search-guests');
  await expect(toDesk).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('guest-search')).toBeFocused();
  await page.keyboard.type('やまだ');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await expect(page.getByTestId('search-result')).toContainText('山田 花子');
});

test.describe('stopping', () => {
  // One unit of work per slice: the read and the write last long enough for 中止 to be pressed. Either outcome
  // (stopped, or done before the click landed) must leave the screen and the register right.
  test.use({ appOptions: { jobs: { sliceMs: 0 } } });

  /** 1,000 different people: each given name spelt in kana from the row's number, its reading the same. */
  function bigLedger(): Buffer {
    const kana = 'あいうえおかきくけこ';
    const given = (index: number) => [...String(index + 1)].map((digit) => kana[Number(digit)]).join('');
    const rows = Array.from({ length: 1000 }, (_, index) => [
      `宿泊 ${given(index)}`,
      `しゅくはく ${given(index)}`,
      `090-1000-${String(index).padStart(4, '0')}`,
    ]);
    return shiftJisCsv([['氏名', 'フリガナ', '電話'], ...rows]);
  }

  test('中止 while the file is read goes back to choosing a file, with no error', async ({ page, app }) => {
    await open(page, app.url);
    await firstRun(page);
    await openImports(page);
    await chooseLedger(page, '大きな台帳.csv', 'text/csv', bigLedger());
    const bar = page.getByTestId('import-job');
    await expect(bar).toBeVisible();
    await expect(bar.getByTestId('import-job-step')).toHaveText(/^(読み込み|整形・照合)$/);
    const pressed = await bar
      .getByTestId('import-job-cancel')
      .click({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    const picker = page.getByTestId('import-choose-file');
    const preview = page.getByTestId('import-preview');
    await expect(picker.or(preview)).toBeVisible();
    await expect(bar).toBeHidden();
    if (await picker.isVisible()) expect(pressed).toBe(true);
    await expect(page.getByTestId('import-error')).toHaveCount(0);
    await expect(page.getByTestId('import-history-empty')).toBeVisible();
    expect((await apiFor(page, app)('system.info', {})).guestCount).toBe(0);
  });

  test('中止 during the import keeps what was written, says so, and the list undoes it', async ({ page, app }) => {
    // Writing and undoing a thousand guests a slice each takes a while on a busy machine.
    test.setTimeout(90_000);
    await open(page, app.url);
    await firstRun(page);
    await openImports(page);
    await chooseLedger(page, '大きな台帳.csv', 'text/csv', bigLedger());
    await expect(page.getByTestId('import-preview')).toBeVisible();
    const planned = Number(await countTile(page, 'newGuests').getAttribute('data-count'));
    expect(planned).toBeGreaterThan(0);

    await page.getByTestId('import-run').click();
    const bar = page.getByTestId('import-job');
    const pressed = await bar
      .getByTestId('import-job-cancel')
      .click({ timeout: 5_000 })
      .then(
        () => true,
        () => false,
      );
    const stopped = page.getByTestId('import-stopped');
    const result = page.getByTestId('import-result');
    await expect(stopped.or(result)).toBeVisible();
    await expect(bar).toBeHidden();
    // A stop is the person's own choice, not an error.
    await expect(page.getByTestId('import-error')).toHaveCount(0);
    const api = apiFor(page, app);
    const { guestCount } = await api('system.info', {});
    const row = page.getByTestId('import-history-row');
    if (await stopped.isVisible()) {
      expect(pressed).toBe(true);
      await expect(stopped).toContainText('それまでに書き込んだ分は残っています');
      // The same preview is not imported a second time over what was written.
      await expect(page.getByTestId('import-run')).toBeDisabled();
    }
    // The list says what the register holds: stopped part way (中断, fewer guests), or every guest written (完了:
    // done before the click, or stopped only in the closing pass that indexes them for search).
    const state = row.getByTestId('import-state');
    await expect(state).toHaveText(/^(中断|完了)$/);
    if ((await state.textContent()) === '中断') {
      expect(await stopped.isVisible()).toBe(true);
      expect(guestCount).toBeLessThan(planned);
    } else {
      expect(guestCount).toBe(planned);
    }
    // Either way, the list takes the whole batch back.
    await row.getByTestId('undo-import').click();
    await page.getByTestId('undo-dialog').getByTestId('undo-confirm').click();
    // Hundreds of guests, one per slice here: longer than a desk's undo, so the wait is longer too.
    await expect(page.getByTestId('undo-result')).toBeVisible({ timeout: 30_000 });
    await expect(row.getByTestId('import-state')).toHaveText('取り消し済み');
    expect((await api('system.info', {})).guestCount).toBe(0);
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' });

  test('a ledger dropped on the screen; the preview counts read as English counts, one and many', async ({
    page,
    app,
  }) => {
    await open(page, app.url);
    await firstRun(page);
    await page.getByTestId('no-guests').getByTestId('import-ledger').click();
    await expect(page.getByRole('heading', { name: 'Import a ledger' })).toBeVisible();
    // Dropped on the zone this time, as from the desktop.
    await dropLedger(page, 'ledger.csv', 'text/csv', shiftJisCsv(LEDGER));
    await expect(page.getByTestId('import-file-name')).toContainText('ledger.csv');
    await expect(countTile(page, 'newGuests')).toHaveText('2 new guests');
    await expect(countTile(page, 'stays')).toHaveText('3 stays');
    await expect(countTile(page, 'allergies')).toHaveText('1 allergy (to confirm)');
    await expect(countTile(page, 'setAside')).toHaveText('1 row not imported');
    const repeat = page.getByTestId('preview-row').and(page.locator('[data-line="4"]'));
    await expect(repeat.getByTestId('row-match')).toHaveText('Same person as line 2');
    await expect(page.getByTestId('import-run')).toHaveText('Import');
  });
});
