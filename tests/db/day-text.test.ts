import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromNumber, dayNumber } from '../../db/log/codec.ts';

// Days are kept as numbers (db/stored-form.ts) and read back as text through dayFromNumber, which keeps the texts
// it made (db/log/codec.ts). Asked again, in any order, a day reads the same as the calendar says.

const calendar = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);

describe('a day kept as a number', () => {
  it('reads back as the calendar day, however often and in whatever order it is asked', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -200_000, max: 200_000 }), { minLength: 1, maxLength: 200 }), (days) => {
        for (const day of [...days, ...days.reverse()]) {
          const text = dayFromNumber(day);
          expect(text).toBe(calendar(day));
          expect(dayNumber(text)).toBe(day);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the days either side of month ends, leap days and 1970 right', () => {
    for (const text of ['1969-12-31', '1970-01-01', '2024-02-29', '2025-02-28', '2025-03-01', '2026-12-31']) {
      const day = dayNumber(text) as number;
      expect(dayFromNumber(day)).toBe(text);
      expect(dayFromNumber(day + 1)).toBe(calendar(day + 1));
    }
    expect(dayNumber('2025-02-29')).toBeUndefined();
  });
});
