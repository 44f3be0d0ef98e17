import type { ServedRow, StayRow } from '../../../db/schema.ts';
import { packColumn, packId, sqlIdText, unpackRow } from '../../../db/stored-form.ts';
import type { Meal, Served } from '../../../shared/contract/kitchen.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { WriteSession } from '../changes/write.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { findStayRow } from '../stays/rows.ts';
import { dishAllergySeverities, partyAllergies } from './dish-allergies.ts';
import { usableDishes } from './dishes.ts';

// What was served (提供履歴): one row per dish, stay, day and meal. A row entered by mistake is retracted
// (a flag), never removed: the history the kitchen plans from must not lose what really happened.
// The table keeps ids, times, days and meals packed (db/stored-form.ts): its statements pack what they look up
// and unpack what they read.

type ServedCalls = 'served.record' | 'served.react' | 'served.retract' | 'served.forStay';

/** Meals in the order of the day, for lists. */
const MEAL_ORDER: readonly Meal[] = ['breakfast', 'lunch', 'dinner', 'banquet'];

export function byDateAndMeal(a: { date: string; meal: Meal }, b: { date: string; meal: Meal }): number {
  return a.date.localeCompare(b.date) || MEAL_ORDER.indexOf(a.meal) - MEAL_ORDER.indexOf(b.meal);
}

type ServedViewRow = ServedRow & { dish_name: string };

const SERVED_VIEW = `SELECT s.*, d.name AS dish_name FROM served s JOIN dishes d ON d.id = ${sqlIdText('s.dish_id')}`;
const SERVED_BY_ID = `${SERVED_VIEW} WHERE s.id = ?`;
const SERVED_OF_STAY = `${SERVED_VIEW} WHERE s.stay_id = ?`;
const SERVED_AT_MEAL =
  'SELECT id, dish_id FROM served WHERE stay_id = ? AND date = ? AND meal = ? AND retracted_at IS NULL';

/** The statements of this file, for the query-plan test. */
export const SERVED_STATEMENTS = { SERVED_BY_ID, SERVED_OF_STAY, SERVED_AT_MEAL };

/** `allergySeverity`: see dish-allergies.ts; whoever lists servings works it out for the party it shows. */
export function toServed(row: ServedViewRow, allergySeverity: Served['allergySeverity'] = null): Served {
  return {
    id: row.id,
    stayId: row.stay_id,
    date: row.date,
    meal: row.meal as Meal,
    dishId: row.dish_id,
    dishName: row.dish_name,
    courseId: row.course_id,
    reaction: row.reaction as Served['reaction'],
    note: row.note,
    retractedAt: row.retracted_at,
    allergySeverity,
  };
}

function findServedRow(ctx: CoreContext, id: string): ServedViewRow {
  const row = ctx.run.prepare(SERVED_BY_ID).get(packId(id)) as ServedViewRow | undefined;
  if (!row) throw new CallFailure('not_found', 'served_not_found');
  return unpackRow('served', row);
}

/** What was served on a stay, by day and meal (retracted rows included, flagged). */
/** A stay's servings, each with the party's allergy flag. */
export function servedOfStay(ctx: CoreContext, stayId: string): Served[] {
  const rows = (ctx.run.prepare(SERVED_OF_STAY).all(packId(stayId)) as ServedViewRow[]).map((row) =>
    unpackRow('served', row),
  );
  return withPartyFlags(ctx, stayId, rows).sort((a, b) => byDateAndMeal(a, b) || a.id.localeCompare(b.id));
}

function withPartyFlags(ctx: CoreContext, stayId: string, rows: readonly ServedViewRow[]): Served[] {
  const severities = dishAllergySeverities(
    ctx,
    partyAllergies(ctx, stayId),
    rows.map((row) => row.dish_id),
  );
  return rows.map((row) => toServed(row, severities.get(row.dish_id) ?? null));
}

/** One serving as its calls answer it, flagged for its stay's party. */
function servedAnswer(ctx: CoreContext, id: string): Served {
  const row = findServedRow(ctx, id);
  return withPartyFlags(ctx, row.stay_id, [row])[0] as Served;
}

/** A stay a meal can be served or planned on: it exists, is not cancelled, and the day is within it. */
export function stayForMeal(ctx: CoreContext, stayId: string, date: string): StayRow {
  const stay = findStayRow(ctx, stayId);
  if (stay.status === 'cancelled') throw new CallFailure('conflict', 'stay_cancelled');
  if (date < stay.arrival_date || date > stay.departure_date) {
    throw new CallFailure('invalid_input', undefined, [{ path: 'date', code: 'date_outside_stay' }]);
  }
  return stay;
}

/**
 * Writes one served row per dish for the meal, inside the caller's transaction, leaving dishes already
 * recorded for it alone (a course served from the plan and then ticked off by hand is still served once).
 * Returns the ids of the meal's rows of those dishes, in the order given.
 */
export function writeServings(
  ctx: CoreContext,
  session: WriteSession,
  meal: { stayId: string; date: string; meal: Meal; dishIds: readonly string[]; courseId: string | null },
): string[] {
  const existing = (
    ctx.run
      .prepare(SERVED_AT_MEAL)
      .all(
        packId(meal.stayId),
        packColumn('served', 'date', meal.date),
        packColumn('served', 'meal', meal.meal),
      ) as Array<{
      id: string;
      dish_id: string;
    }>
  ).map((row) => unpackRow('served', row));
  const byDish = new Map(existing.map((row) => [row.dish_id, row.id]));
  const now = session.now();
  for (const dishId of meal.dishIds) {
    if (byDish.has(dishId)) continue;
    const id = ctx.newId();
    session.writeRow('served', id, {
      stay_id: meal.stayId,
      date: meal.date,
      meal: meal.meal,
      dish_id: dishId,
      course_id: meal.courseId,
      reaction: null,
      note: '',
      created_at: now,
      updated_at: now,
    });
    byDish.set(dishId, id);
  }
  return meal.dishIds.map((dishId) => byDish.get(dishId) as string);
}

export function servedHandlers(ctx: CoreContext): Handlers<ServedCalls> {
  return {
    'served.record': ({ stayId, date, meal, dishIds, courseId }, actor) => {
      stayForMeal(ctx, stayId, date);
      if (courseId) {
        // Recording what happened: a course withdrawn since may still have been what was served.
        const course = ctx.run.prepare('SELECT id FROM courses WHERE id = ?').get(courseId);
        if (!course) throw new CallFailure('not_found', 'course_not_found');
      }
      usableDishes(ctx, dishIds);
      const ids = actor.write((session) =>
        writeServings(ctx, session, { stayId, date, meal, dishIds, courseId: courseId ?? null }),
      );
      return {
        served: withPartyFlags(
          ctx,
          stayId,
          ids.map((id) => findServedRow(ctx, id)),
        ),
      };
    },

    'served.react': ({ id, reaction, note }, actor) => {
      const row = findServedRow(ctx, id);
      if (row.retracted_at) throw new CallFailure('conflict', 'served_retracted');
      actor.write((session) => {
        session.writeRow('served', id, {
          reaction,
          ...(note === undefined ? {} : { note }),
          updated_at: session.now(),
        });
      });
      return servedAnswer(ctx, id);
    },

    'served.retract': ({ id }, actor) => {
      if (findServedRow(ctx, id).retracted_at) throw new CallFailure('conflict', 'served_already_retracted');
      actor.write((session) => {
        const now = session.now();
        session.writeRow('served', id, { retracted_at: now, updated_at: now });
      });
      return servedAnswer(ctx, id);
    },

    'served.forStay': ({ stayId }) => {
      findStayRow(ctx, stayId);
      return { served: servedOfStay(ctx, stayId) };
    },
  };
}
