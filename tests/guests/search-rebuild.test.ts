import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BULK_SETTLE_GUESTS } from '../../electron/core/guests/search-index.ts';
import { FINE_SLICES, makeStaffedCore } from '../support/core.ts';
import { ALL_TERMS, asIntended, exactly, fullRebuild } from '../support/search-index-view.ts';
import { applyEdit, type EditedCore, editOp, testClock } from './edit-ops.ts';
import { remotePc } from './remote-batch.ts';

// The rebuild the settings screen starts (system.rebuildSearchIndex) runs in slices into a shadow table while
// staff keep searching and writing. Whatever is written between its slices, it ends with the index a full
// rebuild gives, and every search meanwhile answers from the live index as if no rebuild were running.

const shadowTables = (db: Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'search_term%' ORDER BY name").pluck().all();

/** Guests a search for さ must find: every guest not deleted whose reading starts with it. */
const readingStartsWithSa = (db: Database) =>
  (
    db.prepare("SELECT id FROM guests WHERE deleted_at IS NULL AND family_reading LIKE 'さ%'").pluck().all() as string[]
  ).sort();

describe('rebuilding the search index in slices', () => {
  it('ends equal to a full rebuild whatever is written between its slices, and search answers meanwhile', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(editOp, { maxLength: 15 }),
        fc.array(editOp, { maxLength: 20 }),
        async (before, during) => {
          const clock = testClock();
          const idleMs = 2;
          const test: EditedCore = {
            ...(await makeStaffedCore({ jobs: FINE_SLICES, clock: clock.now, checkpoint: { idleMs } })),
            clock,
            idleMs,
          };
          const ids: string[] = [];
          for (const step of before) await applyEdit(test, ids, step);
          const writes: Promise<unknown>[] = [];
          const searches: Array<Promise<{ got: string[]; want: string[] }>> = [];
          let next = 0;
          test.core.onProgress((progress) => {
            if (progress.state !== 'running') return;
            // Between two slices: a write lands, and someone types a search.
            const step = during[next++];
            if (step) writes.push(applyEdit(test, ids, step));
            const want = readingStartsWithSa(test.db);
            const answer = test.core.call('guests.search', { q: 'さ', limit: 100 });
            searches.push(
              answer.then((result) => {
                const hits = result.ok ? (result.value as { hits: Array<{ id: string }> }).hits : [];
                return { got: hits.map((hit) => hit.id).sort(), want };
              }),
            );
          });
          const rebuilt = await test.core.call('system.rebuildSearchIndex', {});
          expect(rebuilt.ok).toBe(true);
          // Edits after the swap go to the new index through the same hook.
          for (const step of during.slice(next)) await applyEdit(test, ids, step);
          await Promise.all(writes);
          expect(asIntended(test.db)).toEqual(fullRebuild(test.db));
          await applyEdit(test, ids, { kind: 'idle' }); // the idle moments move what waits
          expect(exactly(test.db)).toEqual(fullRebuild(test.db));
          expect(shadowTables(test.db)).toEqual(['search_term']);
          for (const { got, want } of await Promise.all(searches)) expect(got).toEqual(want);
          test.core.close();
          test.db.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  it('takes a large batch from another PC between two slices into both the live index and the one being built', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    for (let i = 0; i < 5; i++) {
      await test.call('guests.create', { fields: { familyName: `佐藤${i}`, familyReading: 'さとう' } });
    }
    const pc = remotePc();
    const own = test.db.prepare('SELECT id FROM guests').pluck().all() as string[];
    const created = pc.newGuests(BULK_SETTLE_GUESTS + 10);
    let applied = false;
    test.core.onProgress((progress) => {
      if (progress.state !== 'running' || applied || shadowTables(test.db).length < 2) return;
      applied = true;
      const report = test.core.changes.apply([
        ...created.transactions,
        ...own.slice(0, 2).map((id) => pc.rename(id, '新館', 'しんかん')),
      ]);
      expect(report.applied).toBe(created.ids.length + 2);
    });
    await test.call('system.rebuildSearchIndex', {});
    expect(applied).toBe(true);
    expect(test.db.prepare(ALL_TERMS).all()).toEqual(fullRebuild(test.db));
    expect((await test.call('guests.search', { q: 'しんかん' })).hits).toHaveLength(2);
    test.core.close();
    test.db.close();
  });

  it('drops the shadow on cancel and answers `cancelled`; the live index is untouched', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    await test.call('demo.load', { count: 40, seed: 4 });
    const before = test.db.prepare(ALL_TERMS).all();
    test.core.onProgress((progress) => {
      if (progress.state === 'running' && progress.done === 10) {
        expect(shadowTables(test.db)).toEqual(['search_term', 'search_term_shadow']);
        void test.call('jobs.cancel', { job: progress.job });
      }
    });
    expect(await test.core.call('system.rebuildSearchIndex', {})).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(shadowTables(test.db)).toEqual(['search_term']);
    expect(test.db.prepare(ALL_TERMS).all()).toEqual(before);
  });

  it('drops the shadow when the core closes mid-rebuild', async () => {
    const test = await makeStaffedCore({ jobs: FINE_SLICES });
    await test.call('demo.load', { count: 20, seed: 4 });
    let closed = false;
    test.core.onProgress((progress) => {
      if (progress.state === 'running' && progress.done === 5 && !closed) {
        closed = true;
        test.core.close();
      }
    });
    expect(await test.core.call('system.rebuildSearchIndex', {})).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(shadowTables(test.db)).toEqual(['search_term']);
  });
});
