import { describe, expect, it } from 'vitest';
import { dupesCore, recordsOf } from './helpers.ts';

// A merge keeps one card with both histories, and its undo puts everything back as one step, leaving what was
// recorded since where it was recorded.

async function twoRecordsOfOnePerson() {
  const t = await dupesCore();
  const kept = await t.guest({
    familyName: '佐藤',
    givenName: '花子',
    familyReading: 'さとう',
    givenReading: 'はなこ',
    phones: [{ number: '090-1234-5678', label: 'mobile' }],
  });
  const merged = await t.guest({
    familyName: '佐東',
    givenName: '華子',
    familyReading: 'ｻﾄｳ',
    givenReading: 'ﾊﾅｺ',
    phones: [
      { number: '+81 90-1234-5678', label: 'home' },
      { number: '03-3333-4444', label: 'work' },
    ],
    email: 'hanako@example.jp',
    birthday: '1980-05-05',
  });
  const friend = await t.guest({
    familyName: '鈴木',
    givenName: '一郎',
    familyReading: 'すずき',
    givenReading: 'いちろう',
  });
  const keptStay = await t.stay(kept, '2026-04-01');
  // The merged card's stay, with the friend in the party; the friend's stay with the merged guest and the kept one.
  const mergedStay = await t.stay(merged, '2025-10-10', { partyIds: [friend] });
  const friendStay = await t.stay(friend, '2026-05-05', { partyIds: [merged, kept] });
  const dish = (await t.call('dishes.create', { fields: { name: '鯛の塩焼き', category: 'grilled' } })).id;
  await t.call('served.record', { stayId: mergedStay, date: '2025-10-10', meal: 'dinner', dishIds: [dish] });
  const egg = (await t.call('allergens.list', {})).allergens.find((a: { code: string }) => a.code === 'egg').id;
  await t.call('allergies.record', { guestId: merged, allergenId: egg, severity: 'allergy', tracesOk: false });
  await t.call('requests.record', { guestId: merged, standing: true, category: 'room', text: '禁煙室' });
  const hall = (
    await t.call('halls.create', { fields: { name: '松の間', capacity: { seated: 40, standing: 0, theatre: 0 } } })
  ).id;
  const deal = base(merged, hall);
  const organised = (await t.call('banquets.create', { fields: deal })).banquet.id;
  const attended = (
    await t.call('banquets.create', {
      fields: { ...base(friend, hall), startTime: '11:00', endTime: '13:00', attendeeIds: [merged, friend] },
    })
  ).banquet.id;
  await t.call('guests.linkCompanion', { guestId: merged, companionId: friend, relationship: 'friend' });
  await t.call('guests.linkCompanion', { guestId: kept, companionId: merged, relationship: 'other' });
  return { t, kept, merged, friend, keptStay, mergedStay, friendStay, organised, attended };
}

function base(organiserId: string, hall: string) {
  return {
    organiserId,
    type: 'bonenkai',
    date: '2026-12-20',
    startTime: '18:00',
    endTime: '20:00',
    headcount: 10,
    hallIds: [hall],
  };
}

describe('merging two guests', () => {
  it('moves every kind of history to the kept card, and the old name finds it', async () => {
    const { t, kept, merged, friend, keptStay, mergedStay, friendStay, organised, attended } =
      await twoRecordsOfOnePerson();
    const { mergeId } = await t.call('duplicates.merge', { keptId: kept, mergedId: merged, take: { email: 'merged' } });

    const service = await t.call('guests.service', { id: kept });
    expect(service.stays.map((s: { id: string }) => s.id).sort()).toEqual([keptStay, mergedStay, friendStay].sort());
    expect(service.allergies.map((a: { allergenName?: string; severity: string }) => a.severity)).toEqual(['allergy']);
    expect(service.requests.map((r: { text: string }) => r.text)).toEqual(['禁煙室']);
    expect(service.dishHistory.length + (service.lastServed ? 1 : 0)).toBeGreaterThan(0);

    const card = await t.call('guests.get', { id: kept });
    expect(card.email).toBe('hanako@example.jp');
    expect(card.birthday).toBe('1980-05-05'); // empty on the kept card: the other's value stays
    expect(card.familyName).toBe('佐藤');
    // Phones united: the same number typed two ways is one.
    expect(card.phones.map((p: { number: string }) => p.number)).toEqual(['090-1234-5678', '03-3333-4444']);
    // The link between the two records is gone; the friend is the kept guest's companion, once.
    expect(card.companions.map((c: { guestId: string }) => c.guestId)).toEqual([friend]);

    expect((await t.call('banquets.get', { id: organised })).banquet.organiserId).toBe(kept);
    expect((await t.call('banquets.get', { id: attended })).banquet.attendeeIds).toEqual([kept, friend]);
    // The friend's stay had both records in its party: the person is in it once.
    const party = t.db
      .prepare('SELECT guest_id FROM stay_party WHERE stay_id = ? AND deleted_at IS NULL ORDER BY guest_id')
      .pluck()
      .all(friendStay);
    expect(party).toEqual([kept]);

    const old = await t.call('guests.get', { id: merged });
    expect(old.deletedAt).not.toBeNull();
    const hits = await t.call('guests.search', { q: '佐東華子' });
    expect(hits.hits.map((h: { id: string }) => h.id)).toEqual([kept]);
    const byReading = await t.call('guests.search', { q: 'さとう' });
    expect(byReading.hits.map((h: { id: string }) => h.id)).toEqual([kept]);

    const merges = (await t.call('duplicates.merges', {})).merges;
    expect(merges).toEqual([
      expect.objectContaining({
        id: mergeId,
        kept: expect.objectContaining({ id: kept }),
        undoneAt: null,
        by: '女将 山田',
      }),
    ]);
    expect(merges[0].moved).toBeGreaterThanOrEqual(8);
  });

  it('undo puts back exactly what the merge changed, while a request recorded after it stays on the kept card', async () => {
    const { t, kept, merged } = await twoRecordsOfOnePerson();
    const before = recordsOf(t.db);
    const { mergeId } = await t.call('duplicates.merge', {
      keptId: kept,
      mergedId: merged,
      take: { familyName: 'merged' },
    });
    const later = await t.call('requests.record', {
      guestId: kept,
      standing: true,
      category: 'meals',
      text: '朝食は和食',
    });
    await t.call('duplicates.undoMerge', { id: mergeId });

    const after = recordsOf(t.db);
    const laterRow = (after.requests as Array<{ id: string; guest_id: string }>).find((r) => r.id === later.id);
    expect(laterRow?.guest_id).toBe(kept);
    after.requests = (after.requests as Array<{ id: string }>).filter((r) => r.id !== later.id);
    expect(after).toEqual(before);
    expect((await t.call('guests.get', { id: merged })).deletedAt).toBeNull();
    expect((await t.call('guests.search', { q: '佐東' })).hits.map((h: { id: string }) => h.id)).toEqual([merged]);
    // An undo is one step, once.
    const again = await t.core.call('duplicates.undoMerge', { id: mergeId });
    expect(again).toEqual({ ok: false, error: { code: 'conflict', detail: 'merge_already_undone' } });
    expect((await t.call('duplicates.merges', {})).merges[0].undoneAt).not.toBeNull();
  });

  it('undo gives back an allergy corrected on the kept card since, so the merged guest is still warned of it', async () => {
    const { t, kept, merged } = await twoRecordsOfOnePerson();
    const { mergeId } = await t.call('duplicates.merge', { keptId: kept, mergedId: merged });
    // On the kept card, the egg allergy the merge brought is confirmed as an anaphylaxis: a new record.
    const [moved] = (await t.call('allergies.forGuest', { guestId: kept })).allergies;
    const corrected = await t.call('allergies.correct', {
      id: moved.id,
      allergenId: moved.allergenId,
      severity: 'anaphylaxis',
      tracesOk: false,
      note: 'ご本人に確認: 微量も不可',
    });
    await t.call('duplicates.undoMerge', { id: mergeId });
    const current = async (guestId: string) =>
      (await t.call('allergies.forGuest', { guestId })).allergies
        .filter((a: { supersededBy: string | null; retractedAt: string | null }) => !a.supersededBy && !a.retractedAt)
        .map((a: { id: string; severity: string }) => [a.id, a.severity]);
    expect(await current(merged)).toEqual([[corrected.id, 'anaphylaxis']]);
    expect(await current(kept)).toEqual([]);
  });

  it('refuses to undo a merge whose kept card was merged into another since, until that one is undone', async () => {
    const { t, kept, merged } = await twoRecordsOfOnePerson();
    const third = await t.guest({ familyName: '佐藤', givenName: '花', familyReading: 'さとう', givenReading: 'はな' });
    const first = (await t.call('duplicates.merge', { keptId: kept, mergedId: merged })).mergeId;
    const second = (await t.call('duplicates.merge', { keptId: third, mergedId: kept })).mergeId;
    const before = recordsOf(t.db);
    expect(await t.core.call('duplicates.undoMerge', { id: first })).toEqual({
      ok: false,
      error: { code: 'conflict', detail: 'merge_kept_merged_since' },
    });
    expect(recordsOf(t.db)).toEqual(before); // nothing moved
    // In the other order, both undo, and the merged guest has their records again.
    await t.call('duplicates.undoMerge', { id: second });
    await t.call('duplicates.undoMerge', { id: first });
    expect((await t.call('allergies.forGuest', { guestId: merged })).allergies).toHaveLength(1);
    expect((await t.call('guests.get', { id: merged })).deletedAt).toBeNull();
  });

  it('refuses to merge a guest with itself or a deleted guest, and to restore a merged guest past its undo', async () => {
    const { t, kept, merged } = await twoRecordsOfOnePerson();
    expect(await t.core.call('duplicates.merge', { keptId: kept, mergedId: kept })).toEqual({
      ok: false,
      error: { code: 'invalid_input', detail: 'merge_same_guest' },
    });
    await t.call('duplicates.merge', { keptId: kept, mergedId: merged });
    expect(await t.core.call('duplicates.merge', { keptId: kept, mergedId: merged })).toEqual({
      ok: false,
      error: { code: 'conflict', detail: 'guest_deleted' },
    });
    expect(await t.core.call('guests.restore', { id: merged })).toEqual({
      ok: false,
      error: { code: 'conflict', detail: 'guest_merged' },
    });
  });
});
