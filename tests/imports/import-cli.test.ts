import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { lockDatabase } from '../../db/lock.ts';

// `npm run import` as another system or an inn's IT person runs it: a real process on a real database file.

const CLI = resolve(import.meta.dirname, '../../electron/launch/import-cli.ts');

function runCli(args: string[], language = 'en_US.UTF-8') {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: language, LC_ALL: language, LC_MESSAGES: language },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function ledgerXlsx(dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('顧客台帳');
  sheet.addRow(['姓', '名', 'セイ', 'メイ', '携帯', '来館日', '泊数']);
  sheet.addRow(['佐藤', '花子', 'ｻﾄｳ', 'ﾊﾅｺ', '+81 90-1111-2222', new Date(Date.UTC(2025, 3, 1)), 2]);
  sheet.addRow(['伊藤', '健太', 'イトウ', 'ケンタ', '03(3333)4444', new Date(Date.UTC(2025, 5, 1)), 1]);
  const file = join(dir, '台帳.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

describe('npm run import', () => {
  it('dry run answers JSON and writes nothing; the import records under --staff; a second run matches', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yadocho-cli-'));
    const data = join(dir, 'yadocho.sqlite');
    const file = await ledgerXlsx(dir);

    const dry = runCli([file, '--dry-run', '--json', '--data', data]);
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.out).value;
    expect(preview.counts).toMatchObject({ rows: 2, newGuests: 2, stays: 2 });
    expect(preview.preview[0]).toMatchObject({
      familyReading: 'さとう',
      phones: ['090-1111-2222'],
      arrivalDate: '2025-04-01',
    });

    const run = runCli([file, '--json', '--data', data, '--staff', '山田 花子']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).value.counts).toMatchObject({ newGuests: 2, stays: 2 });

    const again = runCli([file, '--dry-run', '--json', '--data', data]);
    expect(JSON.parse(again.out).value.counts).toMatchObject({ newGuests: 0, matchedGuests: 2, stays: 0 });
  });

  it('prints a large --json answer whole into a pipe (200 rows set aside with their long cells)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yadocho-cli-'));
    const lines = ['氏名,フリガナ,住所'];
    for (let i = 0; i < 250; i++) lines.push(`山田 太郎${i},やまだ たろう,${'あ'.repeat(300)}`);
    const file = join(dir, 'long.csv');
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const dry = runCli([file, '--dry-run', '--json', '--data', join(dir, 'yadocho.sqlite')]);
    expect(dry.code).toBe(0);
    expect(dry.out.length).toBeGreaterThan(65_536); // more than a pipe holds at once
    const preview = JSON.parse(dry.out).value;
    expect(preview.counts.setAside).toBe(250);
    expect(preview.setAside).toHaveLength(200);
  });

  it('says what is wrong, in the system language, with an exit code for each case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yadocho-cli-'));
    const data = join(dir, 'yadocho.sqlite');
    const picture = join(dir, 'photo.csv');
    writeFileSync(picture, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));

    const wrong = runCli([picture, '--dry-run', '--data', data], 'ja_JP.UTF-8');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('台帳として読めません');

    expect(runCli([join(dir, 'missing.csv'), '--data', data]).code).toBe(2);
    expect(runCli([]).code).toBe(2);

    const file = await ledgerXlsx(dir);
    const noStaff = runCli([file, '--data', data]);
    expect(noStaff.code).toBe(2);
    expect(noStaff.err).toContain('--staff');

    const lock = lockDatabase(data, { door: 'serve' });
    try {
      const locked = runCli([file, '--dry-run', '--data', data]);
      expect(locked.code).toBe(3);
      expect(locked.err).toContain('npm run serve');
    } finally {
      lock.release();
    }
  });
});
