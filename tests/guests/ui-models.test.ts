// The renderer's pure guest logic: the form's create input and update patch, query prefill, history lines.

import { describe, expect, it } from 'vitest';
import { checkCreate, checkUpdate, emptyValues, fieldErrors, valuesOf } from '../../renderer/guests/form-model.ts';
import { historyLines } from '../../renderer/guests/history-lines.ts';
import { prefillFromQuery } from '../../renderer/guests/prefill.ts';
import type { GuestCard } from '../../shared/contract/guests.ts';
import type { HistoryRow } from '../../shared/contract/history.ts';

const card: GuestCard = {
  id: 'g1',
  familyName: '髙橋',
  givenName: '一郎',
  familyReading: 'たかはし',
  givenReading: 'いちろう',
  romaji: 'Takahashi Ichiro',
  phones: [{ number: '090-1234-5678', label: 'mobile' }],
  email: '',
  postalCode: '',
  address: '',
  birthday: '',
  organization: '',
  note: '',
  marketingConsent: false,
  nationality: '',
  passportNumber: '',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  deletedAt: null,
  version: 1,
  companions: [],
  mergedInto: null,
  erasure: null,
};

describe('guest form', () => {
  it('refuses what the contract refuses, with its field codes', () => {
    const checked = checkCreate({
      ...emptyValues,
      familyName: '山田',
      familyReading: '山田',
      phones: [{ number: '12-34', label: 'mobile' }],
      email: 'yamada@',
    });
    expect(checked).toEqual({
      ok: false,
      errors: {
        familyReading: { code: 'reading_not_kana' },
        'phones.0.number': { code: 'phone_invalid' },
        email: { code: 'email_invalid' },
      },
    });
  });

  it('sends only the fields that changed, normalized as the core stores them', () => {
    const values = { ...valuesOf(card), note: ' 窓側 ', postalCode: '〒1500001', givenName: '一郎' };
    expect(checkUpdate(values, card)).toEqual({ ok: true, value: { note: '窓側', postalCode: '150-0001' } });
    expect(checkUpdate(valuesOf(card), card)).toEqual({ ok: true, value: {} });
  });

  it("maps the core's issue paths to the form's fields", () => {
    expect(
      fieldErrors([
        { path: 'fields.phones.0.number', code: 'phone_invalid' },
        { path: 'patch.email', code: 'email_invalid' },
      ]),
    ).toEqual({ 'phones.0.number': { code: 'phone_invalid' }, email: { code: 'email_invalid' } });
  });
});

describe('prefill from a search that found nobody', () => {
  it('puts kanji in the name and kana in the reading', () => {
    expect(prefillFromQuery('山本 太郎')).toEqual({ familyName: '山本', givenName: '太郎' });
    expect(prefillFromQuery('ヤマモト')).toEqual({ familyReading: 'ヤマモト', givenReading: '' });
    expect(prefillFromQuery('0901234')).toEqual({});
    expect(prefillFromQuery('yamamoto')).toEqual({});
  });
});

describe('history lines', () => {
  const allergy = { id: 'a2', nameJa: '乳', nameEn: 'Milk' };
  const row = (key: string, change: HistoryRow['change']): HistoryRow => ({
    key,
    at: '2025-01-01T00:00:00.000Z',
    staffId: null,
    staffName: '佐藤',
    nodeId: 'n',
    change,
  });

  it('shows each field of a correction on its own line, marked as corrected; other rows as they come', () => {
    const rows = [
      row('2', {
        kind: 'allergyCorrected',
        allergy,
        changes: [
          { field: 'allergen', from: { nameJa: '卵', nameEn: 'Egg' }, to: { nameJa: '乳', nameEn: 'Milk' } },
          { field: 'severity', from: 'allergy', to: 'anaphylaxis' },
        ],
      }),
      row('1', { kind: 'allergyCorrected', allergy, changes: [] }),
      row('0', { kind: 'guestDeleted' }),
    ];
    expect(historyLines(rows).map((line) => [line.key, line.change.kind, line.corrected])).toEqual([
      ['2:0', 'allergy', true],
      ['2:1', 'allergy', true],
      ['1', 'allergyCorrected', false],
      ['0', 'guestDeleted', false],
    ]);
    expect(historyLines(rows)[1]?.change).toEqual({
      kind: 'allergy',
      allergy,
      field: 'severity',
      from: 'allergy',
      to: 'anaphylaxis',
    });
  });
});
