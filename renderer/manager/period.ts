import { addMonths, lastDayOfMonth } from '../../shared/text/dates.ts';

// The periods the manager picks from: this month, last month, this year (whole months and the whole year, so
// bookings ahead count too), or dates of their own.

export type Preset = 'thisMonth' | 'lastMonth' | 'thisYear' | 'custom';
export const PRESETS: readonly Preset[] = ['thisMonth', 'lastMonth', 'thisYear', 'custom'];

/** The days of a preset around the inn's `today`. */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): { from: string; to: string } {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  switch (preset) {
    case 'thisMonth':
      return { from: firstOfMonth, to: lastDayOfMonth(firstOfMonth) };
    case 'lastMonth': {
      const from = addMonths(firstOfMonth, -1);
      return { from, to: lastDayOfMonth(from) };
    }
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
  }
}
