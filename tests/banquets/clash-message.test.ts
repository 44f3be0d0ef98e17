import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en.ts';
import { ja } from '../../renderer/i18n/ja.ts';
import { salesDesk } from './helpers.ts';

// The refusal a salesperson reads when a hall is taken: the deal holding it, by name and stage, in words.

async function translator(lng: 'ja' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { ja: { translation: ja }, en: { translation: en } } });
  return instance;
}

describe('the hall clash message', () => {
  it('names the deal holding the hall and its stage in Japanese and English', async () => {
    const desk = await salesDesk();
    const matsu = await desk.hall('松の間', { seated: 60 });
    const first = await desk.deal(await desk.guest('山田', '太郎'), { hallIds: [matsu], groupName: '山田商事' });
    await desk.advance(first, 'provisional', { holdExpiresOn: '2026-07-01' });
    const second = await desk.deal(await desk.guest('佐藤', '花子'), { hallIds: [matsu] });
    const error = await desk.refuses('banquets.advance', { id: second, stage: 'confirmed' }, 'conflict', 'hall_clash');
    const params = error.params ?? {};
    const ja = await translator('ja');
    expect(ja.t(`errors.detail.${error.detail}`, params)).toBe(
      '松の間は2026-12-10 18:00〜20:00に「山田商事」（山田 太郎 様・仮押さえ）が押さえています',
    );
    const en = await translator('en');
    expect(en.t(`errors.detail.${error.detail}`, params)).toMatch(/\(山田 太郎, [A-Za-z]/);
    expect(en.t(`errors.detail.${error.detail}`, params)).not.toContain('banquet.codes');
  });

  it('names the organiser once when the deal has no group name', async () => {
    const desk = await salesDesk();
    const matsu = await desk.hall('松の間', { seated: 60 });
    const first = await desk.deal(await desk.guest('山田', '太郎'), { hallIds: [matsu] });
    await desk.advance(first, 'confirmed');
    const second = await desk.deal(await desk.guest('佐藤', '花子'), { hallIds: [matsu] });
    const error = await desk.refuses('banquets.advance', { id: second, stage: 'confirmed' }, 'conflict');
    const ja = await translator('ja');
    expect(ja.t(`errors.detail.${error.detail}`, error.params ?? {})).toBe(
      '松の間は2026-12-10 18:00〜20:00に山田 太郎 様（確定）が押さえています',
    );
  });
});
