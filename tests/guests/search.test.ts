import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_STATEMENTS } from '../../electron/core/guests/search.ts';
import { makeStaffedCore } from '../support/core.ts';
import { asIntended, exactly, fullRebuild, waiting } from '../support/search-index-view.ts';
import { applyEdit, type EditedCore, editOp, testClock } from './edit-ops.ts';

const takahashi = {
  familyName: '髙橋',
  givenName: '一郎',
  familyReading: 'タカハシ',
  givenReading: 'いちろう',
  phones: [{ number: '090-1234-5678', label: 'mobile' }],
  email: 'ichiro.t@example.jp',
};

async function seeded() {
  const test = await makeStaffedCore();
  const guest = await test.call('guests.create', { fields: takahashi });
  await test.call('demo.load', { count: 300, seed: 7 });
  const ids = async (q: string) => (await test.call('guests.search', { q })).hits.map((h: { id: string }) => h.id);
  return { ...test, guest, ids };
}

describe('search as you type', () => {
  it('finds a guest however the front desk types their name, reading, romaji or phone', async () => {
    const { guest, ids } = await seeded();
    const ways = [
      '高橋',
      '髙橋',
      '高橋一郎',
      '高橋 一郎',
      '橋',
      'たかはし',
      'タカハシ',
      'ﾀｶﾊｼ',
      'たかは',
      'いちろう',
      'いちろ',
      'たかはしいちろう',
      'takahashi',
      'Takahasi',
      'TAKAHASHI',
      'takahashi ichiro',
      'ichiro takahashi',
      'Ichirou',
      'takah',
      '090-1234-5678',
      '09012345678',
      '090 1234 5678',
      '０９０－１２３４－５６７８',
      '+81 90-1234-5678',
      '+819012345678',
      '5678',
      '0901234',
      'ichiro.t@example.jp',
      'ichiro.t',
    ];
    for (const q of ways) expect(await ids(q), q).toContain(guest.id);
  });

  it('ranks exact before prefix before substring, and recent guests first among equals', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const test = await makeStaffedCore({ clock: () => now });
    const create = async (familyName: string, familyReading: string) => {
      now += 60_000;
      return (await test.call('guests.create', { fields: { familyName, familyReading } })).id as string;
    };
    const substring = await create('大山田', 'おおやまだ');
    const olderExact = await create('山田', 'やまだ');
    const prefix = await create('山田川', 'やまだがわ');
    const newerExact = await create('山田', 'やまだ');
    const { hits } = await test.call('guests.search', { q: '山田' });
    expect(hits.map((h: { id: string }) => h.id)).toEqual([newerExact, olderExact, prefix, substring]);
    expect(hits.map((h: { match: string }) => h.match)).toEqual(['exact', 'exact', 'prefix', 'substring']);
  });

  it('never shows deleted guests, and shows them again once restored', async () => {
    const { guest, ids, call } = await seeded();
    await call('guests.delete', { id: guest.id });
    expect(await ids('タカハシ')).not.toContain(guest.id);
    await call('guests.restore', { id: guest.id });
    expect(await ids('タカハシ')).toContain(guest.id);
  });

  it('follows edits: the old name no longer finds the guest, the new one does', async () => {
    const { guest, ids, call } = await seeded();
    await call('guests.update', { id: guest.id, patch: { familyName: '鷹野', familyReading: 'たかの', phones: [] } });
    expect(await ids('ﾀｶﾉ')).toContain(guest.id);
    expect(await ids('髙橋一郎')).not.toContain(guest.id);
    expect(await ids('5678')).not.toContain(guest.id);
  });

  it('finds a name with a kanji outside the BMP (𠮷) by its characters, its reading and its romaji', async () => {
    const { call, ids } = await seeded();
    const yoshida = await call('guests.create', {
      fields: { familyName: '𠮷田', givenName: '𠮷子', familyReading: 'よしだ', givenReading: 'よしこ' },
    });
    for (const q of ['𠮷', '𠮷田', '𠮷田𠮷', '𠮷田𠮷子', '田', '子', 'よしだ', 'yoshida'])
      expect(await ids(q), q).toContain(yoshida.id);
    // A lone half of the surrogate pair is not a character of the name: typed alone it finds nothing.
    expect(await ids('\ud842')).not.toContain(yoshida.id);
  });

  it('answers an empty, blank or hopeless query with nothing rather than an error', async () => {
    const { ids } = await seeded();
    expect(await ids('')).toEqual([]);
    expect(await ids('   ')).toEqual([]);
    expect(await ids('ゐゐゐゐゐゐ')).toEqual([]);
    expect(await ids('%_*')).toEqual([]);
  });

  it('reads the index, never the whole guest table', async () => {
    const { db } = await seeded();
    const plans = Object.values(SEARCH_STATEMENTS).map((text) => {
      const parameters = Array.from(text.matchAll(/\?/g), () => 1);
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...parameters) as Array<{ detail: string }>;
      return rows.map((row) => row.detail).join('; ');
    });
    // A walk, a range, the hits by rowid, and a merged guest's kept guest by id.
    expect(plans).toHaveLength(4);
    for (const plan of plans) {
      expect(plan).not.toMatch(/^SCAN|; SCAN|USE TEMP B-TREE/);
    }
  });

  it('keeps the search index equal to a rebuild from the guests after any sequence of edits', async () => {
    const clock = testClock();
    const idleMs = 2;
    const test: EditedCore = {
      ...(await makeStaffedCore({ clock: clock.now, checkpoint: { idleMs } })),
      clock,
      idleMs,
    };
    const ids: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(editOp, { maxLength: 25 }), async (ops) => {
        for (const step of ops) await applyEdit(test, ids, step);
        // Rows whose move waits stand where the index says; read at their guests' recency, they are a rebuild.
        expect(asIntended(test.db)).toEqual(fullRebuild(test.db));
        // Once the idle moments have moved them, the table itself is.
        await applyEdit(test, ids, { kind: 'idle' });
        expect(waiting(test.db)).toBe(0);
        expect(exactly(test.db)).toEqual(fullRebuild(test.db));
      }),
      { numRuns: 30 },
    );
  });
});
