// Planned days before today: a booking whose arrival has passed, a banquet inquiry for last year. Usually a
// typo (2025 for 2026, the wrong month), sometimes the desk catching up on what already happened, so the
// form warns and asks once more instead of refusing. Only a day the person typed is questioned: editing the
// note of an old booking does not ask about its date again.

export type PastDate = { key: string; date: string };

type StayDays = { arrivalDate: string; departureDate: string; status: string };

/** The stay's planned day that lies before today, if the form set it: arrival while booked, departure in house. */
export function pastStayDate(typed: StayDays, stored: StayDays | undefined, today: string): PastDate | null {
  const changed = (field: 'arrivalDate' | 'departureDate') =>
    !stored || typed[field] !== stored[field] || typed.status !== stored.status;
  if (typed.status === 'booked' && typed.arrivalDate < today && changed('arrivalDate')) {
    return { key: 'dates.past.stay', date: typed.arrivalDate };
  }
  if (typed.status === 'in_house' && typed.departureDate < today && changed('departureDate')) {
    return { key: 'dates.past.stayDeparture', date: typed.departureDate };
  }
  return null;
}

const CLOSED_STAGES: ReadonlySet<string> = new Set(['held', 'lost', 'cancelled']);

/** The banquet's day before today, if the form set it on a deal still being worked on. */
export function pastBanquetDate(
  typed: { date: string },
  stored: { date: string; stage: string } | undefined,
  today: string,
): PastDate | null {
  if (stored && (stored.date === typed.date || CLOSED_STAGES.has(stored.stage))) return null;
  return typed.date < today ? { key: 'dates.past.banquet', date: typed.date } : null;
}
