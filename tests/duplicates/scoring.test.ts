import { describe, expect, it } from 'vitest';
import { blockingKeys, profileOf } from '../../electron/core/duplicates/profile.ts';
import { compareProfiles, THRESHOLD } from '../../electron/core/duplicates/score.ts';

// How a pair is scored and why: the reasons are what staff read to decide, so each must be the true one.

const base = {
  id: 'a',
  family_name: '高橋',
  given_name: '一郎',
  family_reading: 'たかはし',
  given_reading: 'いちろう',
  phones: '[]',
  email: '',
  postal_code: '',
  address: '',
  birthday: '',
};
const guest = (fields: Partial<typeof base>) => profileOf({ ...base, ...fields });

describe('scoring a pair', () => {
  it('a shared phone (typed +81 on one card) and the same reading in half-width kana: 電話番号と読み', () => {
    const a = guest({ phones: JSON.stringify([{ number: '090-1234-5678', label: 'mobile' }]) });
    const b = guest({
      id: 'b',
      family_name: '鷹橋',
      family_reading: 'ﾀｶﾊｼ',
      given_reading: 'ｲﾁﾛｰ',
      phones: JSON.stringify([{ number: '+81 90 1234 5678', label: 'home' }]),
    });
    const match = compareProfiles(a, b);
    expect(match.reasons).toEqual({ same: ['phone', 'reading'], differs: [] });
    expect(match.score).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('variant kanji are the same name (髙橋 and 高橋, 﨑 and 崎)', () => {
    const match = compareProfiles(guest({}), guest({ id: 'b', family_name: '髙橋' }));
    expect(match.reasons.same).toEqual(['name', 'reading']);
    expect(compareProfiles(guest({ family_name: '山崎' }), guest({ family_name: '山﨑' })).reasons.same).toContain(
      'name',
    );
  });

  it('a birthday recorded on both and different speaks against: namesakes are not proposed', () => {
    const match = compareProfiles(guest({ birthday: '1980-05-05' }), guest({ id: 'b', birthday: '1975-01-02' }));
    expect(match.reasons.differs).toEqual(['birthday']);
    expect(match.score).toBeLessThan(THRESHOLD);
  });

  it('a couple sharing a phone and an address is not one person', () => {
    const shared = {
      phones: JSON.stringify([{ number: '03-1234-5678', label: 'home' }]),
      postal_code: '100-0001',
      address: '千代田1-1',
    };
    const match = compareProfiles(
      guest(shared),
      guest({ id: 'b', given_name: '花子', given_reading: 'はなこ', ...shared }),
    );
    expect(match.score).toBe(0);
  });

  it('a card with only the family name beside a whole one with the same phone: 電話番号と姓', () => {
    const phones = JSON.stringify([{ number: '090-1111-2222', label: 'mobile' }]);
    const match = compareProfiles(guest({ phones }), guest({ id: 'b', given_name: '', given_reading: '', phones }));
    expect(match.reasons.same).toEqual(['phone', 'family']);
    expect(match.score).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('addresses differing only in width and dashes are one address', () => {
    const match = compareProfiles(
      guest({ postal_code: '1000001', address: '千代田区千代田１－１' }),
      guest({ id: 'b', postal_code: '〒100-0001', address: '千代田区 千代田1-1' }),
    );
    expect(match.reasons.same).toEqual(['name', 'reading', 'address', 'postcode']);
  });

  it('puts two ways of writing one person in a shared block', () => {
    const a = blockingKeys(guest({ family_name: '髙橋', family_reading: 'タカハシ' }));
    const b = blockingKeys(guest({ family_reading: 'ﾀｶﾊｼ', given_reading: 'イチロー' }));
    expect(a.filter((key) => b.includes(key)).length).toBeGreaterThanOrEqual(2);
  });
});
