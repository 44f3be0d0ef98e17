import type { Migration } from './migration.ts';

// Stays and the service floor: stays and their party, the allergen catalogue, allergies, requests,
// dishes, courses, planned menus and what was served. Every table is synced (written through the
// change log). Safety records (allergies, requests, served) are never deleted: allergies are superseded
// or retracted, requests cancelled, servings retracted; the rest use deleted_at tombstones.

/** The labelling list in 2026 (特定原材料 8, 準ずるもの 20). Ids are fixed so every PC seeds the same rows. */
export const SEEDED_ALLERGENS: ReadonlyArray<[code: string, ja: string, en: string, legalClass: string]> = [
  ['shrimp', 'えび', 'Shrimp', 'mandatory'],
  ['crab', 'かに', 'Crab', 'mandatory'],
  ['walnut', 'くるみ', 'Walnut', 'mandatory'],
  ['wheat', '小麦', 'Wheat', 'mandatory'],
  ['buckwheat', 'そば', 'Buckwheat', 'mandatory'],
  ['egg', '卵', 'Egg', 'mandatory'],
  ['milk', '乳', 'Milk', 'mandatory'],
  ['peanut', '落花生', 'Peanut', 'mandatory'],
  ['almond', 'アーモンド', 'Almond', 'recommended'],
  ['abalone', 'あわび', 'Abalone', 'recommended'],
  ['squid', 'いか', 'Squid', 'recommended'],
  ['salmon_roe', 'いくら', 'Salmon roe', 'recommended'],
  ['orange', 'オレンジ', 'Orange', 'recommended'],
  ['cashew', 'カシューナッツ', 'Cashew nut', 'recommended'],
  ['kiwi', 'キウイフルーツ', 'Kiwi fruit', 'recommended'],
  ['beef', '牛肉', 'Beef', 'recommended'],
  ['sesame', 'ごま', 'Sesame', 'recommended'],
  ['salmon', 'さけ', 'Salmon', 'recommended'],
  ['mackerel', 'さば', 'Mackerel', 'recommended'],
  ['soybean', '大豆', 'Soybean', 'recommended'],
  ['chicken', '鶏肉', 'Chicken', 'recommended'],
  ['banana', 'バナナ', 'Banana', 'recommended'],
  ['pork', '豚肉', 'Pork', 'recommended'],
  ['macadamia', 'マカダミアナッツ', 'Macadamia nut', 'recommended'],
  ['peach', 'もも', 'Peach', 'recommended'],
  ['yam', 'やまいも', 'Yam', 'recommended'],
  ['apple', 'りんご', 'Apple', 'recommended'],
  ['gelatin', 'ゼラチン', 'Gelatin', 'recommended'],
];

/** The fixed id of the n-th seeded allergen (1-based): a valid UUIDv7, the same on every PC. */
export function seededAllergenId(n: number): string {
  return `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
}

const SEED_TIME = '2026-01-01T00:00:00.000Z';
const seedRows = SEEDED_ALLERGENS.map(
  ([code, ja, en, legalClass], index) =>
    `('${seededAllergenId(index + 1)}', '${code}', '${ja}', '${en}', '${legalClass}', ${(index + 1) * 10}, '${SEED_TIME}', '${SEED_TIME}')`,
).join(',\n      ');

export const service: Migration = {
  version: 2,
  name: 'service',
  sql: `
    -- Inn-wide settings; id is the setting's name, value its JSON.
    CREATE TABLE settings (
      id TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE stays (
      id TEXT PRIMARY KEY,
      guest_id TEXT NOT NULL REFERENCES guests(id),
      arrival_date TEXT NOT NULL,
      departure_date TEXT NOT NULL,
      rooms TEXT NOT NULL DEFAULT '[]',
      adults INTEGER NOT NULL DEFAULT 1,
      children INTEGER NOT NULL DEFAULT 0,
      plan TEXT NOT NULL DEFAULT '',
      purpose TEXT,
      channel TEXT,
      reservation_no TEXT NOT NULL DEFAULT '',
      amount_yen INTEGER NOT NULL DEFAULT 0,
      staff_id TEXT REFERENCES staff(id),
      status TEXT NOT NULL DEFAULT 'booked',
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;
    -- Covering for "every stay of these guests" (visit counts, earlier servings): no row lookups.
    CREATE INDEX stays_guest ON stays(guest_id, arrival_date, status, deleted_at, departure_date, id);
    CREATE INDEX stays_arrival ON stays(arrival_date);

    -- The other guests of a stay's party (companions); the lead is stays.guest_id.
    CREATE TABLE stay_party (
      id TEXT PRIMARY KEY,
      stay_id TEXT NOT NULL REFERENCES stays(id),
      guest_id TEXT NOT NULL REFERENCES guests(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;
    CREATE INDEX stay_party_stay ON stay_party(stay_id);
    CREATE INDEX stay_party_guest ON stay_party(guest_id, stay_id, deleted_at);

    -- The allergen catalogue: seeded data, editable (the legal list is revised every few years).
    CREATE TABLE allergens (
      id TEXT PRIMARY KEY,
      code TEXT NOT NULL,
      name_ja TEXT NOT NULL,
      name_en TEXT NOT NULL DEFAULT '',
      legal_class TEXT NOT NULL,
      sort_order INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;
    INSERT INTO allergens (id, code, name_ja, name_en, legal_class, sort_order, created_at, updated_at) VALUES
      ${seedRows};

    -- Append-only: a correction is a new row (supersedes → the old one, whose superseded_by is set);
    -- a retraction sets retracted_at. The content columns of a row never change after it is written.
    CREATE TABLE allergies (
      id TEXT PRIMARY KEY,
      guest_id TEXT NOT NULL REFERENCES guests(id),
      allergen_id TEXT REFERENCES allergens(id),
      free_allergen TEXT NOT NULL DEFAULT '',
      severity TEXT NOT NULL,
      traces_ok INTEGER NOT NULL DEFAULT 0,
      note TEXT NOT NULL DEFAULT '',
      confirmed_at TEXT NOT NULL,
      confirmed_by TEXT REFERENCES staff(id),
      recorded_by TEXT REFERENCES staff(id),
      supersedes TEXT REFERENCES allergies(id),
      superseded_by TEXT REFERENCES allergies(id),
      retracted_at TEXT,
      retracted_by TEXT REFERENCES staff(id),
      retract_reason TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX allergies_guest ON allergies(guest_id);

    -- Requests are never deleted: cancelled is a status.
    CREATE TABLE requests (
      id TEXT PRIMARY KEY,
      guest_id TEXT NOT NULL REFERENCES guests(id),
      stay_id TEXT REFERENCES stays(id),
      standing INTEGER NOT NULL DEFAULT 0,
      category TEXT NOT NULL,
      text TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open',
      taken_by TEXT REFERENCES staff(id),
      handled_at TEXT,
      handled_by TEXT REFERENCES staff(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX requests_guest ON requests(guest_id, created_at);
    CREATE INDEX requests_stay ON requests(stay_id) WHERE stay_id IS NOT NULL;

    CREATE TABLE dishes (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      reading TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL,
      allergen_ids TEXT NOT NULL DEFAULT '[]',
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;

    CREATE TABLE courses (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      price_yen INTEGER NOT NULL DEFAULT 0,
      note TEXT NOT NULL DEFAULT '',
      dish_ids TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;

    -- What was served on a stay at a meal; a mistaken entry is retracted, never deleted.
    CREATE TABLE served (
      id TEXT PRIMARY KEY,
      stay_id TEXT NOT NULL REFERENCES stays(id),
      date TEXT NOT NULL,
      meal TEXT NOT NULL,
      dish_id TEXT NOT NULL REFERENCES dishes(id),
      course_id TEXT REFERENCES courses(id),
      reaction TEXT,
      note TEXT NOT NULL DEFAULT '',
      retracted_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    -- Covering for a party's serving history (what, when, how it was received) across many stays.
    CREATE INDEX served_stay ON served(stay_id, date, meal, dish_id, reaction, retracted_at);
    -- Dishes a guest left or disliked count against a menu however long ago; this small index finds them on
    -- a regular's old stays without reading every dish ever served to them.
    CREATE INDEX served_rejected ON served(stay_id, date, meal, dish_id, reaction)
      WHERE retracted_at IS NULL AND reaction IN ('left', 'disliked');

    -- A course planned for a meal of a stay (dishes possibly swapped); served turns it into served rows.
    CREATE TABLE menu_plans (
      id TEXT PRIMARY KEY,
      stay_id TEXT NOT NULL REFERENCES stays(id),
      date TEXT NOT NULL,
      meal TEXT NOT NULL,
      course_id TEXT REFERENCES courses(id),
      dish_ids TEXT NOT NULL DEFAULT '[]',
      status TEXT NOT NULL DEFAULT 'planned',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX menu_plans_stay ON menu_plans(stay_id, date);
  `,
};
