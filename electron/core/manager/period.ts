import { addDays, addYears } from '../../../shared/text/dates.ts';
import { instantInZone } from '../../../shared/text/time-zone.ts';
import type { CoreContext } from '../context.ts';

// A period of inn days and the instants it spans. Stays are dated by inn day (arrival_date); requests and
// allergies by the instant they were recorded (ISO UTC text); the change log by its HLC stamp (milliseconds ×
// 2048). The period's days run from midnight of `from` to midnight after `to` on the inn's clock, whatever
// the PC's own zone.

export type Period = {
  from: string;
  to: string;
  /** ISO instants: recorded at or after `startIso` and before `endIso`. */
  startIso: string;
  endIso: string;
  /** HLC stamps: at or after `startHlc` and before `endHlc`. */
  startHlc: number;
  endHlc: number;
};

/** The HLC stamp of a millisecond (changes/hlc.ts: milliseconds × 2048 + counter). */
const HLC_PER_MS = 2048;

export function periodOf(ctx: CoreContext, from: string, to: string): Period {
  const zone = ctx.timeZone();
  const start = instantInZone(from, '00:00', zone);
  const end = instantInZone(addDays(to, 1), '00:00', zone);
  return {
    from,
    to,
    startIso: new Date(start).toISOString(),
    endIso: new Date(end).toISOString(),
    startHlc: start * HLC_PER_MS,
    endHlc: end * HLC_PER_MS,
  };
}

/** The same days a year before (29 February falls back to the 28th). */
export function yearBefore(from: string, to: string): { from: string; to: string } {
  return { from: addYears(from, -1), to: addYears(to, -1) };
}
