import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { type GeneratedGuest, generateGuestStream } from '../../electron/core/demo/generate.ts';
import { markSearchKeysCurrent } from '../../electron/core/guests/search-keys-version.ts';
import type { Figure } from './report.ts';
import { summarize } from './stats.ts';

// The duplicate scan (duplicates.scan, 名寄せ) over a register of 100,000 guests, through the core's dispatch as
// the review screen starts it: a job in slices, every guest read, blocked, the pairs in each block scored, the
// candidates kept. Its own register (a file of guests alone, no history: the scan reads only the guests): the
// demo generator's guests, one in fifty of them registered a second time the way a second booking would write
// them (the reading in half-width katakana, the mobile in +81 form, a variant kanji where the name has one,
// sometimes no given name). `node tests/bench/duplicate-figures.ts` prints it alone; `npm run bench` includes it.

const SIZE = 100_000;
const EVERY = 50;
const RUNS = 3;
const VARIANT: Record<string, string> = { 高: '髙', 崎: '﨑', 斎: '齋', 辺: '邊', 沢: '澤', 浜: '濱', 島: '嶋' };

function halfWidthKatakana(reading: string): string {
  const katakana = reading.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
  // NFKC's inverse for the common letters: enough to make the readings differ as typed, as a PMS export does.
  return katakana.normalize('NFKD').replace(/[\u30a1-\u30f6]/g, (ch) => ch);
}

/** The same person as a second booking would register them. */
function secondRecord(guest: GeneratedGuest, i: number): GeneratedGuest {
  return {
    ...guest,
    family_name: [...guest.family_name].map((ch) => VARIANT[ch] ?? ch).join(''),
    family_reading: halfWidthKatakana(guest.family_reading),
    given_name: i % 7 === 0 ? '' : guest.given_name,
    given_reading: i % 7 === 0 ? '' : guest.given_reading,
    phones: guest.phones.map((phone) => ({ ...phone, number: phone.number.replace(/^0/, '+81 ') })),
    email: i % 3 === 0 ? guest.email : '',
  };
}

function register(size: number) {
  const db = openDatabase(':memory:');
  const insert = db.prepare(
    `INSERT INTO guests (id, family_name, given_name, family_reading, given_reading, phones, email, postal_code, address,
       birthday, organization, note, marketing_consent, created_at, updated_at, last_activity_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const planted: number[] = [];
  let n = 0;
  const write = (guest: GeneratedGuest) => {
    n++;
    const at = new Date(guest.last_activity_at).toISOString();
    insert.run(
      `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`,
      guest.family_name,
      guest.given_name,
      guest.family_reading,
      guest.given_reading,
      JSON.stringify(guest.phones),
      guest.email,
      guest.postal_code,
      guest.address,
      guest.birthday,
      guest.organization,
      guest.note,
      guest.marketing_consent ? 1 : 0,
      at,
      at,
      guest.last_activity_at,
    );
  };
  db.transaction(() => {
    let i = 0;
    for (const guest of generateGuestStream(size - Math.floor(size / EVERY), {
      seed: 20_261_203,
      now: Date.UTC(2026, 0, 1),
    })) {
      write(guest);
      if (i % EVERY === 0 && n < size) {
        const original = n;
        write(secondRecord(guest, i));
        planted.push(original);
      }
      i++;
    }
  })();
  // The scan reads no search index: none is made (and the core is told it is current, or it would rebuild it
  // in the background while the scan is timed).
  markSearchKeysCurrent(db);
  return { db, planted, guests: n };
}

export async function duplicateFigures(log: (line: string) => void = console.log): Promise<Figure[]> {
  const started = performance.now();
  const { db, planted, guests } = register(SIZE);
  log(
    `  duplicate scan: ${guests.toLocaleString('en')} guests (${planted.length.toLocaleString('en')} registered twice) made in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: { info() {}, warn() {}, error() {} } });
  const samples: number[] = [];
  let candidates = 0;
  for (let run = 0; run < RUNS; run++) {
    const begun = performance.now();
    const result = await core.call('duplicates.scan', {});
    samples.push(performance.now() - begun);
    if (!result.ok) throw new Error(`duplicates.scan failed: ${JSON.stringify(result.error)}`);
    candidates = (result.value as { candidates: number }).candidates;
  }
  // How many of the planted pairs the scan proposes: a fast scan that misses them would time nothing useful.
  const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  const found = db.prepare('SELECT 1 FROM duplicate_candidates WHERE guest_a = ? AND guest_b = ?').pluck();
  const recalled = planted.filter((n) => found.get(id(n), id(n + 1))).length;
  log(
    `  duplicate scan: ${candidates.toLocaleString('en')} pairs proposed, ${recalled.toLocaleString('en')} of the ${planted.length.toLocaleString('en')} planted pairs among them; peak heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB`,
  );
  core.close();
  db.close();
  return [{ name: 'duplicates.scan', size: guests, timing: summarize(samples) }];
}

if (import.meta.main) {
  const { printTable } = await import('./report.ts');
  printTable(await duplicateFigures(), console.log);
}
