import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core.ts';

// The desk types a postcode and gets the prefecture, city and town, through the core's dispatch (the contract's
// reading of what was typed, the handler, the output check) and Japan Post's data as the app ships it.

const { core } = makeCore();
const byPostcode = (postcode: unknown) => core.call('addresses.byPostcode', { postcode });

describe('addresses.byPostcode', () => {
  it('answers 100-0001 as 東京都千代田区千代田, however the postcode was typed', async () => {
    for (const typed of [
      '100-0001',
      '1000001',
      '〒100-0001',
      '〒１００−０００１',
      '１００ー０００１',
      '100 0001',
      '１００－０００１',
    ]) {
      expect(await byPostcode(typed)).toEqual({
        ok: true,
        value: {
          postcode: '100-0001',
          candidates: [{ prefecture: '東京都', city: '千代田区', town: '千代田', address: '東京都千代田区千代田' }],
        },
      });
    }
  });

  it('gives the city alone where Japan Post lists no town (以下に掲載がない場合), not the note', async () => {
    expect(await byPostcode('060-0000')).toMatchObject({
      ok: true,
      value: { candidates: [{ prefecture: '北海道', city: '札幌市中央区', town: '', address: '北海道札幌市中央区' }] },
    });
    // Its neighbours are towns of the same ward.
    expect(await byPostcode('0600042')).toMatchObject({
      ok: true,
      value: { candidates: [{ address: '北海道札幌市中央区大通西' }] },
    });
  });

  it('drops the parenthesised notes of the data: 一ツ橋（１丁目） is 一ツ橋, 大手町（次のビルを除く） is 大手町', async () => {
    expect(await byPostcode('100-0003')).toMatchObject({ ok: true, value: { candidates: [{ town: '一ツ橋' }] } });
    expect(await byPostcode('100-0004')).toMatchObject({ ok: true, value: { candidates: [{ town: '大手町' }] } });
  });

  it('answers every town of a postcode that several share, across cities and prefectures too', async () => {
    const kasuga = await byPostcode('452-0961');
    if (!kasuga.ok) throw new Error(JSON.stringify(kasuga.error));
    const candidates = (kasuga.value as { candidates: Array<{ city: string; town: string }> }).candidates;
    expect(candidates.length).toBeGreaterThan(50);
    expect(candidates.every((candidate) => candidate.city === '清須市')).toBe(true);
    expect(candidates.map((candidate) => candidate.town)).toContain('春日夢の森');

    expect(await byPostcode('498-0000')).toMatchObject({
      ok: true,
      value: { candidates: [{ address: '愛知県弥富市' }, { address: '三重県桑名郡木曽岬町' }] },
    });
    // 「井道、奥井道、内井道」 in the data: three towns to choose from, not one with commas.
    expect(await byPostcode('441-1324')).toMatchObject({
      ok: true,
      value: { candidates: [{ town: '井道' }, { town: '奥井道' }, { town: '内井道' }] },
    });
  });

  it('reads the last notes of the data as a desk would: 「小菅村の次に…番地がくる場合」 is just the village', async () => {
    expect(await byPostcode('409-0142')).toMatchObject({
      ok: true,
      value: { candidates: [{ address: '山梨県北都留郡小菅村', town: '' }] },
    });
  });

  it('says a postcode Japan Post does not list is unknown, naming it', async () => {
    expect(await byPostcode('999-9999')).toEqual({
      ok: false,
      error: { code: 'not_found', detail: 'postcode_unknown', params: { postcode: '999-9999' } },
    });
  });

  it('refuses what is not seven digits with the field code the guest form already shows', async () => {
    for (const typed of ['100-001', '10000011', 'abc-defg', '', '〒', '100-0001-2']) {
      expect(await byPostcode(typed)).toEqual({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'postcode', code: 'postal_invalid' }] },
      });
    }
    expect(await byPostcode(1000001)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'postcode', code: 'invalid_type' }] },
    });
  });
});
