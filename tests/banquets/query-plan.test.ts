import { describe } from 'vitest';
import { CALENDAR_STATEMENTS } from '../../electron/core/banquets/calendar.ts';
import { FOLLOW_UP_STATEMENTS } from '../../electron/core/banquets/follow-ups.ts';
import { BANQUET_ROW_STATEMENTS } from '../../electron/core/banquets/rows.ts';
import { testQueryPlans } from '../support/query-plan.ts';

// Deals, their stage events and follow-up calls pile up year after year (the benchmark has ten years, 41,029
// deals): every read goes by date, deal, guest or status on an index, and the lists that are read in date
// order get that order from the index (only ties, broken by id, are sorted). The reports' plans are checked
// in reports.test.ts.

describe('query plans of deals', () => {
  testQueryPlans(BANQUET_ROW_STATEMENTS, {
    BANQUET_BY_ID: {},
    BANQUETS_ON_DATE: { uses: ['INDEX banquets_date'] },
    STAGES_OF_BANQUET: { uses: ['INDEX banquet_stages_banquet'], inIndexOrder: true },
    FOLLOW_UPS_OF_BANQUET: { uses: ['INDEX follow_ups_banquet'] },
  });
});

describe('query plans of the hall calendar', () => {
  testQueryPlans(CALENDAR_STATEMENTS, {
    BANQUETS_BETWEEN: { uses: ['INDEX banquets_date'], inIndexOrder: true },
    EXPIRING_HOLDS: { uses: ['INDEX banquets_holds'] },
  });
});

describe('query plans of follow-up calls', () => {
  testQueryPlans(FOLLOW_UP_STATEMENTS, {
    DUE_BY: { uses: ['INDEX follow_ups_due'], inIndexOrder: true },
    WITH_STATUS: { uses: ['INDEX follow_ups_due'], inIndexOrder: true },
    OF_GUEST: { uses: ['INDEX follow_ups_guest'], inIndexOrder: true },
    OF_GUEST_WITH_STATUS: { uses: ['INDEX follow_ups_guest'], inIndexOrder: true },
  });
});
