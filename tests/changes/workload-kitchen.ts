import { sqlIdText } from '../../db/stored-form.ts';
import { SEVERITIES } from '../../shared/contract/allergies.ts';
import { DISH_CATEGORIES, MEALS, REACTIONS } from '../../shared/contract/kitchen.ts';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from '../../shared/contract/requests.ts';
import { NOTES } from './workload-data.ts';
import { allergen, guest, ids, type Maker, one, stay } from './workload-draw.ts';

// The floor's and the kitchen's write calls for the workload (workload.ts): allergens, allergies, requests,
// dishes, courses, what was served and menus.

/** served keeps its ids packed (db/stored-form.ts): read as text, as the calls take them. */
const servedId = sqlIdText('id');

export const KITCHEN_MAKERS: Record<string, Maker> = {
  'allergens.create': (w) => ({ fields: { nameJa: `食材${w.r.int(1, 50)}`, nameEn: '', legalClass: 'other' } }),
  'allergens.update': (w) => {
    const id = one(w, 'SELECT id FROM allergens');
    return id ? { id, patch: { nameEn: `Food ${w.r.int(1, 50)}` } } : null;
  },
  'allergens.delete': (w) => {
    const id = one(w, "SELECT id FROM allergens WHERE deleted_at IS NULL AND legal_class = 'other'");
    return id ? { id } : null;
  },
  'allergens.restore': (w) => {
    const id = one(w, 'SELECT id FROM allergens WHERE deleted_at IS NOT NULL');
    return id ? { id } : null;
  },
  'allergies.record': (w) => {
    const id = guest(w);
    if (!id) return null;
    const free = w.r.chance(0.15);
    return {
      guestId: id,
      ...(free ? { freeAllergen: w.r.pick(['アルコール', '生もの']) } : { allergenId: allergen(w) }),
      severity: w.r.pick(SEVERITIES),
      tracesOk: w.r.chance(0.3),
    };
  },
  'allergies.correct': (w) => {
    const row = w.db
      .prepare(
        'SELECT id, allergen_id, free_allergen FROM allergies WHERE superseded_by IS NULL AND retracted_at IS NULL',
      )
      .all() as Array<{ id: string; allergen_id: string | null; free_allergen: string }>;
    if (!row.length) return null;
    const current = w.r.pick(row);
    const what = current.allergen_id ? { allergenId: current.allergen_id } : { freeAllergen: current.free_allergen };
    return { id: current.id, ...what, severity: w.r.pick(SEVERITIES), tracesOk: w.r.chance(0.5) };
  },
  'allergies.retract': (w) => {
    const id = one(w, 'SELECT id FROM allergies WHERE superseded_by IS NULL AND retracted_at IS NULL');
    return id ? { id, reason: '誤入力' } : null;
  },
  'allergies.restore': (w) => {
    const id = one(w, 'SELECT id FROM allergies WHERE retracted_at IS NOT NULL');
    return id ? { id } : null;
  },
  'allergies.confirm': (w) => {
    const id = one(w, 'SELECT id FROM allergies WHERE superseded_by IS NULL AND retracted_at IS NULL');
    return id ? { id } : null;
  },
  'requests.record': (w) => {
    const row = w.db.prepare('SELECT id, guest_id FROM stays WHERE deleted_at IS NULL').all() as Array<{
      id: string;
      guest_id: string;
    }>;
    const standing = w.r.chance(0.3) || row.length === 0;
    const target = row.length ? w.r.pick(row) : null;
    const guestId = target?.guest_id ?? guest(w);
    if (!guestId) return null;
    return {
      guestId,
      ...(standing ? { standing: true } : { stayId: target?.id }),
      category: w.r.pick(REQUEST_CATEGORIES),
      text: '枕を追加',
    };
  },
  'requests.setStatus': (w) => {
    const id = one(w, 'SELECT id FROM requests');
    return id ? { id, status: w.r.pick(REQUEST_STATUSES) } : null;
  },
  'dishes.create': (w) => ({
    fields: {
      name: `料理${w.r.int(1, 40)}`,
      category: w.r.pick(DISH_CATEGORIES),
      allergenIds: w.r.chance(0.5) ? [allergen(w)] : [],
    },
  }),
  'dishes.update': (w) => {
    const id = one(w, 'SELECT id FROM dishes');
    return id
      ? { id, patch: w.r.pick([{ note: w.r.pick(NOTES) }, { allergenIds: w.r.chance(0.5) ? [allergen(w)] : [] }]) }
      : null;
  },
  'dishes.delete': (w) => {
    const id = one(w, 'SELECT id FROM dishes WHERE deleted_at IS NULL');
    return id && w.r.chance(0.3) ? { id } : null;
  },
  'dishes.restore': (w) => {
    const id = one(w, 'SELECT id FROM dishes WHERE deleted_at IS NOT NULL');
    return id ? { id } : null;
  },
  'courses.create': (w) => {
    const dishes = ids(w.db, 'SELECT id FROM dishes WHERE deleted_at IS NULL');
    if (!dishes.length) return null;
    return {
      fields: {
        name: `${w.r.pick(['松', '竹', '梅'])}コース`,
        dishIds: [w.r.pick(dishes), w.r.pick(dishes)].filter((d, i, a) => a.indexOf(d) === i),
      },
    };
  },
  'courses.update': (w) => {
    const id = one(w, 'SELECT id FROM courses');
    const dishes = ids(w.db, 'SELECT id FROM dishes WHERE deleted_at IS NULL');
    return id && dishes.length
      ? { id, patch: w.r.pick([{ priceYen: w.r.int(1, 20) * 1000 }, { dishIds: [w.r.pick(dishes)] }]) }
      : null;
  },
  'courses.delete': (w) => {
    const id = one(w, 'SELECT id FROM courses WHERE deleted_at IS NULL');
    return id && w.r.chance(0.3) ? { id } : null;
  },
  'served.record': (w) => {
    const id = stay(w);
    const dishes = ids(w.db, 'SELECT id FROM dishes WHERE deleted_at IS NULL');
    if (!id || !dishes.length) return null;
    const row = w.db.prepare('SELECT arrival_date FROM stays WHERE id = ?').pluck().get(id) as string;
    return { stayId: id, date: row, meal: w.r.pick(MEALS), dishIds: [w.r.pick(dishes)] };
  },
  'served.react': (w) => {
    const id = one(w, `SELECT ${servedId} FROM served`);
    return id ? { id, reaction: w.r.chance(0.3) ? null : w.r.pick(REACTIONS) } : null;
  },
  'served.retract': (w) => {
    const id = one(w, `SELECT ${servedId} FROM served WHERE retracted_at IS NULL`);
    return id ? { id } : null;
  },
  'menus.plan': (w) => {
    const id = one(w, 'SELECT id FROM stays WHERE deleted_at IS NULL AND arrival_date >= ?', w.today);
    const course = one(w, 'SELECT id FROM courses WHERE deleted_at IS NULL');
    if (!id || !course) return null;
    const row = w.db.prepare('SELECT arrival_date FROM stays WHERE id = ?').pluck().get(id) as string;
    return { stayId: id, date: row, meal: w.r.pick(MEALS), courseId: course };
  },
  'menus.update': (w) => {
    const id = one(w, "SELECT id FROM menu_plans WHERE status = 'planned'");
    const dishes = ids(w.db, 'SELECT id FROM dishes WHERE deleted_at IS NULL');
    return id && dishes.length
      ? { id, ...(w.r.chance(0.2) ? { status: 'cancelled' } : { dishIds: [w.r.pick(dishes)] }) }
      : null;
  },
  'menus.serve': (w) => {
    const id = one(w, "SELECT id FROM menu_plans WHERE status = 'planned'");
    return id ? { id } : null;
  },
};
