import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { HISTORY_LOG_STATEMENTS } from '../../electron/core/guests/history-log.ts';
import { HISTORY_NAME_STATEMENTS } from '../../electron/core/guests/history-names.ts';
import { planOf } from '../support/query-plan.ts';

// guests.history reads a regular's thousands of entries out of a log of hundreds of millions: each
// statement must start from the guest's rows (by their guest index) and reach their entries by table AND row
// through log_entry_field. A plan that walks log_entry_field by table alone is a SEARCH in SQLite's words
// but reads every entry of the table, so the check names the exact lookup rather than only forbidding SCAN.

const ENTRY_LOOKUP = 'SEARCH e USING INDEX log_entry_field (tbl=? AND row=?)';

function problems(db: Database, statement: string): string[] {
  const plan = planOf(db, statement);
  const found: string[] = [];
  for (const detail of plan) if (/^SCAN (?!json_each\b)/.test(detail)) found.push(`reads a table whole: ${detail}`);
  if (!plan.includes(ENTRY_LOOKUP)) found.push(`does not look entries up by table and row: ${plan.join('; ')}`);
  // The log is the inner loop: the first table read is the guest's rows (or, for the guest, its entries).
  if (plan[0]?.startsWith('SEARCH e ') && !statement.includes('FROM log_entry e')) {
    found.push(`starts from the log: ${plan.join('; ')}`);
  }
  return found;
}

describe('guests.history query plans', () => {
  it("starts from the guest's rows and looks their entries up by table and row", () => {
    const db = openDatabase(':memory:');
    const found = Object.entries(HISTORY_LOG_STATEMENTS).flatMap(([name, text]) =>
      problems(db, text).map((problem) => `${name} ${problem}`),
    );
    expect(found).toEqual([]);
  });

  it('names guests, staff and allergens by primary key, whatever the number of ids', () => {
    const db = openDatabase(':memory:');
    for (const [name, text] of Object.entries(HISTORY_NAME_STATEMENTS)) {
      const plan = planOf(db, text);
      expect(
        plan.filter((detail) => /^SCAN (?!json_each\b)/.test(detail)),
        name,
      ).toEqual([]);
      expect(
        plan.some((detail) => /^SEARCH \w+ USING (INDEX sqlite_autoindex|INTEGER PRIMARY KEY)/.test(detail)),
        name,
      ).toBe(true);
    }
  });

  it('would notice if log_entry_field were dropped, or if the planner were left to start from the log', () => {
    const db = openDatabase(':memory:');
    const unnoticed: string[] = [];
    db.exec('SAVEPOINT without_index; DROP INDEX log_entry_field');
    for (const [name, text] of Object.entries(HISTORY_LOG_STATEMENTS)) {
      if (problems(db, text).length === 0) unnoticed.push(`${name} without log_entry_field`);
    }
    db.exec('ROLLBACK TO without_index; RELEASE without_index');
    for (const [name, text] of Object.entries(HISTORY_LOG_STATEMENTS)) {
      if (!text.includes('CROSS JOIN')) continue;
      if (problems(db, text.replace('CROSS JOIN', 'JOIN')).length === 0) unnoticed.push(`${name} without CROSS JOIN`);
    }
    expect(unnoticed).toEqual([]);
  });
});
