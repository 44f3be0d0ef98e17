import { describe, expect, it } from 'vitest';
import { seededAllergenId } from '../../db/migrations/0002-service.ts';
import { SEARCH_CUE_STATEMENTS } from '../../electron/core/guests/search-cues.ts';
import { serviceCore, TODAY } from '../service/helpers.ts';
import { testQueryPlans } from '../support/query-plan.ts';

// A search result row tells the desk at a glance who this is today: arriving or staying, an allergy, the
// last visit; and among equal matches the guest arriving today comes first, however long ago they booked.

type Hit = { id: string; today: string | null; allergy: string | null; lastVisit: string | null };

describe('search results with what the desk needs at a glance', () => {
  it('puts the guest arriving today first among equal matches, even past the first page of a common name', async () => {
    const { call, guest, stay } = await serviceCore();
    // Booked long ago: the oldest activity of eight 中村, so last by recency.
    const haruka = await guest('中村', 'なかむら');
    await stay(haruka, { arrivalDate: TODAY, departureDate: '2026-06-16', rooms: ['201'] });
    for (let i = 0; i < 7; i++) await guest('中村', 'なかむら');
    const hits: Hit[] = (await call('guests.search', { q: '中村', limit: 5 })).hits;
    expect(hits).toHaveLength(5);
    expect(hits[0]).toMatchObject({ id: haruka, today: 'arriving' });
    expect(hits.slice(1).every((hit) => hit.today === null)).toBe(true);
  });

  it('says who is staying now, their worst allergy and their last visit, as lead or in a party', async () => {
    const { call, guest, stay } = await serviceCore();
    const lead = await guest('森', 'もり');
    const partner = await guest('森', 'もり');
    await stay(lead, { arrivalDate: '2025-11-01', departureDate: '2025-11-02', rooms: ['3'], status: 'departed' });
    await stay(lead, {
      arrivalDate: '2026-06-14',
      departureDate: '2026-06-16',
      rooms: ['5'],
      partyIds: [partner],
      status: 'in_house',
    });
    await call('allergies.record', {
      guestId: partner,
      allergenId: seededAllergenId(1),
      severity: 'intolerance',
      tracesOk: true,
    });
    await call('allergies.record', {
      guestId: partner,
      allergenId: seededAllergenId(2),
      severity: 'anaphylaxis',
      tracesOk: false,
    });
    const hits: Hit[] = (await call('guests.search', { q: 'もり' })).hits;
    const of = (id: string) => hits.find((hit) => hit.id === id);
    expect(of(lead)).toMatchObject({ today: 'staying', allergy: null, lastVisit: '2025-11-01' });
    expect(of(partner)).toMatchObject({ today: 'staying', allergy: 'anaphylaxis', lastVisit: null });
  });
});

describe('query plans of the search cues', () => {
  testQueryPlans(SEARCH_CUE_STATEMENTS, {
    TODAY_SETS: { uses: ['INDEX stays_occupying'] },
    STAYS_OF_HITS: { uses: ['COVERING INDEX stays_guest', 'COVERING INDEX stay_party_guest'] },
    ALLERGIES_OF_HITS: { uses: ['INDEX allergies_guest'] },
    RANKS_OF_HITS: {},
  });
});
