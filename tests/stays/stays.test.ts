import { describe, expect, it } from 'vitest';
import { serviceCore } from '../service/helpers.ts';
import { changeLogCount } from '../support/core.ts';

describe('stays', () => {
  it('records a stay with its party (lead first), counts the nights and names the staff member', async () => {
    const { call, guest, staffId } = await serviceCore();
    const lead = await guest('佐藤', 'さとう');
    const companion = await guest('鈴木', 'すずき');
    const stay = await call('stays.create', {
      fields: {
        guestId: lead,
        arrivalDate: '2026/6/20',
        departureDate: '2026-06-23',
        rooms: ['松の間'],
        partyIds: [companion],
        purpose: 'anniversary',
        amountYen: 88000,
        staffId,
      },
    });
    expect(stay).toMatchObject({
      guestId: lead,
      arrivalDate: '2026-06-20',
      nights: 3,
      rooms: ['松の間'],
      adults: 2,
      children: 0,
      status: 'booked',
      purpose: 'anniversary',
      amountYen: 88000,
      staffId,
      staffName: '女将 山田',
    });
    expect(stay.party.map((m: { guestId: string; lead: boolean }) => [m.guestId, m.lead])).toEqual([
      [lead, true],
      [companion, false],
    ]);
    expect(stay.party[1].familyName).toBe('鈴木');
    expect(await call('stays.get', { id: stay.id })).toEqual(stay);
  });

  it('changes fields and the party: new members get a row, removed ones a tombstone, returning ones their row back', async () => {
    const { call, guest, stay, db } = await serviceCore();
    const lead = await guest('佐藤');
    const [a, b] = [await guest('甲'), await guest('乙')];
    const created = await stay(lead, { partyIds: [a] });
    const changed = await call('stays.update', { id: created.id, patch: { partyIds: [b], status: 'in_house' } });
    expect(changed.status).toBe('in_house');
    expect(changed.party.map((m: { guestId: string }) => m.guestId)).toEqual([lead, b]);
    const back = await call('stays.update', { id: created.id, patch: { partyIds: [a, b] } });
    expect(back.party.map((m: { guestId: string }) => m.guestId).sort()).toEqual([lead, a, b].sort());
    const rows = db
      .prepare('SELECT guest_id, deleted_at IS NOT NULL AS removed FROM stay_party WHERE stay_id = ? ORDER BY rowid')
      .all(created.id);
    // A guest's place in a party is one row (its id derived from stay and guest), so two PCs adding the same
    // guest make one row: coming back restores it.
    expect(rows).toEqual([
      { guest_id: a, removed: 0 },
      { guest_id: b, removed: 0 },
    ]);
  });

  it('checks a one-date patch against the stored other date', async () => {
    const { core, stay, guest, db } = await serviceCore();
    const created = await stay(await guest('佐藤'));
    const before = changeLogCount(db);
    const result = await core.call('stays.update', { id: created.id, patch: { departureDate: '2026-06-10' } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'patch.departureDate', code: 'departure_before_arrival' }] },
    });
    const arrival = await core.call('stays.update', { id: created.id, patch: { arrivalDate: '2026-06-18' } });
    expect(arrival.ok).toBe(false);
    expect(changeLogCount(db)).toBe(before);
    const fine = await core.call('stays.update', { id: created.id, patch: { arrivalDate: '2026-06-17' } });
    expect(fine.ok && (fine.value as { nights: number }).nights).toBe(0);
  });

  it('refuses a stay longer than a year (a typo that would hold the room for decades), by one date or both', async () => {
    const { core, stay, guest, db } = await serviceCore();
    const lead = await guest('佐藤');
    const before = changeLogCount(db);
    const tooLong = { code: 'stay_too_long', params: { nights: '365' } };
    expect(
      await core.call('stays.create', {
        fields: { guestId: lead, arrivalDate: '2026-12-20', departureDate: '2100-12-31', rooms: ['201'] },
      }),
    ).toEqual({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'fields.departureDate', ...tooLong }] } });
    const created = await stay(lead);
    const moved = await core.call('stays.update', { id: created.id, patch: { departureDate: '2100-12-31' } });
    expect(moved).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'patch.departureDate', ...tooLong }] },
    });
    expect(changeLogCount(db)).toBe(before + 1); // only the stay made in between
    // A year exactly is a stay (a season's 湯治, a year's posting).
    const year = await core.call('stays.create', {
      fields: { guestId: lead, arrivalDate: '2027-01-01', departureDate: '2028-01-01', rooms: ['202'] },
    });
    expect(year.ok && (year.value as { nights: number }).nights).toBe(365);
  });

  it('answers a number out of its range with the bound it passed, not as a text too long', async () => {
    const { core } = await serviceCore();
    expect(await core.call('guests.search', { q: 'さとう', limit: 1000 })).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'limit', code: 'number_too_large', params: { max: '100' } }] },
    });
    expect(await core.call('guests.search', { q: 'さとう', limit: 0 })).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'limit', code: 'number_too_small', params: { min: '1' } }] },
    });
  });

  it('refuses unknown or deleted guests, a lead in the party, an unknown staff member and an unknown stay', async () => {
    const { core, call, guest, stay, db } = await serviceCore();
    const lead = await guest('佐藤');
    const gone = await guest('削除');
    await call('guests.delete', { id: gone });
    const existing = await stay(lead);
    const unknown = '01900000-0000-7000-8000-999999999999';
    const base = { guestId: lead, arrivalDate: '2026-07-01', departureDate: '2026-07-02', rooms: ['101'] };
    const before = changeLogCount(db);
    const attempts: Array<[string, unknown, string, string]> = [
      ['stays.create', { fields: { ...base, guestId: unknown } }, 'not_found', 'guest_not_found'],
      ['stays.create', { fields: { ...base, guestId: gone } }, 'conflict', 'guest_deleted'],
      ['stays.create', { fields: { ...base, partyIds: [unknown] } }, 'not_found', 'guest_not_found'],
      ['stays.create', { fields: { ...base, partyIds: [gone] } }, 'conflict', 'guest_deleted'],
      ['stays.create', { fields: { ...base, partyIds: [lead] } }, 'invalid_input', 'party_includes_lead'],
      ['stays.create', { fields: { ...base, staffId: unknown } }, 'not_found', 'staff_not_found'],
      ['stays.update', { id: existing.id, patch: { partyIds: [lead] } }, 'invalid_input', 'party_includes_lead'],
      ['stays.update', { id: existing.id, patch: { guestId: gone } }, 'conflict', 'guest_deleted'],
      ['stays.update', { id: existing.id, patch: { staffId: unknown } }, 'not_found', 'staff_not_found'],
      ['stays.update', { id: unknown, patch: { note: 'x' } }, 'not_found', 'stay_not_found'],
      ['stays.get', { id: unknown }, 'not_found', 'stay_not_found'],
    ];
    for (const [name, input, code, detail] of attempts) {
      const result = await core.call(name, input);
      expect(result, `${name} ${JSON.stringify(input)}`).toEqual({ ok: false, error: { code, detail } });
    }
    expect(changeLogCount(db)).toBe(before);
  });

  it('refuses a new lead who is already in the party', async () => {
    const { core, guest, stay } = await serviceCore();
    const [lead, companion] = [await guest('佐藤'), await guest('鈴木')];
    const created = await stay(lead, { partyIds: [companion] });
    const result = await core.call('stays.update', { id: created.id, patch: { guestId: companion } });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', detail: 'party_includes_lead' } });
  });
});
