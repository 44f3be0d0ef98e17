import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { entryWords } from '../../renderer/access/entry-words.ts';
import { en } from '../../renderer/i18n/en.ts';
import { formatDateTime } from '../../renderer/i18n/format.ts';
import { ja } from '../../renderer/i18n/ja.ts';
import type { AccessEntry } from '../../shared/contract/access-log.ts';
import { accessCore } from './helpers.ts';

// The 閲覧記録 screen and its CSV say each entry in words (renderer/access/entry-words.ts): here from what the real
// core records, in Japanese and English, and for the guest states and the disclosure the core will record later.

async function translator(lng: 'ja' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  // As the app sets it up (renderer/i18n/index.ts): React escapes what it renders, the CSV takes text as it is.
  await instance.init({
    lng,
    resources: { ja: { translation: ja }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

const words = (t: TFunction, entry: AccessEntry, language: 'ja' | 'en') =>
  entryWords(t, entry, language, (iso) => formatDateTime(iso, language, 'Asia/Tokyo'));

describe('an access log entry in words', () => {
  it('says who did what to which guest from which PC, for each thing the core records', async () => {
    const test = await accessCore();
    await test.call('guests.get', { id: test.guest });
    await test.call('accessLog.sheetPrinted', {
      sheet: 'briefing',
      date: '2026-12-03',
      stayId: test.stay,
      via: 'print',
    });
    await test.call('accessLog.sheetPrinted', { sheet: 'kitchen', date: '2026-12-03', via: 'pdf' });
    await test.call('exports.run', {
      kinds: ['guests', 'stays'],
      format: 'xlsx',
      filter: { by: 'dates', from: '2026-12-01', to: '2026-12-31' },
      language: 'ja',
    });
    const entries: AccessEntry[] = (await test.entries()).reverse();
    const [tja, ten] = [await translator('ja'), await translator('en')];
    expect(entries.map((entry) => words(tja, entry, 'ja').what)).toEqual([
      '女将 山田が佐藤 花子 様のお客様カードを開きました',
      '女将 山田が佐藤 花子 様の客室別ご案内シート（2026年12月3日到着）を印刷しました',
      '女将 山田が2026年12月3日到着分の調理場シートをPDFで保存しました',
      '女将 山田がお客様の記録を書き出しました（お客様・宿泊、Excel（.xlsx）、到着日 2026年12月1日〜2026年12月31日、2行）',
    ]);
    expect(entries.map((entry) => words(ten, entry, 'en').what)).toEqual([
      '女将 山田 opened the guest card of 佐藤 花子',
      '女将 山田 printed the room briefing sheet of 佐藤 花子 (arriving 3 December 2026)',
      '女将 山田 made a PDF of the kitchen sheet for arrivals on 3 December 2026',
      '女将 山田 exported guest records (Guests & Stays, Excel (.xlsx), arrivals 1 December 2026 to 31 December 2026, 2 rows)',
    ]);
    const first = words(tja, entries[0] as AccessEntry, 'ja');
    expect(first).toMatchObject({ staff: '女将 山田', action: 'カードを開いた', guest: '佐藤 花子 様' });
    expect(first.when).toBe(formatDateTime(entries[0]?.at ?? '', 'ja', 'Asia/Tokyo'));
    expect(first.pc).toMatch(/^このPC（[0-9a-f]{8}）$/);
    // An entry under no one (synced from a PC where nobody was chosen) says so.
    const unchosen = { ...(entries[3] as AccessEntry), staff: null };
    expect(words(tja, unchosen, 'ja').staff).toBe('担当者未選択');
    expect(words(ten, unchosen, 'en').what).toMatch(/^Someone with no staff chosen exported guest records/);
  });

  it('says when the guest is no longer as they were, a disclosure, and another PC', async () => {
    const t = await translator('ja');
    const base: AccessEntry = {
      id: 'x',
      at: '2026-12-03T01:00:00.000Z',
      action: 'card_opened',
      staff: { id: 's', name: '女将 山田' },
      guest: { id: 'g', familyName: '佐藤', givenName: '花子', state: 'deleted' },
      pc: { node: 'n', name: null, short: 'a1b2c3d4', here: false },
      detail: {},
    };
    const guestOf = (state: string) =>
      words(t, { ...base, guest: { ...(base.guest as NonNullable<AccessEntry['guest']>), state } } as AccessEntry, 'ja')
        .guest;
    expect(guestOf('deleted')).toBe('佐藤 花子 様（削除済み）');
    expect(guestOf('merged')).toBe('佐藤 花子 様（名寄せで統合済み）');
    expect(guestOf('erased')).toBe('消去済みのお客様');
    expect(guestOf('unknown')).toBe('このPCにまだ届いていないお客様');
    expect(words(t, base, 'ja').pc).toBe('PC a1b2c3d4');
    const disclosed = { ...base, action: 'disclosed', detail: { what: 'pdf' } } as AccessEntry;
    expect(words(t, disclosed, 'ja').what).toBe(
      '女将 山田が佐藤 花子 様（削除済み）の保有個人データを開示しました（PDF）',
    );
    const register = {
      ...base,
      action: 'exported',
      guest: null,
      detail: { what: 'guest_register', format: 'pdf', from: '2026-12-01', to: '2026-12-31' },
    } as AccessEntry;
    expect(words(t, register, 'ja').what).toBe(
      '女将 山田が宿泊者名簿（到着日 2026年12月1日〜2026年12月31日）をPDFで書き出しました',
    );
    expect(words(await translator('en'), register, 'en').what).toBe(
      '女将 山田 wrote out the guest register (宿泊者名簿, arrivals 1 December 2026 to 31 December 2026) as PDF',
    );
  });
});
