// Row types of the tables, for Kysely. Column names are the database's (snake_case).
export type MetaRow = { key: string; value: string };

export type StaffRow = {
  id: string;
  name: string;
  reading: string;
  active: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** JSON array of role codes (schema 8). */
  roles: string;
  /** Salted scrypt hash of the PIN, null without one (schema 8). */
  pin_hash: string | null;
};

/** Wrong PINs in a row on this PC (local, schema 8). */
export type StaffPinAttemptRow = { staff_id: string; failures: number; locked_until: string | null };

export type GuestRow = {
  id: string;
  family_name: string;
  given_name: string;
  family_reading: string;
  given_reading: string;
  phones: string;
  email: string;
  postal_code: string;
  address: string;
  birthday: string;
  organization: string;
  note: string;
  marketing_consent: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  last_activity_at: number;
  import_id: string | null;
  /** The guest this one was merged into (名寄せ); set with deleted_at, cleared by the undo. */
  merged_into: string | null;
  /** ISO 3166-1 alpha-2 code, for a guest without an address in Japan (宿泊者名簿); '' otherwise. */
  nationality: string;
  /** Letters and digits, upper case, for a guest without an address in Japan; '' otherwise. */
  passport_number: string;
};

export type GuestLinkRow = {
  id: string;
  guest_id: string;
  companion_id: string;
  relationship: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

export type LogTxRow = {
  seq: number;
  hlc: number;
  node: number;
  staff: number | null;
  call: number | null;
  schema: number;
};

export type LogEntryRow = {
  id: number;
  tbl: number;
  row: Buffer | string;
  col: number;
  value: unknown;
  prev_hlc: number | null;
  prev_node: number | null;
};

export type ConflictRow = {
  id: string;
  kind: string;
  tbl: string;
  row_a: string;
  row_b: string | null;
  field: string | null;
  detail: string;
};

export type NodeEpochRow = { node: string; started_at: string; ended_at: string | null; reason: string };

export type SearchTermRow = { term: string; rank: number; recency: number; guest: number };
/** A guest whose search rows still stand at an earlier recency (a deferred move, search-index.ts). */
export type SearchRecencyLagRow = { guest: number; recency: number };

type Stamped = { created_at: string; updated_at: string };
type Tombstoned = Stamped & { deleted_at: string | null };

export type SettingRow = Stamped & { id: string; value: string };

export type StayRow = Tombstoned & {
  id: string;
  guest_id: string;
  arrival_date: string;
  departure_date: string;
  rooms: string;
  adults: number;
  children: number;
  plan: string;
  purpose: string | null;
  channel: string | null;
  reservation_no: string;
  amount_yen: number;
  staff_id: string | null;
  status: string;
  note: string;
  shared_room: number;
  import_id: string | null;
};

export type StayPartyRow = Tombstoned & { id: string; stay_id: string; guest_id: string };

export type AllergenRow = Tombstoned & {
  id: string;
  code: string;
  name_ja: string;
  name_en: string;
  legal_class: string;
  sort_order: number;
};

export type AllergyRow = Stamped & {
  id: string;
  guest_id: string;
  allergen_id: string | null;
  free_allergen: string;
  severity: string;
  traces_ok: number;
  note: string;
  confirmed_at: string;
  confirmed_by: string | null;
  recorded_by: string | null;
  supersedes: string | null;
  superseded_by: string | null;
  retracted_at: string | null;
  retracted_by: string | null;
  retract_reason: string;
  import_id: string | null;
};

export type RequestRow = Stamped & {
  id: string;
  guest_id: string;
  stay_id: string | null;
  standing: number;
  category: string;
  text: string;
  status: string;
  taken_by: string | null;
  handled_at: string | null;
  handled_by: string | null;
};

export type DishRow = Tombstoned & {
  id: string;
  name: string;
  reading: string;
  category: string;
  allergen_ids: string;
  note: string;
};

export type CourseRow = Tombstoned & { id: string; name: string; price_yen: number; note: string; dish_ids: string };

export type ServedRow = Stamped & {
  id: string;
  stay_id: string;
  date: string;
  meal: string;
  dish_id: string;
  course_id: string | null;
  reaction: string | null;
  note: string;
  retracted_at: string | null;
};

export type MenuPlanRow = Stamped & {
  id: string;
  stay_id: string;
  date: string;
  meal: string;
  course_id: string | null;
  dish_ids: string;
  status: string;
};

export type HallRow = Tombstoned & {
  id: string;
  name: string;
  capacity_seated: number;
  capacity_standing: number;
  capacity_theatre: number;
  combinable_with: string;
  note: string;
  sort_order: number;
};

export type BanquetRow = Tombstoned & {
  id: string;
  organiser_id: string;
  group_name: string;
  type: string;
  date: string;
  start_time: string;
  end_time: string;
  hall_ids: string;
  layout: string;
  headcount: number;
  course_id: string | null;
  price_per_head_yen: number;
  drinks_plan: string;
  estimate_yen: number;
  deposit_yen: number;
  staff_id: string | null;
  note: string;
  attendee_ids: string;
  deceased_name: string;
  date_of_death: string | null;
  stage: string;
  stage_at: string;
  hold_expires_on: string | null;
  lost_reason: string | null;
  competitor: string;
  closing_note: string;
};

export type BanquetStageRow = Stamped & {
  id: string;
  banquet_id: string;
  stage: string;
  at: string;
  staff_id: string | null;
  hold_expires_on: string | null;
  lost_reason: string | null;
  competitor: string;
  note: string;
};

export type FollowUpRow = Stamped & {
  id: string;
  banquet_id: string;
  guest_id: string;
  kind: string;
  due_date: string;
  event_date: string;
  memorial_year: number | null;
  status: string;
  done_at: string | null;
  done_by: string | null;
  note: string;
};

export type ConflictDecisionRow = Stamped & {
  id: string;
  kind: string;
  /** The row the conflict is about (its first row): what a decision changes is derived again for it. */
  subject: string;
  choice: string;
  note: string;
  decided_by: string | null;
};

/** One ledger import (electron/core/imports/); its guests, stays and allergies carry its id in import_id. */
export type ImportRow = Stamped & {
  id: string;
  file_name: string;
  /** The ledger's header, normalised and hashed: the next import from the same source is offered this mapping. */
  source_key: string;
  format: string;
  /** JSON: one field name (or null) per column. */
  mapping: string;
  /** JSON: ImportCounts (shared/contract/imports.ts). */
  counts: string;
  staff_id: string | null;
  finished_at: string | null;
  undone_at: string | null;
  undone_by: string | null;
};

export type GuestMergeRow = Stamped & {
  id: string;
  kept_id: string;
  merged_id: string;
  /** JSON list of [table, id, column, before, after]: every field the merge changed. */
  changes: string;
  merged_by: string | null;
  undone_at: string | null;
  undone_by: string | null;
};

export type DuplicateDecisionRow = Stamped & {
  id: string;
  guest_a: string;
  guest_b: string;
  decision: string;
  decided_by: string | null;
};

/** One recorded access to guest data (閲覧記録): append-only, synced (db/migrations/0009-access-log.ts). */
export type AccessLogRow = Stamped & {
  id: string;
  staff_id: string | null;
  guest_id: string | null;
  action: string;
  /** JSON object: what was opened, printed or exported (shared/contract/access-log.ts, AccessDetail). */
  detail: string;
  node: string;
};

/** An erased guest (erasure on request, schema 11): see db/migrations/0011-erasures.ts. */
export type ErasureRow = Stamped & {
  id: string;
  guest_id: string;
  reason: string;
  requested_by: string | null;
  /** The 宿泊者名簿 fields kept until hold_until, as JSON {column: value}; null when nothing is held. */
  held: string | null;
  hold_until: string | null;
  released_at: string | null;
};

export type GuestManualRankRow = Stamped & {
  id: string;
  guest_id: string;
  rank_name: string | null;
  set_by: string | null;
};

/** Local, derived (electron/core/ranks/): each ranked guest's current rank. */
export type GuestRankRow = { guest_id: string; rank_name: string; manual: number };

export type DuplicateCandidateRow = { guest_a: string; guest_b: string; score: number; reasons: string };

export type DB = {
  meta: MetaRow;
  staff: StaffRow;
  staff_pin_attempts: StaffPinAttemptRow;
  guests: GuestRow;
  guest_links: GuestLinkRow;
  log_tx: LogTxRow;
  log_entry: LogEntryRow;
  conflicts: ConflictRow;
  conflict_decisions: ConflictDecisionRow;
  node_epochs: NodeEpochRow;
  search_term: SearchTermRow;
  search_recency_lag: SearchRecencyLagRow;
  settings: SettingRow;
  stays: StayRow;
  stay_party: StayPartyRow;
  allergens: AllergenRow;
  allergies: AllergyRow;
  requests: RequestRow;
  dishes: DishRow;
  courses: CourseRow;
  served: ServedRow;
  menu_plans: MenuPlanRow;
  halls: HallRow;
  banquets: BanquetRow;
  banquet_stages: BanquetStageRow;
  follow_ups: FollowUpRow;
  imports: ImportRow;
  guest_merges: GuestMergeRow;
  duplicate_decisions: DuplicateDecisionRow;
  duplicate_candidates: DuplicateCandidateRow;
  access_log: AccessLogRow;
  erasures: ErasureRow;
  guest_manual_ranks: GuestManualRankRow;
  guest_ranks: GuestRankRow;
};

/** Tables whose rows are written through the change log (and later synced). */
export const SYNCED_TABLES = [
  'staff',
  'guests',
  'guest_links',
  'settings',
  'stays',
  'stay_party',
  'allergens',
  'allergies',
  'requests',
  'dishes',
  'courses',
  'served',
  'menu_plans',
  'halls',
  'banquets',
  'banquet_stages',
  'follow_ups',
  'conflict_decisions',
  'imports',
  'guest_merges',
  'duplicate_decisions',
  'access_log',
  'erasures',
  'guest_manual_ranks',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];
