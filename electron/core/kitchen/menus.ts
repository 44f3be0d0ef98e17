import type { MenuPlanRow } from '../../../db/schema.ts';
import type { Meal, MenuPlan } from '../../../shared/contract/kitchen.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { Stay } from '../../../shared/contract/stays.ts';
import { addYears } from '../../../shared/text/dates.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { readSettings } from '../settings/handlers.ts';
import { findStayRow, loadStays } from '../stays/rows.ts';
import { withVersion } from '../versions.ts';
import { courseDishIds, usableCourseRow } from './courses.ts';
import { usableDishes } from './dishes.ts';
import { loadPartyHistories, type PartyHistory } from './party-history.ts';
import { byDateAndMeal, stayForMeal, writeServings } from './served.ts';
import { type Catalogue, loadCatalogue, planWarnings, type WarningOptions } from './warnings.ts';

// Menu planning (献立): a course, possibly with dishes swapped, for one meal of a stay. Every answer
// carries the plan's warnings as they are now (a new allergy recorded after planning shows at once).
// Serving a plan turns it into served rows.

type MenuCalls = 'menus.check' | 'menus.plan' | 'menus.update' | 'menus.serve' | 'menus.forStay';

const MENUS_OF_STAYS = `
  SELECT * FROM menu_plans WHERE stay_id IN (SELECT value FROM json_each(?)) AND status <> 'cancelled'`;
const COURSE_NAMES = 'SELECT id, name FROM courses WHERE id IN (SELECT value FROM json_each(?))';
const MENU_AT_MEAL = `
  SELECT id FROM menu_plans WHERE stay_id = ? AND date = ? AND meal = ? AND status = 'planned' LIMIT 1`;

/** The statements of this file, for the query-plan test. */
export const MENU_STATEMENTS = { MENUS_OF_STAYS, COURSE_NAMES, MENU_AT_MEAL };

/** What warnings are computed from: the dish catalogue, the inn's repeat period, each stay's party history. */
export type WarningFacts = { catalogue: Catalogue; repeatYears: number; histories: Map<string, PartyHistory> };

export function loadWarningFacts(ctx: CoreContext, stays: readonly Stay[], asOf: string): WarningFacts {
  const repeatYears = readSettings(ctx).repeatDishYears;
  // A dish served before counts when it was within the repeat years before the meal; no meal of these stays is
  // earlier than their first arrival.
  const firstArrival = stays.reduce((first, stay) => (stay.arrivalDate < first ? stay.arrivalDate : first), asOf);
  return {
    catalogue: loadCatalogue(ctx),
    repeatYears,
    histories: loadPartyHistories(ctx, stays, asOf, addYears(firstArrival, -repeatYears)),
  };
}

function courseNames(ctx: CoreContext, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = ctx.run.prepare(COURSE_NAMES).all(JSON.stringify(ids)) as Array<{ id: string; name: string }>;
  return new Map(rows.map((row) => [row.id, row.name]));
}

function planIds(row: Pick<MenuPlanRow, 'dish_ids'>): string[] {
  return JSON.parse(row.dish_ids) as string[];
}

function toMenuPlans(
  ctx: CoreContext,
  rows: readonly MenuPlanRow[],
  facts: WarningFacts,
  options: WarningOptions = {},
): MenuPlan[] {
  const names = courseNames(ctx, [...new Set(rows.flatMap((row) => (row.course_id ? [row.course_id] : [])))]);
  return rows.flatMap((row): MenuPlan[] => {
    const history = facts.histories.get(row.stay_id);
    if (!history) return [];
    const dishIds = planIds(row);
    return [
      {
        id: row.id,
        stayId: row.stay_id,
        date: row.date,
        meal: row.meal as Meal,
        courseId: row.course_id,
        courseName: row.course_id ? (names.get(row.course_id) ?? '') : '',
        dishIds,
        status: row.status as MenuPlan['status'],
        ...planWarnings(facts.catalogue, history, { date: row.date, dishIds }, facts.repeatYears, options),
      },
    ];
  });
}

/** The menus of these stays that are not cancelled, with their warnings, by stay; each by day and meal. */
export function menusOfStays(
  ctx: CoreContext,
  stayIds: readonly string[],
  facts: WarningFacts,
  options: WarningOptions = {},
): Map<string, MenuPlan[]> {
  const byStay = new Map<string, MenuPlan[]>();
  if (stayIds.length === 0) return byStay;
  const rows = ctx.run.prepare(MENUS_OF_STAYS).all(JSON.stringify(stayIds)) as MenuPlanRow[];
  for (const menu of toMenuPlans(ctx, rows, facts, options)) {
    const list = byStay.get(menu.stayId) ?? [];
    list.push(menu);
    byStay.set(menu.stayId, list);
  }
  for (const list of byStay.values()) list.sort((a, b) => byDateAndMeal(a, b) || a.id.localeCompare(b.id));
  return byStay;
}

function stayFacts(ctx: CoreContext, stayId: string): { stay: Stay; facts: WarningFacts } {
  const [stay] = loadStays(ctx, [stayId]);
  if (!stay) throw new CallFailure('not_found', 'stay_not_found');
  return { stay, facts: loadWarningFacts(ctx, [stay], ctx.today()) };
}

function loadMenu(ctx: CoreContext, id: string) {
  const row = findMenuRow(ctx, id);
  const { facts } = stayFacts(ctx, row.stay_id);
  return withVersion(ctx, 'menu_plans', toMenuPlans(ctx, [row], facts)[0] as MenuPlan);
}

function findMenuRow(ctx: CoreContext, id: string): MenuPlanRow {
  const row = ctx.run.prepare('SELECT * FROM menu_plans WHERE id = ?').get(id) as MenuPlanRow | undefined;
  if (!row) throw new CallFailure('not_found', 'menu_not_found');
  return row;
}

function plannedMenuRow(ctx: CoreContext, id: string): MenuPlanRow {
  const row = findMenuRow(ctx, id);
  if (row.status !== 'planned') throw new CallFailure('conflict', 'menu_not_planned');
  return row;
}

/** The dishes of a plan: those given, else the course's; all must be in the catalogue and not withdrawn. */
function plannedDishIds(ctx: CoreContext, courseId: string | null | undefined, dishIds: readonly string[] | undefined) {
  const course = courseId ? usableCourseRow(ctx, courseId) : null;
  const ids = dishIds && dishIds.length > 0 ? dishIds : course ? courseDishIds(course) : [];
  if (ids.length === 0) throw new CallFailure('invalid_input', undefined, [{ path: 'dishIds', code: 'required' }]);
  usableDishes(ctx, ids);
  return { course, dishIds: [...ids] };
}

export function menuHandlers(ctx: CoreContext): Handlers<MenuCalls> {
  return {
    'menus.check': ({ stayId, courseId, dishIds }) => {
      findStayRow(ctx, stayId);
      const plan = plannedDishIds(ctx, courseId, dishIds);
      const { stay, facts } = stayFacts(ctx, stayId);
      // Checked against the nearest day of the stay: today when the guest is in the house.
      const today = ctx.today();
      const date =
        today < stay.arrivalDate ? stay.arrivalDate : today > stay.departureDate ? stay.departureDate : today;
      const history = facts.histories.get(stayId) as PartyHistory;
      return {
        stayId,
        courseId: plan.course?.id ?? null,
        courseName: plan.course?.name ?? '',
        dishIds: plan.dishIds,
        ...planWarnings(facts.catalogue, history, { date, dishIds: plan.dishIds }, facts.repeatYears),
      };
    },

    'menus.plan': ({ stayId, date, meal, courseId, dishIds }, actor) => {
      stayForMeal(ctx, stayId, date);
      const plan = plannedDishIds(ctx, courseId, dishIds);
      if (ctx.run.prepare(MENU_AT_MEAL).get(stayId, date, meal)) {
        throw new CallFailure('conflict', 'menu_already_planned');
      }
      const id = ctx.newId();
      actor.write((session) => {
        const now = session.now();
        session.writeRow('menu_plans', id, {
          stay_id: stayId,
          date,
          meal,
          course_id: plan.course?.id ?? null,
          dish_ids: plan.dishIds,
          status: 'planned',
          created_at: now,
          updated_at: now,
        });
      });
      return loadMenu(ctx, id);
    },

    'menus.update': ({ id, dishIds, status, version }, actor) => {
      const row = plannedMenuRow(ctx, id);
      const values: Record<string, unknown> = {};
      if (dishIds !== undefined) {
        if (dishIds.length === 0) {
          throw new CallFailure('invalid_input', undefined, [{ path: 'dishIds', code: 'required' }]);
        }
        usableDishes(ctx, dishIds);
        values.dish_ids = dishIds;
      }
      if (status !== undefined) values.status = status;
      actor.write((session) => {
        // A swap sends the whole dish list as the screen showed it: based on an older version it would undo
        // a swap made meanwhile on another screen, so it is refused instead.
        session.writeRow('menu_plans', row.id, { ...values, updated_at: session.now() }, { basedOn: version });
      });
      return loadMenu(ctx, id);
    },

    'menus.serve': ({ id }, actor) => {
      const row = plannedMenuRow(ctx, id);
      if (findStayRow(ctx, row.stay_id).status === 'cancelled') throw new CallFailure('conflict', 'stay_cancelled');
      actor.write((session) => {
        writeServings(ctx, session, {
          stayId: row.stay_id,
          date: row.date,
          meal: row.meal as Meal,
          dishIds: planIds(row),
          courseId: row.course_id,
        });
        session.writeRow('menu_plans', row.id, { status: 'served', updated_at: session.now() });
      });
      return loadMenu(ctx, id);
    },

    'menus.forStay': ({ stayId }) => {
      findStayRow(ctx, stayId);
      const { facts } = stayFacts(ctx, stayId);
      const menus = menusOfStays(ctx, [stayId], facts).get(stayId) ?? [];
      return { menus: menus.map((menu) => withVersion(ctx, 'menu_plans', menu)) };
    },
  };
}
