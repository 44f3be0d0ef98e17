import { describe, expect, it } from 'vitest';
import { tableSpec } from '../../db/log/registry.ts';
import { LOOK_WINDOW_MS } from '../../electron/core/access/record.ts';
import { makeCore } from '../support/core.ts';
import { everything, syncedTables } from '../support/replica.ts';
import { accessCore, deskPause, MINUTE, nextTurn } from './helpers.ts';

// The access log through the core's door (core.call): opening a card, printing a sheet and exporting are each
// recorded once, with who, which guest and which PC, in the change log like any record.

const ACCESS_TABLE = tableSpec('access_log').id;

describe('opening a guest card', () => {
  it('records one entry with the person chosen, the guest and this PC, logged for sync', async () => {
    const t = await accessCore();
    const logged = () =>
      (t.db.prepare('SELECT count(*) FROM log_entry WHERE tbl = ?').pluck().get(ACCESS_TABLE) as number) ?? 0;
    expect(await t.entries()).toEqual([]);

    await t.call('guests.get', { id: t.guest });

    const [entry, ...rest] = await t.entries();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: 'card_opened',
      staff: { id: t.okami, name: '女将 山田' },
      guest: { id: t.guest, familyName: '佐藤', givenName: '花子', state: 'active' },
      pc: { node: t.core.nodeId, name: null, here: true },
      detail: {},
    });
    expect(entry.pc.short).toBe(t.core.nodeId.replaceAll('-', '').slice(-8));
    // The write's time on the core's clock (10:00 at the inn, in UTC).
    expect(entry.at).toMatch(/^2026-12-03T01:00:00\.\d{3}Z$/);
    expect(logged()).toBe(1);
  });

  it('sends the card first and records the look once staff pause, under who opened it, or before the core closes', async () => {
    const t = await accessCore();
    const stored = () => t.db.prepare('SELECT staff_id, created_at FROM access_log').all();
    const told: string[][] = [];
    t.core.onChanged((tables) => told.push(tables));
    const card = await t.core.call('guests.get', { id: t.guest });
    expect(card).toMatchObject({ ok: true, value: { id: t.guest } });
    // The card was answered before its look was written: staff do not wait for that write.
    expect(stored()).toEqual([]);
    // Nor does what they do next: the card's service side and History tab, asked as the card opens.
    await nextTurn();
    await t.call('guests.service', { id: t.guest });
    await nextTurn();
    await t.call('guests.history', { id: t.guest });
    expect(stored()).toEqual([]);
    await deskPause();
    expect(stored()).toEqual([{ staff_id: t.okami, created_at: expect.stringMatching(/^2026-12-03T01:00:00/) }]);
    // The screens that list the log are told, as after any write.
    expect(told.flat()).toContain('access_log');

    // Someone else is chosen before the look is written: it is still the one who opened the card.
    t.advance(LOOK_WINDOW_MS);
    await t.call('guests.get', { id: t.guest });
    await t.choose(t.front);
    await deskPause();
    expect(stored().map((row) => (row as { staff_id: string }).staff_id)).toEqual([t.okami, t.okami]);

    // A card opened just before the app quits: its look is written as the core closes.
    await t.call('guests.get', { id: t.guest });
    t.core.close();
    expect(stored().map((row) => (row as { staff_id: string }).staff_id)).toEqual([t.okami, t.okami, t.front]);
  });

  it('writes the look within about a second while staff keep working without a pause', async () => {
    const t = await accessCore();
    const stored = () => t.db.prepare('SELECT count(*) FROM access_log').pluck().get() as number;
    await t.call('guests.get', { id: t.guest });
    const opened = performance.now();
    // Someone typing names, a search every 20 ms: never the pause the look waits for.
    let calls = 0;
    while (stored() === 0 && performance.now() - opened < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await t.call('guests.search', { q: `さとう${calls++ % 3}` });
    }
    expect(stored()).toBe(1);
    expect(calls).toBeGreaterThan(1);
    expect(performance.now() - opened).toBeLessThan(2_500);
  });

  it('writes each look a second or so after its card for a program that calls without a pause', async () => {
    const t = await accessCore();
    const stored = () => t.db.prepare('SELECT count(*) FROM access_log').pluck().get() as number;
    const openedAt: number[] = [];
    const started = performance.now();
    // A program reading cards through the HTTP door, one after another, for 2.5 s.
    while (performance.now() - started < 2_500) {
      t.advance(LOOK_WINDOW_MS); // each a new look
      await t.call('guests.get', { id: t.guest });
      openedAt.push(performance.now());
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const now = performance.now();
    // Written in the order the cards were opened: every card opened 1.5 s ago or more has its look by now.
    const due = openedAt.filter((at) => now - at >= 1_500).length;
    expect(due).toBeGreaterThan(0);
    expect(stored()).toBeGreaterThanOrEqual(due);
    // The latest one still waits, and is written as the core closes.
    expect(stored()).toBeLessThan(openedAt.length);
    t.core.close();
    expect(stored()).toBe(openedAt.length);
  });

  it('does not record a refresh within the window; a look after it, or by someone else, is a new entry', async () => {
    const t = await accessCore();
    await t.call('guests.get', { id: t.guest });
    // The card refetches on every change event: a save, a colleague's edit.
    for (let i = 0; i < 5; i++) {
      t.advance(5 * MINUTE);
      await t.call('guests.get', { id: t.guest });
    }
    expect(await t.entries()).toHaveLength(1);

    // Someone else sits down at the same PC and sees the same card.
    await t.choose(t.front);
    await t.call('guests.get', { id: t.guest });
    expect((await t.entries()).map((e: { staff: { id: string } }) => e.staff.id)).toEqual([t.front, t.okami]);

    // The first person comes back to it after the window since their last recorded look.
    await t.choose(t.okami);
    t.advance(LOOK_WINDOW_MS);
    await t.call('guests.get', { id: t.guest });
    expect(await t.entries({ staffId: t.okami })).toHaveLength(2);
  });

  it('refuses a card to nobody chosen at the PC, and records nothing', async () => {
    const t = await accessCore();
    await t.choose(null);
    expect(await t.core.call('guests.get', { id: t.guest })).toEqual({ ok: false, error: { code: 'no_staff' } });
    expect(await t.entries()).toEqual([]);
  });

  it('records the floor opening a card, though the floor may not read the log', async () => {
    const t = await accessCore();
    await t.choose(t.nakai);
    await t.call('guests.get', { id: t.guest });
    expect(await t.core.call('accessLog.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden', detail: 'forbidden_role', params: { permission: 'privacy.manage' } },
    });
    expect(await t.entries({ staffId: t.nakai })).toHaveLength(1);
  });

  it('records nothing for a guest that does not exist', async () => {
    const t = await accessCore();
    const missing = '0190f000-0000-7000-8000-000000000000';
    const answer = await t.core.call('guests.get', { id: missing });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.entries()).toEqual([]);
  });

  it('names a guest deleted since as deleted', async () => {
    const t = await accessCore();
    await t.call('guests.get', { id: t.guest });
    await t.call('guests.delete', { id: t.guest });
    const [entry] = await t.entries();
    expect(entry.guest).toMatchObject({ familyName: '佐藤', state: 'deleted' });
  });
});

describe('printing and exporting', () => {
  it('records a stay’s sheet as about its guest, and a whole day’s as about no one', async () => {
    const t = await accessCore();
    await t.call('accessLog.sheetPrinted', { sheet: 'briefing', date: '2026-12-03', stayId: t.stay, via: 'print' });
    await t.call('accessLog.sheetPrinted', { sheet: 'kitchen', date: '2026/12/3', via: 'pdf' });
    const [kitchen, briefing] = await t.entries({ action: 'sheet_printed' });
    expect(kitchen).toMatchObject({ guest: null, detail: { sheet: 'kitchen', date: '2026-12-03', via: 'pdf' } });
    expect(briefing).toMatchObject({
      guest: { id: t.guest },
      detail: { sheet: 'briefing', date: '2026-12-03', stayId: t.stay, via: 'print' },
    });
    // Two prints are two entries: each is paper that left the desk.
    await t.call('accessLog.sheetPrinted', { sheet: 'kitchen', date: '2026-12-03', via: 'print' });
    expect(await t.entries({ action: 'sheet_printed' })).toHaveLength(3);
  });

  it('refuses a sheet of a stay that does not exist, recording nothing', async () => {
    const t = await accessCore();
    const answer = await t.core.call('accessLog.sheetPrinted', {
      sheet: 'briefing',
      date: '2026-12-03',
      stayId: '0190f000-0000-7000-8000-000000000000',
      via: 'print',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found', detail: 'stay_not_found' } });
    expect(await t.entries()).toEqual([]);
  });

  it('records an export once the file is made, with what was exported and not the search words', async () => {
    const t = await accessCore();
    await t.call('exports.run', {
      kinds: ['guests'],
      format: 'csv',
      filter: { by: 'search', query: 'さとう' },
      language: 'ja',
    });
    await t.call('exports.run', {
      kinds: ['guests', 'stays'],
      format: 'xlsx',
      filter: { by: 'dates', from: '2026-12-01', to: '2026-12-31' },
      language: 'ja',
    });
    const [dates, search] = await t.entries({ action: 'exported' });
    expect(search).toMatchObject({
      staff: { id: t.okami },
      guest: null,
      detail: { what: 'register', kinds: ['guests'], format: 'csv', filter: 'search', rows: 1 },
    });
    expect(dates.detail).toMatchObject({
      kinds: ['guests', 'stays'],
      filter: 'dates',
      from: '2026-12-01',
      to: '2026-12-31',
    });
    const stored = t.db.prepare("SELECT detail FROM access_log WHERE action = 'exported'").pluck().all() as string[];
    expect(stored.join('')).not.toContain('さとう');
  });
});

describe('the law and the guest’s rights', () => {
  it('records a disclosure as about its guest, and the 宿泊者名簿 file as an export of a period', async () => {
    const t = await accessCore();
    await t.call('guests.disclose', { id: t.guest, format: 'json', language: 'ja' });
    await t.call('registers.guestRegisterFile', {
      from: '2026-12-01',
      to: '2026-12-31',
      format: 'csv',
      language: 'ja',
    });
    // Reading the register on screen is not a file leaving the PC: nothing recorded for it.
    await t.call('registers.guestRegister', { from: '2026-12-01', to: '2026-12-31' });
    const [register, disclosure, ...rest] = await t.entries();
    expect(rest).toEqual([]);
    expect(disclosure).toMatchObject({ action: 'disclosed', guest: { id: t.guest }, detail: { what: 'json' } });
    expect(register).toMatchObject({
      action: 'exported',
      guest: null,
      detail: { what: 'guest_register', format: 'csv', from: '2026-12-01', to: '2026-12-31' },
    });
  });
});

describe('the file of rows an import set aside', () => {
  it('is recorded as an export of that many rows, about no one guest', async () => {
    const t = await accessCore();
    const ledger = Buffer.from(
      '氏名,フリガナ,電話\r\n鈴木 一郎,すずき いちろう,090-1234-5678\r\n,,090-9999-0000\r\n',
      'utf8',
    );
    const { upload } = await t.call('files.upload', {
      name: 'ledger.csv',
      size: ledger.length,
      offset: 0,
      chunk: ledger.toString('base64'),
    });
    const file = await t.call('imports.setAsideFile', { upload, language: 'ja' });
    expect(file.rows).toBeGreaterThan(0);
    const [entry, ...rest] = await t.entries();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: 'exported',
      staff: { id: t.okami },
      guest: null,
      detail: { what: 'set_aside', format: 'csv', rows: file.rows },
    });
  });
});

describe('the log syncs like the rest', () => {
  it('rebuilds the same entries on another PC from the change log', async () => {
    const t = await accessCore();
    await t.call('guests.get', { id: t.guest });
    await t.call('accessLog.sheetPrinted', { sheet: 'kitchen', date: '2026-12-03', via: 'print' });
    await deskPause();
    const other = makeCore();
    const report = other.core.changes.apply(everything(t.core));
    expect(report.refused).toEqual([]);
    // The staff came with the log; the owner reads it there.
    await other.call('staff.setCurrent', { id: t.okami });
    expect(syncedTables(other.db).access_log).toEqual(syncedTables(t.db).access_log);
    const there = (await other.call('accessLog.list', {})).entries;
    expect(there).toHaveLength(2);
    // On the other PC, the entries say they came from elsewhere.
    expect(there.every((entry: { pc: { here: boolean; node: string } }) => !entry.pc.here)).toBe(true);
    expect(there[0].pc.node).toBe(t.core.nodeId);
  });
});
