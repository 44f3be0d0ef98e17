// The renderer's pure guest logic: the form's create input and update patch, query prefill, history rows.

import { describe, expect, it } from 'vitest';
import { checkCreate, checkUpdate, emptyValues, fieldErrors, valuesOf } from '../../renderer/guests/form-model.ts';
import { historyRows } from '../../renderer/guests/history-model.ts';
import { prefillFromQuery } from '../../renderer/guests/prefill.ts';
import type { GuestCard, HistoryEntry } from '../../shared/contract/guests.ts';

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
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  deletedAt: null,
  version: 1,
  companions: [],
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
      errors: { familyReading: 'reading_not_kana', 'phones.0.number': 'phone_invalid', email: 'email_invalid' },
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
    ).toEqual({ 'phones.0.number': 'phone_invalid', email: 'email_invalid' });
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

describe('history rows', () => {
  const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
    table: 'guests',
    rowId: 'g1',
    field: 'note',
    from: null,
    to: '',
    at: '2025-01-01T00:00:00.000Z',
    hlc: '1',
    staffId: null,
    staffName: null,
    nodeId: 'n',
    ...over,
  });

  it('drops the empty fields of a new guest, orders a write as the form does, newest write first', () => {
    const entries = [
      entry({ field: 'note', from: '', to: '窓側', hlc: '2', staffName: '佐藤' }),
      entry({ field: 'familyName', to: '髙橋' }),
      entry({ field: 'note', to: '' }),
      entry({ field: 'familyReading', to: 'たかはし' }),
    ];
    const rows = historyRows(entries, 'g1');
    expect(rows.map((row) => [row.hlc, row.change.kind === 'field' ? row.change.field : row.change.kind])).toEqual([
      ['2', 'note'],
      ['1', 'familyName'],
      ['1', 'familyReading'],
    ]);
    expect(rows[0]?.staffName).toBe('佐藤');
  });

  it('makes one row per companion link change, read from this guest', () => {
    const link = { table: 'guest_links', rowId: 'l1' };
    const entries = [
      entry({ ...link, field: 'deleted_at', to: '2025-02-01T00:00:00.000Z', hlc: '3' }),
      entry({ ...link, field: 'relationship', to: 'child', hlc: '2' }),
      entry({ ...link, field: 'companion_id', to: 'g1', hlc: '2' }),
      entry({ ...link, field: 'guest_id', to: 'g2', hlc: '2' }),
    ];
    expect(historyRows(entries, 'g1').map((row) => row.change)).toEqual([
      { kind: 'unlinked', otherId: 'g2' },
      { kind: 'linked', otherId: 'g2', relationship: 'parent' }, // g2's child is g1, so g2 is g1's parent
    ]);
  });
});
