import { describe, expect, it } from 'vitest';
import { seededAllergenId } from '../../db/migrations/0002-service.ts';
import { serviceCore, TODAY } from '../service/helpers.ts';
import { changeLogCount } from '../support/core.ts';

const EGG = seededAllergenId(6);
const SHRIMP = seededAllergenId(1);
const UNKNOWN = '01900000-0000-7000-8000-999999999999';

describe('allergen catalogue', () => {
  it('lists the seeded labelling list in order, and adds, renames, withdraws and restores', async () => {
    const { call, core, db } = await serviceCore();
    const { allergens } = await call('allergens.list', {});
    expect(allergens).toHaveLength(28);
    expect(allergens[0]).toMatchObject({ code: 'shrimp', nameJa: 'えび', legalClass: 'mandatory', deletedAt: null });
    const created = await call('allergens.create', {
      fields: { nameJa: 'アルコール', nameEn: 'Alcohol', legalClass: 'other' },
    });
    expect(created.code).toMatch(/^custom-[0-9a-f]{8}$/);
    expect(created.sortOrder).toBeGreaterThan(allergens.at(-1).sortOrder);
    const renamed = await call('allergens.update', { id: created.id, patch: { nameEn: 'Alcoholic drinks' } });
    expect(renamed).toMatchObject({ nameJa: 'アルコール', nameEn: 'Alcoholic drinks' });
    const withdrawn = await call('allergens.delete', { id: created.id });
    expect(withdrawn.deletedAt).not.toBeNull();
    expect((await call('allergens.list', {})).allergens.map((a: { id: string }) => a.id)).not.toContain(created.id);
    expect((await call('allergens.list', { includeDeleted: true })).allergens.at(-1).id).toBe(created.id);

    const before = changeLogCount(db);
    expect(await core.call('allergens.delete', { id: created.id })).toEqual({
      ok: false,
      error: { code: 'conflict', detail: 'allergen_already_withdrawn' },
    });
    expect(await core.call('allergens.restore', { id: EGG })).toEqual({
      ok: false,
      error: { code: 'conflict', detail: 'allergen_not_withdrawn' },
    });
    expect(await core.call('allergens.update', { id: UNKNOWN, patch: { nameJa: 'x' } })).toEqual({
      ok: false,
      error: { code: 'not_found', detail: 'allergen_not_found' },
    });
    // A withdrawn allergen is brought back before it is edited.
    expect(await core.call('allergens.update', { id: created.id, patch: { nameEn: 'ghost' } })).toEqual({
      ok: false,
      error: { code: 'conflict', detail: 'allergen_withdrawn' },
    });
    expect(changeLogCount(db)).toBe(before);
    expect((await call('allergens.restore', { id: created.id })).deletedAt).toBeNull();
  });
});

describe('allergies', () => {
  it('records a catalogue or a free allergen, confirmed today by the staff member at this PC', async () => {
    const { call, core, db, guest, staffId } = await serviceCore();
    const guestId = await guest('佐藤');
    const egg = await call('allergies.record', { guestId, allergenId: EGG, severity: 'anaphylaxis', tracesOk: false });
    expect(egg).toMatchObject({
      allergenId: EGG,
      nameJa: '卵',
      nameEn: 'Egg',
      severity: 'anaphylaxis',
      tracesOk: false,
      confirmedAt: TODAY,
      confirmedBy: staffId,
      recordedBy: staffId,
      confirmedByName: '女将 山田',
      state: 'current',
      reconfirmDue: false,
      needsReview: false,
    });
    const free = await call('allergies.record', {
      guestId,
      freeAllergen: 'アルコール',
      severity: 'intolerance',
      tracesOk: true,
      note: '料理酒は可',
    });
    expect(free).toMatchObject({ allergenId: null, nameJa: 'アルコール', nameEn: 'アルコール', tracesOk: true });
    const { allergies } = await call('allergies.forGuest', { guestId });
    expect(allergies.map((a: { id: string }) => a.id)).toEqual([egg.id, free.id]);

    // A second current record of the same allergen is refused: staff correct the first one instead.
    const before = changeLogCount(db);
    for (const twin of [{ allergenId: EGG }, { freeAllergen: 'アルコール' }]) {
      expect(await core.call('allergies.record', { guestId, ...twin, severity: 'allergy', tracesOk: false })).toEqual({
        ok: false,
        error: { code: 'conflict', detail: 'allergy_already_recorded' },
      });
    }
    expect(changeLogCount(db)).toBe(before);
  });

  it('marks confirmations older than the re-confirmation period, except dislikes, and confirm clears it', async () => {
    const { call, guest } = await serviceCore();
    const guestId = await guest('佐藤');
    const old = { guestId, severity: 'allergy', tracesOk: false, confirmedAt: '2025-06-14' };
    const due = await call('allergies.record', { ...old, allergenId: EGG });
    const dislike = await call('allergies.record', { ...old, freeAllergen: '生もの', severity: 'dislike' });
    const edge = await call('allergies.record', { ...old, allergenId: SHRIMP, confirmedAt: '2025-06-15' });
    expect([due.reconfirmDue, dislike.reconfirmDue, edge.reconfirmDue]).toEqual([true, false, false]);
    await call('settings.update', { patch: { allergyReconfirmMonths: 6 } });
    const { allergies } = await call('allergies.forGuest', { guestId });
    expect(allergies.find((a: { id: string }) => a.id === edge.id).reconfirmDue).toBe(true);
    const confirmed = await call('allergies.confirm', { id: due.id });
    expect(confirmed).toMatchObject({ confirmedAt: TODAY, reconfirmDue: false, state: 'current' });
  });

  it('corrects by superseding, retracts with a reason, and restores a retraction', async () => {
    const { call, guest, db, staffId } = await serviceCore();
    const guestId = await guest('佐藤');
    const first = await call('allergies.record', { guestId, allergenId: EGG, severity: 'intolerance', tracesOk: true });
    const logBefore = changeLogCount(db);
    const corrected = await call('allergies.correct', {
      id: first.id,
      allergenId: EGG,
      severity: 'anaphylaxis',
      tracesOk: false,
      note: '少量でも',
    });
    expect(corrected).toMatchObject({ supersedes: first.id, severity: 'anaphylaxis', state: 'current', guestId });
    expect(changeLogCount(db)).toBeGreaterThan(logBefore);
    const afterCorrect = (await call('allergies.forGuest', { guestId })).allergies;
    expect(afterCorrect.map((a: { id: string; state: string }) => [a.id, a.state])).toEqual([
      [corrected.id, 'current'],
      [first.id, 'superseded'],
    ]);
    // The old record's content is as it was written.
    expect(afterCorrect[1]).toMatchObject({ severity: 'intolerance', tracesOk: true, supersededBy: corrected.id });

    const retracted = await call('allergies.retract', { id: corrected.id, reason: '別のお客様と取り違え' });
    expect(retracted).toMatchObject({
      state: 'retracted',
      retractedBy: staffId,
      retractReason: '別のお客様と取り違え',
    });
    expect(retracted.retractedAt).not.toBeNull();
    const restored = await call('allergies.restore', { id: corrected.id });
    expect(restored).toMatchObject({ state: 'current', retractedAt: null, retractedBy: null, severity: 'anaphylaxis' });
  });

  it('refuses bad attempts with their code and detail, and changes nothing', async () => {
    const { core, call, guest, db } = await serviceCore();
    const guestId = await guest('佐藤');
    const gone = await guest('削除');
    await call('guests.delete', { id: gone });
    const withdrawn = (await call('allergens.create', { fields: { nameJa: '旧', nameEn: '', legalClass: 'other' } }))
      .id;
    await call('allergens.delete', { id: withdrawn });
    const first = await call('allergies.record', { guestId, allergenId: EGG, severity: 'allergy', tracesOk: false });
    const second = await call('allergies.correct', {
      id: first.id,
      allergenId: EGG,
      severity: 'allergy',
      tracesOk: true,
    });
    const content = { severity: 'allergy', tracesOk: false };
    const before = changeLogCount(db);
    const attempts: Array<[string, unknown, string, string]> = [
      ['allergies.record', { guestId: UNKNOWN, allergenId: EGG, ...content }, 'not_found', 'guest_not_found'],
      ['allergies.record', { guestId: gone, allergenId: EGG, ...content }, 'conflict', 'guest_deleted'],
      ['allergies.record', { guestId, allergenId: UNKNOWN, ...content }, 'not_found', 'allergen_not_found'],
      ['allergies.record', { guestId, allergenId: withdrawn, ...content }, 'conflict', 'allergen_withdrawn'],
      ['allergies.correct', { id: first.id, allergenId: EGG, ...content }, 'conflict', 'allergy_not_current'],
      ['allergies.correct', { id: second.id, allergenId: withdrawn, ...content }, 'conflict', 'allergen_withdrawn'],
      ['allergies.correct', { id: UNKNOWN, allergenId: EGG, ...content }, 'not_found', 'allergy_not_found'],
      ['allergies.retract', { id: first.id, reason: '誤り' }, 'conflict', 'allergy_not_current'],
      ['allergies.restore', { id: first.id }, 'conflict', 'allergy_not_retracted'],
      ['allergies.restore', { id: second.id }, 'conflict', 'allergy_not_retracted'],
      ['allergies.confirm', { id: first.id }, 'conflict', 'allergy_not_current'],
      ['allergies.forGuest', { guestId: UNKNOWN }, 'not_found', 'guest_not_found'],
    ];
    for (const [name, input, code, detail] of attempts) {
      const result = await core.call(name, input);
      expect(result, `${name} ${JSON.stringify(input)}`).toEqual({ ok: false, error: { code, detail } });
    }
    // Exactly one of allergenId and freeAllergen.
    for (const both of [{}, { allergenId: EGG, freeAllergen: '生もの' }]) {
      const result = await core.call('allergies.record', { guestId, ...both, ...content });
      expect(result).toEqual({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'allergenId', code: 'allergen_required' }] },
      });
    }
    expect(changeLogCount(db)).toBe(before);
  });
});
