import { describe, expect, it } from 'vitest';
import { afterLookup } from '../../renderer/guests/postcode-fill.ts';
import type { PostcodeCandidate } from '../../shared/contract/addresses.ts';

// What the guest form does with a postcode lookup's answer: fill only an address the staff have not typed
// (empty, or what the last lookup put there), offer otherwise, and let them choose among several towns.

const town = (prefecture: string, city: string, name: string): PostcodeCandidate => ({
  prefecture,
  city,
  town: name,
  address: prefecture + city + name,
});
const CHIYODA = town('東京都', '千代田区', '千代田');

describe('afterLookup', () => {
  it('fills an empty address, and one that still holds what the last lookup put there', () => {
    expect(afterLookup('100-0001', [CHIYODA], '', null)).toEqual({
      fill: '東京都千代田区千代田',
      note: { kind: 'filled', postcode: '100-0001' },
    });
    expect(afterLookup('100-0001', [CHIYODA], '北海道札幌市中央区', '北海道札幌市中央区').fill).toBe(
      '東京都千代田区千代田',
    );
  });

  it('never replaces what the staff typed: it offers the address instead', () => {
    expect(afterLookup('100-0001', [CHIYODA], '大阪府大阪市北区梅田1-1', null)).toEqual({
      note: { kind: 'offer', postcode: '100-0001', candidate: CHIYODA },
    });
    // Typed on after a fill: the address begins with the postcode's own, nothing to offer.
    expect(afterLookup('100-0001', [CHIYODA], '東京都千代田区千代田1-1', '東京都千代田区千代田')).toEqual({
      note: { kind: 'none' },
    });
  });

  it('offers several towns to choose, putting in at once only what they all share', () => {
    const kasuga = [town('愛知県', '清須市', '春日明河原'), town('愛知県', '清須市', '春日夢の森')];
    expect(afterLookup('452-0961', kasuga, '', null)).toEqual({
      fill: '愛知県清須市',
      note: { kind: 'choose', postcode: '452-0961', candidates: kasuga },
    });
    const twoPrefectures = [town('愛知県', '弥富市', ''), town('三重県', '桑名郡木曽岬町', '')];
    expect(afterLookup('498-0000', twoPrefectures, '', null)).toEqual({
      note: { kind: 'choose', postcode: '498-0000', candidates: twoPrefectures },
    });
    expect(afterLookup('452-0961', kasuga, '清須市役所の近く', null).fill).toBeUndefined();
  });
});
