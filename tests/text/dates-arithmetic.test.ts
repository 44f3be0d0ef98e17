import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, addYears, isCalendarDate } from '../../shared/text/dates.ts';

// addYears works on the text (it is asked hundreds of times in a day's first arrivals read); addMonths goes
// through a Date. A year is twelve months: both must give the same day, 2月29日 included.

const day = fc
  .record({
    year: fc.integer({ min: 1900, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
  .filter(isCalendarDate);

describe('addYears', () => {
  it('gives the day twelve months a year away, for any day and any number of years', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -120, max: 120 }), (date, years) => {
        expect(addYears(date, years)).toBe(addMonths(date, years * 12));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps 2月29日 in a leap year and falls on 2月28日 in a common one', () => {
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2000-02-29', 100)).toBe('2100-02-28');
    expect(addYears('2024-02-29', -124)).toBe('1900-02-28');
    expect(addYears('2026-12-31', 1)).toBe('2027-12-31');
  });
});
