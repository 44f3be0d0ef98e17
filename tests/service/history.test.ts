import { describe, expect, it } from 'vitest';
import { seededAllergenId } from '../../db/migrations/0002-service.ts';
import type { HistoryChange, HistoryRow } from '../../shared/contract/history.ts';
import { serviceCore, TODAY } from './helpers.ts';

// The History tab's rows about the service records: the stays a guest leads (and their party), their
// allergies and requests, each naming what it is about, in contract terms.

const EGG = { nameJa: '卵', nameEn: 'Egg' };
const MILK = { nameJa: '乳', nameEn: 'Milk' };

async function historyOf(call: (name: string, input: unknown) => Promise<unknown>, id: string) {
  return ((await call('guests.history', { id })) as { rows: HistoryRow[] }).rows;
}

const ofKind = <K extends HistoryChange['kind']>(rows: HistoryRow[], kind: K) =>
  rows.map((row) => row.change).filter((change): change is Extract<HistoryChange, { kind: K }> => change.kind === kind);

describe('guests.history of the service records', () => {
  it('reads an allergy correction as old → new values, by who corrected it', async () => {
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
      allergenId: seededAllergenId(7),
      severity: 'anaphylaxis',
      tracesOk: false,
    });
    const rows = await historyOf(call, me);
    expect(rows[0]).toMatchObject({ staffName: '女将 山田' });
    expect(rows[0]?.change).toEqual({
      kind: 'allergyCorrected',
      allergy: { id: fixed.id, ...MILK },
      changes: [
        { field: 'allergen', from: EGG, to: MILK },
        { field: 'severity', from: 'intolerance', to: 'anaphylaxis' },
        { field: 'tracesOk', from: true, to: false },
      ],
    });
    // The first record reads field by field, what it said when it was made (superseded_by is derived: no row).
    expect(ofKind(rows, 'allergy')).toEqual([
      { kind: 'allergy', allergy: { id: old.id, ...EGG }, field: 'allergen', from: null, to: EGG },
      { kind: 'allergy', allergy: { id: old.id, ...EGG }, field: 'severity', from: null, to: 'intolerance' },
      { kind: 'allergy', allergy: { id: old.id, ...EGG }, field: 'tracesOk', from: null, to: true },
      { kind: 'allergy', allergy: { id: old.id, ...EGG }, field: 'confirmedAt', from: null, to: TODAY },
    ]);
    expect(rows).toHaveLength(7); // and the two fields the guest was created with
  });

  it('reads a retraction with its reason and its undoing, naming a free allergen in both languages', async () => {
    const { call, guest } = await serviceCore();
    const me = await guest('佐藤');
    const raw = await call('allergies.record', {
      guestId: me,
      freeAllergen: '生もの',
      severity: 'dislike',
      tracesOk: true,
    });
    await call('allergies.retract', { id: raw.id, reason: '別のお客様の記録' });
    await call('allergies.restore', { id: raw.id });
    const allergy = { id: raw.id, nameJa: '生もの', nameEn: '生もの' };
    expect((await historyOf(call, me)).slice(0, 2).map((row) => row.change)).toEqual([
      { kind: 'allergyRestored', allergy },
      { kind: 'allergyRetracted', allergy, reason: '別のお客様の記録' },
    ]);
  });

  it('shows the stays the guest leads with their values, and who joined and left the party, by name', async () => {
    const { call, guest, stay } = await serviceCore();
    const [me, friend] = [await guest('佐藤'), await guest('鈴木', 'すずき')];
    const mine = await stay(me, { rooms: ['松', '竹'], partyIds: [friend], purpose: 'birthday' });
    await call('stays.update', { id: mine.id, patch: { rooms: ['梅'], status: 'in_house', partyIds: [] } });
    await stay(friend, { partyIds: [me] }); // led by someone else: not in my history
    const rows = await historyOf(call, me);
    const subject = (rooms: string[]) => ({ id: mine.id, arrivalDate: TODAY, departureDate: '2026-06-17', rooms });
    const named = { id: friend, familyName: '鈴木', givenName: '', familyReading: 'すずき', givenReading: '' };
    expect(rows.slice(0, 3).map((row) => row.change)).toEqual([
      { kind: 'stay', stay: subject(['梅']), field: 'rooms', from: ['松', '竹'], to: ['梅'] },
      { kind: 'stay', stay: subject(['梅']), field: 'status', from: 'booked', to: 'in_house' },
      { kind: 'partyRemoved', stay: subject(['梅']), guest: named },
    ]);
    expect(ofKind(rows, 'stay').filter((change) => change.stay.rooms.length === 2)).toEqual(
      [
        ['arrivalDate', TODAY],
        ['departureDate', '2026-06-17'],
        ['rooms', ['松', '竹']],
        ['adults', 2],
        ['purpose', 'birthday'],
      ].map(([field, to]) => ({ kind: 'stay', stay: subject(['松', '竹']), field, from: null, to })),
    );
    expect(ofKind(rows, 'partyAdded')).toEqual([{ kind: 'partyAdded', stay: subject(['松', '竹']), guest: named }]);
  });

  it("shows a request's kind, text and status in contract terms, never columns or 0/1", async () => {
    const { call, guest } = await serviceCore();
    const me = await guest('佐藤');
    const request = await call('requests.record', { guestId: me, standing: true, category: 'room', text: '禁煙' });
    await call('requests.setStatus', { id: request.id, status: 'done' });
    await call('guests.update', { id: me, patch: { note: '常連' } });
    const rows = await historyOf(call, me);
    const subject = { id: request.id, category: 'room', text: '禁煙' };
    expect(rows.map((row) => row.change)).toEqual([
      { kind: 'guestField', field: 'note', from: '', to: '常連' },
      { kind: 'request', request: subject, field: 'status', from: 'open', to: 'done' },
      { kind: 'request', request: subject, field: 'category', from: null, to: 'room' },
      { kind: 'request', request: subject, field: 'text', from: null, to: '禁煙' },
      { kind: 'request', request: subject, field: 'standing', from: null, to: true },
      { kind: 'guestField', field: 'familyName', from: null, to: '佐藤' },
      { kind: 'guestField', field: 'familyReading', from: null, to: 'てすと' },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/"[a-z]+_[a-z_]+":/); // no column name as a key
  });
});
