import type { Database } from 'better-sqlite3';
import type { GuestRow } from '../../db/schema.ts';
import { seededRandom } from '../../electron/core/demo/generate.ts';
import { phoneDigits } from '../../shared/text/phone.ts';
import { displayRomaji, readingToRomaji } from '../../shared/text/romaji.ts';
import { SEED } from './build-database.ts';

// The query classes the front desk types, each a few fixed examples plus queries taken from guests
// picked with a seeded PRNG (the data is deterministic, and guest rowids are 1..size in generation
// order), so every run times the same queries on the same data.

export type Query = {
  q: string;
  /** A guest the results must include. */
  finds?: string;
};
export type QueryClass = {
  name: string;
  queries: Query[];
  /** False: the class must find nobody. */
  hits: boolean;
};

type Sampled = Pick<GuestRow, 'id' | 'family_name' | 'given_name' | 'family_reading' | 'given_reading' | 'phones'>;

const chars = (text: string) => Array.from(text);
const katakana = (hiragana: string) =>
  hiragana.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
const fullWidth = (text: string) => text.replace(/[0-9-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** Guests at seeded random rowids of the generated database. */
export function sampleGuests(db: Database, size: number, count: number, salt: number): Sampled[] {
  const random = seededRandom(SEED + salt);
  const byRowid = db.prepare(
    'SELECT id, family_name, given_name, family_reading, given_reading, phones FROM guests WHERE rowid = ?',
  );
  return Array.from({ length: count }, () => byRowid.get(1 + Math.floor(random() * size)) as Sampled);
}

/** A phone number as typed differently from how it was stored, so the lookup goes through the digit key. */
function retyped(number: string): string {
  const digits = phoneDigits(number);
  const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 7), digits.slice(7)];
  if (number.startsWith('+81')) return `${a}-${b}-${c}`;
  if (/[０-９]/.test(number)) return digits;
  if (number.includes('-')) return `+81 ${a.slice(1)} ${b} ${c}`;
  return fullWidth(`${a}-${b}-${c}`);
}

export function queryClasses(db: Database, size: number): QueryClass[] {
  const guests = sampleGuests(db, size, 6, 1);
  const mobiles = guests.map((g) => (JSON.parse(g.phones) as Array<{ number: string }>)[0]?.number ?? '');
  return [
    {
      name: 'search.kana_prefix',
      hits: true,
      queries: [
        'さと',
        'たかは',
        'ｽｽﾞｷ',
        // As typed letter by letter: 2 and 3 kana of the family reading (katakana too), then into the
        // given name (family + given prefixes longer than 4 kana take the long-key range path).
        ...guests.map((g, i) => {
          const reading = chars(g.family_reading);
          if (i === 4) return `${g.family_reading}${chars(g.given_reading).slice(0, 2).join('')}`;
          const prefix = reading.slice(0, 2 + (i % 2)).join('');
          return i === 2 ? katakana(prefix) : prefix;
        }),
      ].map((q) => ({ q })),
    },
    {
      name: 'search.kanji_substring',
      hits: true,
      queries: [
        '田',
        '藤',
        '山﨑', // a variant spelling of 山崎: the key folds it
        ...guests.map((g, i) => chars(i % 2 ? g.given_name : g.family_name).at(-1) ?? '田'),
      ].map((q) => ({ q })),
    },
    {
      name: 'search.romaji',
      hits: true,
      queries: [
        'tanaka',
        'Satou',
        'takahas',
        ...guests.map((g, i) => {
          const family = readingToRomaji(g.family_reading);
          if (i % 3 === 0) return displayRomaji(g.family_reading); // Sato, Takahashi
          if (i % 3 === 1) return family.slice(0, 4); // stopped mid-name
          return `${readingToRomaji(g.given_reading)} ${family}`; // full name, a long key
        }),
      ].map((q) => ({ q })),
    },
    {
      name: 'search.phone_digits',
      hits: true,
      queries: [
        { q: '090-12' },
        ...mobiles.flatMap((number, i) => [
          { q: `${phoneDigits(number).slice(0, 3)}-${phoneDigits(number).slice(3, 5 + (i % 2))}` },
          { q: retyped(number), finds: guests[i]?.id },
        ]),
      ],
    },
    {
      name: 'search.phone_last4',
      hits: true,
      queries: ['5678', ...mobiles.map((number) => phoneDigits(number).slice(-4))].map((q) => ({ q })),
    },
    {
      name: 'search.no_hit',
      hits: false,
      queries: ['ぬぬぬぬ', 'zzzqx', 'ゑゑゑ', '鬮鬮', 'qxzqxzqxz', 'ぬぬぬぬぬぬぬ', '+1 555 0100 999'].map((q) => ({
        q,
      })),
    },
  ];
}

/**
 * The naive way: a LIKE '%…%' scan over name, reading, phone and email. Ordered by recency like the
 * real search; without the ORDER BY a common query ('田') would stop after its first 20 matches and
 * time the luck of the table order rather than the search.
 */
export function createBaseline(db: Database) {
  const scan = db.prepare(
    `SELECT id FROM guests
      WHERE deleted_at IS NULL
        AND (family_name || given_name LIKE @q OR family_reading || given_reading LIKE @q
             OR phones LIKE @q OR email LIKE @q)
      ORDER BY last_activity_at DESC LIMIT 20`,
  );
  return (q: string) => scan.all({ q: `%${q}%` });
}
