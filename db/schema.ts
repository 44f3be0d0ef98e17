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
};

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

export type ChangeLogRow = {
  seq: number;
  hlc: string;
  node_id: string;
  staff_id: string | null;
  tbl: string;
  row_id: string;
  col: string;
  value: string | null;
};

export type SearchTermRow = { term: string; rank: number; recency: number; guest: number };

export type DB = {
  meta: MetaRow;
  staff: StaffRow;
  guests: GuestRow;
  guest_links: GuestLinkRow;
  change_log: ChangeLogRow;
  search_term: SearchTermRow;
};

/** Tables whose rows are written through the change log (and later synced). */
export type SyncedTable = 'staff' | 'guests' | 'guest_links';
