import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guestPatchSchema } from '../../shared/contract/guests.ts';
import { stayPatchSchema } from '../../shared/contract/stays.ts';
import { addDays, daysBetween, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';

// Staff type a birthday the way they type an arrival date: 1980/4/1, 1980-4-1, 1980年4月1日, in ASCII or
// full-width digits. Both fields must read every such form as the same day, and both must refuse a day that
// does not exist, however it is written. (The birthday also refuses days after today; an arrival does not.)

const FIRST = '1900-01-01';
const today = () => localDate(Date.now(), DEFAULT_TIME_ZONE);

const birthday = (typed: string) => guestPatchSchema.safeParse({ birthday: typed });
const arrival = (typed: string) => stayPatchSchema.safeParse({ arrivalDate: typed });

type Form = {
  separators: readonly [string, string, string];
  padMonth: boolean;
  padDay: boolean;
  wide: boolean;
  space: string;
};

const form: fc.Arbitrary<Form> = fc.record({
  separators: fc.constantFrom(
    ['-', '-', ''] as const,
    ['/', '/', ''] as const,
    ['.', '.', ''] as const,
    ['／', '／', ''] as const,
    ['年', '月', '日'] as const,
  ),
  padMonth: fc.boolean(),
  padDay: fc.boolean(),
  wide: fc.boolean(),
  // Around the day, as a paste or an IME leaves it: nothing, a space, an ideographic space.
  space: fc.constantFrom('', ' ', '\u3000'),
});

/** A day written as a person might type it (the numbers need not make a real day). */
function typed(year: number, month: number, day: number, f: Form): string {
  const pad = (n: number, yes: boolean) => (yes ? String(n).padStart(2, '0') : String(n));
  const [a, b, c] = f.separators;
  const text = `${year}${a}${pad(month, f.padMonth)}${b}${pad(day, f.padDay)}${c}`;
  const digits = f.wide ? text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : text;
  return `${f.space}${digits}${f.space}`;
}

const pastDay = fc
  .integer({ min: 0, max: daysBetween(FIRST, today()) })
  .map((n) => addDays(FIRST, n))
  .map((iso) => iso.split('-').map(Number) as [number, number, number]);

describe('a typed day, in a birthday and in a stay', () => {
  it('reads every typed form of a real past day as that day, in both fields', () => {
    fc.assert(
      fc.property(pastDay, form, ([year, month, day], f) => {
        const input = typed(year, month, day, f);
        const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const asBirthday = birthday(input);
        const asArrival = arrival(input);
        expect(asBirthday.success && asBirthday.data.birthday, input).toBe(iso);
        expect(asArrival.success && asArrival.data.arrivalDate, input).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a day that does not exist, however it is typed, in both fields', () => {
    const impossible = fc.oneof(
      // The 29th to the 31st past the month's end (29 February only outside leap years).
      fc
        .tuple(fc.integer({ min: 1900, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 }))
        .filter(([y, m, d]) => d > new Date(Date.UTC(y, m, 0)).getUTCDate()),
      fc.tuple(fc.integer({ min: 1900, max: 2025 }), fc.constantFrom(0, 13), fc.integer({ min: 1, max: 28 })),
      fc.tuple(fc.integer({ min: 1900, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.constant(0)),
    );
    fc.assert(
      fc.property(impossible, form, ([year, month, day], f) => {
        const input = typed(year, month, day, f);
        expect(
          birthday(input).error?.issues.map((i) => i.message),
          input,
        ).toEqual(['birthday_invalid']);
        expect(
          arrival(input).error?.issues.map((i) => i.message),
          input,
        ).toEqual(['date_invalid']);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a birthday empty when nothing is typed, and refuses one after today', () => {
    expect(birthday('').data?.birthday).toBe('');
    expect(birthday(' ').data?.birthday).toBe('');
    // The contract cannot know the inn's zone: it refuses what is after today everywhere (the core checks
    // the inn's own day, tests/settings/time-zone.test.ts).
    const tomorrow = addDays(localDate(Date.now(), 'Pacific/Kiritimati'), 1).replace(/-/g, '/');
    expect(birthday(tomorrow).error?.issues.map((i) => i.message)).toEqual(['birthday_invalid']);
    expect(arrival(tomorrow).success).toBe(true);
  });
});
