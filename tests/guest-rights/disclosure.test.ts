import { describe, expect, it } from 'vitest';
import { disclosureSchema } from '../../shared/contract/guest-rights.ts';
import { downloaded } from '../exports/helpers.ts';
import { allergen } from '../kitchen/helpers.ts';
import { makeStaffedCore, type TestCore } from '../support/core.ts';
import { pdfText } from '../support/pdf-text.ts';

// guests.disclose through the core's door: everything held about one guest as JSON (its documented,
// versioned shape) and as a Japanese PDF, both made as files (files.download).

// What staff wrote about Hanako, on records Taro shares: a companion's disclosure leaves them out.
const LEAD_NOTE = '花子様 義父の介護で早めの夕食';
const SERVED_NOTE = '花子様 鯛を半分残された';
const DEAL_NOTE = '花子様 予算は抑えめ';

/** A regular with something in every section: companion, stay, allergies (corrected), request, dish, banquet. */
async function regular(test: TestCore) {
  const { call } = test;
  const hanako = await call('guests.create', {
    fields: {
      familyName: '佐藤',
      givenName: '花子',
      familyReading: 'さとう',
      givenReading: 'はなこ',
      phones: [{ number: '090-1111-2222', label: 'mobile' }],
      address: '東京都千代田区千代田1-1',
      birthday: '1980-05-05',
    },
  });
  const taro = await call('guests.create', {
    fields: { familyName: '佐藤', givenName: '太郎', familyReading: 'さとう', givenReading: 'たろう' },
  });
  await call('guests.linkCompanion', { guestId: hanako.id, companionId: taro.id, relationship: 'spouse' });
  await call('guests.update', { id: hanako.id, patch: { note: '窓側の部屋を希望' } });
  const stay = await call('stays.create', {
    fields: {
      guestId: hanako.id,
      arrivalDate: '2026-11-03',
      departureDate: '2026-11-05',
      rooms: ['201'],
      partyIds: [taro.id],
      adults: 2,
      amountYen: 86000,
      reservationNo: 'R-5501',
      note: LEAD_NOTE,
    },
  });
  const shrimp = await call('allergies.record', {
    guestId: hanako.id,
    allergenId: allergen('shrimp'),
    severity: 'allergy',
    tracesOk: true,
  });
  await call('allergies.correct', {
    id: shrimp.id,
    allergenId: allergen('shrimp'),
    severity: 'anaphylaxis',
    tracesOk: false,
  });
  await call('requests.record', { guestId: hanako.id, stayId: stay.id, category: 'meals', text: 'ご飯少なめ' });
  const dish = await call('dishes.create', { fields: { name: '鯛の塩焼き', category: 'grilled', allergenIds: [] } });
  const [serving] = (
    await call('served.record', { stayId: stay.id, date: '2026-11-03', meal: 'dinner', dishIds: [dish.id] })
  ).served;
  await call('served.react', { id: serving.id, reaction: 'left', note: SERVED_NOTE });
  await call('banquets.create', {
    fields: {
      organiserId: hanako.id,
      groupName: '佐藤家 一周忌',
      type: 'memorial',
      date: '2026-12-10',
      startTime: '12:00',
      endTime: '14:00',
      headcount: 12,
      attendeeIds: [taro.id],
      estimateYen: 240000,
      note: DEAL_NOTE,
    },
  });
  return { hanako, taro, stay };
}

async function disclose(test: TestCore, id: string, format: 'json' | 'pdf', language: 'ja' | 'en' = 'ja') {
  const answer = await test.call('guests.disclose', { id, format, language });
  return { answer, file: await downloaded(test, answer.file) };
}

describe('disclosure', () => {
  it('writes every section held about the guest as JSON of the documented shape', async () => {
    const test = await makeStaffedCore();
    const { hanako, taro, stay } = await regular(test);
    const { answer, file } = await disclose(test, hanako.id, 'json');
    expect(answer.name).toMatch(/^yadocho-開示-佐藤花子-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.type).toContain('application/json');
    const disclosure = disclosureSchema.parse(JSON.parse(file.bytes.toString('utf8')));
    expect(disclosure).toMatchObject({ format: 'yadocho.disclosure', version: 2, erasure: null });
    expect(disclosure.guest).toMatchObject({ familyName: '佐藤', givenName: '花子', birthday: '1980-05-05' });
    expect(disclosure.companions).toEqual([expect.objectContaining({ guestId: taro.id, relationship: 'spouse' })]);
    expect(disclosure.stays).toEqual([
      expect.objectContaining({
        id: stay.id,
        role: 'lead',
        amountYen: 86000,
        reservationNo: 'R-5501',
        note: LEAD_NOTE,
      }),
    ]);
    // The allergy with its history: the first record, corrected, and the correction that stands.
    expect(disclosure.allergies.map((a) => [a.allergenJa, a.severity, a.state])).toEqual([
      ['えび', 'allergy', 'superseded'],
      ['えび', 'anaphylaxis', 'current'],
    ]);
    expect(disclosure.allergies[0]?.recordedBy).toBe('女将 山田');
    expect(disclosure.requests).toEqual([expect.objectContaining({ text: 'ご飯少なめ', takenBy: '女将 山田' })]);
    expect(disclosure.served).toEqual([
      expect.objectContaining({ dish: '鯛の塩焼き', meal: 'dinner', note: SERVED_NOTE }),
    ]);
    expect(disclosure.banquets).toEqual([
      expect.objectContaining({ groupName: '佐藤家 一周忌', role: 'organiser', type: 'memorial', note: DEAL_NOTE }),
    ]);
    const kinds = new Set(disclosure.history.map((row) => row.change.kind));
    for (const kind of ['guestField', 'companionLinked', 'stay', 'allergy', 'allergyCorrected', 'request']) {
      expect(kinds, kind).toContain(kind);
    }
  });

  it('shows a party member the stay they were in, the dishes served on it, and the companion from their side', async () => {
    const test = await makeStaffedCore();
    const { hanako, taro, stay } = await regular(test);
    const { file } = await disclose(test, taro.id, 'json');
    const disclosure = disclosureSchema.parse(JSON.parse(file.bytes.toString('utf8')));
    // The stay and the party Taro was in, without Hanako's booking number, price or the note about her.
    expect(disclosure.stays).toEqual([
      expect.objectContaining({ id: stay.id, role: 'party', rooms: ['201'], reservationNo: null, amountYen: null }),
    ]);
    expect(disclosure.stays[0]?.note).toBeNull();
    expect(disclosure.served).toEqual([expect.objectContaining({ dish: '鯛の塩焼き', reaction: 'left', note: null })]);
    expect(disclosure.companions).toEqual([expect.objectContaining({ guestId: hanako.id, relationship: 'spouse' })]);
    // The memorial service he attended, without the organiser's estimate or note.
    expect(disclosure.banquets).toEqual([
      expect.objectContaining({ role: 'attendee', groupName: '佐藤家 一周忌', estimateYen: null, note: null }),
    ]);
    // What belongs to Hanako alone is not in Taro's disclosure, as JSON or on paper.
    expect(disclosure.allergies).toEqual([]);
    expect(disclosure.requests).toEqual([]);
    const json = file.bytes.toString('utf8');
    const pdf = await pdfText((await disclose(test, taro.id, 'pdf')).file.bytes);
    for (const text of [json, pdf]) {
      for (const secret of [LEAD_NOTE, SERVED_NOTE, DEAL_NOTE, 'R-5501', '86,000', '86000', '240,000', '240000']) {
        expect(text, secret).not.toContain(secret);
      }
    }
    expect(pdf).toContain('2026年11月3日〜2026年11月5日');
  });

  it('shows an erased guest during the legal hold when they were erased and what is still kept, until when', async () => {
    const test = await makeStaffedCore({ clock: () => Date.parse('2026-12-20T03:00:00Z') });
    const { hanako } = await regular(test);
    await test.call('guests.erase', { id: hanako.id, reason: '本人より書面で依頼' });
    const { file } = await disclose(test, hanako.id, 'json');
    const disclosure = disclosureSchema.parse(JSON.parse(file.bytes.toString('utf8')));
    expect(disclosure.guest).toMatchObject({ familyName: '', address: '', phones: [] });
    expect(disclosure.erasure).toEqual({
      erasedAt: '2026-12-20T03:00:00.000Z',
      holdUntil: '2029-11-05',
      releasedAt: null,
      held: {
        familyName: '佐藤',
        givenName: '花子',
        phones: [{ number: '090-1111-2222', label: 'mobile' }],
        address: '東京都千代田区千代田1-1',
      },
    });
    const ja = await pdfText((await disclose(test, hanako.id, 'pdf')).file.bytes);
    for (const words of [
      '消去済みのお客様',
      '消去（本人の求め）',
      '消去日',
      '2026年12月20日',
      '保管期限',
      '2029年11月5日',
      '090-1111-2222',
    ]) {
      expect(ja, words).toContain(words);
    }
    expect(ja).toContain('東京都千代田区千代田1-1');
    const en = await pdfText((await disclose(test, hanako.id, 'pdf', 'en')).file.bytes);
    for (const words of ['Erasure on request', 'Kept until', 'Inns and Hotels Act', '090-1111-2222']) {
      expect(en, words).toContain(words);
    }
  });

  it('prints as a Japanese PDF with the guest’s name, Japanese dates, yen and every section heading', async () => {
    const test = await makeStaffedCore();
    const { hanako } = await regular(test);
    const { answer, file } = await disclose(test, hanako.id, 'pdf');
    expect(answer.name).toMatch(/\.pdf$/);
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(file.bytes);
    for (const words of [
      '保有個人データの開示',
      '佐藤 花子 様',
      '1980年5月5日',
      '2026年11月3日〜2026年11月5日',
      '86,000円',
      'アナフィラキシー',
      'ご飯少なめ',
      '鯛の塩焼き',
      '佐藤家 一周忌',
      '変更の履歴',
      '分類：食事',
      'メモ：窓側の部屋を希望',
    ]) {
      expect(text, words).toContain(words);
    }
  });

  it('answers not_found for a guest that does not exist, and makes no file', async () => {
    const test = await makeStaffedCore();
    const result = await test.core.call('guests.disclose', {
      id: '01900000-0000-7000-8000-000000000000',
      format: 'json',
      language: 'ja',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', detail: 'guest_not_found' } });
  });
});
