// Allergy statements and requests, as raw rows: the writers the stay history and the bench day use, and
// the guest-level pass that gives ~5% of guests allergies (some corrected or retracted, so the history
// and the "re-confirm" alerts have something to show) and ~2% a standing request.

import {
  ALLERGY_NOTES,
  FREE_ALLERGENS,
  REPORTED_ALLERGENS,
  REQUEST_TEXTS,
  SEVERITY_WEIGHTS,
  STANDING_TEXTS,
} from '../../electron/core/demo/service-catalogue.ts';
import {
  DAY_MS,
  dayMs,
  HISTORY_DAYS,
  HISTORY_START,
  insertInto,
  isoDay,
  type ServiceContext,
  weighted,
} from './service-common.ts';

export type NoteWriters = {
  /** A request for a stay, or a standing one (stayId null); `open` keeps it open. */
  writeRequest: (guestId: string, stayId: string | null, standing: boolean, at: number, open: boolean) => void;
  /** One allergy statement of a guest; sometimes a superseded earlier version or a retraction with it. */
  writeAllergy: (guestId: string, options?: { severity?: string; recent?: boolean }) => void;
};

export function noteWriters(ctx: ServiceContext, allergenIds: Map<string, string>): NoteWriters {
  const { db, random, newId, pick, chance, count, staff } = ctx;
  const insertRequest = insertInto(db, 'requests', [
    'id',
    'guest_id',
    'stay_id',
    'standing',
    'category',
    'text',
    'status',
    'taken_by',
    'handled_at',
    'handled_by',
    'created_at',
    'updated_at',
  ]);
  const insertAllergy = insertInto(db, 'allergies', [
    'id',
    'guest_id',
    'allergen_id',
    'free_allergen',
    'severity',
    'traces_ok',
    'note',
    'confirmed_at',
    'confirmed_by',
    'recorded_by',
    'supersedes',
    'superseded_by',
    'retracted_at',
    'retracted_by',
    'retract_reason',
    'created_at',
    'updated_at',
  ]);

  const requestKind = weighted(random, REQUEST_TEXTS, ([, weight]) => weight);
  const writeRequest: NoteWriters['writeRequest'] = (guestId, stayId, standing, at, open) => {
    let [category, text] = pick(STANDING_TEXTS);
    if (!standing) {
      const [kind, , texts] = requestKind();
      [category, text] = [kind, pick(texts)];
    }
    const created = new Date(at).toISOString();
    const status = open || standing ? 'open' : chance(0.9) ? 'done' : chance(0.8) ? 'cancelled' : 'open';
    const handled = status === 'open' ? null : new Date(at + 3_600_000 * (1 + Math.floor(random() * 30))).toISOString();
    insertRequest.run(
      newId(at),
      guestId,
      stayId,
      standing ? 1 : 0,
      category,
      text,
      status,
      staff(),
      handled,
      handled && staff(),
      created,
      handled ?? created,
    );
    count('requests');
  };

  const severityOf = weighted(random, SEVERITY_WEIGHTS, ([, weight]) => weight);
  const allergenOf = weighted(random, REPORTED_ALLERGENS, ([, weight]) => weight);
  const writeAllergy: NoteWriters['writeAllergy'] = (guestId, options = {}) => {
    const free = chance(0.1);
    const allergen = free ? null : (allergenIds.get(allergenOf()[0]) as string);
    const [severity, , tracesOkRate] = options.severity
      ? (SEVERITY_WEIGHTS.find(([s]) => s === options.severity) ?? severityOf())
      : severityOf();
    const ageDays = options.recent ? Math.floor(random() * 300) : Math.floor(random() * 4 * 365);
    const confirmed = dayMs(isoDay(Date.UTC(2026, 0, 1))) - ageDays * DAY_MS;
    const recordedAt = new Date(confirmed + 10 * 3_600_000).toISOString();
    const id = newId(confirmed);
    let supersedes: string | null = null;
    if (chance(0.06)) {
      // An earlier statement this one corrects (a milder severity, say), kept in the history.
      supersedes = newId(confirmed - 400 * DAY_MS);
      const earlier = new Date(confirmed - 400 * DAY_MS).toISOString();
      insertAllergy.run(
        supersedes,
        guestId,
        allergen,
        free ? pick(FREE_ALLERGENS) : '',
        'dislike',
        1,
        '',
        earlier.slice(0, 10),
        staff(),
        staff(),
        null,
        id,
        null,
        null,
        '',
        earlier,
        recordedAt,
      );
      count('allergies');
    }
    const retracted = chance(0.02);
    const retractedAt = retracted ? new Date(confirmed + 30 * DAY_MS).toISOString() : null;
    insertAllergy.run(
      id,
      guestId,
      allergen,
      free ? pick(FREE_ALLERGENS) : '',
      severity,
      random() < tracesOkRate ? 1 : 0,
      pick(ALLERGY_NOTES),
      isoDay(confirmed),
      staff(),
      staff(),
      supersedes,
      null,
      retractedAt,
      retracted ? staff() : null,
      retracted ? '別のお客様と取り違え' : '',
      recordedAt,
      retractedAt ?? recordedAt,
    );
    count('allergies');
  };

  return { writeRequest, writeAllergy };
}

/** Allergies for ~5% of guests, standing requests for ~2%. */
export function writeGuestNotes(ctx: ServiceContext, { writeRequest, writeAllergy }: NoteWriters) {
  const { db, size, guestIds, random, chance } = ctx;
  db.transaction(() => {
    for (let rowid = 1; rowid <= size; rowid++) {
      const guestId = guestIds[rowid] as string;
      if (chance(0.05)) {
        const n = chance(0.7) ? 1 : chance(0.83) ? 2 : 3;
        for (let k = 0; k < n; k++) writeAllergy(guestId);
      }
      if (chance(0.02))
        writeRequest(guestId, null, true, HISTORY_START + Math.floor(random() * HISTORY_DAYS) * DAY_MS, true);
    }
  })();
}
