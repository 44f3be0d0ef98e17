import type { Database } from 'better-sqlite3';
import { localDate } from '../../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../../shared/text/time-zone.ts';

/** The inn's zone and day, as every domain reads them (CoreContext.timeZone and .today). */
export type InnClock = {
  /** The inn's IANA time zone: the setting, Asia/Tokyo until set. */
  timeZone(): string;
  /** The inn's calendar day now ('YYYY-MM-DD'), on the inn's clock whatever zone the process runs in. */
  today(): string;
};

/**
 * Reads the zone from its settings row on every call (one cached statement: a few microseconds), so a change
 * saved here or arriving from another PC counts from the next call on, with nothing to invalidate.
 */
export function createInnClock(db: Database, clock: () => number): InnClock {
  const stored = db.prepare(TIME_ZONE_SETTING).pluck();
  const timeZone = () => zoneOfSetting(stored.get() as string | undefined);
  return { timeZone, today: () => localDate(clock(), timeZone()) };
}

/** The stored zone's row (its value is JSON, as every setting's). */
export const TIME_ZONE_SETTING = "SELECT value FROM settings WHERE id = 'timeZone'";

/** The zone a stored setting names; the default when there is none, or it is not a zone this runtime knows. */
export function zoneOfSetting(value: string | undefined): string {
  if (value === undefined) return DEFAULT_TIME_ZONE;
  try {
    const zone: unknown = JSON.parse(value);
    return typeof zone === 'string' && isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}
