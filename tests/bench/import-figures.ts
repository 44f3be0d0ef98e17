import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { type Core, createCore } from '../../electron/core/create-core.ts';
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, PLACES } from '../../electron/core/demo/names.ts';
import { makeDraw } from '../../electron/core/demo/random.ts';
import { bundleCoreThreads, bundleNodeEntry } from '../../electron/launch/bundle.ts';
import { toHalfWidthKatakana, toKatakana } from '../support/half-width.ts';
import { CHILD, type ChildResult, must, staffed } from './import-child.ts';

// Importing an inn's ledger of 100,000 rows (.xlsx, one line per visit, as Japanese inns keep them: one name
// cell, half-width kana readings, era and Excel dates, phones written every way, some broken rows) end to end
// through the core's calls: upload, preview (read, cleanse, match), run (the batch written through the write
// path). Timed with its progress events, and its peak memory (the process's own peak resident memory, so the import runs in a
// child process of its own, import-child.ts, with the core in its worker as in the app, both bundled as the app's are). The naive baseline
// records the same ledger as staff or a script would without the import: guests.create and stays.create per
// row, each its own transaction, timed on the first rows and scaled to the whole ledger. `node tests/bench/import-figures.ts` prints them alone; `npm run bench` too.

const ROWS = 100_000;
const BASELINE_ROWS = 2_000;
const TARGET_SECONDS = 30;
const TARGET_PEAK_MB = 500;

const ERAS: Array<[string, number]> = [
  ['S', 1925],
  ['H', 1988],
];

/** Writes the ledger with exceljs's streaming writer; answers its path. */
export async function writeLedger(dir: string, rows = ROWS): Promise<string> {
  const file = join(dir, '顧客台帳.xlsx');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(file), useStyles: true });
  const sheet = workbook.addWorksheet('台帳');
  sheet
    .addRow([
      '氏名',
      'フリガナ',
      '電話番号',
      '〒',
      '住所',
      '生年月日',
      '来館日',
      '泊数',
      '部屋',
      '人数',
      '金額',
      'アレルギー',
      '備考',
    ])
    .commit();
  const draw = makeDraw(20261203);
  type Person = { name: string; reading: string; phone: string; postcode: string; address: string; birthday: unknown };
  const people: Person[] = [];
  for (let line = 0; line < rows; line++) {
    let person: Person;
    if (people.length > 0 && draw.chance(0.35)) person = draw.pick(people);
    else {
      const [family, familyReading] = draw.weighted(FAMILY_NAMES, (name) => name[2]);
      const [given, givenReading] = draw.pick(draw.chance(0.5) ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE);
      const [prefecture, city, postPrefix, area] = draw.pick(PLACES);
      const year = draw.between(1935, 2004);
      const month = draw.between(1, 12);
      const day = draw.between(1, 28);
      const era = year >= 1989 ? ERAS[1] : ERAS[0];
      const birthday =
        draw.random() < 0.3
          ? `${era?.[0]}${year - (era?.[1] ?? 0)}.${month}.${day}`
          : draw.chance(0.5)
            ? `${year}/${month}/${day}`
            : new Date(Date.UTC(year, month - 1, day));
      // Ten digits in all: a four-digit area code (0263) leaves two for the exchange, 03 leaves four.
      const exchange = String(draw.between(0, 10 ** (6 - String(area).length) - 1)).padStart(
        6 - String(area).length,
        '2',
      );
      const number = draw.chance(0.5)
        ? `090-${draw.between(1000, 9999)}-${draw.between(1000, 9999)}`
        : `${area}(${exchange})${draw.between(1000, 9999)}`;
      person = {
        name: `${family}${draw.chance(0.5) ? ' ' : '　'}${given}`,
        reading: draw.chance(0.5)
          ? `${toHalfWidthKatakana(familyReading)} ${toHalfWidthKatakana(givenReading)}`
          : `${toKatakana(familyReading)} ${toKatakana(givenReading)}`,
        phone: draw.chance(0.2) ? number.replace(/^0/, '+81 ') : number,
        postcode: `${postPrefix}-${String(draw.between(0, 9999)).padStart(4, '0')}`,
        address: `${prefecture}${city}${draw.between(1, 5)}-${draw.between(1, 30)}-${draw.between(1, 20)}`,
        birthday,
      };
      people.push(person);
    }
    const broken = draw.chance(0.01);
    const arrival = new Date(Date.UTC(2016 + draw.between(0, 9), draw.between(0, 11), draw.between(1, 28)));
    sheet
      .addRow([
        broken ? '' : person.name,
        person.reading,
        person.phone,
        person.postcode,
        person.address,
        person.birthday,
        arrival,
        draw.between(1, 3),
        String(draw.between(101, 120)),
        `${draw.between(1, 4)}名`,
        draw.between(15, 80) * 1000,
        draw.chance(0.05) ? draw.pick(['えび', '卵（アナフィラキシー）', 'そば・かに', '乳製品']) : '',
        draw.chance(0.1) ? '窓側希望' : '',
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return file;
}

function fileCore(dir: string): { core: Core; close(): void } {
  const db = openDatabase(join(dir, 'yadocho.sqlite'));
  const core = createCore({
    db,
    nodeId: openNodeIdentity(db).nodeId,
    logger: { info() {}, warn: console.warn, error: console.error },
  });
  return {
    core,
    close() {
      core.close();
      db.close();
    },
  };
}

/** guests.create + stays.create per row, each its own transaction: the first rows, scaled to the ledger. */
async function naiveBaseline(rows: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'yadocho-import-naive-'));
  const { core, close } = fileCore(dir);
  await staffed(core);
  const started = performance.now();
  for (let row = 0; row < BASELINE_ROWS; row++) {
    const guest = await must<{ id: string }>(core, 'guests.create', {
      fields: {
        familyName: '佐藤',
        givenName: `${row}`,
        familyReading: 'さとう',
        phones: [{ number: '090-1234-5678', label: 'mobile' }],
      },
    });
    await must(core, 'stays.create', {
      fields: {
        guestId: guest.id,
        arrivalDate: '2030-01-01',
        departureDate: '2030-01-02',
        rooms: ['101'],
        sharedRoom: true,
      },
    });
  }
  const seconds = (performance.now() - started) / 1000;
  close();
  rmSync(dir, { recursive: true, force: true });
  return (seconds * rows) / BASELINE_ROWS;
}

export async function importFigures(log: (line: string) => void, rows = ROWS) {
  log(`\n== import: a ${rows.toLocaleString('en')}-row .xlsx ledger, end to end ==`);
  const dir = mkdtempSync(join(tmpdir(), 'yadocho-ledger-'));
  const built = performance.now();
  const ledger = await writeLedger(dir, rows);
  log(
    `  ledger written in ${((performance.now() - built) / 1000).toFixed(1)} s: ${(statSync(ledger).size / 1024 / 1024).toFixed(1)} MB`,
  );
  // The child and the core's threads run bundled, as the app runs them (electron/launch/bundle.ts): a .ts entry
  // would have Node strip its types in each thread, memory the app never spends.
  // Inside the project, so `require('better-sqlite3')` finds node_modules as it does from dist/electron.
  const root = join(import.meta.dirname, '..', '..');
  const bundled = join(root, 'dist', `import-bench-${process.pid}`);
  await bundleCoreThreads(root, bundled);
  await bundleNodeEntry(root, CHILD, join(bundled, 'import-child.cjs'));
  const child = spawnSync(
    process.execPath,
    [join(bundled, 'import-child.cjs'), ledger, join(bundled, 'core-worker.cjs')],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  rmSync(bundled, { recursive: true, force: true });
  if (child.status !== 0) throw new Error(`import bench child failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) as string) as ChildResult;
  const naive = await naiveBaseline(rows);
  rmSync(dir, { recursive: true, force: true });
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  log(`  counts: ${JSON.stringify(result.counts)}`);
  log(`  progress: ${result.progressEvents} events; seconds by step ${JSON.stringify(result.stepSeconds)}`);
  log(`  peak resident memory by step (MB): ${JSON.stringify(result.peakMbByStep)}`);
  log(
    `  upload ${result.seconds.upload.toFixed(1)} s, preview (read, cleanse, match) ${result.seconds.preview.toFixed(1)} s, write ${result.seconds.run.toFixed(1)} s`,
  );
  log(
    `  import.ledger_100k_xlsx: ${result.seconds.total.toFixed(1)} s — ${mark(result.seconds.total <= TARGET_SECONDS)} ≤ ${TARGET_SECONDS} s end to end`,
  );
  log(
    `  import.peak_memory: ${Math.round(result.peakMb)} MB — ${mark(result.peakMb <= TARGET_PEAK_MB)} ≤ ${TARGET_PEAK_MB} MB`,
  );
  log(
    `  baseline, guests.create + stays.create per row (${BASELINE_ROWS.toLocaleString('en')} rows timed, scaled): ${naive.toFixed(1)} s — ${(naive / result.seconds.total).toFixed(1)}× the import`,
  );
  return { seconds: result.seconds.total, peakMb: result.peakMb, baselineSeconds: naive, counts: result.counts };
}

if (import.meta.filename === process.argv[1]) {
  const rows = Number(process.argv[2] ?? ROWS);
  await importFigures(console.log, rows);
}
