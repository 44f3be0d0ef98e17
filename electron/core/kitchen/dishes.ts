import type { DishRow } from '../../../db/schema.ts';
import { DISH_CATEGORIES, type Dish } from '../../../shared/contract/kitchen.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { withVersion } from '../versions.ts';
import { compareSeasonOrder, seasonOrderKey } from './seasons.ts';

// The dish catalogue. A dish names its allergens from the allergen catalogue; what was served keeps
// pointing at the dish, so a dish is withdrawn (tombstone), never removed.

type DishCalls = 'dishes.list' | 'dishes.create' | 'dishes.update' | 'dishes.delete' | 'dishes.restore';

export function toDish(row: DishRow): Dish {
  return {
    id: row.id,
    name: row.name,
    reading: row.reading,
    category: row.category as Dish['category'],
    allergenIds: JSON.parse(row.allergen_ids) as string[],
    note: row.note,
    deletedAt: row.deleted_at,
  };
}

/**
 * Catalogue order: by course position (DISH_CATEGORIES), then by reading (the name when none), then name, a
 * dish's seasons in the order of the year (茶碗蒸し(春) before 茶碗蒸し(夏): seasons.ts). Each key is made once.
 */
export function inCatalogueOrder(dishes: readonly Dish[]): Dish[] {
  return dishes
    .map((dish) => {
      const name = seasonOrderKey(dish.name);
      const reading = dish.reading ? seasonOrderKey(dish.reading) : name;
      return { dish, category: DISH_CATEGORIES.indexOf(dish.category), reading, name };
    })
    .sort(
      (a, b) =>
        a.category - b.category || compareSeasonOrder(a.reading, b.reading) || compareSeasonOrder(a.name, b.name),
    )
    .map(({ dish }) => dish);
}

const DISHES_BY_ID = 'SELECT * FROM dishes WHERE id IN (SELECT value FROM json_each(?))';

export function findDishRow(ctx: CoreContext, id: string): DishRow {
  const row = ctx.run.prepare('SELECT * FROM dishes WHERE id = ?').get(id) as DishRow | undefined;
  if (!row) throw new CallFailure('not_found', 'dish_not_found');
  return row;
}

/** The dishes with those ids, by id (unknown ids are left out). */
export function dishesById(ctx: CoreContext, ids: readonly string[]): Map<string, Dish> {
  if (ids.length === 0) return new Map();
  const rows = ctx.run.prepare(DISHES_BY_ID).all(JSON.stringify(ids)) as DishRow[];
  return new Map(rows.map((row) => [row.id, toDish(row)]));
}

/**
 * The dishes a course, a plan or a serving names, in the order given: each must exist and not be
 * withdrawn (a course of a withdrawn dish is what the kitchen can no longer cook).
 */
export function usableDishes(ctx: CoreContext, ids: readonly string[]): Dish[] {
  const found = dishesById(ctx, ids);
  const dishes: Dish[] = [];
  for (const id of ids) {
    const dish = found.get(id);
    if (!dish) throw new CallFailure('not_found', 'dish_not_found');
    if (dish.deletedAt) throw new CallFailure('conflict', 'dish_deleted');
    dishes.push(dish);
  }
  return dishes;
}

/**
 * Allergens named on a dish must be in the catalogue. One the catalogue withdrew may stay on a dish that
 * already had it (the dish still contains it) but is not added anew.
 */
function checkAllergens(ctx: CoreContext, ids: readonly string[], alreadyOnDish: readonly string[]): void {
  if (ids.length === 0) return;
  const rows = ctx.run
    .prepare('SELECT id, deleted_at FROM allergens WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as Array<{ id: string; deleted_at: string | null }>;
  const known = new Map(rows.map((row) => [row.id, row.deleted_at]));
  for (const id of ids) {
    if (!known.has(id)) throw new CallFailure('not_found', 'allergen_not_found');
    if (known.get(id) && !alreadyOnDish.includes(id)) throw new CallFailure('conflict', 'allergen_withdrawn');
  }
}

export function dishHandlers(ctx: CoreContext): Handlers<DishCalls> {
  const load = (id: string) => withVersion(ctx, 'dishes', toDish(findDishRow(ctx, id)));
  return {
    'dishes.list': ({ includeDeleted }) => {
      const rows = ctx.run
        .prepare(includeDeleted ? 'SELECT * FROM dishes' : 'SELECT * FROM dishes WHERE deleted_at IS NULL')
        .all() as DishRow[];
      return {
        dishes: inCatalogueOrder(rows.map(toDish)).map((dish) => withVersion(ctx, 'dishes', dish)),
      };
    },

    'dishes.create': ({ fields }, actor) => {
      const allergenIds = fields.allergenIds ?? [];
      checkAllergens(ctx, allergenIds, []);
      const id = ctx.newId();
      actor.write((session) => {
        const now = session.now();
        session.writeRow('dishes', id, {
          name: fields.name,
          reading: fields.reading ?? '',
          category: fields.category,
          allergen_ids: allergenIds,
          note: fields.note ?? '',
          created_at: now,
          updated_at: now,
        });
      });
      return load(id);
    },

    'dishes.update': ({ id, patch, version }, actor) => {
      const current = toDish(findDishRow(ctx, id));
      if (current.deletedAt) throw new CallFailure('conflict', 'dish_deleted');
      if (patch.allergenIds) checkAllergens(ctx, patch.allergenIds, current.allergenIds);
      const values: Record<string, unknown> = {};
      if (patch.name !== undefined) values.name = patch.name;
      if (patch.reading !== undefined) values.reading = patch.reading;
      if (patch.category !== undefined) values.category = patch.category;
      if (patch.allergenIds !== undefined) values.allergen_ids = patch.allergenIds;
      if (patch.note !== undefined) values.note = patch.note;
      actor.write((session) => {
        session.writeRow('dishes', id, { ...values, updated_at: session.now() }, { basedOn: version });
      });
      return load(id);
    },

    'dishes.delete': ({ id }, actor) => {
      if (findDishRow(ctx, id).deleted_at) throw new CallFailure('conflict', 'dish_already_deleted');
      actor.write((session) => {
        const now = session.now();
        session.writeRow('dishes', id, { deleted_at: now, updated_at: now });
      });
      return load(id);
    },

    'dishes.restore': ({ id }, actor) => {
      if (!findDishRow(ctx, id).deleted_at) throw new CallFailure('conflict', 'dish_not_deleted');
      actor.write((session) => {
        session.writeRow('dishes', id, { deleted_at: null, updated_at: session.now() });
      });
      return load(id);
    },
  };
}
