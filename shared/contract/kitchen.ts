import { z } from 'zod';
import { SEVERITIES } from './allergies.ts';
import { basedOnVersion, calendarDate, id, idList, recordVersion, requiredText, text, yen } from './common.ts';
import { call } from './define.ts';

/** Where a dish sits in a kaiseki-style course; also what an alternative must match. */
export const DISH_CATEGORIES = [
  'appetizer', // 先付・前菜
  'soup', // 椀物
  'sashimi', // 造り
  'grilled', // 焼物
  'simmered', // 煮物
  'fried', // 揚物
  'steamed', // 蒸物
  'rice', // 食事
  'dessert', // 水菓子
  'breakfast', // 朝食
  'drink', // 飲物
  'other',
] as const;
export const MEALS = ['dinner', 'breakfast', 'lunch', 'banquet'] as const;
export type Meal = (typeof MEALS)[number];
export const REACTIONS = ['praised', 'left', 'disliked'] as const;
export const MENU_STATUSES = ['planned', 'served', 'cancelled'] as const;

export const dishSchema = z.object({
  id: z.string(),
  name: z.string(),
  reading: z.string(),
  category: z.enum(DISH_CATEGORIES),
  allergenIds: z.array(z.string()),
  note: z.string(),
  deletedAt: z.string().nullable(),
});
export type Dish = z.infer<typeof dishSchema>;
/** A dish as the catalogue edits it, with its version (a course's dishes and warnings carry none). */
export const editableDishSchema = dishSchema.extend({ version: recordVersion });
export type EditableDish = z.infer<typeof editableDishSchema>;

const dishFieldShape = {
  name: requiredText(60),
  reading: text(100),
  category: z.enum(DISH_CATEGORIES, { error: 'invalid_choice' }),
  allergenIds: idList(30),
  note: text(500),
};

export const courseSchema = z.object({
  id: z.string(),
  name: z.string(),
  priceYen: z.number(),
  note: z.string(),
  dishIds: z.array(z.string()),
  dishes: z.array(dishSchema),
  deletedAt: z.string().nullable(),
  version: recordVersion,
});
export type Course = z.infer<typeof courseSchema>;

const courseFieldShape = {
  name: requiredText(60),
  priceYen: yen,
  note: text(500),
  dishIds: idList(30).refine((ids) => ids.length > 0, { error: 'required' }),
};

export const servedSchema = z.object({
  id: z.string(),
  stayId: z.string(),
  date: z.string(),
  meal: z.enum(MEALS),
  dishId: z.string(),
  dishName: z.string(),
  courseId: z.string().nullable(),
  reaction: z.enum(REACTIONS).nullable(),
  note: z.string(),
  retractedAt: z.string().nullable(),
  /**
   * The most severe current allergy, of the stay's party (or, on a guest card, of the guest), to an allergen
   * this dish carries; null when it carries none of theirs.
   */
  allergySeverity: z.enum(SEVERITIES).nullable(),
});
export type Served = z.infer<typeof servedSchema>;

/** Why a planned dish is flagged. */
export const dishWarningSchema = z.object({
  dishId: z.string(),
  dishName: z.string(),
  category: z.enum(DISH_CATEGORIES),
  /** Party members' allergies this dish contains, most severe first. */
  allergies: z.array(
    z.object({
      allergyId: z.string(),
      allergenId: z.string(),
      nameJa: z.string(),
      nameEn: z.string(),
      severity: z.enum(SEVERITIES),
      tracesOk: z.boolean(),
      guestId: z.string(),
      guestName: z.string(),
    }),
  ),
  /** The most severe of those, or null when the dish is safe for everyone. */
  worstSeverity: z.enum(SEVERITIES).nullable(),
  /** Earlier stays of the party on which this dish was served (within the inn's repeat period). */
  servedBefore: z.array(z.object({ stayId: z.string(), date: z.string(), meal: z.enum(MEALS) })),
  /** Earlier servings left uneaten or disliked. */
  reactions: z.array(z.object({ date: z.string(), reaction: z.enum(REACTIONS) })),
  /** Catalogue dishes of the same category free of the party's allergens and not served before. */
  alternatives: z.array(z.object({ dishId: z.string(), name: z.string() })),
});
export type DishWarning = z.infer<typeof dishWarningSchema>;

export const menuPlanSchema = z.object({
  id: z.string(),
  stayId: z.string(),
  date: z.string(),
  meal: z.enum(MEALS),
  courseId: z.string().nullable(),
  courseName: z.string(),
  dishIds: z.array(z.string()),
  status: z.enum(MENU_STATUSES),
  /** One entry per planned dish, in course order; dishes with no flag have empty lists. */
  dishes: z.array(dishWarningSchema),
  /** Free allergens (アルコール, 生もの…) no dish records: the kitchen must check them by hand. */
  uncheckedAllergies: z.array(z.object({ guestName: z.string(), name: z.string(), severity: z.enum(SEVERITIES) })),
});
export type MenuPlan = z.infer<typeof menuPlanSchema>;
/** A menu as the stay page changes it (swap a dish, cancel), with its version; arrivals' menus carry none. */
export const editableMenuPlanSchema = menuPlanSchema.extend({ version: recordVersion });
export type EditableMenuPlan = z.infer<typeof editableMenuPlanSchema>;

const mealShape = { stayId: id, date: calendarDate(), meal: z.enum(MEALS, { error: 'invalid_choice' }) };

export const kitchenCalls = {
  'dishes.list': call({
    summary: 'The dish catalogue, by category, each dish with its allergens.',
    writes: false,
    input: z.object({ includeDeleted: z.boolean().optional() }).strict(),
    output: z.object({ dishes: z.array(editableDishSchema) }),
  }),
  'dishes.create': call({
    summary: 'Add a dish with its allergens (from the catalogue).',
    writes: true,
    input: z
      .object({ fields: z.object(dishFieldShape).partial({ reading: true, note: true, allergenIds: true }).strict() })
      .strict(),
    output: editableDishSchema,
  }),
  'dishes.update': call({
    summary: 'Change a dish: name, category, allergens.',
    writes: true,
    input: z.object({ id, patch: z.object(dishFieldShape).partial().strict(), version: basedOnVersion }).strict(),
    output: editableDishSchema,
  }),
  'dishes.delete': call({
    summary: 'Withdraw a dish (a tombstone; what was served keeps its name).',
    writes: true,
    input: z.object({ id }).strict(),
    output: editableDishSchema,
  }),
  'dishes.restore': call({
    summary: 'Bring a withdrawn dish back.',
    writes: true,
    input: z.object({ id }).strict(),
    output: editableDishSchema,
  }),
  'courses.list': call({
    summary:
      'Courses with their dishes, by name with their seasons in the order of the year. With forDate (a meal being planned): that date’s season first, then courses of no season, then the seasons to come; dearest first within each (特選, 松, 竹, 梅).',
    writes: false,
    input: z.object({ includeDeleted: z.boolean().optional(), forDate: calendarDate().optional() }).strict(),
    output: z.object({ courses: z.array(courseSchema) }),
  }),
  'courses.create': call({
    summary: 'Compose a course from catalogue dishes (none of them withdrawn).',
    writes: true,
    input: z.object({ fields: z.object(courseFieldShape).partial({ priceYen: true, note: true }).strict() }).strict(),
    output: courseSchema,
  }),
  'courses.update': call({
    summary: 'Change a course: name, price, dishes.',
    writes: true,
    input: z.object({ id, patch: z.object(courseFieldShape).partial().strict(), version: basedOnVersion }).strict(),
    output: courseSchema,
  }),
  'courses.delete': call({
    summary: 'Withdraw a course (a tombstone).',
    writes: true,
    input: z.object({ id }).strict(),
    output: courseSchema,
  }),
  'served.record': call({
    summary: 'Record what was served on a stay at one meal.',
    writes: true,
    input: z
      .object({
        ...mealShape,
        dishIds: idList(40).refine((ids) => ids.length > 0, { error: 'required' }),
        courseId: id.nullable().optional(),
      })
      .strict(),
    output: z.object({ served: z.array(servedSchema) }),
  }),
  'served.react': call({
    summary: "Record the guest's reaction to a served dish (praised, left uneaten, disliked) or clear it.",
    writes: true,
    input: z
      .object({ id, reaction: z.enum(REACTIONS, { error: 'invalid_choice' }).nullable(), note: text(300).optional() })
      .strict(),
    output: servedSchema,
  }),
  'served.retract': call({
    summary: 'Mark a served record as entered in error (a flag; the record stays).',
    writes: true,
    input: z.object({ id }).strict(),
    output: servedSchema,
  }),
  'served.forStay': call({
    summary: 'What was served on a stay, by date and meal.',
    writes: false,
    input: z.object({ stayId: id }).strict(),
    output: z.object({ served: z.array(servedSchema) }),
  }),
  'menus.check': call({
    summary:
      'Check a course (or a list of dishes) against a stay without saving: allergens of anyone in the party, dishes served before, dislikes, alternatives.',
    writes: false,
    input: z
      .object({ stayId: id, courseId: id.nullable().optional(), dishIds: idList(40).optional() })
      .strict()
      .refine((value) => Boolean(value.courseId) || (value.dishIds?.length ?? 0) > 0, {
        error: 'required',
        path: ['courseId'],
      }),
    output: menuPlanSchema.omit({ id: true, status: true, date: true, meal: true }),
  }),
  'menus.plan': call({
    summary: 'Plan a course (optionally with dishes swapped) for a meal of an upcoming stay; returns its warnings.',
    writes: true,
    input: z.object({ ...mealShape, courseId: id.nullable(), dishIds: idList(40).optional() }).strict(),
    output: editableMenuPlanSchema,
  }),
  'menus.update': call({
    summary: 'Swap dishes of a planned menu or cancel it.',
    writes: true,
    input: z
      .object({
        id,
        dishIds: idList(40).optional(),
        status: z.enum(['planned', 'cancelled']).optional(),
        version: basedOnVersion,
      })
      .strict(),
    output: editableMenuPlanSchema,
  }),
  'menus.serve': call({
    summary: 'The planned menu was served: records each dish as served for the stay and meal.',
    writes: true,
    input: z.object({ id }).strict(),
    output: editableMenuPlanSchema,
  }),
  'menus.forStay': call({
    summary: 'Planned menus of a stay with their current warnings.',
    writes: false,
    input: z.object({ stayId: id }).strict(),
    output: z.object({ menus: z.array(editableMenuPlanSchema) }),
  }),
};
