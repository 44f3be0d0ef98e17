import { describe, expect, it } from 'vitest';
import { FINE_SLICES } from '../support/core.ts';
import { rankCore, storedRanks } from './helpers.ts';

describe('guest rank', () => {
  it('gives a rank at exactly N visits in the window, not one fewer; cancelled and booked stays are no visits', async () => {
    const { guest, visit, rankOf, setRules } = await rankCore();
    await setRules([{ name: 'ゴールド', minVisits: 3, years: 2 }]);
    const g = await guest('佐藤');
    await visit(g, '2026-01-10');
    await visit(g, '2025-08-01');
    await visit(g, '2026-03-01', 0, 'cancelled');
    await visit(g, '2026-07-01', 0, 'booked');
    expect(await rankOf(g)).toBeNull();
    await visit(g, '2025-02-01');
    expect(await rankOf(g)).toEqual({ name: 'ゴールド', manual: false });
  });

  it('counts spend from the stays’ amounts: exactly ¥X reaches the rank, ¥1 less does not', async () => {
    const { guest, visit, rankOf, setRules, call } = await rankCore();
    await setRules([{ name: '常連', minSpendYen: 100_000, years: 1 }]);
    const g = await guest('鈴木');
    await visit(g, '2026-05-01', 60_000);
    const second = await visit(g, '2026-06-01', 39_999);
    expect(await rankOf(g)).toBeNull();
    await call('stays.update', { id: second.id, patch: { amountYen: 40_000 } });
    expect(await rankOf(g)).toEqual({ name: '常連', manual: false });
    await call('stays.update', { id: second.id, patch: { status: 'cancelled' } });
    expect(await rankOf(g)).toBeNull();
  });

  it('takes the first rank in the list that holds, and "or" or "and" between visits and spend', async () => {
    const { guest, visit, rankOf, setRules } = await rankCore();
    await setRules([
      { name: 'プラチナ', minVisits: 3, minSpendYen: 300_000, combine: 'and' },
      { name: 'ゴールド', minVisits: 3, minSpendYen: 300_000, combine: 'or' },
    ]);
    const many = await guest('回数');
    for (const day of ['2026-01-01', '2026-02-01', '2026-03-01']) await visit(many, day, 10_000);
    const rich = await guest('金額');
    await visit(rich, '2026-01-01', 300_000);
    const both = await guest('両方');
    for (const day of ['2026-01-01', '2026-02-01', '2026-03-01']) await visit(both, day, 100_000);
    expect(await rankOf(many)).toEqual({ name: 'ゴールド', manual: false });
    expect(await rankOf(rich)).toEqual({ name: 'ゴールド', manual: false });
    expect(await rankOf(both)).toEqual({ name: 'プラチナ', manual: false });
  });

  it('lets the window roll: a visit on the first day of the window counts, and drops out the next day', async () => {
    const { guest, visit, rankOf, setRules, moveDays } = await rankCore('2026-06-15');
    await setRules([{ name: '常連', minVisits: 2, years: 2 }]);
    const g = await guest('高橋');
    await visit(g, '2024-06-15');
    await visit(g, '2026-01-01');
    expect(await rankOf(g)).toEqual({ name: '常連', manual: false });
    moveDays(1);
    // The card opened on the new day shows the day's rank (the minute check does the same for every screen).
    expect(await rankOf(g)).toBeNull();
  });

  it('lets a manual rank win over a computed one, only while the rules still have it', async () => {
    const { guest, visit, rankOf, setRules, call } = await rankCore();
    await setRules([
      { name: 'VIP', manual: true },
      { name: 'ゴールド', minVisits: 1 },
    ]);
    const g = await guest('山本');
    await visit(g, '2026-01-01');
    expect(await rankOf(g)).toEqual({ name: 'ゴールド', manual: false });
    expect((await call('ranks.setManual', { guestId: g, rank: 'VIP' })).rank).toEqual({ name: 'VIP', manual: true });
    expect(await call('ranks.ofGuest', { guestId: g })).toEqual({
      rank: { name: 'VIP', manual: true },
      manualRank: 'VIP',
    });
    const refused = await (await rankCore()).core.call('ranks.setManual', { guestId: g, rank: 'VIP' });
    expect(refused.ok).toBe(false);
    await setRules([{ name: 'ゴールド', minVisits: 1 }]);
    expect(await rankOf(g)).toEqual({ name: 'ゴールド', manual: false });
    await setRules([
      { name: 'VIP', manual: true },
      { name: 'ゴールド', minVisits: 1 },
    ]);
    expect(await rankOf(g)).toEqual({ name: 'VIP', manual: true });
    await call('ranks.setManual', { guestId: g, rank: null });
    expect(await rankOf(g)).toEqual({ name: 'ゴールド', manual: false });
  });

  it('refuses a manual rank the rules do not list as manual, and rules without a condition, in words', async () => {
    const { guest, core, setRules } = await rankCore();
    await setRules([{ name: 'ゴールド', minVisits: 1 }]);
    const g = await guest('田中');
    const manual = await core.call('ranks.setManual', { guestId: g, rank: 'ゴールド' });
    expect(manual).toMatchObject({ ok: false, error: { code: 'invalid_input', detail: 'rank_not_manual' } });
    const bad = await core.call('ranks.updateRules', {
      rules: [
        { name: 'A', manual: false, minVisits: null, minSpendYen: null, years: 1, combine: 'and' },
        { name: 'A', manual: true, minVisits: null, minSpendYen: null, years: 1, combine: 'and' },
      ],
    });
    expect(bad.ok).toBe(false);
    const codes = bad.ok ? [] : (bad.error.issues ?? []).map((issue: { code: string }) => issue.code);
    expect(codes).toEqual(expect.arrayContaining(['rank_condition_required', 'rank_name_taken']));
    // The version the form was opened on is a record's version: a whole number, not -1 or 1.5.
    const rules = [{ name: 'ゴールド', manual: false, minVisits: 1, minSpendYen: null, years: 1, combine: 'and' }];
    for (const version of [-1, 1.5, 1e308]) {
      const odd = await core.call('ranks.updateRules', { rules, version });
      expect(odd.ok, String(version)).toBe(false);
    }
  });

  it('recomputes every guest after a rule change as a job with progress, and the preview counts the same', async () => {
    const { core, call, guest, visit, setRules, db } = await rankCore('2026-06-15', FINE_SLICES);
    const guests: string[] = [];
    for (let i = 0; i < 1200; i++) guests.push(await guest(`客${i}`));
    for (let i = 0; i < 40; i++) {
      await visit(guests[i] as string, '2026-01-01', 50_000);
      if (i < 10) await visit(guests[i] as string, '2026-02-01', 50_000);
    }
    const rules = [
      { name: 'ゴールド', manual: false, minVisits: 2, minSpendYen: null, years: 3, combine: 'and' },
      { name: '常連', manual: false, minVisits: 1, minSpendYen: null, years: 3, combine: 'and' },
    ];
    const preview = await call('ranks.preview', { rules });
    expect(preview).toEqual({
      counts: [
        { name: 'ゴールド', guests: 10 },
        { name: '常連', guests: 30 },
      ],
      guests: 1200,
    });
    // Nothing ranked yet: the draft was only previewed.
    expect(storedRanks(db)).toEqual([]);
    const events: Array<{ kind: string; state: string; done: number; total: number }> = [];
    core.onProgress((event) => events.push(event));
    const current = await call('ranks.rules', {});
    await call('ranks.updateRules', { rules, version: current.version });
    expect(await call('ranks.recompute', {})).toEqual({ guests: 1200, ranked: 40 });
    const mine = events.filter((event) => event.kind === 'ranks.recompute');
    expect(mine.some((event) => event.state === 'running' && event.done > 0 && event.done < event.total)).toBe(true);
    expect(mine.at(-1)?.state).toBe('done');
    const byName = db
      .prepare('SELECT rank_name, count(*) AS n FROM guest_ranks GROUP BY rank_name ORDER BY rank_name')
      .all();
    expect(byName).toEqual([
      { rank_name: 'ゴールド', n: 10 },
      { rank_name: '常連', n: 30 },
    ]);
    await setRules([]);
    expect(storedRanks(db)).toEqual([]);
  });

  it('answers the rank in search results and on the arrivals of the day', async () => {
    const { call, guest, visit, setRules } = await rankCore('2026-06-15');
    await setRules([{ name: 'ゴールド', minVisits: 1 }]);
    const g = await guest('伊集院', 'いじゅういん');
    await visit(g, '2026-01-01');
    const other = await guest('伊集院', 'いじゅういん');
    const hits = (await call('guests.search', { q: 'いじゅういん' })).hits;
    const rankById = new Map(hits.map((hit: { id: string; rank: unknown }) => [hit.id, hit.rank]));
    expect(rankById.get(g)).toEqual({ name: 'ゴールド', manual: false });
    expect(rankById.get(other)).toBeNull();
    await visit(g, '2026-06-15', 0, 'booked');
    const arrivals = await call('arrivals.forDate', { date: '2026-06-15' });
    expect(arrivals.arrivals[0].rank).toEqual({ name: 'ゴールド', manual: false });
  });

  it('takes a deleted guest’s rank away and gives it back on restore', async () => {
    const { call, guest, visit, rankOf, setRules, db } = await rankCore();
    await setRules([{ name: 'ゴールド', minVisits: 1 }]);
    const g = await guest('削除');
    await visit(g, '2026-01-01');
    await call('guests.delete', { id: g });
    expect(storedRanks(db)).toEqual([]);
    await call('guests.restore', { id: g });
    expect(await rankOf(g)).toEqual({ name: 'ゴールド', manual: false });
  });
});
