import { readingToRomaji } from '../../../shared/text/romaji.ts';
import { FAMILY_NAMES, GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, NOTES, ORGANIZATIONS, PLACES, TOWNS } from './names.ts';

// A generator of realistic guests, deterministic for a seed: family names weighted by frequency and
// sometimes written with a variant kanji (髙橋, 山﨑, 齋藤), readings, phones typed the many ways staff
// type them, addresses with postal codes, birthdays, companies, and companions (a spouse or child
// sharing the family name). Used by "load sample data", `npm start -- --demo`, the tests and the benchmark.

export type GeneratedGuest = {
  family_name: string;
  given_name: string;
  family_reading: string;
  given_reading: string;
  phones: Array<{ number: string; label: 'mobile' | 'home' | 'work' | 'other' }>;
  email: string;
  postal_code: string;
  address: string;
  birthday: string;
  organization: string;
  note: string;
  marketing_consent: boolean;
  /** When the guest was last active, spread over the past five years. */
  last_activity_at: number;
  /** A companion recorded with this guest, by index into the generated list (earlier guests only). */
  companion?: { of: number; relationship: 'spouse' | 'child' };
};

/** mulberry32: a small fast seeded PRNG, enough for sample data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY_WEIGHT_TOTAL = FAMILY_NAMES.reduce((sum, [, , weight]) => sum + weight, 0);
const FIVE_YEARS_MS = 5 * 365 * 24 * 3600 * 1000;

export function* generateGuestStream(count: number, options: { seed: number; now: number }): Generator<GeneratedGuest> {
  const random = seededRandom(options.seed);
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

  const pickFamily = () => {
    let roll = random() * FAMILY_WEIGHT_TOTAL;
    for (const entry of FAMILY_NAMES) {
      roll -= entry[2];
      if (roll <= 0) return entry;
    }
    return FAMILY_NAMES[0] as (typeof FAMILY_NAMES)[number];
  };

  /** Mobile numbers as staff type them: hyphens, none, spaces, or +81 (full-width digits are folded on entry). */
  const mobile = () => {
    const [a, b, c] = [pick(['090', '080', '070']), digits(4), digits(4)];
    const style = random();
    if (style < 0.55) return `${a}-${b}-${c}`;
    if (style < 0.75) return `${a}${b}${c}`;
    if (style < 0.9) return `${a} ${b} ${c}`;
    return `+81 ${a.slice(1)}-${b}-${c}`;
  };
  const landline = (areaCode: string) => {
    const localLength = 10 - areaCode.length;
    const local = digits(localLength);
    const split = localLength - 4;
    return `${areaCode}-${local.slice(0, split)}-${local.slice(split)}`;
  };

  let previous:
    | {
        family: (typeof FAMILY_NAMES)[number];
        index: number;
        place: (typeof PLACES)[number];
        address: string;
        postal: string;
      }
    | undefined;
  for (let index = 0; index < count; index++) {
    const companionOfPrevious = previous !== undefined && random() < 0.15;
    const family = companionOfPrevious && previous ? previous.family : pickFamily();
    const [familyCommon, familyReading, , ...variants] = family;
    const familyName = variants.length > 0 && random() < 0.2 ? pick(variants) : familyCommon;
    const female = random() < 0.5;
    const [givenName, givenReading] = pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE);
    const place = companionOfPrevious && previous ? previous.place : pick(PLACES);
    const [prefecture, city, postalPrefix, areaCode] = place;
    const postal = companionOfPrevious && previous ? previous.postal : `${postalPrefix}-${digits(4)}`;
    const address =
      companionOfPrevious && previous
        ? previous.address
        : `${prefecture}${city}${pick(TOWNS)}${1 + Math.floor(random() * 5)}-${1 + Math.floor(random() * 30)}-${1 + Math.floor(random() * 20)}`;
    const phones: GeneratedGuest['phones'] = [{ number: mobile(), label: 'mobile' }];
    if (random() < 0.3) phones.push({ number: landline(areaCode), label: 'home' });
    const age = 20 + Math.floor(random() * 60);
    const birthYear = new Date(options.now).getUTCFullYear() - age;
    const birthday =
      random() < 0.6
        ? `${birthYear}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
        : '';
    const romaji = `${readingToRomaji(givenReading)}.${readingToRomaji(familyReading)}`.replace(/'/g, '');
    const guest: GeneratedGuest = {
      family_name: familyName,
      given_name: givenName,
      family_reading: familyReading,
      given_reading: givenReading,
      phones,
      email:
        random() < 0.45
          ? `${romaji}${random() < 0.5 ? digits(2) : ''}@${pick(['example.jp', 'example.com', 'mail.example.ne.jp'])}`
          : '',
      postal_code: postal,
      address,
      birthday,
      organization: random() < 0.25 ? pick(ORGANIZATIONS) : '',
      note: pick(NOTES),
      marketing_consent: random() < 0.4,
      last_activity_at: options.now - Math.floor(random() * FIVE_YEARS_MS),
    };
    if (companionOfPrevious && previous)
      guest.companion = { of: previous.index, relationship: random() < 0.7 ? 'spouse' : 'child' };
    previous = { family, index, place, address, postal };
    yield guest;
  }
}

export function generateGuests(count: number, options: { seed: number; now: number }): GeneratedGuest[] {
  return [...generateGuestStream(count, options)];
}
