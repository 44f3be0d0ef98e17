import { describe } from 'vitest';
import { REQUEST_STATEMENTS } from '../../electron/core/requests/rows.ts';
import { testQueryPlans } from '../support/query-plan.ts';

// A guest's open requests are read through the index of the open ones alone (db/migrations/0016-open-requests.ts):
// the arrivals page asks for those of everyone in a day's parties on every call, the card for its guest's.
describe('query plans of the requests', () => {
  testQueryPlans(REQUEST_STATEMENTS, {
    REQUEST_BY_ID: {},
    OPEN_OF_STAYS: { uses: ['INDEX requests_stay'] },
    OPEN_STANDING_OF_GUESTS: { uses: ['INDEX requests_open'] },
    OPEN_OF_GUEST: { uses: ['INDEX requests_open'] },
    HANDLED_OF_GUEST: { uses: ['INDEX requests_guest'] },
    STAY_DATES: {},
  });
});
