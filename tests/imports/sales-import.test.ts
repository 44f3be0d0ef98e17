import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FILE_CHUNK_BYTES } from '../../shared/contract/files.ts';
import { rankCore } from '../ranks/helpers.ts';
import { changeLogCount, type TestCore } from '../support/core.ts';

// Importing sales (売上の取り込み) through the core's doors, as the screen drives it: the file goes up, the preview
// matches each row to one stay and writes nothing, the run sets the matched stays' amounts as one batch (ranks
// follow), and imports.undo puts the amounts back, except one staff changed since.

async function upload(test: TestCore, name: string, bytes: Buffer): Promise<string> {
  let id: string | undefined;
  for (let offset = 0; offset < bytes.length || id === undefined; offset += FILE_CHUNK_BYTES) {
    const answer = await test.call('files.upload', {
      ...(id ? { upload: id } : {}),
      name,
      size: bytes.length,
      offset,
      chunk: bytes.subarray(offset, offset + FILE_CHUNK_BYTES).toString('base64'),
    });
    id = answer.upload;
  }
  return id as string;
}

const sjis = (lines: string[]) => iconv.encode(`${lines.join('\r\n')}\r\n`, 'Shift_JIS');
const utf8 = (lines: string[]) => Buffer.from(`\ufeff${lines.join('\n')}\n`, 'utf8');

/** A register on 2026-06-15 with stays in early May: one to match by name and room, one by a party member, two alike. */
async function register() {
  const test = await rankCore();
  const guest = async (familyName: string, givenName: string, familyReading: string, givenReading: string) =>
    (await test.call('guests.create', { fields: { familyName, givenName, familyReading, givenReading } })).id as string;
  const stay = async (
    guestId: string,
    arrivalDate: string,
    departureDate: string,
    room: string,
    amountYen: number,
    partyIds: string[] = [],
  ) =>
    (
      await test.call('stays.create', {
        fields: { guestId, arrivalDate, departureDate, rooms: [room], amountYen, status: 'departed', partyIds },
      })
    ).id as string;
  const yamada = await guest('山田', '花子', 'やまだ', 'はなこ');
  const suzuki = await guest('鈴木', '一郎', 'すずき', 'いちろう');
  const tanaka = await guest('田中', '次郎', 'たなか', 'じろう');
  const satoA = await guest('佐藤', '花子', 'さとう', 'はなこ');
  const satoB = await guest('佐藤', '花子', 'さとう', 'はなこ');
  const stays = {
    yamada: await stay(yamada, '2026-05-01', '2026-05-03', '201', 0),
    suzuki: await stay(suzuki, '2026-05-02', '2026-05-03', '202', 10_000, [tanaka]),
    satoA: await stay(satoA, '2026-05-01', '2026-05-02', '203', 1_000),
    satoB: await stay(satoB, '2026-05-01', '2026-05-02', '204', 2_000),
  };
  const amountOf = async (id: string) => (await test.call('stays.get', { id })).amountYen as number;
  return { ...test, guests: { yamada, suzuki, tanaka }, stays, amountOf };
}

/** What an accounting system exports in Shift_JIS: bill date, name with 様, 号室, ¥ and commas. */
const SALES = [
  '日付,お名前,部屋,売上金額',
  '2026/5/3,山田 花子 様,201号室,"¥45,000"',
  '2026/5/2,ﾀﾅｶ ｼﾞﾛｳ,202,8000',
  '2026/5/1,佐藤 花子,,30000',
  '2026/5/1,高橋 三郎,205,5000',
  '2026/13/1,山田 花子,201,1000',
  '2026/5/1,山田 花子,201,abc',
];

describe('importing sales', () => {
  it('sets aside a row without a date or without an amount: an empty amount is not ¥0', async () => {
    const test = await register();
    const lines = ['日付,お名前,部屋,売上金額', ',山田 花子,201,45000', '2026/5/3,山田 花子,201,'];
    const preview = await test.call('imports.salesPreview', { upload: await upload(test, '売上.csv', utf8(lines)) });
    const byLine = new Map(preview.rows.map((row: { line: number }) => [row.line, row]));
    expect(byLine.get(2)).toMatchObject({ status: 'invalid', reason: 'no_date' });
    expect(byLine.get(3)).toMatchObject({ status: 'invalid', reason: 'no_amount' });
    expect(preview.counts).toMatchObject({ rows: 2, matched: 0, invalid: 2 });
  });

  it('previews each row matched to one stay, ambiguous, not found or invalid, writing nothing', async () => {
    const test = await register();
    const before = changeLogCount(test.db);
    const preview = await test.call('imports.salesPreview', { upload: await upload(test, '売上.csv', sjis(SALES)) });
    expect(preview.encoding).toBe('shift_jis');
    expect(preview.mapping).toEqual(['arrival', 'fullName', 'rooms', 'amount']);
    expect(preview.mappingIssues).toEqual([]);
    expect(preview.counts).toEqual({ rows: 6, matched: 2, ambiguous: 1, notFound: 1, invalid: 2, stays: 2 });
    const byLine = new Map(preview.rows.map((row: { line: number }) => [row.line, row]));
    // The checkout day is inside the stay; 様 and 号室 are the file's way of writing, not the name or the room.
    expect(byLine.get(2)).toMatchObject({
      status: 'matched',
      date: '2026-05-03',
      amountYen: 45_000,
      stay: { id: test.stays.yamada, guestName: '山田 花子', oldAmountYen: 0, newAmountYen: 45_000 },
    });
    // Half-width kana finds the party member by reading, and so the stay he was on.
    expect(byLine.get(3)).toMatchObject({
      status: 'matched',
      stay: { id: test.stays.suzuki, guestName: '鈴木 一郎', oldAmountYen: 10_000, newAmountYen: 8_000 },
    });
    expect(byLine.get(4)).toMatchObject({ status: 'ambiguous', candidates: 2, stay: null });
    expect(byLine.get(5)).toMatchObject({ status: 'not_found', candidates: 0, stay: null });
    expect(byLine.get(6)).toMatchObject({ status: 'invalid', reason: 'bad_date' });
    expect(byLine.get(7)).toMatchObject({ status: 'invalid', reason: 'bad_amount' });
    // The rows to look at come first.
    expect(preview.rows.map((row: { status: string }) => row.status)).toEqual([
      'invalid',
      'invalid',
      'ambiguous',
      'not_found',
      'matched',
      'matched',
    ]);
    expect(changeLogCount(test.db)).toBe(before);
    expect(await test.amountOf(test.stays.yamada)).toBe(0);
  });

  it('sets the matched amounts as one batch in the history, and undo puts them back', async () => {
    const test = await register();
    const upload1 = await upload(test, '売上.csv', sjis(SALES));
    const run = await test.call('imports.salesRun', { upload: upload1 });
    expect(run.counts).toMatchObject({ matched: 2, stays: 2 });
    expect(await test.amountOf(test.stays.yamada)).toBe(45_000);
    expect(await test.amountOf(test.stays.suzuki)).toBe(8_000);
    expect(await test.amountOf(test.stays.satoA)).toBe(1_000); // ambiguous: left alone
    const [listed] = (await test.call('imports.list', {})).imports;
    expect(listed).toMatchObject({ id: run.import, kind: 'sales', fileName: '売上.csv', finished: true });
    expect(listed.sales).toMatchObject({ matched: 2, ambiguous: 1, notFound: 1, invalid: 2, stays: 2 });

    // The same file again changes nothing: the stays hold those amounts now.
    const again = await test.core.call('imports.salesRun', { upload: upload1 });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: 'import_nothing_to_import' } });

    const undone = await test.call('imports.undo', { import: run.import });
    expect(undone).toMatchObject({ amounts: 2, keptAmounts: 0, guests: 0, stays: 0 });
    expect(await test.amountOf(test.stays.yamada)).toBe(0);
    expect(await test.amountOf(test.stays.suzuki)).toBe(10_000);
    const twice = await test.core.call('imports.undo', { import: run.import });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict', detail: 'import_already_undone' } });
  });

  it('undone, keeps an amount staff changed after the import, even back to the imported figure', async () => {
    const test = await register();
    const run = await test.call('imports.salesRun', { upload: await upload(test, '売上.csv', sjis(SALES)) });
    await test.call('stays.update', { id: test.stays.yamada, patch: { amountYen: 50_000 } });
    await test.call('stays.update', { id: test.stays.yamada, patch: { amountYen: 45_000 } });
    const undone = await test.call('imports.undo', { import: run.import });
    expect(undone).toMatchObject({ amounts: 1, keptAmounts: 1 });
    expect(await test.amountOf(test.stays.yamada)).toBe(45_000);
    expect(await test.amountOf(test.stays.suzuki)).toBe(10_000);
  });

  it('moves a guest into a spend rank when the imported amount crosses its threshold, and out on undo', async () => {
    const test = await register();
    await test.setRules([{ name: '常連', minSpendYen: 100_000, years: 1 }]);
    expect(await test.rankOf(test.guests.yamada)).toBeNull();
    // UTF-8 with a BOM, reservation-system words: 来館日, 氏名（カナ） alone, ルーム, 合計.
    const file = utf8(['来館日,フリガナ,ルーム,合計', '2026-05-01,ヤマダ ハナコ,201,"120,000"']);
    const preview = await test.call('imports.salesPreview', { upload: await upload(test, 'sales.csv', file) });
    expect(preview.encoding).toBe('utf-8');
    expect(preview.counts).toMatchObject({ matched: 1, stays: 1 });
    const run = await test.call('imports.salesRun', { upload: await upload(test, 'sales.csv', file) });
    expect(await test.rankOf(test.guests.yamada)).toEqual({ name: '常連', manual: false });
    await test.call('imports.undo', { import: run.import });
    expect(await test.rankOf(test.guests.yamada)).toBeNull();
  });

  it('matches on a reservation number the stay holds, whatever name the system wrote', async () => {
    const test = await register();
    await test.call('stays.update', { id: test.stays.satoB, patch: { reservationNo: 'ＡＢ-100' } });
    const file = utf8(['チェックアウト,予約者名,予約番号,請求金額', '2026/5/2,サトウ様,ab-100,"33,000"']);
    const preview = await test.call('imports.salesPreview', { upload: await upload(test, 'sales.csv', file) });
    expect(preview.rows[0]).toMatchObject({ status: 'matched', stay: { id: test.stays.satoB, newAmountYen: 33_000 } });
  });

  it('finds a long stay on a day in its middle, a Latin name written either way round, and never a cancelled stay', async () => {
    const test = await register();
    const smith = (
      await test.call('guests.create', {
        fields: { familyName: 'Smith', givenName: 'John', familyReading: 'Smith', givenReading: 'John' },
      })
    ).id;
    const long = await test.call('stays.create', {
      fields: {
        guestId: smith,
        arrivalDate: '2026-03-01',
        departureDate: '2026-03-31',
        rooms: ['301'],
        status: 'departed',
      },
    });
    await test.call('stays.update', { id: test.stays.satoA, patch: { status: 'cancelled' } });
    const file = utf8(['日付,お名前,部屋,金額', '2026/3/20,John Smith,301,"250,000"', '2026/5/1,佐藤 花子,,9000']);
    const preview = await test.call('imports.salesPreview', { upload: await upload(test, 'sales.csv', file) });
    const byLine = new Map(preview.rows.map((row: { line: number }) => [row.line, row]));
    expect(byLine.get(2)).toMatchObject({ status: 'matched', stay: { id: long.id, newAmountYen: 250_000 } });
    // Two 佐藤 花子 on the day, one of them cancelled: the other is the stay.
    expect(byLine.get(3)).toMatchObject({ status: 'matched', stay: { id: test.stays.satoB } });
  });

  it('says which column is missing, and refuses to run without it', async () => {
    const test = await register();
    const id = await upload(test, 'names.csv', utf8(['お名前,部屋', '山田 花子,201']));
    const preview = await test.call('imports.salesPreview', { upload: id });
    expect(preview.mappingIssues).toEqual(['sales_needs_date', 'sales_needs_amount']);
    const run = await test.core.call('imports.salesRun', { upload: id });
    expect(run).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: 'import_mapping_incomplete' } });
  });

  it('refuses the kitchen: importing sales needs the import permission', async () => {
    const test = await register();
    const id = await upload(test, '売上.csv', sjis(SALES));
    const cook = await test.call('staff.create', { name: '板長 木村', roles: ['kitchen'] });
    await test.call('staff.setCurrent', { id: cook.id });
    for (const name of ['imports.salesPreview', 'imports.salesRun']) {
      expect(await test.core.call(name, { upload: id })).toEqual({
        ok: false,
        error: { code: 'forbidden', detail: 'forbidden_role', params: { permission: 'import' } },
      });
    }
    expect(await test.amountOf(test.stays.yamada)).toBe(0);
  });

  it('import then undo leaves every amount exactly as it was, whatever the file says', async () => {
    const test = await register();
    const ids = Object.values(test.stays);
    const rows = [
      ['2026/5/1', '山田 花子', '201'],
      ['2026/5/2', '山田花子様', '201'],
      ['2026/5/3', '鈴木 一郎', '202'],
      ['2026/5/2', 'たなか じろう', ''],
      ['2026/5/1', '佐藤 花子', '203'],
      ['2026/5/1', '佐藤 花子', '204'],
      ['2026/5/1', '佐藤 花子', ''],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: 0, max: 300_000 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (picked) => {
          const before = await Promise.all(ids.map(test.amountOf));
          const lines = picked.map(([row, yen]) => [...(rows[row] as string[]), String(yen)].join(','));
          const id = await upload(test, 'sales.csv', sjis(['日付,お名前,部屋,金額', ...lines]));
          const run = await test.core.call('imports.salesRun', { upload: id });
          if (!run.ok) {
            expect(run.error.detail).toBe('import_nothing_to_import');
          } else {
            await test.call('imports.undo', { import: (run.value as { import: string }).import });
          }
          expect(await Promise.all(ids.map(test.amountOf))).toEqual(before);
        },
      ),
      { numRuns: 25 },
    );
  });
});
