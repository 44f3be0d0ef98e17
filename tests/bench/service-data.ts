import type { Database, Statement } from 'better-sqlite3';
import { SEEDED_ALLERGENS, seededAllergenId } from '../../db/migrations/0002-service.ts';
import type { WritePath } from '../../electron/core/changes/write.ts';
import { seededRandom } from '../../electron/core/demo/generate.ts';
import {
  ALLERGY_NOTES,
  CHANNELS,
  COURSE_TIERS,
  DINNER_ORDER,
  DISH_BASES,
  FREE_ALLERGENS,
  PLANS,
  PURPOSES,
  REPORTED_ALLERGENS,
  REQUEST_TEXTS,
  ROOMS,
  SEASONS,
  SERVICE_STAFF,
  SEVERITY_WEIGHTS,
  STANDING_TEXTS,
} from '../../electron/core/demo/service-catalogue.ts';

// The service layer of the benchmark database, laid over the guests layer: per guest 5 stays, 20 served
// rows, allergies for ~5% of guests, a request per ~3 stays, party links on ~30% of stays, and one
// "bench arrival day" with exactly 100 arriving stays (one per room) whose parties have allergies,
// requests and planned menus. Deterministic for the seed (ids included).
//
// The catalogue (staff, dishes, courses: a few hundred rows) goes through the write path like any edit.
// The bulk tables are written with raw prepared INSERTs in large transactions, with NO change-log entries:
// the guests layer already holds tens of millions of log entries, so the log's size and the cost of
// appending to it are represented; 30M more entries would only lengthen the build.

/** The history spans ten years before the generator's "now"; the bench day comes after it, alone. */
const HISTORY_START = Date.UTC(2016, 0, 1);
const HISTORY_DAYS = 3652;
export const BENCH_DAY = '2026-01-20';
const DAY_MS = 86_400_000;
/** Stays per transaction (with their party, requests and served rows). */
const BATCH = 50_000;

const SERVICE_TABLES = ['stays', 'stay_party', 'allergies', 'requests', 'served', 'menu_plans'];

export type ServiceCounts = Record<string, number>;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/**
 * UUIDv7-shaped ids from the seeded PRNG: deterministic, and strictly ascending in the order they are
 * made (the time part moves on by a millisecond when asked for a time not after the last one), so the
 * primary-key B-trees are appended to, as when real records arrive over time.
 */
function idMaker(random: () => number) {
  let last = 0;
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return (ms: number) => {
    last = Math.max(ms, last + 1);
    const time = hex(last, 12);
    const tail = hex(Math.floor(random() * 2 ** 30), 8) + hex(Math.floor(random() * 2 ** 28), 7);
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(Math.floor(random() * 4096), 3)}-${'89ab'[Math.floor(random() * 4)]}${tail.slice(0, 3)}-${tail.slice(3)}`;
  };
}

function weighted<T>(random: () => number, items: ReadonlyArray<T>, weightOf: (item: T) => number): () => T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  return () => {
    let roll = random() * total;
    for (const item of items) {
      roll -= weightOf(item);
      if (roll <= 0) return item;
    }
    return items[items.length - 1] as T;
  };
}

/** Writes the service layer into `db` (migrated to the latest schema, guests layer present). */
export function loadServiceData(
  db: Database,
  writes: WritePath,
  size: number,
  log: (line: string) => void,
): ServiceCounts {
  const random = seededRandom(20_260_120);
  const newId = idMaker(random);
  const pick = <T>(items: ReadonlyArray<T>): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const counts: ServiceCounts = {};
  const count = (table: string, n = 1) => {
    counts[table] = (counts[table] ?? 0) + n;
  };

  // The guests layer: ids by rowid (1..size in generation order), and companions both ways.
  const guestIds: string[] = [''];
  for (const row of db.prepare('SELECT id FROM guests ORDER BY rowid').raw().iterate()) {
    guestIds.push((row as [string])[0]);
  }
  const companions = new Map<number, string[]>();
  const addCompanion = (rowid: number, id: string) => companions.set(rowid, [...(companions.get(rowid) ?? []), id]);
  const links = db.prepare(
    `SELECT a.rowid, b.rowid, l.relationship FROM guest_links l
       JOIN guests a ON a.id = l.guest_id JOIN guests b ON b.id = l.companion_id`,
  );
  for (const [a, b] of links.raw().iterate() as Iterable<[number, number, string]>) {
    addCompanion(a, guestIds[b] as string);
    addCompanion(b, guestIds[a] as string);
  }

  // The catalogue, through the write path (logged, as staff would enter it).
  const stamp = new Date(HISTORY_START).toISOString();
  const staffIds = (db.prepare('SELECT id FROM staff').pluck().all() as string[]).slice();
  const allergenIds = new Map(SEEDED_ALLERGENS.map(([code], index) => [code, seededAllergenId(index + 1)]));
  const dishes: Array<{ id: string; name: string; category: string; season: number }> = [];
  const courses: Array<{ id: string; season: number; tier: number; dishIds: string[] }> = [];
  writes.transact(staffIds[0] ?? null, (session) => {
    for (const [name, reading] of SERVICE_STAFF) {
      const id = newId(HISTORY_START);
      session.writeRow('staff', id, { name, reading, active: true, created_at: stamp, updated_at: stamp });
      staffIds.push(id);
    }
    SEASONS.forEach((season, seasonIndex) => {
      for (const [base, category, allergens] of DISH_BASES) {
        const id = newId(HISTORY_START);
        const name = `${base}（${season}）`;
        const ids = allergens.map((code) => allergenIds.get(code) as string);
        session.writeRow('dishes', id, { name, category, allergen_ids: ids, created_at: stamp, updated_at: stamp });
        dishes.push({ id, name, category, season: seasonIndex });
      }
    });
    SEASONS.forEach((season, seasonIndex) => {
      COURSE_TIERS.forEach(([tierName, price], tier) => {
        const ofSeason = (category: string) =>
          dishes.filter((d) => d.season === seasonIndex && d.category === category);
        const dishIds = DINNER_ORDER.map((category) => {
          const choices = ofSeason(category === 'fried' && tier % 2 === 1 ? 'steamed' : category);
          return (choices[(tier * 3 + seasonIndex) % choices.length] as { id: string }).id;
        });
        const id = newId(HISTORY_START);
        session.writeRow('courses', id, {
          name: `${season}の会席 ${tierName}`,
          price_yen: price,
          dish_ids: dishIds,
          created_at: stamp,
          updated_at: stamp,
        });
        courses.push({ id, season: seasonIndex, tier, dishIds });
      });
    });
  });
  counts.staff = staffIds.length;
  counts.dishes = dishes.length;
  counts.courses = courses.length;
  const breakfasts = SEASONS.map((_, season) =>
    dishes.filter((d) => d.season === season && d.category === 'breakfast'),
  );
  const courseFor = (season: number, tier: number) =>
    courses.find((c) => c.season === season && c.tier === tier) as (typeof courses)[number];
  const seasonOf = (ms: number) => Math.floor(((new Date(ms).getUTCMonth() + 10) % 12) / 3); // Mar–May spring

  // Bulk tables: secondary indexes dropped for the load and rebuilt once at the end (sorted, not random inserts).
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN (${SERVICE_TABLES.map(() => '?').join(', ')})`,
    )
    .all(...SERVICE_TABLES) as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);

  const insert = (table: string, columns: string[]): Statement =>
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const insertStay = insert('stays', [
    'id',
    'guest_id',
    'arrival_date',
    'departure_date',
    'rooms',
    'adults',
    'children',
    'plan',
    'purpose',
    'channel',
    'reservation_no',
    'amount_yen',
    'staff_id',
    'status',
    'note',
    'created_at',
    'updated_at',
  ]);
  const insertParty = insert('stay_party', ['id', 'stay_id', 'guest_id', 'created_at', 'updated_at']);
  const insertRequest = insert('requests', [
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
  const insertServed = insert('served', [
    'id',
    'stay_id',
    'date',
    'meal',
    'dish_id',
    'course_id',
    'reaction',
    'retracted_at',
    'created_at',
    'updated_at',
  ]);
  const insertAllergy = insert('allergies', [
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
  const insertPlan = insert('menu_plans', [
    'id',
    'stay_id',
    'date',
    'meal',
    'course_id',
    'dish_ids',
    'status',
    'created_at',
    'updated_at',
  ]);

  const requestKind = weighted(random, REQUEST_TEXTS, ([, weight]) => weight);
  const staff = () => pick(staffIds);

  /** Who stays: 40% of stays by regulars (every 10th guest), the rest by anyone but the third of guests who never stayed. */
  const leadRowid = () => {
    if (chance(0.4)) return 1 + 10 * Math.floor(random() * Math.floor(size / 10));
    for (;;) {
      const rowid = 1 + Math.floor(random() * size);
      if (rowid % 3 !== 0) return rowid;
    }
  };
  const partyOf = (lead: number): string[] => {
    const members: string[] = [];
    const linked = companions.get(lead);
    if (linked && chance(0.7)) members.push(pick(linked));
    if (members.length === 0 || chance(0.3)) members.push(guestIds[1 + Math.floor(random() * size)] as string);
    return members.filter((id, i, all) => id !== guestIds[lead] && all.indexOf(id) === i);
  };

  type StayPlan = {
    id: string;
    lead: number;
    arrival: number;
    nights: number;
    status: string;
    rooms: string[];
    party: string[];
    purpose: string | null;
    tier: number;
  };
  const writeStay = (stay: StayPlan) => {
    const { id, arrival, nights, party } = stay;
    const created = arrival - (1 + Math.floor(random() * 60)) * DAY_MS;
    const children = stay.tier === 4 ? 1 + Math.floor(random() * 2) : chance(0.08) ? 1 : 0;
    const adults = 1 + party.length + (chance(0.2) ? 1 : 0);
    const amount = Math.round(((COURSE_TIERS[stay.tier]?.[1] ?? 18_000) * 1.6 * nights * adults) / 1000) * 1000;
    const createdAt = new Date(created + Math.floor(random() * DAY_MS)).toISOString();
    const updatedAt =
      stay.status === 'booked' ? createdAt : new Date(arrival + nights * DAY_MS + 11 * 3_600_000).toISOString();
    insertStay.run(
      id,
      guestIds[stay.lead],
      isoDay(arrival),
      isoDay(arrival + nights * DAY_MS),
      JSON.stringify(stay.rooms),
      adults,
      children,
      pick(PLANS),
      stay.purpose,
      chance(0.1) ? null : pick(CHANNELS),
      `R${isoDay(created).replaceAll('-', '')}-${String(Math.floor(random() * 100_000)).padStart(5, '0')}`,
      amount,
      staff(),
      stay.status,
      chance(0.05) ? '到着が遅くなる場合あり' : '',
      createdAt,
      updatedAt,
    );
    count('stays');
    for (const member of party) {
      insertParty.run(newId(arrival), id, member, createdAt, createdAt);
      count('stay_party');
    }
    return createdAt;
  };

  const writeRequest = (guestId: string, stayId: string | null, standing: boolean, at: number, open: boolean) => {
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
  /** One allergy statement of a guest; sometimes a superseded earlier version or a retraction with it. */
  const writeAllergy = (guestId: string, options: { severity?: string; recent?: boolean } = {}) => {
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

  // 1. Stays in arrival order over ten years, each with its party, requests and (latest ones) served rows.
  const stays = 5 * size;
  const servedFrom = stays - Math.round((2 * size) / 0.96); // ~96% of stays are visits with served rows
  const started = performance.now();
  for (let first = 0; first < stays; first += BATCH) {
    db.transaction(() => {
      for (let i = first; i < Math.min(stays, first + BATCH); i++) {
        const arrival = HISTORY_START + Math.floor((i * HISTORY_DAYS) / stays) * DAY_MS;
        const lead = leadRowid();
        const roll = random();
        const status = roll < 0.03 ? 'cancelled' : roll < 0.04 ? 'no_show' : 'departed';
        const tier = Math.floor(random() * COURSE_TIERS.length);
        const purpose = chance(0.3) ? null : pick(PURPOSES);
        const nights = chance(0.8) ? 1 : 2 + Math.floor(random() * 2);
        const rooms = chance(0.05) ? [pick(ROOMS), pick(ROOMS)] : [pick(ROOMS)];
        const party = chance(0.3) ? partyOf(lead) : [];
        const id = newId(arrival);
        writeStay({ id, lead, arrival, nights, status, rooms, party, purpose, tier });
        if (chance(1 / 3)) writeRequest(guestIds[lead] as string, id, false, arrival - 5 * DAY_MS, false);
        if (i >= servedFrom && status === 'departed') {
          const season = seasonOf(arrival);
          const course = courseFor(season, tier);
          const day = isoDay(arrival);
          const morning = isoDay(arrival + DAY_MS);
          const at = new Date(arrival + 22 * 3_600_000).toISOString();
          const breakfast = breakfasts[season] ?? [];
          const served: Array<[string, string, string, string | null]> = [
            ...course.dishIds.map((dishId) => [day, 'dinner', dishId, course.id] as [string, string, string, string]),
            [morning, 'breakfast', pick(breakfast).id, null],
            [morning, 'breakfast', pick(breakfast).id, null],
          ];
          for (const [date, meal, dishId, courseId] of served) {
            const r = random();
            const reaction = r < 0.03 ? 'left' : r < 0.04 ? 'disliked' : r < 0.06 ? 'praised' : null;
            const retracted = r > 0.998 ? at : null;
            insertServed.run(newId(arrival), id, date, meal, dishId, courseId, reaction, retracted, at, at);
          }
          count('served', served.length);
        }
      }
    })();
    const done = Math.min(stays, first + BATCH);
    if (done % (stays / 10) < BATCH) {
      log(`  ${done.toLocaleString('en')} stays written (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  }

  // 2. Allergies for ~5% of guests, standing requests for ~2%.
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

  // 3. The bench arrival day: 100 stays, one per room, by regulars (so there is history to warn about).
  db.transaction(() => {
    const arrival = dayMs(BENCH_DAY);
    const leads = new Set<number>();
    while (leads.size < ROOMS.length) leads.add(1 + 10 * Math.floor(random() * Math.floor(size / 10)));
    [...leads].forEach((lead, index) => {
      const room = ROOMS[index] as string;
      const tier = index % 10 === 9 ? 4 : Math.floor(random() * 4);
      const party = chance(0.6) ? partyOf(lead) : [];
      const purpose = index % 7 === 0 ? 'anniversary' : index % 11 === 0 ? 'birthday' : pick(PURPOSES);
      const nights = chance(0.7) ? 1 : 2;
      const id = newId(arrival);
      writeStay({ id, lead, arrival, nights, status: 'booked', rooms: [room], party, purpose, tier });
      // A third of the parties bring allergies (a few anaphylaxis), recent enough or due for re-confirmation.
      if (index % 3 === 0) {
        const who = [guestIds[lead] as string, ...party];
        writeAllergy(pick(who), { severity: index % 12 === 0 ? 'anaphylaxis' : undefined, recent: chance(0.5) });
        if (chance(0.4)) writeAllergy(pick(who));
      }
      const requests = Math.floor(random() * 3);
      for (let k = 0; k < requests; k++) writeRequest(guestIds[lead] as string, id, false, arrival - 3 * DAY_MS, true);
      const course = courseFor(seasonOf(arrival), tier);
      const planned = new Date(arrival - 2 * DAY_MS).toISOString();
      insertPlan.run(
        newId(arrival),
        id,
        BENCH_DAY,
        'dinner',
        course.id,
        JSON.stringify(course.dishIds),
        'planned',
        planned,
        planned,
      );
      const breakfast = (breakfasts[seasonOf(arrival)] ?? []).slice(0, 2).map((d) => d.id);
      insertPlan.run(
        newId(arrival),
        id,
        isoDay(arrival + DAY_MS),
        'breakfast',
        null,
        JSON.stringify(breakfast),
        'planned',
        planned,
        planned,
      );
      count('menu_plans', 2);
    });
  })();

  const indexStarted = performance.now();
  for (const { sql } of indexes) db.exec(sql);
  for (const table of SERVICE_TABLES) db.exec(`ANALYZE ${table}`);
  log(`  service indexes built in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  return counts;
}
