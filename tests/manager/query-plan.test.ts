import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { ARRIVAL_STATEMENTS } from '../../electron/core/manager/arrivals.ts';
import { MANAGER_VIEW_INDEXES } from '../../electron/core/manager/proposed-indexes.ts';
import { REQUEST_STATEMENTS } from '../../electron/core/manager/requests.ts';
import { STAFF_STATEMENTS } from '../../electron/core/manager/staff-records.ts';
import { planOf, planProblems } from '../support/query-plan.ts';

// The manager's view reads a year of stays, requests and change-log headers. With the indexes proposed for a
// migration (electron/core/manager/proposed-indexes.ts), each of its large reads is a range of a covering
// index, in the order of its grouping; without them, every statement still prepares (the app answers the same,
// slower). Plans as the app's connection gets them: no statistics.

function withProposedIndexes() {
  const db = openDatabase(':memory:');
  for (const statement of MANAGER_VIEW_INDEXES) db.exec(statement);
  return db;
}

describe('query plans of the manager view', () => {
  it('reads arrivals by day and requests from covering indexes, the returning check by one seek', () => {
    const db = withProposedIndexes();
    expect(
      planProblems(db, ARRIVAL_STATEMENTS.BY_DAY, {
        uses: ['COVERING INDEX stays_report', 'COVERING INDEX stays_guest'],
        inIndexOrder: true,
      }),
    ).toEqual([]);
    for (const statement of Object.values(REQUEST_STATEMENTS)) {
      expect(planProblems(db, statement, { uses: ['COVERING INDEX requests_report'] })).toEqual([]);
    }
  });

  it("counts each person's writes of each call as a range of log_tx_staff", () => {
    const db = withProposedIndexes();
    const plan = planOf(db, STAFF_STATEMENTS.BY_INDEX);
    expect(
      plan.some((line) => line.includes('USING COVERING INDEX log_tx_staff (staff=? AND call=? AND hlc>? AND hlc<?)')),
    ).toBe(true);
  });

  it('prepares every statement on the schema as it is, without the proposed indexes', () => {
    const db = openDatabase(':memory:');
    // The period's visits by day from migration 12's partial index (each stay's row read for its status).
    expect(planProblems(db, ARRIVAL_STATEMENTS.BY_DAY, { uses: ['INDEX stays_visited_arrival'] })).toEqual([]);
    for (const statement of [
      ...Object.values(ARRIVAL_STATEMENTS),
      ...Object.values(REQUEST_STATEMENTS),
      ...Object.values(STAFF_STATEMENTS),
    ]) {
      expect(() => planOf(db, statement)).not.toThrow();
    }
  });
});
