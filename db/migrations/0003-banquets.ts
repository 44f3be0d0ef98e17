import type { Migration } from './migration.ts';

// Banquet sales: halls, deals (one row per deal, its current stage on the row), the stage timeline
// (append-only: every change keeps its date and staff member) and follow-up calls. Every table is synced
// through the change log; deals and halls are tombstoned, never deleted; a lost deal keeps its reason and
// competitor for good.

export const banquets: Migration = {
  version: 3,
  name: 'banquets',
  sql: `
    -- Capacity per layout style (0: not offered in that style). combinable_with: JSON list of hall ids.
    CREATE TABLE halls (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      capacity_seated INTEGER NOT NULL DEFAULT 0,
      capacity_standing INTEGER NOT NULL DEFAULT 0,
      capacity_theatre INTEGER NOT NULL DEFAULT 0,
      combinable_with TEXT NOT NULL DEFAULT '[]',
      note TEXT NOT NULL DEFAULT '',
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;

    -- A deal. hall_ids and attendee_ids are JSON lists. stage is the current stage; banquet_stages has them all.
    -- Times are 'HH:MM' on the banquet's date.
    CREATE TABLE banquets (
      id TEXT PRIMARY KEY,
      organiser_id TEXT NOT NULL REFERENCES guests(id),
      group_name TEXT NOT NULL DEFAULT '',
      type TEXT NOT NULL,
      date TEXT NOT NULL,
      start_time TEXT NOT NULL,
      end_time TEXT NOT NULL,
      hall_ids TEXT NOT NULL DEFAULT '[]',
      layout TEXT NOT NULL DEFAULT 'seated',
      headcount INTEGER NOT NULL,
      course_id TEXT REFERENCES courses(id),
      price_per_head_yen INTEGER NOT NULL DEFAULT 0,
      drinks_plan TEXT NOT NULL DEFAULT '',
      estimate_yen INTEGER NOT NULL DEFAULT 0,
      deposit_yen INTEGER NOT NULL DEFAULT 0,
      staff_id TEXT REFERENCES staff(id),
      note TEXT NOT NULL DEFAULT '',
      attendee_ids TEXT NOT NULL DEFAULT '[]',
      deceased_name TEXT NOT NULL DEFAULT '',
      date_of_death TEXT,
      stage TEXT NOT NULL DEFAULT 'inquiry',
      stage_at TEXT NOT NULL,
      hold_expires_on TEXT,
      lost_reason TEXT,
      competitor TEXT NOT NULL DEFAULT '',
      closing_note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;
    -- The calendar and the clash check read a day's or a month's deals.
    CREATE INDEX banquets_date ON banquets(date, start_time);
    -- Reports group ten years of deals from covering indexes alone, each in the order its GROUP BY wants
    -- (SQLite's sorter, not the reading, is what costs): by month, by stage and type, lost by reason and competitor.
    CREATE INDEX banquets_report
      ON banquets(date, stage, type, estimate_yen, lost_reason, competitor, deleted_at);
    CREATE INDEX banquets_report_stage ON banquets(stage, type, date, estimate_yen, deleted_at);
    CREATE INDEX banquets_report_lost ON banquets(stage, lost_reason, competitor, date, estimate_yen, deleted_at);
    CREATE INDEX banquets_organiser ON banquets(organiser_id, date);
    CREATE INDEX banquets_holds ON banquets(hold_expires_on) WHERE stage = 'provisional';

    CREATE TABLE banquet_stages (
      id TEXT PRIMARY KEY,
      banquet_id TEXT NOT NULL REFERENCES banquets(id),
      stage TEXT NOT NULL,
      at TEXT NOT NULL,
      staff_id TEXT REFERENCES staff(id),
      hold_expires_on TEXT,
      lost_reason TEXT,
      competitor TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX banquet_stages_banquet ON banquet_stages(banquet_id, at);

    -- A call to make: next year's party (kind yearly) or a memorial anniversary (kind memorial, memorial_year 2 is
    -- 三回忌). Generated when a deal is held or lost; status open, done or cancelled.
    CREATE TABLE follow_ups (
      id TEXT PRIMARY KEY,
      banquet_id TEXT NOT NULL REFERENCES banquets(id),
      guest_id TEXT NOT NULL REFERENCES guests(id),
      kind TEXT NOT NULL,
      due_date TEXT NOT NULL,
      event_date TEXT NOT NULL,
      memorial_year INTEGER,
      status TEXT NOT NULL DEFAULT 'open',
      done_at TEXT,
      done_by TEXT REFERENCES staff(id),
      note TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX follow_ups_due ON follow_ups(status, due_date);
    CREATE INDEX follow_ups_guest ON follow_ups(guest_id, due_date);
    CREATE INDEX follow_ups_banquet ON follow_ups(banquet_id);
  `,
};
