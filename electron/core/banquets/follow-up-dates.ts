import { type BanquetType, MEMORIAL_YEARS, YEARLY_TYPES } from '../../../shared/contract/banquets.ts';
import { addMonths, addYears, isWithinRange } from '../../../shared/text/dates.ts';
import { derivedId } from '../changes/derived-id.ts';

// When to call an organiser again. Banquet sales lives on repeat dates: a year-end or new-year party
// comes round every year, and a memorial service (年忌法要) on fixed anniversaries of the death. A call is
// due some months before the event, when the organiser starts choosing a place.

/** How long before the event the call is due: a year-end party in December means a call in September. */
export const CALL_MONTHS_AHEAD = 3;

export type FollowUpDate = {
  kind: 'yearly' | 'memorial';
  dueDate: string;
  eventDate: string;
  /** Years after the death for a memorial (2 is 三回忌); null for yearly parties. */
  memorialYear: number | null;
};

/**
 * The follow-up calls a banquet gives rise to once it is over (held, lost or cancelled: the organiser's next
 * party or the family's next service may still come here). A yearly party gives one call, for the same day
 * next year. A memorial service with a date of death gives one call per anniversary still ahead; an
 * anniversary within three months after this service is the one being held now (services are often held a
 * little before the day), so it is not called about again.
 */
export function followUpDates(banquet: {
  type: BanquetType;
  date: string;
  dateOfDeath: string | null;
}): FollowUpDate[] {
  // A deal recorded before dates were bounded (9999-12-20 for "some day") has no next year to call about, and
  // its arithmetic would leave 'YYYY-MM-DD' behind: it closes without calls rather than not at all.
  if (!isWithinRange(banquet.date)) return [];
  if (YEARLY_TYPES.has(banquet.type)) {
    const eventDate = addYears(banquet.date, 1);
    if (!isWithinRange(eventDate)) return [];
    return [{ kind: 'yearly', eventDate, dueDate: addMonths(eventDate, -CALL_MONTHS_AHEAD), memorialYear: null }];
  }
  if (banquet.type !== 'memorial' || !banquet.dateOfDeath) return [];
  const thisService = addMonths(banquet.date, CALL_MONTHS_AHEAD);
  const death = banquet.dateOfDeath;
  if (!isWithinRange(death)) return [];
  return MEMORIAL_YEARS.flatMap((years): FollowUpDate[] => {
    const eventDate = addYears(death, years);
    if (eventDate <= thisService || !isWithinRange(eventDate)) return [];
    return [{ kind: 'memorial', eventDate, dueDate: addMonths(eventDate, -CALL_MONTHS_AHEAD), memorialYear: years }];
  });
}

/** A call's id, from the guest, the kind and the day it is about: two PCs writing the same call make one row. */
export function followUpId(guestId: string, kind: string, eventDate: string): string {
  return derivedId('follow_up', guestId, kind, eventDate);
}
