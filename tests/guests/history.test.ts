// guests.history as the History tab reads it: rows ready to show, other guests named in the same answer,
// newest first, paged by a cursor; a migration's baseline never shows as a change.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations/index.ts';
import { openDatabase } from '../../db/open.ts';
import { createCore } from '../../electron/core/create-core.ts';
import type { GuestLogEntry } from '../../electron/core/guests/history-log.ts';
import { replay } from '../../electron/core/guests/history-replay.ts';
import type { HistoryRow } from '../../shared/contract/history.ts';
import { makeStaffedCore } from '../support/core.ts';

const hanako = { familyName: '佐藤', givenName: '花子', familyReading: 'さとう', givenReading: 'はなこ' };
const ichiro = { familyName: '髙橋', givenName: '一郎', familyReading: 'たかはし', givenReading: 'いちろう' };

type Call = (name: string, input: unknown) => Promise<{ rows: HistoryRow[]; next: string | null }>;
const changes = async (call: Call, id: string) => (await call('guests.history', { id })).rows.map((r) => r.change);

describe('guests.history: the guest and their companions', () => {
  it('shows what a new guest was given in the form order, then each edit, newest first, by whom and where', async () => {
    const { call, staffId, core } = await makeStaffedCore();
    const guest = await call('guests.create', { fields: { ...hanako, marketingConsent: true } });
    await call('guests.update', { id: guest.id, patch: { note: '窓側', marketingConsent: false } });
    const { rows, next } = await call('guests.history', { id: guest.id });
    expect(rows.map((row: HistoryRow) => row.change)).toEqual([
      { kind: 'guestField', field: 'note', from: '', to: '窓側' },
      { kind: 'guestField', field: 'marketingConsent', from: true, to: false },
      { kind: 'guestField', field: 'familyName', from: null, to: '佐藤' },
      { kind: 'guestField', field: 'givenName', from: null, to: '花子' },
      { kind: 'guestField', field: 'familyReading', from: null, to: 'さとう' },
      { kind: 'guestField', field: 'givenReading', from: null, to: 'はなこ' },
      { kind: 'guestField', field: 'marketingConsent', from: null, to: true },
    ]);
    expect(next).toBeNull();
    const system = await call('system.info', {});
    expect(rows[0]).toMatchObject({ staffId, staffName: '女将 山田', nodeId: system.nodeId });
    expect(rows[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(new Set(rows.map((row: HistoryRow) => row.key)).size).toBe(rows.length);
    core.close();
  });

  it('names the other guest of a companion link in the same answer, read from this side', async () => {
    const { call } = await makeStaffedCore();
    const me = await call('guests.create', { fields: hanako });
    const father = await call('guests.create', { fields: ichiro });
    // Added on the father's card: his child is me, so from my side he is my parent.
    const card = await call('guests.linkCompanion', { guestId: father.id, companionId: me.id, relationship: 'child' });
    await call('guests.unlinkCompanion', { guestId: me.id, linkId: card.companions[0].linkId });
    // Linked again from my card: the same link comes back, as a spouse this time.
    await call('guests.linkCompanion', { guestId: me.id, companionId: father.id, relationship: 'spouse' });
    const named = { id: father.id, ...ichiro };
    expect((await changes(call, me.id)).slice(0, 3)).toEqual([
      { kind: 'companionLinked', guest: named, relationship: 'spouse' },
      { kind: 'companionUnlinked', guest: named },
      { kind: 'companionLinked', guest: named, relationship: 'parent' },
    ]);
    expect((await changes(call, father.id))[2]).toEqual({
      kind: 'companionLinked',
      guest: { id: me.id, ...hanako },
      relationship: 'child',
    });
  });

  it('shows a deletion and a restore, and answers not_found for an unknown guest', async () => {
    const { call, core } = await makeStaffedCore();
    const guest = await call('guests.create', { fields: hanako });
    await call('guests.delete', { id: guest.id });
    await call('guests.restore', { id: guest.id });
    expect((await changes(call, guest.id)).slice(0, 2)).toEqual([{ kind: 'guestRestored' }, { kind: 'guestDeleted' }]);
    const missing = await core.call('guests.history', { id: '01900000-0000-7000-8000-000000000000' });
    expect(missing).toEqual({ ok: false, error: { code: 'not_found', detail: 'guest_not_found' } });
  });
});

describe('guests.history pages', () => {
  it('answers the latest 200 rows by default, and pages on with `before` without gaps or repeats', async () => {
    const { call, core } = await makeStaffedCore();
    const guest = await call('guests.create', { fields: { familyName: '佐藤', familyReading: 'さとう' } });
    for (let i = 1; i <= 205; i++) await call('guests.update', { id: guest.id, patch: { note: `${i}回目` } });
    const all: HistoryRow[] = (await call('guests.history', { id: guest.id, limit: 1000 })).rows;
    expect(all).toHaveLength(207); // 205 notes and the two fields the guest was created with

    const first = await call('guests.history', { id: guest.id });
    expect(first.rows).toHaveLength(200);
    expect(first.rows[0].change).toMatchObject({ field: 'note', to: '205回目' });
    expect(first.next).toBe(first.rows[199].key);

    // A write between two pages adds to the top; the next page still starts right after the first.
    await call('guests.update', { id: guest.id, patch: { note: '最新' } });
    const paged: HistoryRow[] = [];
    let before: string | undefined;
    do {
      const page = await call('guests.history', { id: guest.id, limit: 60, ...(before ? { before } : {}) });
      paged.push(...page.rows);
      before = page.next ?? undefined;
    } while (before);
    expect(paged.map((row) => row.key)).toEqual(
      (await call('guests.history', { id: guest.id, limit: 1000 })).rows.map((row: HistoryRow) => row.key),
    );
    const second = await call('guests.history', { id: guest.id, before: first.next });
    expect(second).toEqual({ rows: all.slice(200), next: null });

    expect(await core.call('guests.history', { id: guest.id, before: 'note' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await core.call('guests.history', { id: guest.id, limit: 0 })).toMatchObject({ ok: false });
  });
});

describe('guests.history on a database from before the replayable log', () => {
  it('shows the converted history and not the baseline that restated every row', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'yadocho-history-')), 'y.sqlite');
    const old = new Database(file);
    for (const migration of MIGRATIONS.filter((m) => m.version <= 3)) {
      old.exec(migration.sql);
      migration.run?.(old);
    }
    old.pragma('user_version = 3');
    const node = '0190a000-0000-7000-8000-0000000000aa';
    const staff = '0190a000-0000-7000-8000-0000000000bb';
    const logged = '0190a000-0000-7000-8000-000000000001';
    const loaded = '0190a000-0000-7000-8000-000000000002';
    old.prepare("INSERT INTO meta (key, value) VALUES ('node_id', ?)").run(node);
    old
      .prepare(
        "INSERT INTO staff (id, name, reading, active, created_at, updated_at) VALUES (?, '女将 山田', '', 1, ?, ?)",
      )
      .run(staff, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
    const guest = old.prepare(
      `INSERT INTO guests (id, family_name, family_reading, note, created_at, updated_at, last_activity_at)
       VALUES (?, ?, 'やまだ', ?, '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', 1)`,
    );
    guest.run(logged, '山田', '窓側');
    guest.run(loaded, '山本', ''); // bulk-loaded: no history before the log began
    const entry = old.prepare(
      'INSERT INTO change_log (hlc, node_id, staff_id, tbl, row_id, col, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    entry.run('1735689600000:0', node, staff, 'guests', logged, 'family_name', '"山田"');
    entry.run('1735689600000:0', node, staff, 'guests', logged, 'note', '""');
    entry.run('1735776000000:0', node, staff, 'guests', logged, 'note', '"窓側"');
    old.close();

    const db = openDatabase(file);
    const baselines = db
      .prepare("SELECT count(*) FROM log_tx t JOIN log_calls c ON c.id = t.call WHERE c.name = 'migration.baseline'")
      .pluck()
      .get();
    expect(baselines).toBeGreaterThan(0);
    const core = createCore({ db, nodeId: node, logger: { info() {}, warn() {}, error() {} } });
    const history = (id: string) => core.call('guests.history', { id });
    // The register's one member, now its owner (migration 8), is chosen to read the card.
    const chosen = core.call('staff.setCurrent', { id: staff });
    return chosen
      .then(() => Promise.all([history(logged), history(loaded)]))
      .then(([withLog, withoutLog]) => {
        const rows = withLog.ok ? (withLog.value as { rows: HistoryRow[] }).rows : [];
        expect(rows.map((row) => [row.staffName, row.change])).toEqual([
          ['女将 山田', { kind: 'guestField', field: 'note', from: '', to: '窓側' }],
          ['女将 山田', { kind: 'guestField', field: 'familyName', from: null, to: '山田' }],
        ]);
        expect(withoutLog).toEqual({ ok: true, value: { rows: [], next: null } });
        core.close();
      });
  });
});

describe('guests.history replay', () => {
  const entry = (hlc: number, column: string, value: string, node = 'n'): GuestLogEntry => ({
    table: 'guest_links',
    rowId: 'l1',
    values: [[column, value]],
    hlc,
    node,
    entry: hlc,
    staff: null,
    baseline: false,
  });

  it('reads a relationship changed on another PC from this side, and nothing for a write that changed nothing', () => {
    const entries = [
      {
        ...entry(1, 'guest_id', 'g2'),
        values: [
          ['guest_id', 'g2'],
          ['companion_id', 'g1'],
          ['relationship', 'child'],
        ],
      },
      entry(2, 'relationship', 'sibling'),
      entry(3, 'relationship', 'sibling', 'm'),
    ] as GuestLogEntry[];
    const guest = (id: string) => ({ id, familyName: '', givenName: '', familyReading: '', givenReading: '' });
    const lookups = { guest, staffName: () => null, allergen: () => ({ nameJa: '', nameEn: '' }) };
    const drafts = replay(entries, 'g1');
    expect(drafts.map((draft) => [draft.hlc, draft.needs.guests, draft.build(lookups)])).toEqual([
      [1, ['g2'], { kind: 'companionLinked', guest: guest('g2'), relationship: 'parent' }],
      [2, ['g2'], { kind: 'companionRelationship', guest: guest('g2'), relationship: 'sibling' }],
    ]);
  });
});
