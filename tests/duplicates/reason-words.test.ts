import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../renderer/duplicates/reasons.ts';
import { en } from '../../renderer/i18n/en.ts';
import { ja } from '../../renderer/i18n/ja.ts';
import { dupesCore } from './helpers.ts';

// What staff read about a proposed pair: the reasons the core found, in words, in both languages.

async function translator(lng: 'ja' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { ja: { translation: ja }, en: { translation: en } } });
  return instance;
}

describe('the reasons of a pair in words', () => {
  it('says what the two cards share, then what differs, in Japanese and English', async () => {
    const t = await dupesCore();
    const phone = [{ number: '090-7777-8888', label: 'mobile' }];
    await t.guest({
      familyName: '伊藤',
      givenName: '誠',
      familyReading: 'いとう',
      givenReading: 'まこと',
      phones: phone,
      email: 'ito@example.jp',
      birthday: '1970-01-01',
    });
    await t.guest({
      familyName: '伊藤',
      givenName: '誠',
      familyReading: 'イトウ',
      givenReading: 'マコト',
      phones: phone,
      email: 'ITO@example.jp',
      birthday: '1971-02-02',
    });
    await t.guest({
      familyName: '林',
      givenName: '健',
      familyReading: 'はやし',
      givenReading: 'けん',
      phones: [{ number: '03-1111-2222', label: 'home' }],
    });
    await t.guest({
      familyName: '林',
      givenName: '',
      familyReading: 'ハヤシ',
      phones: [{ number: '0311112222', label: 'work' }],
    });
    await t.scan();
    const [first, second] = await t.list();
    if (!first || !second) throw new Error('two pairs expected');
    const jaT = await translator('ja');
    const enT = await translator('en');
    expect([first, second].map((c) => reasonText(jaT.t, c.reasons)).sort()).toEqual(
      ['電話番号と姓が一致', '電話番号とメールと氏名と読みが一致、生年月日が異なる'].sort(),
    );
    expect([first, second].map((c) => reasonText(enT.t, c.reasons)).sort()).toEqual(
      ['Same phone number and family name', 'Same phone number, e-mail, name and reading; different birthday'].sort(),
    );
  });
});
