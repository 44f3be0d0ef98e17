import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../electron/core/exports/columns.ts';
import { createXlsxWriter } from '../../electron/core/exports/xlsx-writer.ts';
import { workbookOf } from './helpers.ts';

// How an export feeds exceljs's zip between slices (exports/run.ts): the writer must see what the zip has not
// taken yet, or the job never waits and the whole sheet's XML piles up in memory; and a table longer than a
// sheet goes on in the next.

describe('the .xlsx stream', () => {
  it('reports a backlog while rows wait for the zip, and none once it has taken them', async () => {
    const writer = createXlsxWriter();
    const columns = COLUMNS.requests;
    writer.begin(
      '要望',
      columns,
      columns.map((column) => column.name),
    );
    const row = ['id', '山田', '太郎', 'やまだ', 'たろう', '食事', 'ご飯少なめ'.repeat(20), '未対応', 'いいえ', '', ''];
    for (let index = 0; index < 5000; index++) writer.rows([row]);
    expect(writer.backlog()).toBeGreaterThan(0);
    for (let turn = 0; turn < 10_000 && writer.backlog() > 0; turn++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(writer.backlog()).toBe(0);
    writer.end();
    const workbook = await workbookOf(await writer.finish());
    expect(workbook.getWorksheet('要望')?.rowCount).toBe(5001);
  });

  it('goes on in another sheet when a table is longer than a sheet holds, header repeated', async () => {
    const writer = createXlsxWriter({ maxRowsPerSheet: 3 });
    const columns = COLUMNS.requests;
    writer.begin('要望', columns, ['お客様ID', ...columns.slice(1).map((column) => column.name)]);
    for (let index = 1; index <= 7; index++) {
      writer.rows([[`id${index}`, '山田', '', '', '', '食事', `${index}件目`, '未対応', 'いいえ', '', '']]);
    }
    writer.end();
    const workbook = await workbookOf(await writer.finish());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['要望', '要望 (2)', '要望 (3)']);
    expect(workbook.worksheets.map((sheet) => sheet.rowCount)).toEqual([4, 4, 2]);
    const last = workbook.getWorksheet('要望 (3)');
    expect(last?.getRow(1).getCell(1).value).toBe('お客様ID');
    expect(last?.getRow(2).getCell(1).value).toBe('id7');
  });
});
