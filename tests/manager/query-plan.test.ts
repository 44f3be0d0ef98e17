import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { ALLERGY_STATEMENTS } from '../../electron/core/manager/allergies.ts';
import { ARRIVAL_STATEMENTS } from '../../electron/core/manager/arrivals.ts';
import { REQUEST_STATEMENTS } from '../../electron/core/manager/requests.ts';
import { STAFF_STATEMENTS } from '../../electron/core/manager/staff-records.ts';
import { planOf, planProblems } from '../support/query-plan.ts';

// The manager's view reads a year of requests and change-log headers; the arrivals come from manager_days
// (day-totals.ts). With migration 13's indexes, each large read is a range of a covering index. The arrivals'
// reference SQL (what manager_days is kept to, and what the overview counts from while it is being built) goes
// by migration 12's partial index of visits. Plans as the app's connection gets them: no statistics.

describe('query plans of the manager view', () => {
  it('reads requests from their covering index, the reference arrivals from the visits by day', () => {
    const db = openDatabase(':memory:');
    expect(planProblems(db, ARRIVAL_STATEMENTS.BY_DAY, { uses: ['INDEX stays_visited_arrival'] })).toEqual([]);
    for (const statement of Object.values(REQUEST_STATEMENTS)) {
      expect(planProblems(db, statement, { uses: ['COVERING INDEX requests_report'] })).toEqual([]);
    }
  });

  it('counts each allergy figure as a range of a partial index, never a pass over every allergy', () => {
    const db = openDatabase(':memory:');
    const plan = planOf(db, ALLERGY_STATEMENTS.BY_INDEX);
    expect(plan.filter((line) => line.startsWith('SCAN'))).toEqual(['SCAN CONSTANT ROW']);
    expect(plan.filter((line) => line.includes('allergies_recorded')).length).toBe(1);
    expect(plan.filter((line) => line.includes('allergies_current')).length).toBeGreaterThanOrEqual(3);
    expect(plan.filter((line) => line.includes('guests_deleted')).length).toBe(2);
  });

  it("counts each person's writes of each call as a range of log_tx_staff", () => {
    const db = openDatabase(':memory:');
    const plan = planOf(db, STAFF_STATEMENTS.BY_INDEX);
    expect(
      plan.some((line) => line.includes('USING COVERING INDEX log_tx_staff (staff=? AND call=? AND hlc>? AND hlc<?)')),
    ).toBe(true);
  });
});
