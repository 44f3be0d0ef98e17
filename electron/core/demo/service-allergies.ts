import { addDays } from '../../../shared/text/dates.ts';
import { ALLERGY_NOTES, FREE_ALLERGENS, REPORTED_ALLERGENS, SEVERITY_WEIGHTS } from './service-catalogue.ts';
import type { ServiceFloor } from './service-floor.ts';
import { type Arrival, courseOf } from './service-stays.ts';

// Allergies in the sample data: ~8% of the guests state one or two, and two of today's parties bring an
// anaphylaxis in a dish of their planned course, so the arrivals list and the kitchen sheet have something
// to warn about. Some statements correct an earlier one and a few were retracted, so the append-only
// history (supersedes, retracted) shows too; half were confirmed long ago and need re-confirming.

/** Anaphylaxis allergens the sample parties bring: ones a course has in a few dishes, not in every one. */
const ALARMING_ALLERGENS = ['shrimp', 'crab', 'buckwheat', 'egg', 'milk', 'walnut', 'salmon_roe', 'peanut'];
/** Allergy notes for anyone: an epinephrine pen goes with anaphylaxis, 'お子さま' with a child's record. */
const EVERYDAY_NOTES = ALLERGY_NOTES.filter((note) => note !== 'エピペン携帯' && note !== 'お子さま');

type AllergyStatement = {
  code: string | null;
  free: string;
  severity: string;
  tracesOk: boolean;
  note: string;
  confirmed: string;
};

/** One allergy statement; sometimes with the earlier statement it corrected, kept in the history. */
function writeAllergy(floor: ServiceFloor, guest: number, statement: AllergyStatement, corrected: boolean) {
  const { session, ids, stamp, staff, counts } = floor;
  const allergenId = statement.code ? floor.allergenIds.get(statement.code) : null;
  if (allergenId === undefined) return; // withdrawn from this inn's catalogue
  const content = {
    guest_id: ids[guest],
    allergen_id: allergenId,
    free_allergen: allergenId ? '' : statement.free,
    traces_ok: statement.tracesOk,
  };
  const recordedAt = stamp(statement.confirmed, 11);
  let earlierId: string | null = null;
  if (corrected) {
    earlierId = session.newId();
    const earlier = addDays(statement.confirmed, -floor.draw.between(200, 500));
    const earlierAt = stamp(earlier, 11);
    session.writeRow('allergies', earlierId, {
      ...content,
      severity: 'dislike',
      traces_ok: true,
      note: '',
      confirmed_at: earlier,
      confirmed_by: staff(),
      recorded_by: staff(),
      created_at: earlierAt,
      updated_at: earlierAt,
    });
    counts.allergies++;
  }
  const id = session.newId();
  session.writeRow('allergies', id, {
    ...content,
    severity: statement.severity,
    note: statement.note,
    confirmed_at: statement.confirmed,
    confirmed_by: staff(),
    recorded_by: staff(),
    supersedes: earlierId,
    created_at: recordedAt,
    updated_at: recordedAt,
  });
  counts.allergies++;
}

/** A record made in error and retracted a few days later: it stays in the history, not in the alerts. */
function writeRetracted(floor: ServiceFloor, guest: number, free: string) {
  const { stamp, staff } = floor;
  const { between } = floor.draw;
  const confirmed = addDays(floor.today, -between(60, 700));
  const at = stamp(confirmed, 11);
  const retractedAt = stamp(addDays(confirmed, between(1, 20)), 14);
  floor.session.writeRow('allergies', floor.session.newId(), {
    guest_id: floor.ids[guest],
    allergen_id: null,
    free_allergen: free,
    severity: 'allergy',
    traces_ok: false,
    note: '',
    confirmed_at: confirmed,
    confirmed_by: staff(),
    recorded_by: staff(),
    retracted_at: retractedAt,
    retracted_by: staff(),
    retract_reason: '別のお客様と取り違え',
    created_at: at,
    updated_at: retractedAt,
  });
  floor.counts.allergies++;
}

/** Yields after each guest's statements are written. */
export function* writeAllergies(floor: ServiceFloor, arrivals: readonly Arrival[]): Generator<undefined, void, void> {
  const { draw, today } = floor;
  const { chance, pick, between } = draw;
  const statementsOf = new Map<number, AllergyStatement[]>();
  const state = (guest: number, statement: AllergyStatement) =>
    statementsOf.set(guest, [...(statementsOf.get(guest) ?? []), statement]);

  // An anaphylaxis in two of today's parties, in a dish of their menu when one has it.
  const alarming: string[] = [];
  for (const arrival of arrivals) {
    if (arrival.role !== 'anaphylaxis_lead' && arrival.role !== 'anaphylaxis_party') continue;
    const inCourse = new Set(courseOf(floor, arrival)?.allergenCodes ?? []);
    const candidates = ALARMING_ALLERGENS.filter((code) => !alarming.includes(code));
    const fitting = candidates.filter((code) => inCourse.has(code));
    const code = pick(fitting.length > 0 ? fitting : candidates);
    alarming.push(code);
    const who = arrival.role === 'anaphylaxis_party' ? (arrival.party[0] ?? arrival.lead) : arrival.lead;
    state(who, {
      code,
      free: '',
      severity: 'anaphylaxis',
      tracesOk: false,
      note: 'エピペン携帯',
      // Told at booking; the companion's was confirmed long ago: re-confirm at check-in.
      confirmed: addDays(today, arrival.role === 'anaphylaxis_lead' ? -between(20, 150) : -between(500, 900)),
    });
  }

  // ~8% of all the guests.
  const severityOf = () => draw.weighted(SEVERITY_WEIGHTS, ([, weight]) => weight);
  floor.guests.forEach((_, guest) => {
    if (!chance(0.08)) return;
    const n = chance(0.75) ? 1 : 2;
    for (let k = 0; k < n; k++) {
      const free = chance(0.1) ? pick(FREE_ALLERGENS) : '';
      const code = free ? null : draw.weighted(REPORTED_ALLERGENS, ([, weight]) => weight)[0];
      const known = statementsOf.get(guest) ?? [];
      if (known.some((s) => (code ? s.code === code : s.free === free))) continue;
      const [severity, , tracesOkRate] = severityOf();
      state(guest, {
        code,
        free,
        severity,
        tracesOk: draw.random() < tracesOkRate,
        note: severity === 'anaphylaxis' ? 'エピペン携帯' : pick(EVERYDAY_NOTES),
        // Half confirmed this year, half long ago (要再確認 at their next check-in).
        confirmed: addDays(today, chance(0.5) ? -between(3, 330) : -between(400, 1460)),
      });
    }
  });

  for (const [guest, statements] of statementsOf) {
    for (const statement of statements)
      writeAllergy(floor, guest, statement, statement.severity !== 'dislike' && chance(0.06));
    if (chance(0.05))
      writeRetracted(floor, guest, pick(FREE_ALLERGENS.filter((free) => !statements.some((s) => s.free === free))));
    yield;
  }
}
