// A text past its limit is refused with the limit named: the contract's too_long issue carries it (as the core
// answers through its dispatch), the renderer's counter reads the same limit from the same schema, and the
// message says the number in both languages, written as staff read it.

import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorText } from '../../renderer/app/field-error-text.ts';
import { textLimitState } from '../../renderer/app/text-limit.ts';
import { fieldErrors } from '../../renderer/guests/form-model.ts';
import { en } from '../../renderer/i18n/en.ts';
import { ja } from '../../renderer/i18n/ja.ts';
import { allergyCalls } from '../../shared/contract/allergies.ts';
import { banquetUpdateSchema } from '../../shared/contract/banquets.ts';
import { guestFieldsSchema } from '../../shared/contract/guests.ts';
import { textLimit, textLimits } from '../../shared/contract/limits.ts';
import { requestCalls } from '../../shared/contract/requests.ts';
import { makeStaffedCore } from '../support/core.ts';

beforeAll(async () => {
  await i18next.init({
    resources: { ja: { translation: ja }, en: { translation: en } },
    lng: 'ja',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
});

describe('text limits', () => {
  it('the core refuses a memo past its limit with the limit in the issue', async () => {
    const { core } = await makeStaffedCore();
    const result = await core.call('guests.create', {
      fields: { familyName: '木村', familyReading: 'きむら', note: 'あ'.repeat(2001) },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toEqual([{ path: 'fields.note', code: 'too_long', params: { max: '2000' } }]);

    // Exactly at the limit is accepted.
    const saved = await core.call('guests.create', {
      fields: { familyName: '木村', familyReading: 'きむら', note: 'あ'.repeat(2000) },
    });
    expect(saved.ok).toBe(true);
  });

  it('the forms read the same limits from the contract', () => {
    const guest = textLimits(guestFieldsSchema.shape);
    expect(guest).toMatchObject({ familyName: 40, familyReading: 60, address: 200, note: 2000, birthday: undefined });
    expect(textLimit(requestCalls['requests.record'].input.shape.text)).toBe(300);
    expect(textLimits(allergyCalls['allergies.record'].input.shape)).toMatchObject({ freeAllergen: 40, note: 500 });
    expect(textLimits(banquetUpdateSchema.shape)).toMatchObject({ groupName: 100, note: 2000 });
  });

  it('counts as the contract does, and is near the limit from 80 %', () => {
    expect(textLimitState('あ'.repeat(1599), 2000)).toMatchObject({ count: 1599, near: false, over: false });
    expect(textLimitState('あ'.repeat(1600), 2000)).toMatchObject({ near: true, over: false });
    // Surrounding spaces are trimmed and half-width kana folded before counting, as the contract stores it.
    expect(textLimitState(`  ${'ｱ'.repeat(300)}  `, 300)).toMatchObject({ count: 300, over: false });
    expect(textLimitState('あ'.repeat(301), 300)).toMatchObject({ over: true });
  });

  it('the message names the limit in Japanese and in English', async () => {
    const [note] = Object.values(fieldErrors([{ path: 'fields.note', code: 'too_long', params: { max: '2000' } }]));
    expect(note).toBeDefined();
    if (!note) return;
    expect(fieldErrorText(note)).toBe('2,000文字以内で入力してください');
    await i18next.changeLanguage('en');
    expect(fieldErrorText(note)).toBe('At most 2,000 characters');
    await i18next.changeLanguage('ja');
  });
});
