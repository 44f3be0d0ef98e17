// Cleansing a ledger's visit rows and its free-text allergies (see cleanse.test.ts).

import { describe, expect, it } from 'vitest';
import type { ImportField } from '../../electron/core/imports/mapping.ts';
import { named, ok } from './cleanse-rows.ts';

describe('visit rows', () => {
  it('makes a stay of a row with an arrival: departure from nights, rooms, people, amount', () => {
    const cleaned = ok(
      named(
        ['arrival', '2024/4/1'],
        ['nights', '２泊'],
        ['rooms', '201・202'],
        ['people', '3名'],
        ['amount', '¥48,000'],
        ['reservationNo', 'A-1024'],
        ['note', '結婚記念日'],
      ),
    );
    expect(cleaned.stay).toEqual({
      arrivalDate: '2024-04-01',
      departureDate: '2024-04-03',
      rooms: ['201', '202'],
      adults: 3,
      children: 0,
      amountYen: 48000,
      reservationNo: 'A-1024',
      note: '結婚記念日',
    });
    // A visit row's note is the stay's; the guest's own note stays as it was.
    expect(cleaned.guest.note).toBe('');
    expect(cleaned.changes.map((change) => change.rule)).toEqual([
      'width',
      'date_format',
      'number',
      'departure_from_nights',
      'rooms_split',
      'number',
      'amount',
    ]);
  });

  it('takes one night when there is no nights column, and the departure column when there is one', () => {
    expect(ok(named(['arrival', '2024/4/1'])).stay).toMatchObject({
      departureDate: '2024-04-02',
      rooms: [],
      adults: 0,
    });
    expect(ok(named(['arrival', '2024/4/1'], ['departure', '2024/4/4'])).stay?.departureDate).toBe('2024-04-04');
    expect(ok(named(['arrival', '2024/4/1'], ['nights', '0'])).stay?.departureDate).toBe('2024-04-01');
  });

  it('reads adults and children from their columns, or from a people column that says both', () => {
    expect(ok(named(['arrival', '2024/4/1'], ['adults', '2'], ['children', '1'], ['people', '3'])).stay).toMatchObject({
      adults: 2,
      children: 1,
    });
    expect(ok(named(['arrival', '2024/4/1'], ['people', '4'], ['children', '1'])).stay).toMatchObject({
      adults: 3,
      children: 1,
    });
    expect(ok(named(['arrival', '2024/4/1'], ['people', '大人2名 子供1名'])).stay).toMatchObject({
      adults: 2,
      children: 1,
    });
  });

  it.each([
    ['¥12,000', 12000],
    ['￥１２，０００', 12000],
    ['12,000円', 12000],
    ['\\12,000', 12000],
    ['12000.0', 12000],
    ['-', 0],
    ['', 0],
  ])('amount %s is %d yen', (cell, yen) => {
    expect(ok(named(['arrival', '2024/4/1'], ['amount', cell])).stay?.amountYen).toBe(yen);
  });

  it.each(['-5000', '△5000', '1234.5', '一万円', '2000000000'])('sets aside amount %s', (cell) => {
    expect(named(['arrival', '2024/4/1'], ['amount', cell])).toMatchObject({ reason: 'bad_amount', column: 3 });
  });

  it.each([
    ['nights', '-1'],
    ['nights', '2.5'],
    ['nights', '400'],
    ['people', '数名'],
    ['adults', '100'],
  ])('sets aside %s %s as no count', (field, cell) => {
    expect(named(['arrival', '2024/4/1'], [field as ImportField, cell])).toMatchObject({ reason: 'bad_number' });
  });

  it('sets aside a departure before the arrival, and nights that disagree with the departure', () => {
    expect(named(['arrival', '2024/4/3'], ['departure', '2024/4/1'])).toMatchObject({
      reason: 'departure_before_arrival',
      column: 3,
    });
    expect(named(['arrival', '2024/4/1'], ['departure', '2024/4/3'], ['nights', '1'])).toMatchObject({
      reason: 'nights_mismatch',
      column: 4,
    });
  });

  it('sets aside a departure more than a year after the arrival (a typo), and takes a year exactly', () => {
    expect(named(['arrival', '2026/12/20'], ['departure', '2100/12/31'])).toMatchObject({
      reason: 'stay_too_long',
      column: 3,
    });
    expect(named(['arrival', '2026/1/1'], ['departure', '2027/1/1'])).not.toHaveProperty('reason');
  });

  it('sets aside stay cells on a row without an arrival, rather than dropping them', () => {
    expect(named(['arrival', ''], ['rooms', '201'])).toMatchObject({
      reason: 'stay_without_arrival',
      column: 3,
      value: '201',
    });
    expect(ok(named(['arrival', ''], ['rooms', ''])).stay).toBeNull();
  });

  it('sets aside more rooms than a stay takes, and a room name longer than the register takes', () => {
    const rooms = Array.from({ length: 11 }, (_, n) => String(101 + n)).join(',');
    expect(named(['arrival', '2024/4/1'], ['rooms', rooms])).toMatchObject({ reason: 'too_many_rooms' });
    expect(named(['arrival', '2024/4/1'], ['rooms', '離れ'.repeat(11)])).toMatchObject({ reason: 'too_long' });
  });
});

describe('allergies', () => {
  it.each([
    ['えび・かに', ['えび', 'かに']],
    ['卵、乳', ['卵', '乳']],
    ['そば/落花生', ['そば', '落花生']],
    ['ｴﾋﾞ', ['エビ']],
    ['小麦\n大豆', ['小麦', '大豆']],
    ['なし', []],
    ['特になし', []],
    ['-', []],
  ])('%s is %j', (cell, items) => {
    expect(ok(named(['allergies', cell])).allergies).toEqual(items);
  });

  it('sets aside an item longer than an allergy record takes', () => {
    expect(named(['allergies', `${'甲殻類'.repeat(14)}`])).toMatchObject({ reason: 'too_long' });
  });
});
