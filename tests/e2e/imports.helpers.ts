import type { Locator, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ja } from '../../renderer/i18n/ja.ts';
import { expect } from './fixtures.ts';

// Ledgers as an inn's PC holds them, made by the test: a Shift_JIS CSV as Japanese Excel or a reservation
// system writes it, and an .xlsx workbook; and the steps of the import screen that the import tests share.

/** A CSV as Japanese Excel saves it: Shift_JIS (CP932), CRLF line ends, no BOM. */
export function shiftJisCsv(rows: string[][]): Buffer {
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return iconv.encode(`${text}\r\n`, 'Shift_JIS');
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** An .xlsx of one sheet, cells as given (a Date becomes a date cell, as Excel keeps a typed date). */
export async function workbook(sheetName: string, rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A message of the Japanese screen by its key (a.b.c), for the labels other parts of the app own. */
export function jaText(key: string): string | undefined {
  let node: unknown = ja;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The label the mapping Select shows for a field (the code itself until the field has words). */
export function fieldText(field: string): string {
  return jaText(`imports.field.${field}`) ?? field;
}

/** Opens the import screen from the header menu (台帳を取り込む). */
export async function openImports(page: Page): Promise<void> {
  await page.getByTestId('header-menu').click();
  await page.getByTestId('imports-link').click();
  await expect(page.getByTestId('imports-page')).toBeVisible();
}

/** Chooses the file in the screen's file input, as the OS dialog would hand it over. */
export async function chooseLedger(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType, buffer });
}

/** Drops the file on the screen's drop zone, as from the desktop or Explorer. */
export async function dropLedger(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, mimeType, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
      return transfer;
    },
    { name, mimeType, bytes: [...buffer] },
  );
  const zone = page.getByTestId('import-drop-zone');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

/** The count tile of one kind (newGuests, stays, setAside…) in a preview or a result. */
export function countTile(scope: Page | Locator, kind: string): Locator {
  return scope.getByTestId('import-count').and(scope.locator(`[data-kind="${kind}"]`));
}

/** The mapping row of a header cell. */
export function mappingRow(page: Page, header: string): Locator {
  return page.getByTestId('mapping-row').and(page.locator(`[data-header="${header}"]`));
}

/** Chooses what a column is imported as, in its Select, by the option's label. */
export async function mapColumn(page: Page, header: string, label: string): Promise<void> {
  await mappingRow(page, header).getByTestId('mapping-select').click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** Types into the desk's search and answers the names found (or none). */
export async function searchNames(page: Page, query: string): Promise<string[]> {
  const search = page.getByTestId('guest-search');
  await search.fill(query);
  const outcome = page.getByTestId('search-outcome');
  await expect(outcome).toHaveAttribute('data-shown-query', query);
  return page.getByTestId('search-result').allInnerTexts();
}

// One name column, readings in half-width katakana, era birthdays, a guest on two visit rows, and a row whose
// birthday cannot be a date.
export const LEDGER = [
  ['氏名', 'フリガナ', '電話番号', '生年月日', '来館日', '泊数', '部屋', '金額', 'アレルギー'],
  ['鈴木 一郎', 'ｽｽﾞｷ ｲﾁﾛｳ', '090-1234-5678', 'S55.5.5', '2024/4/1', '2', '201', '¥32,000', 'えび'],
  ['山田 花子', 'ﾔﾏﾀﾞ ﾊﾅｺ', '03-1111-2222', 'H2.3.3', '2024/5/5', '1', '102', '15,000円', 'なし'],
  ['鈴木 一郎', 'ｽｽﾞｷ ｲﾁﾛｳ', '090-1234-5678', 'S55.5.5', '2024/8/10', '1', '305', '18000', ''],
  ['森 健太', 'ﾓﾘ ｹﾝﾀ', '080-9999-0000', '昭和九十九年', '2024/9/1', '1', '203', '12000', ''],
];
