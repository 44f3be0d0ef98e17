import type { CourseRow } from '../../../db/schema.ts';
import type { Course, Dish } from '../../../shared/contract/kitchen.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { dishesById, usableDishes } from './dishes.ts';
import { compareSeasonOrder, type Season, type SeasonOrderKey, seasonOfDate, seasonOrderKey } from './seasons.ts';

// Courses: an ordered list of catalogue dishes with a price. A withdrawn course stays readable (menus
// planned from it keep its name) but cannot be planned again.

type CourseCalls = 'courses.list' | 'courses.create' | 'courses.update' | 'courses.delete';

export function courseDishIds(row: Pick<CourseRow, 'dish_ids'>): string[] {
  return JSON.parse(row.dish_ids) as string[];
}

function toCourse(ctx: CoreContext, row: CourseRow, dishes: Map<string, Dish>): Course {
  const dishIds = courseDishIds(row);
  return {
    id: row.id,
    name: row.name,
    priceYen: row.price_yen,
    note: row.note,
    dishIds,
    dishes: dishIds.flatMap((id) => dishes.get(id) ?? []),
    deletedAt: row.deleted_at,
    version: ctx.changes.versionOf('courses', row.id),
  };
}

export function findCourseRow(ctx: CoreContext, id: string): CourseRow {
  const row = ctx.run.prepare('SELECT * FROM courses WHERE id = ?').get(id) as CourseRow | undefined;
  if (!row) throw new CallFailure('not_found', 'course_not_found');
  return row;
}

/** A course that may be planned: it exists and is not withdrawn. */
export function usableCourseRow(ctx: CoreContext, id: string): CourseRow {
  const row = findCourseRow(ctx, id);
  if (row.deleted_at) throw new CallFailure('conflict', 'course_deleted');
  return row;
}

function loadCourse(ctx: CoreContext, id: string): Course {
  const row = findCourseRow(ctx, id);
  return toCourse(ctx, row, dishesById(ctx, courseDishIds(row)));
}

/** A course's season, as its name says it (冬の会席 梅), or null for a course of no season. */
function courseSeason(key: SeasonOrderKey): Season | null {
  return key[1] >= 0 ? (key[1] as Season) : null;
}

/** How near a course's season is to the meal's: its own first, then none, then the seasons to come in order. */
function seasonRank(season: Season | null, now: Season): number {
  if (season === now) return 0;
  if (season === null) return 1;
  return 1 + ((season - now + 4) % 4);
}

export function courseHandlers(ctx: CoreContext): Handlers<CourseCalls> {
  return {
    'courses.list': ({ includeDeleted, forDate }) => {
      const rows = ctx.run
        .prepare(includeDeleted ? 'SELECT * FROM courses' : 'SELECT * FROM courses WHERE deleted_at IS NULL')
        .all() as CourseRow[];
      const dishes = dishesById(ctx, [...new Set(rows.flatMap(courseDishIds))]);
      // By name, a course's seasons in the order of the year (春の会席 before 夏の会席: seasons.ts).
      const courses = rows
        .map((row) => ({ course: toCourse(ctx, row, dishes), key: seasonOrderKey(row.name) }))
        .sort((a, b) => compareSeasonOrder(a.key, b.key) || a.course.id.localeCompare(b.course.id))
        .map(({ course, key }) => ({ course, name: key }));
      if (!forDate) return { courses: courses.map(({ course }) => course) };
      // Planning a meal in December, the winter courses come first, the dearest first.
      const rank = (name: (typeof courses)[number]['name']) => seasonRank(courseSeason(name), seasonOfDate(forDate));
      return {
        courses: courses
          .map((entry, order) => ({ ...entry, order, rank: rank(entry.name) }))
          .sort((a, b) => a.rank - b.rank || b.course.priceYen - a.course.priceYen || a.order - b.order)
          .map(({ course }) => course),
      };
    },

    'courses.create': ({ fields }, actor) => {
      usableDishes(ctx, fields.dishIds);
      const id = ctx.newId();
      actor.write((session) => {
        const now = session.now();
        session.writeRow('courses', id, {
          name: fields.name,
          price_yen: fields.priceYen ?? 0,
          note: fields.note ?? '',
          dish_ids: fields.dishIds,
          created_at: now,
          updated_at: now,
        });
      });
      return loadCourse(ctx, id);
    },

    'courses.update': ({ id, patch, version }, actor) => {
      usableCourseRow(ctx, id);
      if (patch.dishIds) usableDishes(ctx, patch.dishIds);
      const values: Record<string, unknown> = {};
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.priceYen !== undefined) values.price_yen = patch.priceYen;
      if (patch.note !== undefined) values.note = patch.note;
      if (patch.dishIds !== undefined) values.dish_ids = patch.dishIds;
      actor.write((session) => {
        session.writeRow('courses', id, { ...values, updated_at: session.now() }, { basedOn: version });
      });
      return loadCourse(ctx, id);
    },

    'courses.delete': ({ id }, actor) => {
      if (findCourseRow(ctx, id).deleted_at) throw new CallFailure('conflict', 'course_already_deleted');
      actor.write((session) => {
        const now = session.now();
        session.writeRow('courses', id, { deleted_at: now, updated_at: now });
      });
      return loadCourse(ctx, id);
    },
  };
}
