import { ACCESS_ACTIONS } from '../../shared/contract/access-log.ts';
import { ALLERGEN_CLASSES, SEVERITIES } from '../../shared/contract/allergies.ts';
import {
  BANQUET_TYPES,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  LAYOUTS,
  LOST_REASONS,
  STAGES,
} from '../../shared/contract/banquet-codes.ts';
import { DUPLICATE_DECISIONS } from '../../shared/contract/duplicate-codes.ts';
import { RELATIONSHIPS } from '../../shared/contract/guests.ts';
import { IMPORT_KINDS } from '../../shared/contract/import-codes.ts';
import { DISH_CATEGORIES, MEALS, MENU_STATUSES, REACTIONS } from '../../shared/contract/kitchen.ts';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from '../../shared/contract/requests.ts';
import { BOOKING_CHANNELS, STAY_PURPOSES, STAY_STATUSES } from '../../shared/contract/stays.ts';
import type { SyncedTable } from '../schema.ts';

// The numbers the change log uses for synced tables and their columns. They are part of the log's format
// and of what LAN sync ships, so they are fixed here forever: a new column takes the next free number of
// its table, a new table the next free table number, and a number is never reused or renumbered.
//
// What is NOT here, on purpose:
// - `id`: the entry's row id.
// - `updated_at`: the time of the row's latest entry, derived from the log's headers (logging it would add
//   an entry to every write). `guests.last_activity_at` is logged: not every write is an activity.
// - columns derived from other rows on each PC (`banquets.stage` and the rest of the deal's current stage,
//   from its timeline; `allergies.superseded_by`, from the record that supersedes it): see electron/core/changes/derived.ts.
//
// `list`: a JSON array whose concurrent additions and removals merge (electron/core/changes/merge.ts) instead of the later
// edit dropping the other's addition. `values`: the enum a value must belong to; an entry carrying a value
// this version does not know (a newer PC's new category) is held back until this PC is updated.

export type ColumnSpec = {
  id: number;
  name: string;
  list?: true;
  values?: readonly (string | null)[];
};

export type TableSpec = { id: number; name: SyncedTable; columns: readonly ColumnSpec[] };

type ColumnDef = string | [name: string, options: Omit<ColumnSpec, 'id' | 'name'>];

const list = { list: true } as const;
const oneOf = (values: readonly string[], nullable = false) => ({ values: nullable ? [...values, null] : values });

/** Table number, then columns in column-number order starting at 1. */
const DEFINITIONS: ReadonlyArray<[SyncedTable, number, ColumnDef[]]> = [
  [
    'staff',
    1,
    [
      'name',
      'reading',
      'active',
      'created_at',
      'deleted_at',
      ['roles', list], // schema 8
      'pin_hash', // schema 8
    ],
  ],
  [
    'guests',
    2,
    [
      'family_name',
      'given_name',
      'family_reading',
      'given_reading',
      ['phones', list],
      'email',
      'postal_code',
      'address',
      'birthday',
      'organization',
      'note',
      'marketing_consent',
      'created_at',
      'deleted_at',
      'last_activity_at',
      'import_id', // schema 6
      'merged_into', // schema 7
      'nationality', // schema 10 (guest-rights)
      'passport_number', // schema 10
    ],
  ],
  ['guest_links', 3, ['guest_id', 'companion_id', ['relationship', oneOf(RELATIONSHIPS)], 'created_at', 'deleted_at']],
  ['settings', 4, ['value', 'created_at']],
  [
    'stays',
    5,
    [
      'guest_id',
      'arrival_date',
      'departure_date',
      ['rooms', list],
      'adults',
      'children',
      'plan',
      ['purpose', oneOf(STAY_PURPOSES, true)],
      ['channel', oneOf(BOOKING_CHANNELS, true)],
      'reservation_no',
      'amount_yen',
      'staff_id',
      ['status', oneOf(STAY_STATUSES)],
      'note',
      'created_at',
      'deleted_at',
      'shared_room', // schema 5
      'import_id', // schema 6
    ],
  ],
  ['stay_party', 6, ['stay_id', 'guest_id', 'created_at', 'deleted_at']],
  [
    'allergens',
    7,
    ['code', 'name_ja', 'name_en', ['legal_class', oneOf(ALLERGEN_CLASSES)], 'sort_order', 'created_at', 'deleted_at'],
  ],
  [
    'allergies',
    8,
    [
      'guest_id',
      'allergen_id',
      'free_allergen',
      ['severity', oneOf(SEVERITIES)],
      'traces_ok',
      'note',
      'confirmed_at',
      'confirmed_by',
      'recorded_by',
      'supersedes',
      'retracted_at',
      'retracted_by',
      'retract_reason',
      'created_at',
      'import_id', // schema 6
    ],
  ],
  [
    'requests',
    9,
    [
      'guest_id',
      'stay_id',
      'standing',
      ['category', oneOf(REQUEST_CATEGORIES)],
      'text',
      ['status', oneOf(REQUEST_STATUSES)],
      'taken_by',
      'handled_at',
      'handled_by',
      'created_at',
    ],
  ],
  [
    'dishes',
    10,
    [
      'name',
      'reading',
      ['category', oneOf(DISH_CATEGORIES)],
      ['allergen_ids', list],
      'note',
      'created_at',
      'deleted_at',
    ],
  ],
  ['courses', 11, ['name', 'price_yen', 'note', ['dish_ids', list], 'created_at', 'deleted_at']],
  [
    'served',
    12,
    [
      'stay_id',
      'date',
      ['meal', oneOf(MEALS)],
      'dish_id',
      'course_id',
      ['reaction', oneOf(REACTIONS, true)],
      'note',
      'retracted_at',
      'created_at',
    ],
  ],
  [
    'menu_plans',
    13,
    [
      'stay_id',
      'date',
      ['meal', oneOf(MEALS)],
      'course_id',
      ['dish_ids', list],
      ['status', oneOf(MENU_STATUSES)],
      'created_at',
    ],
  ],
  [
    'halls',
    14,
    [
      'name',
      'capacity_seated',
      'capacity_standing',
      'capacity_theatre',
      ['combinable_with', list],
      'note',
      'sort_order',
      'created_at',
      'deleted_at',
    ],
  ],
  [
    'banquets',
    15,
    [
      'organiser_id',
      'group_name',
      ['type', oneOf(BANQUET_TYPES)],
      'date',
      'start_time',
      'end_time',
      ['hall_ids', list],
      ['layout', oneOf(LAYOUTS)],
      'headcount',
      'course_id',
      'price_per_head_yen',
      'drinks_plan',
      'estimate_yen',
      'deposit_yen',
      'staff_id',
      'note',
      ['attendee_ids', list],
      'deceased_name',
      'date_of_death',
      'created_at',
      'deleted_at',
    ],
  ],
  [
    'banquet_stages',
    16,
    [
      'banquet_id',
      ['stage', oneOf(STAGES)],
      'at',
      'staff_id',
      'hold_expires_on',
      ['lost_reason', oneOf(LOST_REASONS, true)],
      'competitor',
      'note',
      'created_at',
    ],
  ],
  [
    'follow_ups',
    17,
    [
      'banquet_id',
      'guest_id',
      ['kind', oneOf(FOLLOW_UP_KINDS)],
      'due_date',
      'event_date',
      'memorial_year',
      ['status', oneOf(FOLLOW_UP_STATUSES)],
      'done_at',
      'done_by',
      'note',
      'created_at',
    ],
  ],
  ['conflict_decisions', 18, ['kind', 'subject', 'choice', 'note', 'decided_by', 'created_at']],
  [
    'imports',
    19,
    [
      'file_name',
      'source_key',
      'format',
      'mapping',
      'counts',
      'staff_id',
      'finished_at',
      'undone_at',
      'undone_by',
      'created_at',
      ['kind', oneOf(IMPORT_KINDS)], // schema 14
      'sales', // schema 14
    ],
  ],
  // schema 7 (名寄せ)
  [
    'guest_merges',
    20,
    ['kept_id', 'merged_id', ['changes', list], 'merged_by', 'undone_at', 'undone_by', 'created_at'],
  ],
  [
    'duplicate_decisions',
    21,
    ['guest_a', 'guest_b', ['decision', oneOf(DUPLICATE_DECISIONS)], 'decided_by', 'created_at'],
  ],
  // schema 9 (閲覧記録): append-only, one insert entry per row
  ['access_log', 22, ['staff_id', 'guest_id', ['action', oneOf(ACCESS_ACTIONS)], 'detail', 'node', 'created_at']],
  // schema 11 (erasure on request)
  ['erasures', 23, ['guest_id', 'reason', 'requested_by', 'held', 'hold_until', 'released_at', 'created_at']],
  // schema 12 (顧客ランク): the rules are the settings row `rank_rules`.
  ['guest_manual_ranks', 24, ['guest_id', 'rank_name', 'set_by', 'created_at']],
];

function build(): TableSpec[] {
  return DEFINITIONS.map(([name, id, defs]) => ({
    id,
    name,
    columns: defs.map((def, index) =>
      typeof def === 'string' ? { id: index + 1, name: def } : { id: index + 1, name: def[0], ...def[1] },
    ),
  }));
}

export const TABLE_SPECS: readonly TableSpec[] = build();

const byName = new Map(TABLE_SPECS.map((spec) => [spec.name, spec]));
const byId = new Map(TABLE_SPECS.map((spec) => [spec.id, spec]));
const columnByName = new Map(
  TABLE_SPECS.map((spec) => [spec.name, new Map(spec.columns.map((column) => [column.name, column]))]),
);
const columnById = new Map(
  TABLE_SPECS.map((spec) => [spec.id, new Map(spec.columns.map((column) => [column.id, column]))]),
);

export function tableSpec(name: SyncedTable): TableSpec {
  const spec = byName.get(name);
  if (!spec) throw new Error(`not a synced table: ${name}`);
  return spec;
}

/** The spec of a table number, or undefined when this version does not know it (a newer PC's table). */
export function tableSpecById(id: number): TableSpec | undefined {
  return byId.get(id);
}

/** The column of a synced table, or undefined for columns that are not logged (bookkeeping, derived). */
export function columnSpec(table: SyncedTable, name: string): ColumnSpec | undefined {
  return columnByName.get(table)?.get(name);
}

export function columnSpecById(table: number, id: number): ColumnSpec | undefined {
  return columnById.get(table)?.get(id);
}

/** Whether a value is one this version knows for the column (enums only; anything else is accepted). */
export function knowsValue(column: ColumnSpec, value: unknown): boolean {
  return !column.values || (column.values as readonly unknown[]).includes(value);
}
