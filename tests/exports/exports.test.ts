import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { allergen } from '../kitchen/helpers.ts';
import { FINE_SLICES, makeStaffedCore, type TestCore } from '../support/core.ts';
import { downloaded, parseCsv, sheetRows, workbookOf } from './helpers.ts';

// Exports through the core's door (exports.run, then files.download), read back as the person's Excel would:
// the .xlsx opened with exceljs, the CSV bytes split as Excel splits them.

const csvOf = async (test: TestCore, input: Record<string, unknown>) => {
  const answer = await test.call('exports.run', { format: 'csv', language: 'ja', ...input });
  const file = await downloaded(test, answer.file);
  return { answer, file, text: file.bytes.toString('utf8'), records: parseCsv(file.bytes.toString('utf8').slice(1)) };
};

/** A guest, their stay, an allergy and a request, with the awkward values an export must keep intact. */
async function ledger(test: TestCore) {
  const { call } = test;
  const yamada = await call('guests.create', {
    fields: {
      familyName: '山田',
      givenName: '太郎',
      familyReading: 'やまだ',
      givenReading: 'たろう',
      phones: [
        { number: '+81 90-1234-5678', label: 'mobile' },
        { number: '03-1234-5678', label: 'home' },
      ],
      birthday: '1980-05-05',
      note: '=HYPERLINK("http://example.com","予約")',
      organization: '株式会社 "やまだ", 本社',
    },
  });
  const hanako = await call('guests.create', {
    fields: { familyName: '山田', givenName: '花子', familyReading: 'やまだ', givenReading: 'はなこ' },
  });
  const stay = await call('stays.create', {
    fields: {
      guestId: yamada.id,
      arrivalDate: '2026-04-01',
      departureDate: '2026-04-03',
      rooms: ['101', '102'],
      partyIds: [hanako.id],
      amountYen: 123456,
      note: '-5000円は返金済\n領収書あり',
    },
  });
  await call('allergies.record', {
    guestId: yamada.id,
    allergenId: allergen('shrimp'),
    severity: 'anaphylaxis',
    tracesOk: false,
  });
  await call('requests.record', { guestId: yamada.id, stayId: stay.id, category: 'meals', text: '+ご飯少なめ' });
  return { yamada, hanako, stay };
}

describe('export to .xlsx', () => {
  it('writes a sheet per kind in Japanese, names family-first, real dates, yen as numbers, formulas neutralized', async () => {
    const test = await makeStaffedCore();
    const { yamada, stay } = await ledger(test);
    const answer = await test.call('exports.run', {
      kinds: ['guests', 'stays', 'allergies', 'requests'],
      format: 'xlsx',
      filter: { by: 'all' },
      language: 'ja',
    });
    expect(answer.rows).toBe(2 + 1 + 1 + 1);
    expect(answer.name).toMatch(/^yadocho-台帳-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const file = await downloaded(test, answer.file);
    expect(file.name).toBe(answer.name);
    expect(file.type).toContain('spreadsheetml');
    const workbook = await workbookOf(file.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['お客様', '宿泊', 'アレルギー', '要望']);

    const guests = workbook.getWorksheet('お客様');
    if (!guests) throw new Error('no guest sheet');
    const [header, first] = sheetRows(guests);
    expect(header?.slice(0, 7)).toEqual(['お客様ID', '姓', '名', 'せい', 'めい', '電話', 'その他の電話']);
    expect(first?.slice(0, 7)).toEqual([
      yamada.id,
      '山田',
      '太郎',
      'やまだ',
      'たろう',
      '+81 90-1234-5678', // a phone stays readable: nothing in it a spreadsheet could run
      '03-1234-5678',
    ]);
    const column = (name: string) => (header as string[]).indexOf(name) + 1;
    const row2 = guests.getRow(2);
    // The note typed as a formula is text with its apostrophe, even inside the .xlsx (it may be saved as CSV).
    expect(row2.getCell(column('備考')).value).toBe(`'=HYPERLINK("http://example.com","予約")`);
    expect(row2.getCell(column('備考')).type).toBe(3); // ValueType.String: never a formula cell
    const birthday = row2.getCell(column('生年月日'));
    expect(birthday.value).toEqual(new Date(Date.UTC(1980, 4, 5)));
    expect(birthday.numFmt).toBe('yyyy/mm/dd');

    const stays = workbook.getWorksheet('宿泊');
    if (!stays) throw new Error('no stay sheet');
    const [stayHeader, stayRow] = sheetRows(stays);
    const at = (name: string) => (stayRow as unknown[])[(stayHeader as string[]).indexOf(name)];
    expect(at('宿泊ID')).toBe(stay.id);
    expect(at('到着日')).toEqual(new Date(Date.UTC(2026, 3, 1)));
    expect(at('泊数')).toBe(2);
    expect(at('部屋')).toBe('101、102');
    expect(at('同行者')).toBe('山田 花子');
    expect(at('金額（円）')).toBe(123456);
    expect(stays.getRow(2).getCell((stayHeader as string[]).indexOf('金額（円）') + 1).numFmt).toBe('#,##0');
    expect(at('備考')).toBe(`'-5000円は返金済\n領収書あり`);

    const allergies = sheetRows(workbook.getWorksheet('アレルギー') as never);
    expect(allergies[1]?.slice(1, 8)).toEqual(['山田', '太郎', 'やまだ', 'たろう', 'えび', 'アナフィラキシー', '不可']);
    const requests = sheetRows(workbook.getWorksheet('要望') as never);
    expect(requests[1]?.slice(5, 9)).toEqual(['食事', `'+ご飯少なめ`, '未対応', 'いいえ']);
  });

  it('writes every guest of a register of several batches, in English when the screen is English', async () => {
    const test = await makeStaffedCore();
    await test.call('demo.load', { count: 700, seed: 5 });
    const guests = test.db.prepare('SELECT count(*) FROM guests WHERE deleted_at IS NULL').pluck().get() as number;
    const stays = test.db
      .prepare(
        'SELECT count(*) FROM stays s JOIN guests g ON g.id = s.guest_id WHERE s.deleted_at IS NULL AND g.deleted_at IS NULL',
      )
      .pluck()
      .get() as number;
    const answer = await test.call('exports.run', {
      kinds: ['guests', 'stays'],
      format: 'xlsx',
      filter: { by: 'all' },
      language: 'en',
    });
    expect(answer.rows).toBe(guests + stays);
    const workbook = await workbookOf((await downloaded(test, answer.file)).bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Guests', 'Stays']);
    const rows = sheetRows(workbook.getWorksheet('Guests') as never);
    expect(rows[0]?.slice(1, 5)).toEqual(['Family name', 'Given name', 'Family name reading', 'Given name reading']);
    expect(rows).toHaveLength(guests + 1);
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(guests);
    expect(sheetRows(workbook.getWorksheet('Stays') as never)).toHaveLength(stays + 1);
  });
});

describe('export to CSV', () => {
  it('is UTF-8 with a BOM and CRLF, quotes what needs it, keeps Japanese and phones, neutralizes formulas', async () => {
    const test = await makeStaffedCore();
    const { yamada } = await ledger(test);
    const { answer, file, text, records } = await csvOf(test, { kinds: ['guests'], filter: { by: 'all' } });
    expect(answer.name).toMatch(/^yadocho-お客様-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.type).toBe('text/csv;charset=utf-8');
    // Every line ends in CRLF; a bare LF is only inside a quoted field.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '').includes('\r')).toBe(false);
    expect(records[0]?.slice(0, 5)).toEqual(['お客様ID', '姓', '名', 'せい', 'めい']);
    const row = records.find((record) => record[0] === yamada.id) as string[];
    const at = (name: string) => row[(records[0] as string[]).indexOf(name)];
    expect(at('姓')).toBe('山田');
    expect(at('電話')).toBe('+81 90-1234-5678');
    expect(at('会社・団体')).toBe('株式会社 "やまだ", 本社');
    expect(text).toContain('"株式会社 ""やまだ"", 本社"');
    expect(at('備考')).toBe(`'=HYPERLINK("http://example.com","予約")`);
    expect(at('生年月日')).toBe('1980-05-05');
  });

  it('writes stays with yen as plain integers and dates as YYYY-MM-DD, and a note over two lines quoted', async () => {
    const test = await makeStaffedCore();
    await ledger(test);
    const { records, text } = await csvOf(test, { kinds: ['stays'], filter: { by: 'all' } });
    const [header, row] = records as [string[], string[]];
    const at = (name: string) => row[header.indexOf(name)];
    expect(at('到着日')).toBe('2026-04-01');
    expect(at('出発日')).toBe('2026-04-03');
    expect(at('金額（円）')).toBe('123456');
    expect(at('部屋')).toBe('101、102');
    expect(at('備考')).toBe(`'-5000円は返金済\n領収書あり`);
    expect(text).toContain(`"'-5000円は返金済\n領収書あり"`);
  });

  it('holds one kind: several kinds in one CSV are refused with a field message', async () => {
    const test = await makeStaffedCore();
    const result = await test.core.call('exports.run', {
      kinds: ['guests', 'stays'],
      format: 'csv',
      filter: { by: 'all' },
      language: 'ja',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(result)).toContain('csv_one_kind');
  });
});

describe('what an export takes', () => {
  it('takes every guest a search finds, not the first page of 20', async () => {
    const test = await makeStaffedCore();
    for (let index = 0; index < 120; index++) {
      await test.call('guests.create', {
        fields: { familyName: '佐藤', givenName: `${index}`, familyReading: 'さとう' },
      });
    }
    await test.call('guests.create', { fields: { familyName: '鈴木', familyReading: 'すずき' } });
    expect((await test.call('guests.search', { q: 'さとう' })).hits).toHaveLength(20);
    const { answer, records } = await csvOf(test, { kinds: ['guests'], filter: { by: 'search', query: 'さとう' } });
    expect(answer.rows).toBe(120);
    expect(records.slice(1).every((record) => record[1] === '佐藤')).toBe(true);
    // Romaji and kanji find the same guests, as in the search box.
    expect((await csvOf(test, { kinds: ['guests'], filter: { by: 'search', query: 'sato' } })).answer.rows).toBe(120);
    expect((await csvOf(test, { kinds: ['guests'], filter: { by: 'search', query: '佐藤' } })).answer.rows).toBe(120);
  });

  it('takes a guest merged into another by their old name as the guest they are now, once', async () => {
    const test = await makeStaffedCore();
    const kept = await test.call('guests.create', { fields: { familyName: '高橋', familyReading: 'たかはし' } });
    const merged = await test.call('guests.create', { fields: { familyName: '髙橋', familyReading: 'たかはし' } });
    const other = await test.call('guests.create', { fields: { familyName: '田中', familyReading: 'たなか' } });
    await test.call('duplicates.merge', { keptId: kept.id, mergedId: merged.id });
    const byOldName = await csvOf(test, { kinds: ['guests'], filter: { by: 'search', query: 'たかはし' } });
    expect(byOldName.records.slice(1).map((record) => record[0])).toEqual([kept.id]);
    const all = await csvOf(test, { kinds: ['guests'], filter: { by: 'all' } });
    expect(all.records.slice(1).map((record) => record[0])).toEqual([kept.id, other.id]);
  });

  it('takes the stays arriving in a date range, and the guests in them (lead and party)', async () => {
    const test = await makeStaffedCore();
    const { call } = test;
    const guest = async (familyName: string, familyReading: string) =>
      (await call('guests.create', { fields: { familyName, familyReading } })).id as string;
    const [ito, kato, sato, mori] = [
      await guest('伊藤', 'いとう'),
      await guest('加藤', 'かとう'),
      await guest('佐藤', 'さとう'),
      await guest('森', 'もり'),
    ];
    let room = 200;
    const stay = async (guestId: string, arrivalDate: string, departureDate: string, partyIds: string[] = []) =>
      call('stays.create', { fields: { guestId, arrivalDate, departureDate, rooms: [`${++room}`], partyIds } });
    await stay(ito, '2026-03-31', '2026-04-02'); // before the range
    await stay(kato, '2026-04-01', '2026-04-02', [mori]); // first day
    await stay(sato, '2026-04-30', '2026-05-01'); // last day
    await stay(ito, '2026-05-01', '2026-05-02'); // after
    const filter = { by: 'dates', from: '2026-04-01', to: '2026-04-30' };
    const stays = await csvOf(test, { kinds: ['stays'], filter });
    expect(stays.records.slice(1).map((record) => [record[2], record[6]])).toEqual([
      ['加藤', '2026-04-01'],
      ['佐藤', '2026-04-30'],
    ]);
    const guests = await csvOf(test, { kinds: ['guests'], filter });
    expect(guests.records.slice(1).map((record) => record[1])).toEqual(['加藤', '佐藤', '森']);
    const reversed = await test.core.call('exports.run', {
      kinds: ['stays'],
      format: 'csv',
      filter: { by: 'dates', from: '2026-04-30', to: '2026-04-01' },
      language: 'ja',
    });
    expect(JSON.stringify(reversed)).toContain('range_invalid');
  });

  it('leaves deleted guests out, with their stays, allergies and requests', async () => {
    const test = await makeStaffedCore();
    const { yamada, hanako } = await ledger(test);
    await test.call('guests.delete', { id: yamada.id });
    const answer = await test.call('exports.run', {
      kinds: ['guests', 'stays', 'allergies', 'requests'],
      format: 'xlsx',
      filter: { by: 'all' },
      language: 'ja',
    });
    const workbook = await workbookOf((await downloaded(test, answer.file)).bytes);
    const ids = (name: string) =>
      sheetRows(workbook.getWorksheet(name) as never)
        .slice(1)
        .map((row) => row[name === '宿泊' ? 1 : 0]);
    expect(ids('お客様')).toEqual([hanako.id]);
    expect(ids('宿泊')).toEqual([]);
    expect(ids('アレルギー')).toEqual([]);
    expect(ids('要望')).toEqual([]);
    // Searching finds no deleted guest either.
    expect((await csvOf(test, { kinds: ['guests'], filter: { by: 'search', query: 'やまだ' } })).answer.rows).toBe(1);
  });
});

describe('an imported ledger', () => {
  it('says 要確認 for an allergy never confirmed with the guest', async () => {
    const test = await makeStaffedCore();
    const ledger = Buffer.from('\uFEFF氏名,フリガナ,アレルギー\r\n鈴木 一郎,スズキ イチロウ,そば\r\n', 'utf8');
    const upload = await test.call('files.upload', {
      name: '台帳.csv',
      size: ledger.length,
      offset: 0,
      chunk: ledger.toString('base64'),
    });
    await test.call('imports.run', { upload: upload.upload });
    await test.call('allergies.record', {
      guestId: (await test.call('guests.search', { q: 'すずき' })).hits[0].id,
      freeAllergen: 'アルコール',
      severity: 'intolerance',
      tracesOk: true,
      confirmedAt: '2026-04-01',
    });
    const { records } = await csvOf(test, { kinds: ['allergies'], filter: { by: 'all' } });
    const [header, ...rows] = records as [string[], ...string[][]];
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((row) => [at(row, 'アレルゲン'), at(row, '確認日')])).toEqual([
      ['そば', '要確認'],
      ['アルコール', '2026-04-01'],
    ]);
  });
});

describe('an export as a job', () => {
  it('reports progress to its total and stops on cancel, answering `cancelled` with no file', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    await test.call('demo.load', { count: 1200, seed: 2 });
    const events: JobProgress[] = [];
    test.core.onProgress((progress) => {
      if (progress.kind !== 'export.run') return;
      events.push(progress);
      if (progress.state === 'running' && progress.done > 0) void test.call('jobs.cancel', { job: progress.job });
    });
    const result = await test.core.call('exports.run', {
      kinds: ['guests'],
      format: 'xlsx',
      filter: { by: 'all' },
      language: 'ja',
    });
    expect(result).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(events.at(-1)?.state).toBe('cancelled');
    expect(events.at(-1)?.done).toBeLessThan(events.at(-1)?.total as number);
  });

  it('counts guests passed per sheet, up to its total, with a final event', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    await test.call('demo.load', { count: 1200, seed: 2 });
    const events: JobProgress[] = [];
    test.core.onProgress((progress) => {
      if (progress.kind === 'export.run') events.push(progress);
    });
    await test.call('exports.run', {
      kinds: ['guests', 'allergies'],
      format: 'xlsx',
      filter: { by: 'all' },
      language: 'ja',
    });
    const done = events.map((event) => event.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(events.length).toBeGreaterThan(3);
    expect(events.at(-1)).toMatchObject({ state: 'done', done: 2400, total: 2400 });
  });
});
