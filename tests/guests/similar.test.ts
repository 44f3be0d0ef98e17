import { describe, expect, it } from 'vitest';
import { SIMILAR_STATEMENTS } from '../../electron/core/guests/similar.ts';
import { changeLogCount, makeStaffedCore } from '../support/core.ts';
import { testQueryPlans } from '../support/query-plan.ts';

// Before the desk records a new guest, guests.similar names the guests already on record who are probably that
// person, so a regular is not registered twice (their allergies and history would stay on the first card).

const ishihara = {
  familyName: '石原',
  givenName: '浩',
  familyReading: 'いしはら',
  givenReading: 'ひろし',
  phones: [{ number: '090-1234-5678', label: 'mobile' as const }],
  birthday: '1980-05-05',
};

async function innWithIshihara() {
  const test = await makeStaffedCore();
  const guest = await test.call('guests.create', { fields: ishihara });
  await test.call('allergies.record', {
    guestId: guest.id,
    allergenId: (await test.call('allergens.list', {})).allergens.find((a: { nameJa: string }) => a.nameJa === 'えび')
      .id,
    severity: 'anaphylaxis',
    tracesOk: false,
  });
  return { ...test, guest };
}

const similar = async (call: (name: string, input: unknown) => Promise<unknown>, fields: object) =>
  ((await call('guests.similar', { fields })) as { guests: Array<Record<string, unknown>> }).guests;

describe('guests.similar', () => {
  it('names the guest on record when the desk types the same person again, with what they share, and writes nothing', async () => {
    const { call, db, guest } = await innWithIshihara();
    const before = changeLogCount(db);
    // Booked by phone: the name typed in another width and the same mobile number, written with U+2212 dashes.
    const found = await similar(call, {
      familyName: '石原',
      givenName: '浩',
      familyReading: 'イシハラ',
      givenReading: 'ヒロシ',
      phones: [{ number: '０９０−１２３４−５６７８', label: 'mobile' }],
    });
    expect(found).toEqual([
      expect.objectContaining({
        id: guest.id,
        familyName: '石原',
        givenName: '浩',
        phone: '090-1234-5678',
        birthday: '1980-05-05',
        allergy: 'anaphylaxis',
        reasons: { same: ['phone', 'name', 'reading'], differs: [] },
      }),
    ]);
    expect(found[0]?.score).toBeGreaterThanOrEqual(60);
    expect(changeLogCount(db)).toBe(before);
  });

  it('shows a namesake with the same reading, whose birthday is not known to differ; not one born another day', async () => {
    const { call, guest } = await innWithIshihara();
    const byName = { familyName: '石原', givenName: '浩', familyReading: 'いしはら', givenReading: 'ひろし' };
    expect((await similar(call, byName)).map((g) => g.id)).toEqual([guest.id]);
    expect(await similar(call, { ...byName, birthday: '1992-01-30' })).toEqual([]);
    // The same reading and birthday with the given name in other kanji (宏 typed for 浩): shown, as probably him.
    expect(await similar(call, { ...byName, givenName: '宏', birthday: '1980-05-05' })).toEqual([
      expect.objectContaining({ id: guest.id, reasons: { same: ['reading', 'birthday'], differs: [] } }),
    ]);
    // Another person altogether.
    expect(await similar(call, { familyName: '佐藤', familyReading: 'さとう', givenName: '花子' })).toEqual([]);
  });

  it('finds a guest by the card merged into theirs (a maiden name), and lists the guest on record, once', async () => {
    const { call } = await makeStaffedCore();
    const yumi = await call('guests.create', {
      fields: {
        familyName: '石原',
        givenName: '由美',
        familyReading: 'いしはら',
        givenReading: 'ゆみ',
        email: 'yumi@new.example.jp',
      },
    });
    const old = await call('guests.create', {
      fields: {
        familyName: '山本',
        givenName: '由美',
        familyReading: 'やまもと',
        givenReading: 'ゆみ',
        email: 'yumi@old.example.jp',
      },
    });
    await call('duplicates.merge', { keptId: yumi.id, mergedId: old.id, take: {} });
    // Typed as the old card had her: only the merged card matches, and it stands for the guest on record.
    const found = await similar(call, {
      familyName: '山本',
      givenName: '由美',
      familyReading: 'やまもと',
      givenReading: 'ゆみ',
      email: 'yumi@old.example.jp',
    });
    expect(found).toEqual([
      expect.objectContaining({
        id: yumi.id,
        familyName: '石原',
        reasons: { same: ['email', 'name', 'reading'], differs: [] },
      }),
    ]);
    // A guest deleted (not merged) is not offered.
    await call('guests.delete', { id: yumi.id });
    expect(
      await similar(call, { familyName: '石原', givenName: '由美', familyReading: 'いしはら', givenReading: 'ゆみ' }),
    ).toEqual([]);
  });

  it('compares only names for the kitchen: a phone they type tells them nobody, and no contact detail comes back', async () => {
    const { call, guest } = await innWithIshihara();
    const kitchen = await call('staff.create', { name: '板長 佐藤', roles: ['kitchen'] });
    await call('staff.setCurrent', { id: kitchen.id });
    // Someone else's name with 石原's phone: for the front desk a match on the phone; for the kitchen nothing.
    expect(
      await similar(call, {
        familyName: '石原',
        familyReading: 'いしはら',
        givenName: '京子',
        givenReading: 'きょうこ',
        phones: [{ number: '090-1234-5678', label: 'mobile' }],
      }),
    ).toEqual([]);
    const byName = await similar(call, {
      familyName: '石原',
      givenName: '浩',
      familyReading: 'いしはら',
      givenReading: 'ひろし',
    });
    expect(byName).toEqual([expect.objectContaining({ id: guest.id, phone: '', birthday: '' })]);
  });

  it('refuses what guests.create would refuse, with the same field codes', async () => {
    const { core } = await innWithIshihara();
    const answer = await core.call('guests.similar', { fields: { familyName: '石原', familyReading: '' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(answer)).toContain('familyReading');
  });
});

describe('query plans of guests.similar', () => {
  testQueryPlans(SIMILAR_STATEMENTS, { GUEST: {} });
});
