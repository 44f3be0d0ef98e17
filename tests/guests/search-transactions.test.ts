import { describe, expect, it } from 'vitest';
import { columnSpec, tableSpec } from '../../db/log/registry.ts';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';
import { createChangeEngine } from '../../electron/core/changes/engine.ts';
import { makeStamp } from '../../electron/core/changes/hlc.ts';
import type { ShippedTx } from '../../electron/core/changes/shipped.ts';
import { BULK_SETTLE_GUESTS, createSearchIndex } from '../../electron/core/guests/search-index.ts';
import { makeStaffedCore } from '../support/core.ts';
import { remotePc } from './remote-batch.ts';

// The search index gathers a transaction's guest writes and writes their net change at its end
// (search-index.ts, rows.ts). These check the two ways that can go wrong: a guest written several times in
// one transaction, and a transaction that rolls back after writing a guest.

const index = (db: import('better-sqlite3').Database) =>
  db.prepare('SELECT term, rank, recency, guest FROM search_term ORDER BY 1, 2, 3, 4').all();

function rebuilt(db: import('better-sqlite3').Database) {
  db.exec('SAVEPOINT rebuild');
  createSearchIndex(db).rebuild();
  const rows = index(db);
  db.exec('ROLLBACK TO rebuild; RELEASE rebuild');
  return rows;
}

describe('the search index over whole transactions', () => {
  it('follows a guest renamed three times in one batch from another PC: only the last name finds them', async () => {
    const test = await makeStaffedCore();
    const guest = await test.call('guests.create', {
      fields: { familyName: '山田', givenName: '太郎', familyReading: 'やまだ', givenReading: 'たろう' },
    });
    const other = '7f000000-0000-7000-8000-000000000001';
    const family = { table: tableSpec('guests').id, col: columnSpec('guests', 'family_name')?.id as number };
    const reading = { table: tableSpec('guests').id, col: columnSpec('guests', 'family_reading')?.id as number };
    let stamp = makeStamp(Date.now(), 0);
    const rename = (name: string, kana: string): ShippedTx => ({
      node: other,
      hlc: stamp++,
      staff: null,
      call: 'guests.update',
      schema: LATEST_VERSION,
      entries: [
        { ...family, row: guest.id, value: name, prev: null },
        { ...reading, row: guest.id, value: kana, prev: null },
      ],
    });
    const report = test.core.changes.apply([
      rename('川口', 'かわぐち'),
      rename('森下', 'もりした'),
      rename('谷本', 'たにもと'),
    ]);
    expect(report.applied).toBe(3);
    const found = async (q: string) =>
      (await test.call('guests.search', { q })).hits.map((hit: { id: string }) => hit.id);
    expect(await found('谷本')).toEqual([guest.id]);
    expect(await found('たにもと')).toEqual([guest.id]);
    for (const gone of ['山田', '川口', '森下', 'かわぐち', 'もりした']) expect(await found(gone)).toEqual([]);
    expect(index(test.db)).toEqual(rebuilt(test.db));
  });

  it('moves a guest renamed twice in one transaction once, and forgets a rolled-back rename', () => {
    const db = openDatabase(':memory:');
    const engine = createChangeEngine({ db, nodeId: '0190a000-0000-7000-8000-000000000001', clock: Date.now });
    const search = createSearchIndex(db);
    engine.onRowWritten('guests', (before, after) => search.onGuestWritten(before as never, after as never));
    engine.onTransactionEnd(search);
    const terms = (term: string) => db.prepare('SELECT count(*) FROM search_term WHERE term = ?').pluck().get(term);
    const create = (id: string, name: string, reading: string) =>
      engine.transact(null, 'guests.create', (session) =>
        session.writeRow('guests', id, {
          family_name: name,
          family_reading: reading,
          created_at: session.now(),
          last_activity_at: session.nowMs(),
        }),
      );
    const yamada = '0190a000-0000-7000-8000-0000000000aa';
    const kimura = '0190a000-0000-7000-8000-0000000000bb';
    create(yamada, '山田', 'やまだ');

    engine.transact(null, 'guests.update', (session) => {
      session.writeRow('guests', yamada, { family_name: '川口', family_reading: 'かわぐち' });
      session.writeRow('guests', yamada, { family_name: '谷本', family_reading: 'たにもと' });
    });
    expect([terms('やまだ'), terms('かわぐち'), terms('たにもと')]).toEqual([0, 0, 1]);
    const renamed = index(db);

    expect(() =>
      engine.transact(null, 'guests.update', (session) => {
        session.writeRow('guests', yamada, { family_name: '森下', family_reading: 'もりした' });
        throw new Error('refused after the write');
      }),
    ).toThrow('refused after the write');
    expect(index(db)).toEqual(renamed);
    // The next transaction writes another guest: nothing of the rolled-back rename may come with it.
    create(kimura, '木村', 'きむら');
    expect([terms('もりした'), terms('たにもと'), terms('きむら')]).toEqual([0, 1, 1]);
    expect(index(db)).toEqual(rebuilt(db));
  });

  it('takes a batch of many guests from another PC (written in bulk) to the same index a rebuild makes', async () => {
    const test = await makeStaffedCore();
    const own: string[] = [];
    for (let i = 0; i < 3; i++) {
      own.push(
        (await test.call('guests.create', { fields: { familyName: `本館${i}`, familyReading: 'ほんかん' } })).id,
      );
    }
    const pc = remotePc();
    const created = pc.newGuests(BULK_SETTLE_GUESTS * 2);
    // The same batch renames the PC's own guests and one new guest twice: net changes, in one transaction.
    const report = test.core.changes.apply([
      ...created.transactions,
      ...own.map((id) => pc.rename(id, '新館', 'しんかん')),
      pc.rename(created.ids[5] as string, '離れ', 'はなれ'),
      pc.rename(created.ids[5] as string, '奥座敷', 'おくざしき'),
    ]);
    expect(report.applied).toBe(created.ids.length + own.length + 2);
    expect(index(test.db)).toEqual(rebuilt(test.db));
    const found = async (q: string) => (await test.call('guests.search', { q })).hits.length;
    expect(await found('べっかん')).toBeGreaterThan(0);
    expect(await found('おくざしき')).toBe(1);
    expect(await found('はなれ')).toBe(0);
    expect(await found('ほんかん')).toBe(0);
    expect(await found('0900000')).toBeGreaterThan(0);
  });
});
