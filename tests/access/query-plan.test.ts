import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { listQuery } from '../../electron/core/access/list.ts';
import { planOf, planProblems } from '../support/query-plan.ts';

// A year of entries stays fast to page through: every page of accessLog.list, with each filter the screen
// offers, starts in an index where the page before ended and reads rows in the index's order (no sort of the
// year), whichever filter is given.

const ID = '0190f000-0000-7000-8000-000000000000';
const after = { at: '2026-12-03T01:00:00.000Z', id: ID };
const FILTERS: Record<string, Record<string, unknown>> = {
  none: {},
  period: { from: '2026-01-01', to: '2026-12-31' },
  staff: { staffId: ID },
  nobody: { staffId: 'none' },
  guest: { guestId: ID },
  action: { action: 'exported' },
  'staff and period': { staffId: ID, from: '2026-01-01', to: '2026-12-31' },
  'guest and action': { guestId: ID, action: 'card_opened' },
};

describe('access log query plans', () => {
  const db = openDatabase(':memory:');
  for (const [name, filter] of Object.entries(FILTERS)) {
    for (const page of ['first', 'later'] as const) {
      it(`${name}, ${page} page: no table scan, no sort`, () => {
        const { text } = listQuery({ ...filter, ...(page === 'later' ? { after } : {}) } as never, 'Asia/Tokyo');
        // Walking the newest-first index from its end is what the unfiltered first page should do: LIMIT stops it.
        const problems = planProblems(db, text, { inIndexOrder: true }).filter(
          (problem) => !problem.endsWith('SCAN a USING INDEX access_log_recent'),
        );
        expect(problems, planOf(db, text).join('\n')).toEqual([]);
      });
    }
  }
});
