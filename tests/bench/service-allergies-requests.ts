// Allergy statements and requests: the writers the stay history and the bench days use, and the
// guest-level pass that gives ~5% of guests allergies (some corrected or retracted, so the history and the
// "re-confirm" alerts have something to show) and ~2% a standing request. Emitted as calls at the time
// each row was created, with the state it ends in: a request when it was taken (requests.record; done or
// cancelled already, with who handled it and when), an allergy when it was recorded (allergies.record), an
// earlier statement and the later one that corrects it (allergies.correct, naming it in `supersedes`; the
// earlier one's superseded_by is derived, never written), a retraction carried by the record itself.

import {
  ALLERGY_NOTES,
  FREE_ALLERGENS,
  REPORTED_ALLERGENS,
  REQUEST_TEXTS,
  SEVERITY_WEIGHTS,
  STANDING_TEXTS,
} from '../../electron/core/demo/service-catalogue.ts';
import { DAY_MS, dayMs, HISTORY_DAYS, HISTORY_START, isoDay, type ServiceContext, weighted } from './service-common.ts';
import type { Booking } from './service-stays.ts';

const MINUTE = 60_000;

export type NoteWriters = {
  /**
   * A request of guest `guest` (1..size) for a stay, or a standing one (stay null), taken at `at` (not before
   * the stay was booked); `open` keeps it open.
   */
  writeRequest: (
    guest: number,
    stay: { id: string; booking: Booking } | null,
    standing: boolean,
    at: number,
    open: boolean,
  ) => void;
  /** One allergy statement of guest `guest` (1..size); sometimes a corrected earlier one or a retraction with it. */
  writeAllergy: (guest: number, options?: { severity?: string; recent?: boolean }) => void;
};

export function noteWriters(ctx: ServiceContext, allergenIds: Map<string, string>): NoteWriters {
  const { random, newId, pick, chance, staff, emit, named, guestId } = ctx;

  const requestKind = weighted(random, REQUEST_TEXTS, ([, weight]) => weight);
  const writeRequest: NoteWriters['writeRequest'] = (guest, stay, standing, at, open) => {
    let [category, text] = pick(STANDING_TEXTS);
    if (!standing) {
      const [kind, , texts] = requestKind();
      [category, text] = [kind, pick(texts)];
    }
    const status = open || standing ? 'open' : chance(0.9) ? 'done' : chance(0.8) ? 'cancelled' : 'open';
    const handled = status === 'open' ? null : at + 3_600_000 * (1 + Math.floor(random() * 30));
    const id = newId(at);
    const takenBy = staff();
    const handledBy = handled === null ? null : staff();
    // Taken once the stay exists (a booking made less than five days ahead takes it with the booking).
    const taken = stay ? Math.max(at, stay.booking.at + MINUTE) : at;
    named(guest, taken);
    emit({
      t: taken,
      name: 'requests.record',
      staff: takenBy,
      write: (session) =>
        session.writeRow('requests', id, {
          guest_id: guestId(guest),
          stay_id: stay?.id ?? null,
          standing,
          category,
          text,
          status,
          taken_by: takenBy,
          handled_at: handled === null ? null : new Date(Math.max(handled, taken + MINUTE)).toISOString(),
          handled_by: handledBy,
          created_at: session.now(),
        }),
    });
  };

  const severityOf = weighted(random, SEVERITY_WEIGHTS, ([, weight]) => weight);
  const allergenOf = weighted(random, REPORTED_ALLERGENS, ([, weight]) => weight);
  const writeAllergy: NoteWriters['writeAllergy'] = (guest, options = {}) => {
    const free = chance(0.1);
    const allergen = free ? null : (allergenIds.get(allergenOf()[0]) as string);
    const [severity, , tracesOkRate] = options.severity
      ? (SEVERITY_WEIGHTS.find(([s]) => s === options.severity) ?? severityOf())
      : severityOf();
    const ageDays = options.recent ? Math.floor(random() * 300) : Math.floor(random() * 4 * 365);
    const confirmed = dayMs(isoDay(Date.UTC(2026, 0, 1))) - ageDays * DAY_MS;
    const recordedAt = confirmed + 10 * 3_600_000;
    const id = newId(confirmed);
    let supersedes: string | null = null;
    if (chance(0.06)) {
      // An earlier statement this one corrects (a milder severity, say), kept in the history.
      const earlierId = newId(confirmed - 400 * DAY_MS);
      supersedes = earlierId;
      const earlier = confirmed - 400 * DAY_MS + 10 * 3_600_000;
      const freeAllergen = free ? pick(FREE_ALLERGENS) : '';
      const confirmedBy = staff();
      const recordedBy = staff();
      named(guest, earlier);
      emit({
        t: earlier,
        name: 'allergies.record',
        staff: recordedBy,
        write: (session) =>
          session.writeRow('allergies', earlierId, {
            guest_id: guestId(guest),
            allergen_id: allergen,
            free_allergen: freeAllergen,
            severity: 'dislike',
            traces_ok: true,
            note: '',
            confirmed_at: isoDay(earlier),
            confirmed_by: confirmedBy,
            recorded_by: recordedBy,
            created_at: session.now(),
          }),
      });
    }
    const retracted = chance(0.02);
    const freeAllergen = free ? pick(FREE_ALLERGENS) : '';
    const tracesOk = random() < tracesOkRate;
    const note = pick(ALLERGY_NOTES);
    const confirmedBy = staff();
    const recordedBy = staff();
    const retractedBy = retracted ? staff() : null;
    named(guest, recordedAt);
    emit({
      t: recordedAt,
      name: supersedes ? 'allergies.correct' : 'allergies.record',
      staff: recordedBy,
      write: (session) =>
        session.writeRow('allergies', id, {
          guest_id: guestId(guest),
          allergen_id: allergen,
          free_allergen: freeAllergen,
          severity,
          traces_ok: tracesOk,
          note,
          confirmed_at: isoDay(confirmed),
          confirmed_by: confirmedBy,
          recorded_by: recordedBy,
          supersedes,
          // Retracted a month later (a mix-up with another guest).
          retracted_at: retracted ? new Date(confirmed + 30 * DAY_MS).toISOString() : null,
          retracted_by: retractedBy,
          retract_reason: retracted ? '別のお客様と取り違え' : '',
          created_at: session.now(),
        }),
    });
  };

  return { writeRequest, writeAllergy };
}

/** Allergies for ~5% of guests, standing requests for ~2%. */
export function writeGuestNotes(ctx: ServiceContext, { writeRequest, writeAllergy }: NoteWriters) {
  const { size, random, chance } = ctx;
  for (let guest = 1; guest <= size; guest++) {
    if (chance(0.05)) {
      const n = chance(0.7) ? 1 : chance(0.83) ? 2 : 3;
      for (let k = 0; k < n; k++) writeAllergy(guest);
    }
    if (chance(0.02))
      writeRequest(guest, null, true, HISTORY_START + Math.floor(random() * HISTORY_DAYS) * DAY_MS, true);
  }
}
