// Reading the file a person picks for a ledger import (electron/core/imports/read): every format and encoding a
// Japanese inn's ledger comes in, and every bad file refused with its code, from real bytes built here.

import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  LEDGER_LIMITS,
  LedgerReadError,
  type LedgerReadErrorCode,
  type LedgerTable,
  readLedger,
} from '../../electron/core/imports/read/index.ts';
import { csvText, handWrittenXlsx, oleFile, zipOf } from './ledger-files.ts';

async function failure(promise: Promise<unknown>): Promise<{ code: LedgerReadErrorCode; detail?: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LedgerReadError) return { code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('the file was read, but it should have been refused');
}

const cellsOf = (table: LedgerTable) => table.rows.map((row) => row.cells);

async function excelLedger(fill: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('顧客台帳'), book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('reading an .xlsx ledger', () => {
  it('reads dates, formulas, rich text, links, numbers and booleans as text, rows numbered as in Excel', async () => {
    const bytes = await excelLedger((sheet) => {
      sheet.getCell('A1').value = '顧客台帳（2024年）'; // a title: one cell, not a header
      // row 2 left empty
      sheet.getRow(3).values = ['氏名', 'フリガナ', '来館日', '金額', '備考', 'ホームページ', '再来'];
      sheet.getRow(4).values = [
        '山田 太郎',
        'ﾔﾏﾀﾞ ﾀﾛｳ',
        new Date(Date.UTC(2024, 3, 1)),
        { formula: 'D5*2', result: 24000 },
        { richText: [{ text: '卵', font: { bold: true } }, { text: 'アレルギー' }] },
        { text: '山田商店', hyperlink: 'https://example.com' },
        true,
      ];
      sheet.getRow(5).values = ['佐藤 花子', 'ｻﾄｳ ﾊﾅｺ', 45383, 12000.5, null, null, false];
      sheet.getRow(7).values = ['鈴木 一郎', 'ｽｽﾞｷ ｲﾁﾛｳ', new Date(Date.UTC(2024, 0, 2, 15, 30)), { error: '#N/A' }];
    });
    const table = await readLedger(bytes, '台帳.xlsx');
    expect(table).toMatchObject({ format: 'xlsx', sheetName: '顧客台帳', headerLine: 3 });
    expect(table.header).toEqual(['氏名', 'フリガナ', '来館日', '金額', '備考', 'ホームページ', '再来']);
    expect(table.rows).toEqual([
      {
        line: 4,
        cells: ['山田 太郎', 'ﾔﾏﾀﾞ ﾀﾛｳ', '2024-04-01', '24000', '卵アレルギー', '山田商店', 'TRUE'],
        formulaColumns: [3],
      },
      // an Excel serial number stored as a plain number stays the number: cleansing reads it as a date
      { line: 5, cells: ['佐藤 花子', 'ｻﾄｳ ﾊﾅｺ', '45383', '12000.5', '', '', 'FALSE'] },
      { line: 7, cells: ['鈴木 一郎', 'ｽｽﾞｷ ｲﾁﾛｳ', '2024-01-02 15:30'] }, // #N/A reads as nothing
    ]);
  });

  it('reads the text Excel shows, not the furigana it keeps beside text typed through a Japanese IME', async () => {
    const bytes = handWrittenXlsx({
      sheets: [
        {
          name: '名簿',
          rows:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
            '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>5</v></c></row>',
        },
      ],
      sharedStrings: [
        '<t>氏名</t><rPh sb="0" eb="2"><t>シメイ</t></rPh><phoneticPr fontId="1"/>',
        '<t>住所</t>',
        '<t>備考</t>',
        '<t>山田太郎</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><rPh sb="2" eb="4"><t>タロウ</t></rPh><phoneticPr fontId="1"/>',
        '<r><t>東京都</t></r><r><rPr><b/></rPr><t xml:space="preserve">千代田区 1-1</t></r><rPh sb="0" eb="3"><t>トウキョウト</t></rPh>',
        '<t>1行目_x000D_\n2行目</t>',
      ],
    });
    const table = await readLedger(bytes, 'meibo.xlsx');
    expect(table.header).toEqual(['氏名', '住所', '備考']);
    expect(cellsOf(table)).toEqual([['山田太郎', '東京都千代田区 1-1', '1行目\r\n2行目']]);
  });

  it('reads every Japanese character of a large sheet intact, however the zip stream cuts the XML', async () => {
    // Each name is unique, so xl/sharedStrings.xml and the sheet run to hundreds of kilobytes of 3-byte
    // characters: exceljs alone turns a character cut between two chunks into "��".
    const names = Array.from(
      { length: 6000 },
      (_, i) => `宿泊者${'山田佐藤鈴木髙橋渡邊'.slice(i % 7, (i % 7) + 3)}${i}号`,
    );
    const bytes = await excelLedger((sheet) => {
      sheet.addRow(['氏名', '備考']);
      names.forEach((name, i) => {
        sheet.addRow([name, `${'卵・小麦・えび・かに'.repeat((i % 3) + 1)}${i}`]);
      });
    });
    const table = await readLedger(bytes, 'big.xlsx');
    expect(table.rows).toHaveLength(names.length);
    expect(table.rows.map((row) => row.cells[0])).toEqual(names);
    expect(table.rows.filter((row) => row.cells.join('').includes('\uFFFD'))).toEqual([]);
  });

  it('lists a formula Excel never calculated as empty, and formula results as Excel shows them', async () => {
    const bytes = handWrittenXlsx({
      sheets: [
        {
          name: 'Sheet1',
          rows:
            '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>2</v></c><c r="D2" t="s"><v>3</v></c></row>' +
            '<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3"><f>C3*2</f></c><c r="C3" s="1"><f>DATE(2024,4,1)</f><v>45383</v></c><c r="D3" t="e"><f>VLOOKUP(A3,X:Y,2,0)</f><v>#N/A</v></c></row>' +
            '<row r="4"><c r="A4" t="str"><f>"佐藤"&amp;"様"</f><v>佐藤様</v></c><c r="B4" t="b"><v>1</v></c><c r="C4" s="2"><v>45383.75</v></c><c r="D4" t="inlineStr"><is><t>インライン</t></is></c></row>',
        },
      ],
      sharedStrings: ['<t>氏名</t>', '<t>金額</t>', '<t>来館日</t>', '<t>部屋</t>', '<t>山田</t>'],
    });
    const table = await readLedger(bytes, 'f.xlsx');
    expect(table.headerLine).toBe(2);
    expect(table.rows).toEqual([
      { line: 3, cells: ['山田', '', '2024-04-01', ''], formulaColumns: [1, 2, 3] },
      { line: 4, cells: ['佐藤様', 'TRUE', '2024-04-01 18:00', 'インライン'], formulaColumns: [0] },
    ]);
  });

  it('reads sheets as other programs write them: no row or cell numbers, prefixed elements, 和暦 formats', async () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const bytes = handWrittenXlsx({
      sheets: [
        {
          name: 'Export',
          rows: '',
          // the Open XML SDK writes x: prefixes; rows and cells without r follow one another
          xml:
            `<x:worksheet xmlns:x="${main}"><x:sheetData>` +
            '<x:row><x:c t="inlineStr"><x:is><x:t>氏名</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>生年月日</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>来館</x:t></x:is></x:c></x:row>' +
            '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>高橋</x:t></x:r><x:r><x:t xml:space="preserve"> 一郎</x:t></x:r></x:is></x:c><x:c s="3"><x:v>29346</x:v></x:c><x:c s="1"><x:v>45383</x:v></x:c></x:row>' +
            '<x:row r="5"><x:c r="C5" s="1"><x:v>45384</x:v></x:c><x:c t="b"><x:f>C5&gt;0</x:f><x:v>1</x:v></x:c></x:row>' +
            '</x:sheetData></x:worksheet>',
        },
      ],
      sharedStrings: [],
    });
    const table = await readLedger(bytes, 'export.xlsx');
    expect(table.header).toEqual(['氏名', '生年月日', '来館']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['高橋 一郎', '1980-05-05', '2024-04-01'] },
      { line: 5, cells: ['', '', '2024-04-02', 'TRUE'], formulaColumns: [3] },
    ]);
  });

  it('reads the first visible sheet with data, passing over hidden and empty ones', async () => {
    const header = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
    const workbook = {
      sheets: [
        { name: '非表示', state: 'hidden' as const, rows: `${header}<row r="2"><c r="A2" t="s"><v>2</v></c></row>` },
        { name: '空', rows: '' },
        { name: '台帳', rows: `${header}<row r="5"><c r="A5" t="s"><v>3</v></c></row>` },
      ],
      sharedStrings: ['<t>氏名</t>', '<t>電話</t>', '<t>隠れた人</t>', '<t>見える人</t>'],
    };
    const table = await readLedger(handWrittenXlsx(workbook), 'sheets.xlsx');
    expect(table.sheetName).toBe('台帳');
    expect(table.rows).toEqual([{ line: 5, cells: ['見える人'] }]);
    // the same workbook with its parts stored uncompressed
    const stored = await readLedger(handWrittenXlsx({ ...workbook, stored: true }), 'stored.xlsx');
    expect(stored.rows).toEqual(table.rows);
  });

  it('refuses a broken workbook, and a workbook with too many rows', async () => {
    const good = await excelLedger((sheet) => {
      sheet.addRow(['氏名', '電話']);
      for (let i = 0; i < 50; i++) sheet.addRow([`山田${i}`, `090-0000-${String(i).padStart(4, '0')}`]);
    });
    expect((await failure(readLedger(good.subarray(0, Math.floor(good.length / 2)), 'cut.xlsx'))).code).toBe(
      'unreadable_workbook',
    );
    const scrambled = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('xl/workbook.xml'), Buffer.alloc(200, 7)]);
    expect((await failure(readLedger(scrambled, 'bad.xlsx'))).code).toBe('unreadable_workbook');
    expect(await failure(readLedger(good, 'big.xlsx', { limits: { maxRows: 20 } }))).toEqual({
      code: 'too_many_rows',
      detail: { maxRows: 20 },
    });
  });
});

describe('reading CSV and text ledgers', () => {
  it('reads Shift_JIS (CP932) with half-width kana, a title line, empty lines and line breaks inside quotes', async () => {
    const text =
      '顧客台帳,,\r\n' +
      '\r\n' +
      '氏名,フリガナ,備考\r\n' +
      '山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,"朝食は和食\r\n部屋は禁煙"\r\n' +
      ',,\r\n' +
      '"髙橋, 花子",ﾀｶﾊｼ ﾊﾅｺ,"①""特別""室"\r\n';
    const table = await readLedger(iconv.encode(text, 'cp932'), 'ledger.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'shift_jis', delimiter: ',', headerLine: 3 });
    expect(table.header).toEqual(['氏名', 'フリガナ', '備考']);
    expect(table.rows).toEqual([
      { line: 4, cells: ['山田 太郎', 'ﾔﾏﾀﾞ ﾀﾛｳ', '朝食は和食\r\n部屋は禁煙'] },
      { line: 6, cells: ['髙橋, 花子', 'ﾀｶﾊｼ ﾊﾅｺ', '①"特別"室'] },
    ]);
  });

  it('reads UTF-8 with and without a BOM, and UTF-16 with its BOM', async () => {
    const text = '氏名,電話\n渡邊 一郎,０９０－１２３４－５６７８\n';
    const expected = [['渡邊 一郎', '０９０－１２３４－５６７８']];
    const withBom = await readLedger(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'a.csv');
    expect(withBom.header).toEqual(['氏名', '電話']); // no BOM glued to 氏名
    expect(cellsOf(withBom)).toEqual(expected);
    expect((await readLedger(Buffer.from(text), 'a.csv')).encoding).toBe('utf-8');
    const utf16le = await readLedger(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'u.txt');
    expect(utf16le).toMatchObject({ encoding: 'utf-16le', header: ['氏名', '電話'] });
    expect(cellsOf(utf16le)).toEqual(expected);
    const be = Buffer.from(text, 'utf16le').swap16();
    const utf16be = await readLedger(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'u.txt');
    expect(cellsOf(utf16be)).toEqual(expected);
  });

  it("reads text whose first letters look like another format's magic number", async () => {
    const table = await readLedger(Buffer.from('BMI,氏名\n22.5,山田\n'), 'bmi.csv');
    expect(table.header).toEqual(['BMI', '氏名']);
  });

  it('reads a tab-separated .txt export, even with commas inside names and a title line', async () => {
    const text = '宿泊台帳\r\n氏名\tカナ\t泊数\r\n山田, 太郎\tﾔﾏﾀﾞ\t2\r\n佐藤\tｻﾄｳ\t1\r\n';
    const table = await readLedger(iconv.encode(text, 'cp932'), 'export.txt');
    expect(table).toMatchObject({ format: 'csv', delimiter: '\t', header: ['氏名', 'カナ', '泊数'] });
    expect(cellsOf(table)).toEqual([
      ['山田, 太郎', 'ﾔﾏﾀﾞ', '2'],
      ['佐藤', 'ｻﾄｳ', '1'],
    ]);
  });

  it('refuses a file whose lines are partly UTF-8 and partly Shift_JIS, naming a line of each', async () => {
    const bytes = Buffer.concat([
      Buffer.from('氏名,電話\n山田,090\n'),
      iconv.encode('佐藤,080\n', 'cp932'),
      Buffer.from('鈴木,070\n'),
    ]);
    expect(await failure(readLedger(bytes, 'mixed.csv'))).toEqual({
      code: 'mixed_encoding',
      detail: { utf8Line: 1, otherLine: 3 },
    });
    // UTF-8's BOM before Shift_JIS text is mixed too
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('氏名,電話\n佐藤,080\n', 'cp932')]);
    expect((await failure(readLedger(bom, 'bom.csv'))).code).toBe('mixed_encoding');
  });

  it('refuses text that is neither UTF-8 nor Shift_JIS', async () => {
    const bytes = Buffer.concat([
      iconv.encode('氏名,電話\r\n山田,090\r\n"佐藤\r\n花子",', 'cp932'),
      Buffer.from([0x82, 0x20, 0xa0, 0xfd]),
      Buffer.from('\r\n'),
    ]);
    // the line as a text editor counts it (the quoted line break counts too)
    expect(await failure(readLedger(bytes, 'odd.csv'))).toEqual({ code: 'unreadable_text', detail: { line: 4 } });
  });
});

describe('finding the header', () => {
  it('uses the header test the mapping passes, and keeps the real row numbers', async () => {
    const text = 'No,氏名,TEL\n担当,受付,メモ\n1,山田,03-1234-5678\n';
    const table = await readLedger(Buffer.from(text), 'a.csv', {
      isHeader: (cells) => cells.includes('氏名'),
    });
    expect(table.headerLine).toBe(1);
    expect(table.rows.map((row) => row.line)).toEqual([2, 3]);
  });

  it('refuses a sheet whose first ten rows hold no header, and a file with a header but no data', async () => {
    const numbers = Array.from({ length: 12 }, (_, i) => `${i},2024/4/${i + 1},${i * 100}`).join('\n');
    expect(await failure(readLedger(Buffer.from(numbers), 'n.csv'))).toEqual({
      code: 'no_header',
      detail: { rows: 10 },
    });
    expect((await failure(readLedger(Buffer.from('氏名,電話\r\n\r\n,,\r\n'), 'h.csv'))).code).toBe('empty');
  });
});

describe('refusing files that are not a ledger', () => {
  const cases: [string, Buffer, string, LedgerReadErrorCode][] = [
    ['an empty file', Buffer.alloc(0), 'empty.csv', 'empty'],
    ['blank lines only', Buffer.from('\r\n \r\n\t\r\n'), 'blank.csv', 'empty'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'scan.png', 'wrong_type'],
    ['a PNG named .csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'ledger.csv', 'wrong_type'],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'ledger.pdf', 'wrong_type'],
    ['a zip that is not a workbook', zipOf({ 'word/document.xml': '<w:document/>' }), 'a.xlsx', 'wrong_type'],
    ['a binary with NUL bytes', Buffer.from([0x41, 0x42, 0x00, 0x01, 0x43, 0x2c, 0x44]), 'data.csv', 'wrong_type'],
    ['an old Excel 97-2003 workbook', oleFile(['Workbook', 'SummaryInformation']), 'old.xls', 'old_xls'],
    ['an old workbook named .xlsx', oleFile(['Workbook']), 'renamed.xlsx', 'old_xls'],
    ['an old Word document', oleFile(['WordDocument', '1Table']), 'letter.doc', 'wrong_type'],
    [
      'a workbook saved with a password',
      oleFile(['EncryptionInfo', 'EncryptedPackage']),
      'pw.xlsx',
      'password_protected',
    ],
    [
      'an HTML table saved as .xls',
      Buffer.from('<html><body><table><tr><td>氏名</td></tr></table>'),
      'x.xls',
      'old_xls',
    ],
  ];
  for (const [what, bytes, name, code] of cases) {
    it(`refuses ${what} (${code})`, async () => {
      expect((await failure(readLedger(bytes, name))).code).toBe(code);
    });
  }

  it('refuses a file over the size limit before reading it: the default 100 MB, and a lower one', async () => {
    expect(LEDGER_LIMITS.maxBytes).toBe(100 * 1024 * 1024);
    // allocUnsafe leaves the pages untouched: a 100 MB buffer costs next to nothing until written
    const huge = Buffer.allocUnsafe(LEDGER_LIMITS.maxBytes + 1);
    expect(await failure(readLedger(huge, 'huge.csv'))).toEqual({ code: 'too_large', detail: { maxMegabytes: 100 } });
    const small = Buffer.from('氏名,電話\n山田,090\n');
    expect((await failure(readLedger(small, 'a.csv', { limits: { maxBytes: small.length - 1 } }))).code).toBe(
      'too_large',
    );
    expect((await readLedger(small, 'a.csv', { limits: { maxBytes: small.length } })).rows).toHaveLength(1);
  });

  it("refuses a sheet of 1,048,576 rows (Excel's most), stopping at the limit", async () => {
    const line = Buffer.from('山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,090-1234-5678\r\n', 'utf8');
    const header = Buffer.from('氏名,フリガナ,電話\r\n');
    const rows = 1_048_576 - 1;
    const bytes = Buffer.allocUnsafe(header.length + line.length * rows);
    header.copy(bytes, 0);
    for (let i = 0; i < rows; i++) line.copy(bytes, header.length + i * line.length);
    let readBytes = 0;
    const error = await failure(readLedger(bytes, 'max.csv', { onProgress: (done) => (readBytes = done) }));
    expect(error).toEqual({ code: 'too_many_rows', detail: { maxRows: LEDGER_LIMITS.maxRows } });
    expect(readBytes).toBeLessThan(bytes.length / 2); // it stopped well before the end
  });
});

describe('progress and cancel', () => {
  const many = Buffer.from(`氏名,電話\n${'山田,090\n'.repeat(300_000)}`);

  it('reports the bytes read, ending at the file size', async () => {
    const reports: [number, number][] = [];
    await readLedger(many, 'p.csv', {
      onProgress: (done, total) => reports.push([done, total]),
      limits: { maxRows: 1e6 },
    });
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.every(([done, total], i) => total === many.length && done >= (reports[i - 1]?.[0] ?? 0))).toBe(true);
    expect(reports.at(-1)).toEqual([many.length, many.length]);
  });

  it('reports the progress of an .xlsx in the bytes of its strings and sheets, ending at their total', async () => {
    const bytes = await excelLedger((sheet) => {
      sheet.addRow(['氏名', '住所']);
      for (let i = 0; i < 20_000; i++) sheet.addRow([`宿泊者${i}`, `東京都千代田区${i}-${(i * 7) % 97}`]);
    });
    const reports: [number, number][] = [];
    const table = await readLedger(bytes, 'p.xlsx', { onProgress: (done, total) => reports.push([done, total]) });
    expect(table.rows).toHaveLength(20_000);
    expect(reports.length).toBeGreaterThan(2);
    const total = reports[0]?.[1] ?? 0;
    expect(reports.every(([done, t], i) => t === total && done >= (reports[i - 1]?.[0] ?? 0))).toBe(true);
    expect(reports.at(-1)).toEqual([total, total]);
  });

  it('stops with cancelled when the signal aborts, before or while reading', async () => {
    const before = new AbortController();
    before.abort();
    expect((await failure(readLedger(many, 'c.csv', { signal: before.signal }))).code).toBe('cancelled');
    const during = new AbortController();
    const reading = readLedger(many, 'c.csv', {
      signal: during.signal,
      limits: { maxRows: 1e6 },
      onProgress: () => setImmediate(() => during.abort()),
    });
    expect((await failure(reading)).code).toBe('cancelled');
    const xlsx = await excelLedger((sheet) => {
      sheet.addRow(['氏名', '電話']);
      sheet.addRow(['山田', '090']);
    });
    expect((await failure(readLedger(xlsx, 'c.xlsx', { signal: before.signal }))).code).toBe('cancelled');
    const duringXlsx = new AbortController();
    const readingXlsx = readLedger(xlsx, 'c.xlsx', { signal: duringXlsx.signal, onProgress: () => duringXlsx.abort() });
    expect((await failure(readingXlsx)).code).toBe('cancelled');
  });
});

describe('CSV round trip (property)', () => {
  // Characters that make CSV hard, and Japanese ones that CP932 can write (checked below, so the list stays honest).
  const hard = [',', '"', '\n', '\r\n', '\r', ' ', 'a', 'Z', '0', '-'];
  const japanese = ['あ', 'ア', 'ｶ', 'ﾞ', '漢', '髙', '﨑', '①', '㈱', '～', '　', '・', '「'];
  const cell = fc.array(fc.constantFrom(...hard, ...japanese), { maxLength: 6 }).map((parts) => parts.join(''));
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 });
  const header = ['氏名', 'カナ'];
  const lastRow = ['山田', 'ﾔﾏﾀﾞ'];
  // Rows of blanks are not data: the reader leaves them out.
  const nonEmpty = (rows: string[][]) => rows.filter((row) => row.some((c) => c.trim() !== ''));

  it('lists only characters CP932 can encode', () => {
    for (const ch of japanese) expect(iconv.decode(iconv.encode(ch, 'cp932'), 'cp932')).toBe(ch);
  });

  for (const encoding of ['utf-8', 'shift_jis'] as const) {
    it(`reads back any table written as CSV in ${encoding}`, async () => {
      await fc.assert(
        fc.asyncProperty(table, fc.boolean(), fc.boolean(), async (rows, quoteAll, bom) => {
          const all = [header, ...rows, lastRow];
          const text = csvText(all, { quoteAll });
          const bytes =
            encoding === 'utf-8'
              ? Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)])
              : iconv.encode(text, 'cp932');
          const read = await readLedger(bytes, 't.csv');
          expect(read.encoding).toBe(encoding);
          expect(read.header).toEqual(header);
          expect(cellsOf(read)).toEqual(nonEmpty([...rows, lastRow]));
        }),
        { numRuns: 150 },
      );
    });
  }
});
