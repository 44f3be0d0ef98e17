import { describe, expect, it } from 'vitest';
import { seededAllergenId } from '../../db/migrations/0002-service.ts';
import { serviceCore } from './helpers.ts';

type Entry = { table: string; rowId: string; field: string; from: unknown; to: unknown; staffName: string | null };

describe('guests.history of the service records', () => {
  it("shows an allergy correction's old and new values with the staff member's name", async () => {
    const { call, guest } = await serviceCore();
    const me = await guest('佐藤');
    const old = await call('allergies.record', {
      guestId: me,
      allergenId: seededAllergenId(6),
      severity: 'intolerance',
      tracesOk: true,
    });
    const fixed = await call('allergies.correct', {
      id: old.id,
      allergenId: seededAllergenId(6),
      severity: 'anaphylaxis',
      tracesOk: false,
    });
    const entries: Entry[] = (await call('guests.history', { id: me })).entries;
    const of = (rowId: string, field: string) => entries.filter((e) => e.rowId === rowId && e.field === field);
    expect(of(old.id, 'severity')).toMatchObject([{ table: 'allergies', from: null, to: 'intolerance' }]);
    expect(of(old.id, 'traces_ok')).toMatchObject([{ to: true }]);
    // The old record's superseded_by is derived from the new record's `supersedes`: logged once, not twice.
    expect(of(old.id, 'superseded_by')).toEqual([]);
    expect(of(fixed.id, 'severity')).toMatchObject([{ table: 'allergies', to: 'anaphylaxis', staffName: '女将 山田' }]);
    expect(of(fixed.id, 'traces_ok')).toMatchObject([{ to: false }]);
    expect(of(fixed.id, 'supersedes')).toMatchObject([{ to: old.id }]);
    // Newest first: the correction comes before the first record.
    const order = entries.map((e) => e.rowId);
    expect(order.indexOf(fixed.id)).toBeLessThan(order.lastIndexOf(old.id));
  });

  it('shows the stays the guest leads and their requests with readable values, and keeps the guest entries', async () => {
    const { call, guest, stay } = await serviceCore();
    const [me, other] = [await guest('佐藤'), await guest('鈴木')];
    const mine = await stay(me, { rooms: ['松', '竹'] });
    await call('stays.update', { id: mine.id, patch: { rooms: ['梅'], status: 'in_house' } });
    const theirs = await stay(other, { partyIds: [me] });
    const request = await call('requests.record', { guestId: me, standing: true, category: 'room', text: '禁煙' });
    await call('requests.setStatus', { id: request.id, status: 'done' });
    await call('guests.update', { id: me, patch: { note: '常連' } });
    const entries: Entry[] = (await call('guests.history', { id: me })).entries;
    expect(entries.filter((e) => e.rowId === mine.id && e.field === 'rooms')).toMatchObject([
      { table: 'stays', from: ['松', '竹'], to: ['梅'] },
      { table: 'stays', from: null, to: ['松', '竹'] },
    ]);
    expect(entries.some((e) => e.rowId === theirs.id)).toBe(false); // led by someone else
    const partyOfTheirs = entries.filter((e) => e.table === 'stay_party' && e.field === 'stay_id');
    expect(partyOfTheirs).toEqual([]);
    await call('stays.update', { id: mine.id, patch: { partyIds: [other] } });
    const withParty: Entry[] = (await call('guests.history', { id: me })).entries;
    expect(withParty.find((e) => e.table === 'stay_party' && e.field === 'guest_id')).toMatchObject({ to: other });
    expect(entries.find((e) => e.rowId === request.id && e.field === 'standing')).toMatchObject({
      table: 'requests',
      to: true,
    });
    expect(entries.find((e) => e.rowId === request.id && e.field === 'status')).toMatchObject({
      from: 'open',
      to: 'done',
    });
    expect(entries[0]).toMatchObject({ table: 'guests', field: 'note', to: '常連' });
    expect(entries.some((e) => e.field === 'created_at' || e.field === 'updated_at')).toBe(false);
  });
});
