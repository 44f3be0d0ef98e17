import { describe, expect, it } from 'vitest';
import { columnSpec, tableSpec } from '../../db/log/registry.ts';
import { seededAllergenId } from '../../db/migrations/0002-service.ts';
import { MANY_ROWS_EDITED } from '../../electron/core/changes/conflicts.ts';
import type { ShippedTx } from '../../electron/core/changes/shipped.ts';
import { syncedTables } from '../support/replica.ts';
import { twoPcs } from './two-pcs.ts';

// What two PCs can do while apart that merging fields alone cannot settle: each becomes a conflict on both
// PCs, with both sides, never undone behind staff's backs; a decision closes it everywhere. And what two PCs
// would both create is one row.

const SHRIMP = seededAllergenId(1);

describe('conflicts between two PCs', () => {
  it('a hall held by two deals at once: both stay held, and both PCs show the same conflict', async () => {
    const { a, b, sync, tick } = await twoPcs();
    const hall = await a.call('halls.create', {
      fields: { name: '松の間', capacity: { seated: 40, standing: 0, theatre: 0 } },
    });
    const organiser = await a.call('guests.create', { fields: { familyName: '幹事', familyReading: 'かんじ' } });
    sync();
    const deal = (pc: typeof a) =>
      pc.call('banquets.create', {
        fields: {
          organiserId: organiser.id,
          type: 'social',
          date: '2026-07-01',
          startTime: '18:00',
          endTime: '20:00',
          headcount: 20,
          hallIds: [hall.id],
        },
      });
    const [first, second] = [await deal(a), await deal(b)];
    tick();
    await a.call('banquets.advance', { id: first.banquet.id, stage: 'confirmed' });
    await b.call('banquets.advance', { id: second.banquet.id, stage: 'confirmed' });
    sync();
    const [onA, onB] = [await a.call('conflicts.list', {}), await b.call('conflicts.list', {})];
    expect(onA.conflicts).toEqual(onB.conflicts);
    expect(onA.conflicts).toMatchObject([
      { kind: 'hall_double_booked', detail: { halls: [hall.id], date: '2026-07-01' } },
    ]);
    // Nothing was undone: both deals are still confirmed on both PCs.
    for (const pc of [a, b]) {
      expect((await pc.call('banquets.get', { id: first.banquet.id })).banquet.stage).toBe('confirmed');
      expect((await pc.call('banquets.get', { id: second.banquet.id })).banquet.stage).toBe('confirmed');
    }
    // Moving one deal to another day settles it, on both PCs once they sync.
    await b.call('banquets.update', { id: second.banquet.id, fields: { date: '2026-07-02' } });
    sync();
    expect((await a.call('conflicts.list', {})).conflicts).toEqual([]);
    expect(syncedTables(a.db)).toEqual(syncedTables(b.db));
  });

  it('two current records of one allergen: both shown, the more severe first, until staff settle it', async () => {
    const { a, b, sync } = await twoPcs();
    const guest = await a.call('guests.create', { fields: { familyName: '佐藤', familyReading: 'さとう' } });
    sync();
    await a.call('allergies.record', {
      guestId: guest.id,
      allergenId: SHRIMP,
      severity: 'intolerance',
      tracesOk: true,
    });
    await b.call('allergies.record', {
      guestId: guest.id,
      allergenId: SHRIMP,
      severity: 'anaphylaxis',
      tracesOk: false,
    });
    sync();
    for (const pc of [a, b]) {
      const { allergies } = await pc.call('allergies.forGuest', { guestId: guest.id });
      const current = allergies.filter((allergy: { state: string }) => allergy.state === 'current');
      expect(current.map((allergy: { severity: string }) => allergy.severity).sort()).toEqual([
        'anaphylaxis',
        'intolerance',
      ]);
      const service = await pc.call('guests.service', { id: guest.id });
      expect(service.allergies[0].severity).toBe('anaphylaxis');
    }
    const { conflicts } = await a.call('conflicts.list', {});
    expect(conflicts).toMatchObject([
      { kind: 'allergy_duplicate', rowA: guest.id, detail: { severest: 'anaphylaxis' } },
    ]);
    // Staff correct the milder record away (retract it): one current record, no conflict, on both PCs.
    const mild = (await a.call('allergies.forGuest', { guestId: guest.id })).allergies.find(
      (allergy: { severity: string }) => allergy.severity === 'intolerance',
    );
    await a.call('allergies.retract', { id: mild.id, reason: '重複' });
    sync();
    expect((await b.call('conflicts.list', {})).conflicts).toEqual([]);
  });

  it('a deal lost on one PC and cancelled on the other: a conflict, and the staff decision sets its stage everywhere', async () => {
    const { a, b, sync, tick } = await twoPcs();
    const organiser = await a.call('guests.create', { fields: { familyName: '幹事', familyReading: 'かんじ' } });
    const { banquet } = await a.call('banquets.create', {
      fields: {
        organiserId: organiser.id,
        type: 'social',
        date: '2026-07-01',
        startTime: '18:00',
        endTime: '20:00',
        headcount: 20,
      },
    });
    sync();
    tick();
    await a.call('banquets.advance', {
      id: banquet.id,
      stage: 'lost',
      lostReason: 'price',
      competitor: 'ホテルA',
      note: '価格',
    });
    await b.call('banquets.advance', { id: banquet.id, stage: 'cancelled', note: '会自体が中止' });
    sync();
    const [conflict] = (await b.call('conflicts.list', {})).conflicts;
    expect(conflict).toMatchObject({ kind: 'deal_final_stages', rowA: banquet.id });
    const stages = (conflict.detail as { stages: Array<{ id: string; stage: string }> }).stages;
    expect(stages.map((s) => s.stage).sort()).toEqual(['cancelled', 'lost']);
    const lost = stages.find((s) => s.stage === 'lost') as { id: string };
    await b.call('conflicts.decide', { id: conflict.id, choice: lost.id, note: '他社に決定と確認' });
    sync();
    for (const pc of [a, b]) {
      expect((await pc.call('conflicts.list', {})).conflicts).toEqual([]);
      const deal = (await pc.call('banquets.get', { id: banquet.id })).banquet;
      expect(deal).toMatchObject({ stage: 'lost', lostReason: 'price', competitor: 'ホテルA' });
    }
    expect(syncedTables(a.db)).toEqual(syncedTables(b.db));
  });

  it('a stay whose arrival moved on one PC and departure on the other: a conflict for the dates', async () => {
    const { a, b, sync } = await twoPcs();
    const guest = await a.call('guests.create', { fields: { familyName: '鈴木', familyReading: 'すずき' } });
    const stay = await a.call('stays.create', {
      fields: { guestId: guest.id, arrivalDate: '2026-07-10', departureDate: '2026-07-12', rooms: ['101'] },
    });
    sync();
    await a.call('stays.update', { id: stay.id, patch: { arrivalDate: '2026-07-11' } });
    await b.call('stays.update', { id: stay.id, patch: { departureDate: '2026-07-10' } });
    sync();
    expect((await a.call('conflicts.list', {})).conflicts).toMatchObject([
      { kind: 'field_group', field: 'dates', detail: { arrival: '2026-07-11', departure: '2026-07-10' } },
    ]);
    await b.call('stays.update', { id: stay.id, patch: { departureDate: '2026-07-13' } });
    sync();
    expect((await a.call('conflicts.list', {})).conflicts).toEqual([]);
  });

  it('two edits of one field: the later stands on both PCs, the other is shown until decided', async () => {
    const { a, b, sync, tick } = await twoPcs();
    const guest = await a.call('guests.create', {
      fields: { familyName: '高橋', familyReading: 'たかはし', note: '' },
    });
    sync();
    await a.call('guests.update', { id: guest.id, patch: { note: '窓側希望' } });
    tick();
    await b.call('guests.update', { id: guest.id, patch: { note: '禁煙室' } });
    sync();
    for (const pc of [a, b]) expect((await pc.call('guests.get', { id: guest.id })).note).toBe('禁煙室');
    const { conflicts } = await a.call('conflicts.list', {});
    expect(conflicts).toMatchObject([
      {
        kind: 'field_edit',
        rowA: guest.id,
        field: 'note',
        detail: { kept: { value: '禁煙室' }, other: { value: '窓側希望' } },
      },
    ]);
    await a.call('conflicts.decide', { id: conflicts[0].id, choice: 'kept' });
    sync();
    expect((await b.call('conflicts.list', {})).conflicts).toEqual([]);
  });

  it('what two PCs both create is one row: a companion link, a place in a party, a follow-up call', async () => {
    const { a, b, sync } = await twoPcs();
    const [lead, friend] = [
      await a.call('guests.create', { fields: { familyName: '田中', familyReading: 'たなか' } }),
      await a.call('guests.create', { fields: { familyName: '中村', familyReading: 'なかむら' } }),
    ];
    const stay = await a.call('stays.create', {
      fields: { guestId: lead.id, arrivalDate: '2026-07-10', departureDate: '2026-07-11', rooms: ['101'] },
    });
    sync();
    await a.call('guests.linkCompanion', { guestId: lead.id, companionId: friend.id, relationship: 'friend' });
    await b.call('guests.linkCompanion', { guestId: friend.id, companionId: lead.id, relationship: 'friend' });
    await a.call('stays.update', { id: stay.id, patch: { partyIds: [friend.id] } });
    await b.call('stays.update', { id: stay.id, patch: { partyIds: [friend.id] } });
    sync();
    for (const pc of [a, b]) {
      expect(pc.db.prepare('SELECT count(*) FROM guest_links WHERE deleted_at IS NULL').pluck().get()).toBe(1);
      expect(pc.db.prepare('SELECT count(*) FROM stay_party WHERE deleted_at IS NULL').pluck().get()).toBe(1);
      expect((await pc.call('guests.get', { id: lead.id })).companions).toHaveLength(1);
    }
    sync(); // each PC recorded its own look at the card (the access log), which syncs like the rest
    expect(syncedTables(a.db)).toEqual(syncedTables(b.db));
  });

  it('phones added on two PCs at once are both kept', async () => {
    const { a, b, sync } = await twoPcs();
    const guest = await a.call('guests.create', {
      fields: { familyName: '渡辺', familyReading: 'わたなべ', phones: [{ number: '03-1111-2222', label: 'home' }] },
    });
    sync();
    await a.call('guests.update', {
      id: guest.id,
      patch: {
        phones: [
          { number: '03-1111-2222', label: 'home' },
          { number: '090-1111-2222', label: 'mobile' },
        ],
      },
    });
    await b.call('guests.update', {
      id: guest.id,
      patch: {
        phones: [
          { number: '03-1111-2222', label: 'home' },
          { number: '06-3333-4444', label: 'work' },
        ],
      },
    });
    sync();
    for (const pc of [a, b]) {
      const numbers = (await pc.call('guests.get', { id: guest.id })).phones.map(
        (phone: { number: string }) => phone.number,
      );
      expect(numbers.sort()).toEqual(['03-1111-2222', '06-3333-4444', '090-1111-2222']);
    }
  });
});

describe('a PC whose clock is far ahead', () => {
  it('has its changes kept aside, shown to staff, and applied once the clock catches up or staff accept', async () => {
    const { a, b, sync, tick } = await twoPcs({ aheadMs: 10 * 60_000 });
    await b.call('guests.create', { fields: { familyName: '未来', familyReading: 'みらい' } });
    const { toA } = sync();
    expect(toA.held.map((held) => held.reason)).toContain('clock_ahead');
    expect(a.db.prepare("SELECT count(*) FROM guests WHERE family_name = '未来'").pluck().get()).toBe(0);
    const { held } = await a.call('conflicts.held', {});
    expect(held.length).toBeGreaterThan(0);
    expect(held[0]).toMatchObject({ reason: 'clock_ahead', call: expect.any(String) });
    // Staff accept one; the rest wait for the clock.
    await a.call('conflicts.acceptHeld', { node: held[0].node, hlc: held[0].hlc });
    tick(6 * 60_000);
    sync();
    expect((await a.call('conflicts.held', {})).held).toEqual([]);
    expect(a.db.prepare("SELECT count(*) FROM guests WHERE family_name = '未来'").pluck().get()).toBe(1);
    expect(syncedTables(a.db)).toEqual(syncedTables(b.db));
  });

  it('lists a far-ahead change the tables also refuse under that reason, and says so when staff accept it', async () => {
    // Before, it stayed listed as "clock ahead" with its "apply anyway" button, and pressing it answered that
    // nothing was waiting under that name.
    const { a, b, sync, tick } = await twoPcs({ aheadMs: 10 * 60_000 });
    const guest = await a.call('guests.create', { fields: { familyName: '早川', familyReading: 'はやかわ' } });
    sync();
    await b.call('guests.update', { id: guest.id, patch: { note: '朝食なし' } });
    const noteEdit = b.core.changes.exportAfter(0, 1000).transactions.at(-1) as ShippedTx;
    const faulty: ShippedTx = {
      ...noteEdit,
      hlc: noteEdit.hlc + 1,
      entries: [
        {
          table: tableSpec('guests').id,
          col: columnSpec('guests', 'family_name')?.id as number,
          row: guest.id,
          value: null,
          prev: null,
        },
      ],
    };
    const report = a.core.changes.apply([noteEdit, faulty]);
    expect(report.held.map((held) => held.reason)).toEqual(['clock_ahead', 'cannot_store']);
    const reasons = async () =>
      Object.fromEntries(
        (await a.call('conflicts.held', {})).held.map((held: { hlc: number; reason: string }) => [
          held.hlc,
          held.reason,
        ]),
      );
    const refused = await a.core.call('conflicts.acceptHeld', { node: faulty.node, hlc: faulty.hlc });
    expect(refused).toEqual({ ok: false, error: { code: 'conflict', detail: 'held_cannot_store' } });
    // Tried again with the next batch, while that PC's clock is still ahead: still listed as refused.
    a.core.changes.retryHeld();
    expect(await reasons()).toMatchObject({ [noteEdit.hlc]: 'clock_ahead', [faulty.hlc]: 'cannot_store' });
    expect((await a.call('guests.get', { id: guest.id })).familyName).toBe('早川');

    // Once the clock has caught up the note goes in; the faulty one stays aside, under its reason.
    tick(11 * 60_000);
    sync();
    expect(await reasons()).toEqual({ [faulty.hlc]: 'cannot_store' });
    expect(await a.call('guests.get', { id: guest.id })).toMatchObject({ familyName: '早川', note: '朝食なし' });
  });

  it('keeps aside what a newer version sends (an unknown column, table or value) instead of guessing', async () => {
    const { a, b, sync } = await twoPcs();
    const guest = await b.call('guests.create', { fields: { familyName: '新', familyReading: 'あたらし' } });
    sync();
    const stamp = a.core.changes.exportAfter(0, 1000).transactions.at(-1)?.hlc as number;
    const node = '0190a000-0000-7000-8000-0000000000ee';
    const report = a.core.changes.apply([
      {
        node,
        hlc: stamp + 10,
        staff: null,
        call: 'guests.update',
        schema: 9,
        entries: [{ table: 2, row: guest.id, col: 99, value: 'x', prev: null }],
      },
      {
        node,
        hlc: stamp + 20,
        staff: null,
        call: 'rooms.create',
        schema: 9,
        entries: [{ table: 77, row: guest.id, col: 0, value: [[1, 'x']], prev: null }],
      },
      {
        node,
        hlc: stamp + 30,
        staff: null,
        call: 'allergies.record',
        schema: 9,
        entries: [{ table: 8, row: guest.id, col: 4, value: 'deadly', prev: null }],
      },
    ]);
    expect(report.held.map((held) => held.reason)).toEqual(['unknown_schema', 'unknown_schema', 'unknown_schema']);
    expect((await a.call('conflicts.held', {})).held).toHaveLength(3);
    // Kept, not applied, and not lost: sending them again is recognised.
    expect(a.core.changes.retryHeld()).toBe(0);
    expect(
      a.core.changes.apply([{ node, hlc: stamp + 10, staff: null, call: null, schema: 9, entries: [] }]).duplicates,
    ).toBe(1);
  });

  it('keeps aside a transaction whose values the tables refuse, and takes in the rest of the batch', async () => {
    // A fault on the other PC (or a newer version's data): a name set to NULL, phones that are not a list, a
    // count written as text. Before, the whole batch failed, so sync sent it again and again and nothing more
    // from that PC ever arrived.
    const { a, b, sync, tick } = await twoPcs();
    const guest = await b.call('guests.create', { fields: { familyName: '井上', familyReading: 'いのうえ' } });
    const stay = await b.call('stays.create', {
      fields: { guestId: guest.id, arrivalDate: '2026-06-20', departureDate: '2026-06-21', rooms: ['201'] },
    });
    sync();
    tick();
    await b.call('guests.update', { id: guest.id, patch: { note: '窓側希望' } });
    tick();
    await b.call('stays.update', { id: stay.id, patch: { note: '記念日' } });
    const fromB = b.core.changes.exportAfter(0, 1000).transactions;
    const [noteEdit, stayEdit] = fromB.slice(-2) as [ShippedTx, ShippedTx];
    const faulty = (hlc: number, entry: ShippedTx['entries'][number]): ShippedTx => ({
      ...noteEdit,
      hlc,
      call: 'guests.update',
      entries: [entry],
    });
    const column = (table: 'guests' | 'stays', name: string) => ({
      table: tableSpec(table).id,
      col: columnSpec(table, name)?.id as number,
    });
    const batch = [
      faulty(noteEdit.hlc - 3, { ...column('guests', 'family_name'), row: guest.id, value: null, prev: null }),
      faulty(noteEdit.hlc - 2, { ...column('guests', 'phones'), row: guest.id, value: 'ああ', prev: null }),
      faulty(noteEdit.hlc - 1, { ...column('stays', 'adults'), row: stay.id, value: 'two', prev: null }),
      // A list, but not of phones: only the search index, reading it, finds out (the batch is applied again
      // one transaction at a time).
      faulty(noteEdit.hlc - 4, { ...column('guests', 'phones'), row: guest.id, value: '[1,2]', prev: null }),
      noteEdit,
      stayEdit,
    ];
    const report = a.core.changes.apply(batch);
    expect(report.applied).toBe(2);
    expect(report.held.map((held) => held.reason)).toEqual(Array(4).fill('cannot_store'));
    expect(await a.call('guests.get', { id: guest.id })).toMatchObject({
      familyName: '井上',
      note: '窓側希望',
    });
    expect(await a.call('stays.get', { id: stay.id })).toMatchObject({ adults: 1, note: '記念日' });
    // Staff see what was kept aside, and why; sending the batch again changes nothing.
    const { held } = await a.call('conflicts.held', {});
    expect(held.map((item: { reason: string }) => item.reason)).toEqual(Array(4).fill('cannot_store'));
    expect(a.core.changes.apply(batch)).toMatchObject({ applied: 0, duplicates: 6 });
    // Tried again with every batch, and still kept aside: the next edits from that PC go in as ever.
    tick();
    await b.call('guests.update', { id: guest.id, patch: { note: '禁煙' } });
    expect(a.core.changes.apply(b.core.changes.exportAfter(0, 1000).transactions)).toMatchObject({ applied: 1 });
    expect((await a.call('guests.get', { id: guest.id })).note).toBe('禁煙');
    expect((await a.call('conflicts.held', {})).held).toHaveLength(4);
    expect((await a.call('guests.search', { q: 'いのうえ' })).hits.map((hit: { id: string }) => hit.id)).toEqual([
      guest.id,
    ]);
    expect(a.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a malformed stamp instead of merging NaN', async () => {
    const { a } = await twoPcs();
    const report = a.core.changes.apply([
      { node: '0190a000-0000-7000-8000-000000000001', hlc: 'soon', staff: null, call: null, schema: 4, entries: [] },
      {
        node: '0190a000-0000-7000-8000-000000000001',
        hlc: Number.NaN,
        staff: null,
        call: null,
        schema: 4,
        entries: [{ table: 2, row: 'x', col: 1, value: 'a', prev: null }],
      },
    ]);
    expect(report.refused.length).toBe(2);
    expect(report.applied).toBe(0);
  });

  it('a large batch that settles a concurrent edit clears its conflict, as a small one does', async () => {
    const { a, b, sync, tick } = await twoPcs();
    const ids: string[] = [];
    for (let i = 0; i < MANY_ROWS_EDITED; i++) {
      ids.push((await a.call('guests.create', { fields: { familyName: `客${i}`, familyReading: 'きゃく' } })).id);
    }
    sync();
    const guest = ids[7] as string;
    await a.call('guests.update', { id: guest, patch: { note: '窓側の部屋' } });
    await b.call('guests.update', { id: guest, patch: { note: '通路側の部屋' } });
    sync();
    expect((await a.call('conflicts.list', {})).conflicts).toMatchObject([{ kind: 'field_edit', rowA: guest }]);
    // B's staff then edit every guest, that one back to A's value: the two PCs agree, nothing is left to settle.
    tick();
    for (const id of ids) {
      await b.call('guests.update', { id, patch: { note: id === guest ? '窓側の部屋' : '朝食は和食' } });
    }
    const { toA } = sync();
    expect(toA.applied).toBeGreaterThanOrEqual(MANY_ROWS_EDITED);
    expect((await b.call('conflicts.list', {})).conflicts).toEqual([]);
    expect((await a.call('conflicts.list', {})).conflicts).toEqual([]);
    expect(syncedTables(a.db)).toEqual(syncedTables(b.db));
  }, 60_000);
});
