import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_CHUNK_BYTES } from '../../shared/contract/files.ts';
import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { FINE_SLICES, makeStaffedCore, type TestCore } from '../support/core.ts';

// Random visit ledgers (one line per stay, people on many lines, names that several people share) imported
// through the core's doors: every line's visit lands on its person's card as the line wrote it (dates, rooms,
// party, amount, note), none lost, none twice, none on another guest. The plan holds its stays compactly until
// the write (planned-stays.ts) and shares the texts they repeat; this is what that must never change.

const today = localDate(Date.now(), DEFAULT_TIME_ZONE);

/** Names that several people of a ledger share: told apart by their phones. */
const NAMES = [
  ['佐藤 花子', 'サトウ ハナコ'],
  ['鈴木 一郎', 'ｽｽﾞｷ ｲﾁﾛｳ'],
  ['佐藤 次郎', 'サトウ ジロウ'],
] as const;
const ROOMS = ['101', '102', '201', '離れ'];
const NOTES = ['', '窓側希望', '記念日, ケーキ'];

const person = fc.record({ name: fc.nat(NAMES.length - 1) });
const visit = fc.record({
  person: fc.nat(5),
  daysAgo: fc.integer({ min: 1, max: 900 }),
  nights: fc.integer({ min: 1, max: 4 }),
  rooms: fc.uniqueArray(fc.constantFrom(...ROOMS), { maxLength: 2 }),
  adults: fc.integer({ min: 1, max: 6 }),
  amountYen: fc.integer({ min: 0, max: 400_000 }),
  note: fc.constantFrom(...NOTES),
});
const ledger = fc.record({
  people: fc.array(person, { minLength: 6, maxLength: 6 }),
  visits: fc.array(visit, { minLength: 1, maxLength: 15 }),
});

type Ledger = typeof ledger extends fc.Arbitrary<infer T> ? T : never;
const phoneOf = (index: number) => `090-0000-${String(1000 + index)}`;
const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

function ledgerCsv({ people, visits }: Ledger): Buffer {
  const lines = ['氏名,フリガナ,電話番号,来館日,泊数,部屋,人数,金額,備考'];
  for (const line of visits) {
    const [name, reading] = NAMES[(people[line.person] as { name: number }).name] as readonly [string, string];
    const cells = [
      name,
      reading,
      phoneOf(line.person),
      addDays(today, -line.daysAgo).replaceAll('-', '/'),
      String(line.nights),
      line.rooms.join('・'),
      `${line.adults}名`,
      `¥${line.amountYen.toLocaleString('en')}`,
      line.note,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function upload(test: TestCore, bytes: Buffer): Promise<string> {
  let id: string | undefined;
  for (let offset = 0; offset < bytes.length; offset += FILE_CHUNK_BYTES) {
    const answer = await test.call('files.upload', {
      ...(id ? { upload: id } : {}),
      name: '来館台帳.csv',
      size: bytes.length,
      offset,
      chunk: bytes.subarray(offset, offset + FILE_CHUNK_BYTES).toString('base64'),
    });
    id = answer.upload;
  }
  return id as string;
}

type StaySeen = {
  arrivalDate: string;
  departureDate: string;
  rooms: string[];
  adults: number;
  amountYen: number;
  note: string;
};
const byArrival = (a: StaySeen, b: StaySeen) =>
  a.arrivalDate.localeCompare(b.arrivalDate) || JSON.stringify(a).localeCompare(JSON.stringify(b));

describe('a visit ledger imported', () => {
  it("puts every line's visit on its own person's card, as the line wrote it", async () => {
    await fc.assert(
      fc.asyncProperty(ledger, async (drawn) => {
        const test = await makeStaffedCore({ jobs: FINE_SLICES });
        try {
          const run = await test.call('imports.run', { upload: await upload(test, ledgerCsv(drawn)) });
          const persons = [...new Set(drawn.visits.map((line) => line.person))];
          expect(run.counts).toMatchObject({ newGuests: persons.length, stays: drawn.visits.length, setAside: 0 });
          for (const index of persons) {
            const expected = drawn.visits
              .filter((line) => line.person === index)
              .map((line) => ({
                arrivalDate: addDays(today, -line.daysAgo),
                departureDate: addDays(today, -line.daysAgo + line.nights),
                rooms: line.rooms,
                adults: line.adults,
                amountYen: line.amountYen,
                note: line.note,
              }));
            const { hits } = await test.call('guests.search', { q: phoneOf(index) });
            expect(hits).toHaveLength(1);
            const card = await test.call('guests.service', { id: hits[0].id });
            const seen = (card.stays as StaySeen[]).map((stay) => ({
              arrivalDate: stay.arrivalDate,
              departureDate: stay.departureDate,
              rooms: stay.rooms,
              adults: stay.adults,
              amountYen: stay.amountYen,
              note: stay.note,
            }));
            expect(seen.sort(byArrival)).toEqual(expected.sort(byArrival));
          }
        } finally {
          test.core.close();
          test.db.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
