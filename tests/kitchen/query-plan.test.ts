import { describe } from 'vitest';
import { HISTORY_CACHE_STATEMENTS } from '../../electron/core/kitchen/history-cache.ts';
import { MENU_STATEMENTS } from '../../electron/core/kitchen/menus.ts';
import { SERVED_STATEMENTS } from '../../electron/core/kitchen/served.ts';
import { testQueryPlans } from '../support/query-plan.ts';

// served grows by every dish of every meal (20 million rows in the benchmark), menu_plans by every meal
// planned, stays and stay_party by every booking: what the kitchen reads of them goes by stay or guest id.

describe('query plans of what was served', () => {
  testQueryPlans(SERVED_STATEMENTS, {
    SERVED_BY_ID: {},
    SERVED_OF_STAY: { uses: ['INDEX served_stay'] },
    SERVED_AT_MEAL: { uses: ['INDEX served_stay'] },
  });
});

describe('query plans of menu planning', () => {
  testQueryPlans(MENU_STATEMENTS, {
    MENUS_OF_STAYS: { uses: ['INDEX menu_plans_stay'] },
    COURSE_NAMES: {},
    MENU_AT_MEAL: { uses: ['INDEX menu_plans_stay'] },
  });
});

// The party history is the heaviest read of arrivals.forDate: the covering indexes answer it without
// looking rows up (docs/architecture.md, "Warnings are computed when read").
describe('query plans of a party history', () => {
  testQueryPlans(HISTORY_CACHE_STATEMENTS, {
    STAYS_OF_GUESTS: { uses: ['COVERING INDEX stays_guest', 'COVERING INDEX stay_party_guest'] },
    SERVINGS_OF_STAYS: { uses: ['COVERING INDEX served_stay'] },
    REJECTED_ON_STAYS: { uses: ['INDEX served_rejected'] },
  });
});
