import type { Database } from 'better-sqlite3';
import { SEEDED_ALLERGENS, seededAllergenId } from '../../db/migrations/0002-service.ts';
import { SEVERITIES } from '../../shared/contract/allergies.ts';
import { BANQUET_TYPES, LOST_REASONS, STAGES } from '../../shared/contract/banquet-codes.ts';
import { DUPLICATE_DECISIONS, MERGE_FIELDS } from '../../shared/contract/duplicate-codes.ts';
import { RELATIONSHIPS } from '../../shared/contract/guests.ts';
import { DISH_CATEGORIES, MEALS, REACTIONS } from '../../shared/contract/kitchen.ts';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from '../../shared/contract/requests.ts';
import { ROLES } from '../../shared/contract/roles.ts';
import { STAY_STATUSES } from '../../shared/contract/stays.ts';
import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';

// Random write calls against a real core, with inputs drawn from what its database holds, the way staff
// would make them (and, often enough, ways the core refuses). Used by the replay and convergence tests: every
// write call of the contract is here, and `WRITE_CALLS` is checked against the contract.

import { FAMILY, GIVEN, ledgerCsv, NOTES, type Random, READING } from './workload-data.ts';

export { type Random, random } from './workload-data.ts';

type Input = Record<string, unknown>;
type Maker = (w: WorkloadState) => Input | null;
type WorkloadState = { db: Database; r: Random; today: string; demoChance: number };

function ids(db: Database, sql: string, ...params: unknown[]): string[] {
  return db
    .prepare(sql)
    .pluck()
    .all(...params) as string[];
}

function one(w: WorkloadState, sql: string, ...params: unknown[]): string | null {
  const found = ids(w.db, sql, ...params);
  return found.length ? w.r.pick(found) : null;
}

const guest = (w: WorkloadState) => one(w, 'SELECT id FROM guests WHERE deleted_at IS NULL');
const stay = (w: WorkloadState) => one(w, 'SELECT id FROM stays WHERE deleted_at IS NULL');
const allergen = (w: WorkloadState) =>
  w.r.chance(0.8) ? seededAllergenId(w.r.int(1, SEEDED_ALLERGENS.length)) : one(w, 'SELECT id FROM allergens');
const day = (w: WorkloadState, from: number, to: number) => addDays(w.today, w.r.int(from, to));
const time = (w: WorkloadState, hour: number) => `${String(hour).padStart(2, '0')}:${w.r.pick(['00', '30'])}`;
const roles = (w: WorkloadState) => {
  const picked = ROLES.filter(() => w.r.chance(0.3));
  return picked.length > 0 ? picked : [w.r.pick(ROLES)];
};
const phones = (w: WorkloadState) =>
  Array.from({ length: w.r.int(0, 2) }, () => ({
    number: `090-${w.r.int(1000, 1009)}-${w.r.int(1000, 1003)}`,
    label: w.r.pick(['mobile', 'home', 'work', 'other']),
  }));

const MAKERS: Record<string, Maker> = {
  'demo.load': (w) => (w.r.chance(w.demoChance) ? { count: w.r.int(1, 3), seed: w.r.int(1, 1000) } : null),
  'settings.update': (w) =>
    w.r.chance(0.5)
      ? { patch: { allergyReconfirmMonths: w.r.int(1, 24) } }
      : { patch: { repeatDishYears: w.r.int(1, 5) } },
  'staff.create': (w) => ({
    name: `${w.r.pick(FAMILY)} ${w.r.pick(GIVEN)}`,
    ...(w.r.chance(0.5) ? { roles: roles(w) } : {}),
  }),
  'staff.update': (w) => {
    // Never the person working here: deactivating them would stop every later write.
    const id = one(w, "SELECT id FROM staff WHERE id <> (SELECT value FROM meta WHERE key = 'current_staff_id')");
    if (!id) return null;
    const change = w.r.pick([{ name: `${w.r.pick(FAMILY)}さん` }, { active: w.r.chance(0.5) }, { roles: roles(w) }]);
    return { id, ...change };
  },
  // Another member's PIN, set or cleared by the owner working here (its hash is synced; the PIN never is).
  'staff.setPin': (w) => {
    const id = one(w, "SELECT id FROM staff WHERE id <> (SELECT value FROM meta WHERE key = 'current_staff_id')");
    return id ? { id, pin: w.r.chance(0.7) ? String(w.r.int(1000, 99999999)) : null } : null;
  },
  'guests.create': (w) => {
    const i = w.r.int(0, FAMILY.length - 1);
    return {
      fields: {
        familyName: FAMILY[i],
        givenName: w.r.pick(GIVEN),
        familyReading: READING[i],
        phones: phones(w),
        note: w.r.pick(NOTES),
      },
    };
  },
  'guests.update': (w) => {
    const id = guest(w);
    if (!id) return null;
    const patch = w.r.pick([
      { note: w.r.pick(NOTES) },
      { phones: phones(w) },
      { givenName: w.r.pick(GIVEN) },
      { email: w.r.chance(0.5) ? '' : `g${w.r.int(1, 9)}@example.jp` },
      { marketingConsent: w.r.chance(0.5) },
      { birthday: w.r.chance(0.5) ? '' : `19${w.r.int(50, 99)}-0${w.r.int(1, 9)}-1${w.r.int(0, 9)}` },
    ]);
    return { id, patch };
  },
  'guests.delete': (w) => (w.r.chance(0.3) ? (guest(w) ? { id: guest(w) } : null) : null),
  'guests.restore': (w) => {
    const id = one(w, 'SELECT id FROM guests WHERE deleted_at IS NOT NULL');
    return id ? { id } : null;
  },
  'guests.linkCompanion': (w) => {
    const [a, b] = [guest(w), guest(w)];
    return a && b ? { guestId: a, companionId: b, relationship: w.r.pick(RELATIONSHIPS) } : null;
  },
  'guests.unlinkCompanion': (w) => {
    const row = w.db.prepare('SELECT id, guest_id FROM guest_links WHERE deleted_at IS NULL').all() as Array<{
      id: string;
      guest_id: string;
    }>;
    const link = row.length ? w.r.pick(row) : null;
    return link ? { guestId: link.guest_id, linkId: link.id } : null;
  },
  'stays.create': (w) => {
    const lead = guest(w);
    if (!lead) return null;
    const arrival = day(w, -20, 20);
    const companion = guest(w);
    return {
      fields: {
        guestId: lead,
        arrivalDate: arrival,
        departureDate: addDays(arrival, w.r.int(0, 3)),
        rooms: [String(w.r.int(101, 105))],
        partyIds: companion && companion !== lead && w.r.chance(0.5) ? [companion] : [],
        // Five rooms fill up: staff share one now and then, and the rest of the time a taken room is refused.
        sharedRoom: w.r.chance(0.5),
      },
    };
  },
  'stays.update': (w) => {
    const id = stay(w);
    if (!id) return null;
    const patch = w.r.pick([
      { rooms: [String(w.r.int(101, 105)), ...(w.r.chance(0.3) ? ['201'] : [])] },
      { rooms: [String(w.r.int(101, 105))], sharedRoom: true },
      { sharedRoom: w.r.chance(0.5) },
      { status: w.r.pick(STAY_STATUSES) },
      { note: w.r.pick(NOTES) },
      { departureDate: day(w, -10, 30) },
      { arrivalDate: day(w, -20, 20) },
      { partyIds: [guest(w)].filter(Boolean) },
    ]);
    return { id, patch };
  },
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
    const id = one(w, 'SELECT id FROM served');
    return id ? { id, reaction: w.r.chance(0.3) ? null : w.r.pick(REACTIONS) } : null;
  },
  'served.retract': (w) => {
    const id = one(w, 'SELECT id FROM served WHERE retracted_at IS NULL');
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
  'halls.create': (w) => ({
    fields: {
      name: `${w.r.pick(['松', '竹', '梅', '萩'])}の間${w.r.int(1, 9)}`,
      capacity: { seated: w.r.int(10, 80), standing: 0, theatre: 0 },
    },
  }),
  'halls.update': (w) => {
    const id = one(w, 'SELECT id FROM halls');
    const other = one(w, 'SELECT id FROM halls');
    if (!id) return null;
    return {
      id,
      fields: w.r.pick([
        { note: w.r.pick(NOTES) },
        { combinableWith: other && other !== id ? [other] : [] },
        { capacity: { seated: w.r.int(10, 80), standing: 0, theatre: 0 } },
      ]),
    };
  },
  'halls.delete': (w) => {
    const id = one(w, 'SELECT id FROM halls WHERE deleted_at IS NULL');
    return id && w.r.chance(0.6) ? { id } : null;
  },
  'halls.restore': (w) => {
    const id = one(w, 'SELECT id FROM halls WHERE deleted_at IS NOT NULL');
    return id ? { id } : null;
  },
  'banquets.create': (w) => {
    const organiser = guest(w);
    const hall = one(w, 'SELECT id FROM halls WHERE deleted_at IS NULL');
    if (!organiser) return null;
    const start = w.r.int(11, 19);
    return {
      fields: {
        organiserId: organiser,
        type: w.r.pick(BANQUET_TYPES),
        date: day(w, 1, 30),
        startTime: time(w, start),
        endTime: time(w, start + 2),
        headcount: w.r.int(2, 10),
        ...(hall ? { hallIds: [hall] } : {}),
      },
    };
  },
  'banquets.update': (w) => {
    const id = one(w, "SELECT id FROM banquets WHERE stage NOT IN ('held', 'lost', 'cancelled')");
    if (!id) return null;
    const hall = one(w, 'SELECT id FROM halls WHERE deleted_at IS NULL');
    const start = w.r.int(11, 19);
    return {
      id,
      fields: w.r.pick([
        { note: w.r.pick(NOTES) },
        { hallIds: hall ? [hall] : [] },
        { startTime: time(w, start), endTime: time(w, start + 2) },
        { date: day(w, 1, 30) },
        { headcount: w.r.int(2, 12) },
      ]),
    };
  },
  'banquets.advance': (w) => {
    const id = one(w, 'SELECT id FROM banquets');
    if (!id) return null;
    const stage = w.r.pick(STAGES);
    const row = w.db.prepare('SELECT date FROM banquets WHERE id = ?').pluck().get(id) as string;
    const extra =
      stage === 'provisional'
        ? { holdExpiresOn: w.today < row ? addDays(w.today, w.r.int(0, 3)) : row }
        : stage === 'lost'
          ? { lostReason: w.r.pick(LOST_REASONS), competitor: 'ホテルA', note: '価格' }
          : stage === 'cancelled'
            ? { note: '中止' }
            : {};
    return { id, stage, ...extra };
  },
  'conflicts.decide': (w) => {
    const row = w.db.prepare('SELECT id, kind, detail FROM conflicts').all() as Array<{
      id: string;
      kind: string;
      detail: string;
    }>;
    if (!row.length) return null;
    const conflict = w.r.pick(row);
    if (conflict.kind !== 'deal_final_stages') return { id: conflict.id, choice: 'kept' };
    const stages = (JSON.parse(conflict.detail) as { stages: Array<{ id: string }> }).stages;
    return { id: conflict.id, choice: w.r.pick(stages).id };
  },
  'followUps.setStatus': (w) => {
    const id = one(w, 'SELECT id FROM follow_ups');
    return id ? { id, status: w.r.pick(['open', 'done', 'cancelled']) } : null;
  },
  'duplicates.decide': (w) => {
    const [a, b] = [guest(w), guest(w)];
    return a && b && a !== b ? { guestA: a, guestB: b, decision: w.r.pick(DUPLICATE_DECISIONS) } : null;
  },
  'duplicates.merge': (w) => {
    const [kept, merged] = [guest(w), guest(w)];
    if (!kept || !merged || kept === merged) return null;
    const take = Object.fromEntries(
      MERGE_FIELDS.filter(() => w.r.chance(0.3)).map((field) => [field, w.r.pick(['kept', 'merged'])]),
    );
    return { keptId: kept, mergedId: merged, take };
  },
  // Erasure on a guest's request: rare, as at an inn; every PC must then blank the guest's row and log alike.
  'guests.erase': (w) => {
    if (!w.r.chance(0.1)) return null;
    const id = one(w, 'SELECT id FROM guests WHERE merged_into IS NULL AND id NOT IN (SELECT guest_id FROM erasures)');
    return id ? { id, reason: '本人の求め' } : null;
  },
  'ranks.updateRules': (w) => ({
    rules: w.r.pick([
      [],
      [
        { name: 'VIP', manual: true, minVisits: null, minSpendYen: null, years: 1, combine: 'and' },
        { name: 'ゴールド', manual: false, minVisits: 2, minSpendYen: 50_000, years: 3, combine: 'or' },
        { name: '常連', manual: false, minVisits: 1, minSpendYen: null, years: 1, combine: 'and' },
      ],
      [{ name: '常連', manual: false, minVisits: null, minSpendYen: 0, years: 2, combine: 'and' }],
    ]),
  }),
  // Refused (rank_not_manual) while the rules have no VIP: as staff would meet it.
  'ranks.setManual': (w) => {
    const id = guest(w);
    return id ? { guestId: id, rank: w.r.chance(0.7) ? 'VIP' : null } : null;
  },
  'duplicates.undoMerge': (w) => {
    const id = one(w, 'SELECT id FROM guest_merges WHERE undone_at IS NULL');
    return id ? { id } : null;
  },
};

export type Caller = (name: string, input: unknown) => Promise<{ ok: boolean; value?: unknown }>;

/** Write calls whose input needs a call first (an import needs its file uploaded). */
const PREPARED: Record<string, (w: WorkloadState, call: Caller) => Promise<Input | null>> = {
  'imports.run': async (w, call) => {
    const bytes = Buffer.from(ledgerCsv(w.r, w.today), 'utf8');
    const answer = await call('files.upload', {
      name: 'ledger.csv',
      size: bytes.length,
      offset: 0,
      chunk: bytes.toString('base64'),
    });
    return answer.ok ? { upload: (answer.value as { upload: string }).upload } : null;
  },
  // Sales for stays the register holds (as an accounting system exports them): date, name with 様, room, amount.
  'imports.salesRun': async (w, call) => {
    const stays = w.db
      .prepare(
        `SELECT s.arrival_date, s.rooms, g.family_name, g.given_name FROM stays s JOIN guests g ON g.id = s.guest_id
          WHERE s.deleted_at IS NULL AND s.status <> 'cancelled' ORDER BY s.id LIMIT 3`,
      )
      .all() as Array<{ arrival_date: string; rooms: string; family_name: string; given_name: string }>;
    if (stays.length === 0) return null;
    const lines = stays.map(
      (stay) =>
        `${stay.arrival_date},${stay.family_name} ${stay.given_name} 様,${(JSON.parse(stay.rooms) as string[])[0] ?? ''},${w.r.int(1, 90) * 1000}`,
    );
    const bytes = Buffer.from(['利用日,お名前,部屋,売上', ...lines].join('\r\n'), 'utf8');
    const answer = await call('files.upload', {
      name: 'sales.csv',
      size: bytes.length,
      offset: 0,
      chunk: bytes.toString('base64'),
    });
    return answer.ok ? { upload: (answer.value as { upload: string }).upload } : null;
  },
};
MAKERS['imports.undo'] = (w) => {
  const id = one(w, 'SELECT id FROM imports WHERE undone_at IS NULL');
  return id ? { import: id } : null;
};

export const WRITE_CALLS = [...Object.keys(MAKERS), ...Object.keys(PREPARED)];

/**
 * A valid input for a write call drawn from what the database holds, as randomWrite makes them, or null
 * (nothing to draw from yet, or a call that needs earlier calls to prepare it).
 */
export function writeInput(db: Database, r: Random, now: number, name: string): Input | null {
  const maker = MAKERS[name];
  if (!maker) return null;
  return maker({ db, r, today: localDate(now, DEFAULT_TIME_ZONE), demoChance: 1 });
}
/** Read calls that record in the access log, a synced table of its own (electron/core/access/): replayed too. */
const RECORDING: Record<string, Maker> = {
  'guests.get': (w) => {
    const id = guest(w);
    return id ? { id } : null;
  },
  'accessLog.sheetPrinted': (w) => {
    const stayId = w.r.chance(0.5) ? stay(w) : null;
    return {
      sheet: w.r.pick(['briefing', 'kitchen']),
      date: day(w, -3, 3),
      via: w.r.pick(['print', 'pdf']),
      ...(stayId ? { stayId } : {}),
    };
  },
};
export const RECORDING_CALLS = Object.keys(RECORDING);
const CREATES = [
  'guests.create',
  'stays.create',
  'allergies.record',
  'requests.record',
  'dishes.create',
  'courses.create',
  'halls.create',
  'banquets.create',
  'banquets.advance',
  'served.record',
  'menus.plan',
];

/**
 * Makes one random write call (or none when its inputs cannot be drawn yet). Returns the call's name and
 * whether it succeeded. `now` is the core's clock reading, for "today".
 */
export async function randomWrite(
  db: Database,
  call: Caller,
  r: Random,
  now: number,
  options: { demoChance?: number } = {},
) {
  // Sample data writes hundreds of rows at once: the simulation asks for it rarely, to stay fast.
  const w: WorkloadState = { db, r, today: localDate(now, DEFAULT_TIME_ZONE), demoChance: options.demoChance ?? 0.3 };
  // A third of the time something new, so that later calls find guests, stays, deals and dishes to work on.
  const name = r.chance(1 / 3) ? r.pick(CREATES) : r.pick([...WRITE_CALLS, ...RECORDING_CALLS]);
  const prepared = PREPARED[name];
  const input = prepared ? await prepared(w, call) : ((MAKERS[name] ?? RECORDING[name]) as Maker)(w);
  if (!input) return { name, ok: false };
  const result = await call(name, input);
  return { name, ok: result.ok };
}
