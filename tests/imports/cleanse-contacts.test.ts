// Cleansing a ledger row's phones, postcodes, emails and other guest text (see cleanse.test.ts).

import { describe, expect, it } from 'vitest';
import { named, ok, rules } from './cleanse-rows.ts';

describe('phone numbers', () => {
  it.each([
    ['03-1234-5678', '03-1234-5678'],
    ['０３－１２３４－５６７８', '03-1234-5678'],
    ['03ー1234ー5678', '03-1234-5678'],
    ['03―1234―5678', '03-1234-5678'],
    ['03−1234−5678', '03-1234-5678'],
    ['(03)1234-5678', '03-1234-5678'],
    ['03(1234)5678', '03-1234-5678'],
    ['03 1234 5678', '03-1234-5678'],
    ['+81 3-1234-5678', '03-1234-5678'],
    ['+81 (0)3 1234 5678', '03-1234-5678'],
    ['81-3-1234-5678', '03-1234-5678'],
    ['0312345678', '03-1234-5678'],
    ['09011112222', '090-1111-2222'],
    ['TEL:045-123-4567', '045-123-4567'],
    ['携帯 090-1111-2222', '090-1111-2222'],
    ['0555-12-3456（自宅）', '0555-12-3456'],
    ['0451234567', '0451234567'],
    ['+1 212 555 1234', '+1-212-555-1234'],
  ])('%s is recorded as %s', (cell, number) => {
    expect(ok(named(['phone', cell])).guest.phones).toEqual([number]);
  });

  it('puts back the 0 that Excel dropped from a number stored as a number, and says so', () => {
    const cleaned = ok(named(['phone', '9011112222']));
    expect(cleaned.guest.phones).toEqual(['090-1111-2222']);
    expect(cleaned.changes.at(-1)).toMatchObject({ from: '9011112222', to: '090-1111-2222', rule: 'phone_zero' });
  });

  it('keeps several numbers in one cell as several, and a number given twice once', () => {
    const cleaned = ok(named(['phone', '03-1234-5678／090-1111-2222'], ['phone', '090 1111 2222']));
    expect(cleaned.guest.phones).toEqual(['03-1234-5678', '090-1111-2222']);
    expect(cleaned.changes.filter((c) => c.field === 'phone').map((c) => c.rule)).toEqual([
      'width',
      'phone_split',
      'phone',
      'phone_duplicate',
    ]);
    expect(ok(named(['phone', '03 1234 5678 090 1111 2222'])).guest.phones).toEqual(['03-1234-5678', '090-1111-2222']);
    expect(ok(named(['phone', '03-1234-5678\n090-1111-2222'])).guest.phones).toHaveLength(2);
  });

  it.each(['1234', '03-1234-567', 'なし', '03-1234-5678 内線12', 'abc'])('sets aside %s as no phone number', (cell) => {
    expect(named(['phone', cell])).toMatchObject({ ok: false, reason: 'bad_phone', column: 2 });
  });

  it('sets aside more numbers than a guest card holds', () => {
    const six = ['03-1111-1111', '03-2222-2222', '03-3333-3333', '03-4444-4444', '03-5555-5555', '03-6666-6666'];
    expect(named(['phone', six.join('、')])).toMatchObject({ reason: 'too_many_phones' });
  });
});

describe('postcodes, emails and other guest text', () => {
  it.each([
    ['〒100-0001', '100-0001'],
    ['〒１００－０００１', '100-0001'],
    ['1000001', '100-0001'],
    ['100 0001', '100-0001'],
    ['100ー0001', '100-0001'],
  ])('postcode %s is recorded as %s', (cell, postcode) => {
    expect(ok(named(['postcode', cell])).guest.postalCode).toBe(postcode);
  });

  it('puts back the 0 Excel dropped from a Hokkaido postcode, and says so', () => {
    const cleaned = ok(named(['postcode', '600001']));
    expect(cleaned.guest.postalCode).toBe('060-0001');
    expect(rules(named(['postcode', '600001']))).toEqual(['postcode_zero']);
  });

  it.each(['100-001', '12345678', '東京都'])('sets aside postcode %s', (cell) => {
    expect(named(['postcode', cell])).toMatchObject({ reason: 'bad_postcode', value: cell });
  });

  it('joins the address columns, and lower-cases only the domain of an email', () => {
    const cleaned = ok(named(['address', '東京都千代田区'], ['address', ''], ['address', '千代田１－１']));
    expect(cleaned.guest.address).toBe('東京都千代田区 千代田1-1');
    const email = ok(named(['email', ' Taro.Yamada@Example.CO.JP ']));
    expect(email.guest.email).toBe('Taro.Yamada@example.co.jp');
    expect(email.changes.map((change) => change.rule)).toEqual(['spaces', 'email']);
    expect(ok(named(['email', 'mailto:hanako@Example.jp'])).guest.email).toBe('hanako@example.jp');
  });

  it.each(['taro@', 'taro.example.com', 'a@b@c', '山田@例え'])('sets aside email %s', (cell) => {
    expect(named(['email', cell])).toMatchObject({ reason: 'bad_email' });
  });

  it('sets aside an address longer than the register takes', () => {
    expect(named(['address', '東'.repeat(150)], ['address', '京'.repeat(51)])).toMatchObject({
      reason: 'too_long',
      column: 2,
    });
  });

  it('removes characters that print nothing, and tidies spaces but keeps a note’s lines', () => {
    const cleaned = ok(named(['organization', '株式会社\u0000 山田\u202e商事 '], ['note', ' 窓側希望 \r\n  記念日 ']));
    expect(cleaned.guest.organization).toBe('株式会社 山田商事');
    expect(cleaned.guest.note).toBe('窓側希望\n記念日');
    expect(cleaned.changes.map((change) => change.rule)).toEqual(['control_characters', 'spaces', 'spaces']);
  });
});
