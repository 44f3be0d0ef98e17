import { describe } from 'vitest';
import { EXPORT_ROW_STATEMENTS } from '../../electron/core/exports/rows.ts';
import { SELECTION_STATEMENTS } from '../../electron/core/exports/selection.ts';
import { MATCH_STATEMENTS } from '../../electron/core/guests/search.ts';
import { testQueryPlans } from '../support/query-plan.ts';

// An export reads every row it writes, but a batch at a time by key: each statement finds its rows through an
// index (a walk that read the table whole for each batch would make an export quadratic).

describe('export query plans', () => {
  testQueryPlans(EXPORT_ROW_STATEMENTS, {
    guestsAfter: { inIndexOrder: true },
    guestsByRowids: {},
    allergiesOfGuests: { uses: ['INDEX allergies_guest'] },
    requestsOfGuests: { uses: ['INDEX requests_guest'] },
    leads: {},
    staysByRowids: {},
    staysAfter: { uses: ['INDEX stays_arrival'], inIndexOrder: true },
    partiesOfStays: { uses: ['INDEX stay_party_stay'] },
  });
  testQueryPlans(SELECTION_STATEMENTS, {
    STAYS_OF_GUESTS: { uses: ['COVERING INDEX stays_guest', 'COVERING INDEX stay_party_guest'] },
    GUESTS_OF_STAYS_ARRIVING: { uses: ['INDEX stays_arrival'] },
  });
  // Every match of a search (guests/search.ts): merged guests among them, followed to the guest they are now.
  testQueryPlans(MATCH_STATEMENTS, { mergedAmong: {}, mergedInto: {} });
});
