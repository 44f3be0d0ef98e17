import { describe, expect, it } from 'vitest';
import { candidatesFor } from '../../electron/core/duplicates/candidates-for.ts';
import { FINE_SLICES, makeStaffedCore } from '../support/core.ts';
import { dupesCore } from './helpers.ts';

// The scan over the register and the review's answers, through the core's calls.

describe('the duplicate scan', () => {
  it('finds pairs across variant kanji, half-width kana readings and +81 phones, with the reasons', async () => {
    const t = await dupesCore();
    const takahashi = await t.guest({
      familyName: '髙橋',
      givenName: '一郎',
      familyReading: 'たかはし',
      givenReading: 'いちろう',
      postalCode: '100-0001',
    });
    const takahashi2 = await t.guest({
      familyName: '高橋',
      givenName: '一郎',
      familyReading: 'ﾀｶﾊｼ',
      givenReading: 'ｲﾁﾛｳ',
      postalCode: '〒１００−０００１',
    });
    const sato = await t.guest({
      familyName: '佐藤',
      givenName: '花子',
      familyReading: 'さとう',
      givenReading: 'はなこ',
      phones: [{ number: '090-1234-5678', label: 'mobile' }],
    });
    const sato2 = await t.guest({
      familyName: '佐東',
      givenName: '華子',
      familyReading: 'サトー',
      givenReading: 'ハナコ',
      phones: [{ number: '+81 90-1234-5678', label: 'home' }],
    });
    await t.guest({ familyName: '鈴木', givenName: '次郎', familyReading: 'すずき', givenReading: 'じろう' });

    expect(await t.scan()).toEqual({ guests: 5, candidates: 2 });
    const pairs = await t.list();
    const pairOf = (x: string, y: string) => pairs.find((c) => [c.a.id, c.b.id].sort().join() === [x, y].sort().join());
    expect(pairOf(sato, sato2)?.reasons).toEqual({ same: ['phone', 'reading'], differs: [] });
    expect(pairOf(takahashi, takahashi2)?.reasons).toEqual({ same: ['name', 'reading', 'postcode'], differs: [] });
    // Surest first.
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((x, y) => y - x));
    expect(pairOf(sato, sato2)?.differing).toEqual(expect.arrayContaining(['familyName', 'givenName']));
  });

  it('a pair marked 別人 is never proposed again; one put off with あとで is listed last', async () => {
    const t = await dupesCore();
    const born = '1970-01-02';
    const a = await t.guest({
      familyName: '田中',
      givenName: '太郎',
      familyReading: 'たなか',
      givenReading: 'たろう',
      birthday: born,
    });
    const b = await t.guest({
      familyName: '田中',
      givenName: '太郎',
      familyReading: 'タナカ',
      givenReading: 'タロウ',
      birthday: born,
    });
    const phone = [{ number: '080-5555-6666', label: 'mobile' }];
    const c = await t.guest({
      familyName: '山本',
      givenName: '誠',
      familyReading: 'やまもと',
      givenReading: 'まこと',
      phones: phone,
    });
    const d = await t.guest({
      familyName: '山本',
      givenName: '誠',
      familyReading: 'やまもと',
      givenReading: 'まこと',
      phones: phone,
    });
    await t.scan();
    expect((await t.list()).map((p) => p.a.id === c || p.a.id === d)).toEqual([true, false]);

    await t.call('duplicates.decide', { guestA: d, guestB: c, decision: 'later' });
    const later = await t.list();
    expect(later.map((p) => p.later)).toEqual([false, true]);

    await t.call('duplicates.decide', { guestA: b, guestB: a, decision: 'not_same' });
    expect((await t.list()).map((p) => [p.a.id, p.b.id].sort())).toEqual([[c, d].sort()]);
    await t.scan();
    expect((await t.list()).map((p) => [p.a.id, p.b.id].sort())).toEqual([[c, d].sort()]);
    // One decision row per pair, whichever order it was named in.
    await t.call('duplicates.decide', { guestA: a, guestB: b, decision: 'not_same' });
    expect(t.db.prepare('SELECT count(*) FROM duplicate_decisions').pluck().get()).toBe(2);
  });

  it('a large block (a hundred namesakes) is compared in a sorted window, still finding the true pair', async () => {
    const t = await dupesCore();
    const names = { familyName: '田中', givenName: '太郎', familyReading: 'たなか', givenReading: 'たろう' };
    for (let i = 0; i < 100; i++) {
      await t.guest({ ...names, birthday: `19${String(40 + (i % 50)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}` });
    }
    const x = await t.guest({
      ...names,
      birthday: '1999-12-31',
      phones: [{ number: '090-9999-0000', label: 'mobile' }],
    });
    const y = await t.guest({ ...names, birthday: '1999-12-31', email: 'taro@example.jp' });
    const result = await t.scan();
    const pairs = await t.list();
    expect(pairs.some((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join())).toBe(true);
    // Namesakes with other birthdays are not proposed; those born on the same day are (no more than the window allows).
    expect(result.candidates).toBeLessThan(102 * 8);
  }, 30_000);
});

describe('candidatesFor (what the import asks about a new row)', () => {
  it('finds the existing guest by reading, phone, birthday or postcode, with the reasons', async () => {
    const t = await dupesCore();
    const kept = await t.guest({
      familyName: '渡邊',
      givenName: '健太',
      familyReading: 'わたなべ',
      givenReading: 'けんた',
      phones: [{ number: '03-1234-5678', label: 'home' }],
      birthday: '1980-05-05',
      postalCode: '1000001',
      address: '千代田区千代田1-1',
    });
    await t.guest({ familyName: '渡辺', givenName: '健二', familyReading: 'わたなべ', givenReading: 'けんじ' });
    const found = candidatesFor(
      { db: t.db },
      {
        familyName: '渡辺',
        givenName: '健太',
        familyReading: 'ﾜﾀﾅﾍﾞ',
        givenReading: 'ｹﾝﾀ',
        phones: ['+81-3-1234-5678'],
      },
    );
    expect(found).toEqual([{ guestId: kept, score: 95, reasons: { same: ['phone', 'name', 'reading'], differs: [] } }]);
    // Only a family name, a birthday and an address, as a ledger row may have: found through those.
    const row = {
      familyName: '渡邊',
      familyReading: 'わたなべ',
      birthday: '1980-05-05',
      postalCode: '〒100-0001',
      address: '千代田区千代田１－１',
    };
    const byBirthday = candidatesFor({ db: t.db }, row);
    expect(byBirthday.map((c) => [c.guestId, c.reasons.same])).toEqual([
      [kept, ['birthday', 'address', 'postcode', 'family']],
    ]);
    expect(candidatesFor({ db: t.db }, row, { exclude: [kept] })).toEqual([]);
    // The family name and birthday alone are not enough to say it is the same person.
    expect(candidatesFor({ db: t.db }, { ...row, postalCode: '', address: '' })).toEqual([]);
  });
});

describe('the scan as a job', () => {
  it('reports progress and can be stopped, leaving the last scan’s pairs as they were', async () => {
    const t = await makeStaffedCore({ jobs: FINE_SLICES });
    const phone = [{ number: '090-2222-3333', label: 'mobile' }];
    for (let i = 0; i < 3; i++) {
      await t.call('guests.create', {
        fields: {
          familyName: '中村',
          givenName: '裕子',
          familyReading: 'なかむら',
          givenReading: 'ゆうこ',
          phones: phone,
        },
      });
    }
    const seen: string[] = [];
    const stop = t.core.onProgress((progress) => {
      seen.push(progress.state);
      if (progress.kind === 'duplicates.scan' && progress.state === 'running' && progress.done > 0) {
        void t.core.call('jobs.cancel', { job: progress.job });
      }
    });
    expect(await t.core.call('duplicates.scan', {})).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(seen).toContain('cancelled');
    expect(await t.call('duplicates.list', {})).toEqual({ scannedAt: null, total: 0, candidates: [] });
    stop();
    // Run to the end, it keeps the three pairs.
    expect(await t.call('duplicates.scan', {})).toEqual({ guests: 3, candidates: 3 });
  });
});
