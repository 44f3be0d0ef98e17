import { UUID_GLOB } from '../log/codec.ts';
import type { Migration } from './migration.ts';

// `served` keeps its ids as 16 bytes, its times as integer milliseconds, its day as a number of days and its meal
// as a code (db/stored-form.ts). One row per dish served on a stay: 20,000,000 rows at 1,000,000 guests, with
// four 36-character ids and three 24-character times each, and two of the ids, the day and the meal again in
// served_stay. That was 8.05 GB of a 17.66 GB register.
//
// The table is made again and its rows copied, packed in SQL. A value is packed only where it reads back
// identical (the same rules as db/stored-form.ts); anything else is copied as it is, so the columns are ANY.
// The foreign keys go: a packed stay_id cannot reference stays' text ids. What they guarded, the handlers check
// before they write (a served row names a stay and a dish that exist), and the apply path takes what another
// PC wrote, as it does for every table. The order of the rows (their rowids) is kept.
//
// The SQL is spelled out here rather than taken from db/stored-form.ts: a migration must do what it did on
// the day it shipped.

const ISO_MS_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z';

const packedId = (column: string) =>
  `CASE WHEN ${column} GLOB '${UUID_GLOB}' THEN unhex(${column}, '-') ELSE ${column} END`;

const YMD_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]';

/** Days since 1970-01-01 (julianday of that day is 2440587.5, and of any day a whole number more). */
const packedDay = (column: string) =>
  `CASE WHEN ${column} GLOB '${YMD_GLOB}' AND date(${column}) = ${column}
        THEN CAST(julianday(${column}) - 2440587.5 AS INTEGER) ELSE ${column} END`;

/** The meal's code (db/stored-form.ts, MEAL_CODES, fixed for good). */
const packedMeal = (column: string) =>
  `CASE ${column} WHEN 'dinner' THEN 0 WHEN 'breakfast' THEN 1 WHEN 'lunch' THEN 2 WHEN 'banquet' THEN 3
        ELSE ${column} END`;

const packedTime = (column: string) =>
  `CASE WHEN ${column} GLOB '${ISO_MS_GLOB}' AND ${column} >= '1970'
             AND strftime('%Y-%m-%dT%H:%M:%fZ', ${column}) = ${column}
        THEN CAST(round(unixepoch(${column}, 'subsec') * 1000) AS INTEGER) ELSE ${column} END`;

export const servedPacked: Migration = {
  version: 17,
  name: 'served-packed',
  sql: `
    CREATE TABLE served_packed (
      id ANY NOT NULL PRIMARY KEY,
      stay_id ANY NOT NULL,
      date ANY NOT NULL,
      meal ANY NOT NULL,
      dish_id ANY NOT NULL,
      course_id ANY,
      reaction TEXT,
      note TEXT NOT NULL DEFAULT '',
      retracted_at ANY,
      created_at ANY NOT NULL,
      updated_at ANY NOT NULL
    ) STRICT;
    INSERT INTO served_packed (rowid, id, stay_id, date, meal, dish_id, course_id, reaction, note, retracted_at,
                               created_at, updated_at)
    SELECT rowid, ${packedId('id')}, ${packedId('stay_id')}, ${packedDay('date')}, ${packedMeal('meal')},
           ${packedId('dish_id')},
           ${packedId('course_id')}, reaction, note, ${packedTime('retracted_at')}, ${packedTime('created_at')},
           ${packedTime('updated_at')}
      FROM served ORDER BY rowid;
    DROP TABLE served;
    ALTER TABLE served_packed RENAME TO served;
    -- As before: covering for a party's serving history, and the small index of dishes left or disliked.
    CREATE INDEX served_stay ON served(stay_id, date, meal, dish_id, reaction, retracted_at);
    CREATE INDEX served_rejected ON served(stay_id, date, meal, dish_id, reaction)
      WHERE retracted_at IS NULL AND reaction IN ('left', 'disliked');
  `,
};
