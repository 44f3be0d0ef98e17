// Instants shown in the inn's time zone (a setting, Asia/Tokyo unless changed), never in the zone of the
// process or browser that happens to show them: a PC set to UTC, or a browser abroad, must print 15:07 when
// the inn's clock says 15:07, and its "today" must be the inn's day. Every time shown or printed, and every
// "today" the app derives from a clock, goes through here with the zone passed explicitly.

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

const known = new Map<string, boolean>();

/** Whether `name` is an IANA zone this runtime knows (Asia/Tokyo, UTC, America/New_York); not an offset. */
export function isTimeZone(name: string): boolean {
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  let ok = name.trim() === name && /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name);
  if (ok) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
    } catch {
      ok = false;
    }
  }
  known.set(name, ok);
  return ok;
}

/** The zone's canonical spelling (asia/tokyo → Asia/Tokyo), or the name as given when unknown. */
export function canonicalTimeZone(name: string): string {
  if (!isTimeZone(name)) return name;
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

/** The inn's wall clock at an instant. */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

// Building a formatter costs far more than using one: one per zone, kept (the search reads "today" per search).
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall clock in `zone` at `instant` (ms since the epoch). */
export function wallClock(instant: number, zone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The inn's calendar day ('YYYY-MM-DD') at an instant. */
export function dateInZone(instant: number, zone: string): string {
  const wall = wallClock(instant, zone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The inn's clock time ('HH:MM', 24-hour) at an instant. */
export function timeInZone(instant: number, zone: string): string {
  const wall = wallClock(instant, zone);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/**
 * The instant at which the inn's clock shows `date` `time` ('YYYY-MM-DD', 'HH:MM'). Two passes settle the
 * zone's offset at that moment, summer time included.
 */
export function instantInZone(date: string, time: string, zone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  for (let pass = 0; pass < 2; pass++) {
    const wall = wallClock(guess, zone);
    const shown = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
    guess += wanted - shown;
  }
  return guess;
}
