import { describe } from 'vitest';
import { REGISTER_STATEMENTS } from '../../electron/core/guest-rights/register.ts';
import { testQueryPlans } from '../support/query-plan.ts';

// The 宿泊者名簿 of a month must stay quick at millions of stays: the stays arriving in the period come from the
// arrival index, each stay's party and each guest by their own index or key, never a table read whole.
describe('宿泊者名簿 query plans', () => {
  testQueryPlans(REGISTER_STATEMENTS, {
    staysArriving: { uses: ['INDEX stays_arrival'] },
    partyOfStay: { uses: ['INDEX stay_party_stay'] },
    guestLine: {},
    heldOfGuest: { uses: ['INDEX erasures_guest'] },
  });
});
