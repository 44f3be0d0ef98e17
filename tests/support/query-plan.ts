import type { Database } from 'better-sqlite3';
import { expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';

// Query plans of the core's statements as the app's own connection gets them: a freshly migrated database
// and no ANALYZE statistics (the app never gathers any), so the planner decides from the schema alone and
// the plan does not depend on the rows. Every parameter is bound to a dummy value.

export type PlanExpectation = {
  /**
   * The indexes the statement is designed to read, as the plan names them: 'INDEX served_stay' (with or
   * without row lookups) or 'COVERING INDEX stays_guest' (without). Primary-key lookups need no entry.
   */
  uses?: string[];
  /** Rows come in the index's order: no sort, except of the last ORDER BY term (an id breaking ties). */
  inIndexOrder?: boolean;
};

/** The plan's lines, e.g. 'SEARCH served USING COVERING INDEX served_stay (stay_id=?)'. */
export function planOf(db: Database, statement: string): string[] {
  const explain = db.prepare(`EXPLAIN QUERY PLAN ${statement}`);
  const named = [...new Set(Array.from(statement.matchAll(/@(\w+)/g), (match) => match[1] as string))];
  const rows = named.length
    ? explain.all(Object.fromEntries(named.map((name) => [name, '[]'])))
    : explain.all(...Array.from(statement.matchAll(/\?/g), () => '[]'));
  return (rows as Array<{ detail: string }>).map((row) => row.detail);
}

/** What is wrong with a statement's plan; empty when it reads as designed. */
export function planProblems(db: Database, statement: string, expected: PlanExpectation): string[] {
  let plan: string[];
  try {
    plan = planOf(db, statement);
  } catch (error) {
    return [`cannot be prepared: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  for (const detail of plan) {
    // json_each is the list of ids passed as one parameter, not a table.
    if (/^SCAN (?!json_each\b)/.test(detail)) problems.push(`reads a table whole: ${detail}`);
    if (expected.inIndexOrder && /TEMP B-TREE FOR (?!LAST TERM OF ORDER BY)/.test(detail)) {
      problems.push(`sorts what the index should give in order: ${detail}`);
    }
  }
  for (const index of expected.uses ?? []) {
    if (!plan.some((detail) => ` ${detail} `.includes(` USING ${index} `))) {
      problems.push(`does not use ${index}: ${plan.join('; ')}`);
    }
  }
  return problems;
}

/**
 * Two tests for a file's statements: each reads as designed, and the check notices when any index a
 * statement is designed to read is dropped (so the first test can fail). `expected` names every statement.
 */
export function testQueryPlans<Name extends string>(
  statements: Record<Name, string>,
  expected: Record<Name, PlanExpectation>,
): void {
  const cases = (Object.keys(statements) as Name[]).map((name) => ({
    name,
    statement: statements[name],
    expectation: expected[name],
  }));

  it('reads every row through an index: no table read whole, the designed index used', () => {
    const db = openDatabase(':memory:');
    const problems = cases.flatMap(({ name, statement, expectation }) =>
      planProblems(db, statement, expectation).map((problem) => `${name} ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('would notice if any of those indexes were dropped', () => {
    const db = openDatabase(':memory:');
    const unnoticed: string[] = [];
    for (const { name, statement, expectation } of cases) {
      for (const index of (expectation.uses ?? []).map((use) => use.split(' ').at(-1) as string)) {
        db.exec('SAVEPOINT without_index');
        db.exec(`DROP INDEX ${index}`);
        if (planProblems(db, statement, expectation).length === 0) unnoticed.push(`${name} without ${index}`);
        db.exec('ROLLBACK TO without_index; RELEASE without_index');
      }
    }
    expect(unnoticed).toEqual([]);
  });
}
