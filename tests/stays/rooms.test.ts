import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnSpec, tableSpec } from '../../db/log/registry.ts';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { makeStamp } from '../../electron/core/changes/hlc.ts';
import { ROOM_STATEMENTS } from '../../electron/core/stays/rooms.ts';
import { serviceCore } from '../service/helpers.ts';
import { changeLogCount } from '../support/core.ts';
import { testQueryPlans } from '../support/query-plan.ts';

// One party per room and night: a second booked or in-house party in an occupied room is refused, naming the
// party already there, unless staff record that the two share the room (相部屋). Arrivals show every clash.

const nights = (arrivalDate: string, departureDate: string) => ({ arrivalDate, departureDate });

describe('a room holds one party a night', () => {
  it('refuses a second party in room 101 on a night it is taken, naming the party there, and records nothing', async () => {
    const { call, db, guest, stay } = await serviceCore();
    const first = await stay(await guest('山田', 'やまだ'), { rooms: ['101'], ...nights('2026-06-15', '2026-06-17') });
    const other = await guest('佐藤', 'さとう');
    const before = changeLogCount(db);
    const result = await callRaw(call, 'stays.create', {
      fields: { guestId: other, rooms: ['102', '101'], ...nights('2026-06-16', '2026-06-18') },
    });
    expect(result).toEqual({
      code: 'conflict',
      detail: 'room_taken',
      params: { room: '101', guest: '山田', arrival: '2026-06-15', departure: '2026-06-17', stayId: first.id },
    });
    expect(changeLogCount(db)).toBe(before);
  });

  it('lets the next party arrive on the day the last one leaves, and ignores cancelled and departed stays', async () => {
    const { guest, stay, call } = await serviceCore();
    const a = await stay(await guest('山田'), { rooms: ['101'], ...nights('2026-06-15', '2026-06-17') });
    await stay(await guest('佐藤'), { rooms: ['101'], ...nights('2026-06-17', '2026-06-18') });
    await stay(await guest('鈴木'), { rooms: ['101'], ...nights('2026-06-13', '2026-06-15') });
    await call('stays.update', { id: a.id, patch: { status: 'cancelled' }, version: a.version });
    await stay(await guest('田中'), { rooms: ['101'], ...nights('2026-06-15', '2026-06-16') });
    await stay(await guest('高橋'), { rooms: ['101'], status: 'departed', ...nights('2026-06-16', '2026-06-17') });
  });

  it('books the room anyway when staff choose to share it, keeps that choice, and the arrivals show both parties', async () => {
    const { call, guest, stay } = await serviceCore();
    const first = await stay(await guest('山田', 'やまだ'), { rooms: ['101'], ...nights('2026-06-15', '2026-06-17') });
    const shared = await stay(await guest('佐藤', 'さとう'), {
      rooms: ['101'],
      sharedRoom: true,
      ...nights('2026-06-15', '2026-06-16'),
    });
    expect(shared.sharedRoom).toBe(true);
    expect((await call('stays.get', { id: first.id })).sharedRoom).toBe(false);
    const { arrivals } = await call('arrivals.forDate', { date: '2026-06-15' });
    const clashOf = (id: string) => arrivals.find((a: { stay: { id: string } }) => a.stay.id === id).roomClashes;
    expect(clashOf(first.id)).toEqual([
      {
        stayId: shared.id,
        rooms: ['101'],
        guestName: '佐藤',
        arrivalDate: '2026-06-15',
        departureDate: '2026-06-16',
        sharedRoom: true,
      },
    ]);
    expect(clashOf(shared.id)).toMatchObject([{ stayId: first.id, guestName: '山田', sharedRoom: false }]);
  });

  it('refuses moving a stay into an occupied room or onto its nights, but not a note on a stay that already clashes', async () => {
    const { call, guest, stay } = await serviceCore();
    await stay(await guest('山田'), { rooms: ['101'], ...nights('2026-06-15', '2026-06-17') });
    const moved = await stay(await guest('佐藤'), { rooms: ['102'], ...nights('2026-06-15', '2026-06-17') });
    const refused = (patch: object) => callRaw(call, 'stays.update', { id: moved.id, patch, version: moved.version });
    expect(await refused({ rooms: ['101'] })).toMatchObject({ code: 'conflict', detail: 'room_taken' });
    const later = await stay(await guest('鈴木'), { rooms: ['101'], ...nights('2026-06-20', '2026-06-21') });
    expect(
      await callRaw(call, 'stays.update', {
        id: later.id,
        patch: { arrivalDate: '2026-06-16' },
        version: later.version,
      }),
    ).toMatchObject({ code: 'conflict', detail: 'room_taken', params: { guest: '山田' } });
    // Shared on purpose, then a note: the note is not a new booking of the room.
    const together = await call('stays.update', {
      id: moved.id,
      patch: { rooms: ['101'], sharedRoom: true },
      version: moved.version,
    });
    const noted = await call('stays.update', {
      id: moved.id,
      patch: { note: '布団を一組追加' },
      version: together.version,
    });
    expect(noted).toMatchObject({ rooms: ['101'], sharedRoom: true, note: '布団を一組追加' });
  });

  it('shows a clash that came from another PC, and still lets the desk check that party in and note things', async () => {
    const { call, core, guest, stay } = await serviceCore();
    const here = await stay(await guest('山田'), { rooms: ['101'], ...nights('2026-06-15', '2026-06-17') });
    // The front desk PC, offline, booked 101 for 佐藤 the same nights: it arrives with the sync.
    const sato = await guest('佐藤');
    const column = (name: string) => columnSpec('stays', name)?.id as number;
    const report = core.changes.apply([
      {
        node: '7f000000-0000-7000-8000-0000000000aa',
        hlc: makeStamp(Date.UTC(2026, 5, 15, 0, 59), 0),
        staff: null,
        call: 'stays.create',
        schema: LATEST_VERSION,
        entries: [
          {
            table: tableSpec('stays').id,
            row: '0190a000-0000-7000-8000-0000000000bb',
            col: 0,
            value: [
              [column('guest_id'), sato],
              [column('arrival_date'), '2026-06-15'],
              [column('departure_date'), '2026-06-16'],
              [column('rooms'), '["101"]'],
              [column('status'), 'booked'],
              [column('created_at'), '2026-06-15T00:59:00.000Z'],
            ],
            prev: null,
          },
        ],
      },
    ]);
    expect(report.applied).toBe(1);
    const { arrivals } = await call('arrivals.forDate', { date: '2026-06-15' });
    const named = arrivals.map((a: { roomClashes: Array<{ guestName: string }> }) => a.roomClashes[0]?.guestName);
    expect(named.sort()).toEqual(['佐藤', '山田']); // each party's card names the other
    const checkedIn = await call('stays.update', { id: here.id, patch: { status: 'in_house' }, version: here.version });
    await call('stays.update', {
      id: here.id,
      patch: { note: '佐藤様と同室の件、確認中' },
      version: checkedIn.version,
    });
  });

  it('holds a room for a day use that day: refused in a room whose party stays through it, free on arrival and departure days', async () => {
    const { call, guest, stay } = await serviceCore();
    const there = await stay(await guest('山田', 'やまだ'), { rooms: ['R101'], ...nights('2026-03-01', '2026-03-03') });
    const dayUser = await guest('佐藤', 'さとう');
    const dayUse = (date: string, room = 'R101') =>
      callRaw(call, 'stays.create', { fields: { guestId: dayUser, rooms: [room], ...nights(date, date) } });
    expect(await dayUse('2026-03-02')).toMatchObject({
      code: 'conflict',
      detail: 'room_taken',
      params: { stayId: there.id },
    });
    // Room names as staff mean them: r101 is R101.
    expect(await dayUse('2026-03-02', 'r101')).toMatchObject({ code: 'conflict', detail: 'room_taken' });
    const morning = await dayUse('2026-03-03'); // the party left that morning
    expect(morning).toHaveProperty('id');
    expect(await dayUse('2026-03-01')).toHaveProperty('id'); // before the party arrives in the afternoon
    // Two day uses of one day in one room clash, and an overnight party is refused over a day use it would stay through.
    expect(await dayUse('2026-03-03')).toMatchObject({
      code: 'conflict',
      detail: 'room_taken',
      params: { stayId: morning.id },
    });
    const overnight = await callRaw(call, 'stays.create', {
      fields: { guestId: await guest('鈴木'), rooms: ['r101'], ...nights('2026-03-02', '2026-03-04') },
    });
    expect(overnight).toMatchObject({ code: 'conflict', detail: 'room_taken' });
  });

  it('refuses one room named twice in a stay, whatever its case', async () => {
    const { call, guest } = await serviceCore();
    const lead = await guest('山田');
    expect(
      await callRaw(call, 'stays.create', {
        fields: { guestId: lead, rooms: ['a1', 'A1'], ...nights('2026-03-01', '2026-03-02') },
      }),
    ).toMatchObject({ code: 'invalid_input', issues: [{ path: 'fields.rooms', code: 'duplicate' }] });
  });

  it('never leaves two unshared parties in one room on one night, whatever staff book, move and cancel', async () => {
    const day = (n: number) => `2026-06-${String(10 + n).padStart(2, '0')}`;
    const action = fc.record({
      kind: fc.constantFrom('create', 'move', 'status'),
      pick: fc.nat(),
      // 'a1' and 'A1' are one room; 0 nights is a day use.
      room: fc.constantFrom('101', 'a1', 'A1'),
      from: fc.integer({ min: 0, max: 6 }),
      nights: fc.integer({ min: 0, max: 3 }),
      status: fc.constantFrom('booked', 'in_house', 'cancelled', 'departed'),
      shared: fc.boolean(),
    });
    let refusals = 0;
    let dayUseRefusals = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 25 }), async (actions) => {
        const { call, guest } = await serviceCore();
        const lead = await guest('山田');
        const stays: Array<{ id: string; version: number }> = [];
        for (const a of actions) {
          const where = { rooms: [a.room], arrivalDate: day(a.from), departureDate: day(a.from + a.nights) };
          const answer =
            a.kind === 'create' || stays.length === 0
              ? await callRaw(call, 'stays.create', { fields: { guestId: lead, ...where, sharedRoom: a.shared } })
              : await callRaw(call, 'stays.update', {
                  id: stays[a.pick % stays.length]?.id,
                  patch: a.kind === 'move' ? where : { status: a.status },
                  version: stays[a.pick % stays.length]?.version,
                });
          if ('id' in answer) {
            const index = stays.findIndex((s) => s.id === answer.id);
            if (index >= 0) stays[index] = answer;
            else stays.push(answer);
          } else {
            expect(answer).toMatchObject({ code: 'conflict', detail: 'room_taken' });
            refusals++;
            if (a.nights === 0 && a.kind !== 'status') dayUseRefusals++;
          }
        }
        const all = await Promise.all(stays.map((s) => call('stays.get', { id: s.id })));
        const occupying = all.filter((s) => ['booked', 'in_house'].includes(s.status) && !s.sharedRoom);
        // When each stay holds its room, spelled out: its nights, and the days it is there all day (a day use's
        // day; the days between an overnight party's arrival and departure).
        const held = (s: { arrivalDate: string; departureDate: string }) => {
          const out: string[] = [];
          if (s.arrivalDate === s.departureDate) return [`day ${s.arrivalDate}`];
          for (let n = 0; day(n) < s.departureDate; n++) {
            if (day(n) >= s.arrivalDate) out.push(`night ${day(n)}`);
            if (day(n) > s.arrivalDate) out.push(`day ${day(n)}`);
          }
          return out;
        };
        for (const [i, x] of occupying.entries()) {
          for (const y of occupying.slice(i + 1)) {
            const sameRoom = x.rooms.some((r: string) =>
              y.rooms.some((q: string) => q.toLowerCase() === r.toLowerCase()),
            );
            const together = held(x).some((slot) => held(y).includes(slot));
            expect(sameRoom && together, `${JSON.stringify(x)} / ${JSON.stringify(y)}`).toBe(false);
          }
        }
      }),
      {
        numRuns: 40,
        // One run always reaches a day use refused: a day inside an unshared party's three nights in room 101.
        // The random runs reach it most of the time, not always (CI once met a run without it).
        examples: [
          [
            [
              { kind: 'create', pick: 0, room: '101', from: 1, nights: 3, status: 'booked', shared: false },
              { kind: 'create', pick: 0, room: '101', from: 2, nights: 0, status: 'booked', shared: false },
              { kind: 'create', pick: 0, room: 'a1', from: 0, nights: 1, status: 'booked', shared: false },
              { kind: 'create', pick: 0, room: 'A1', from: 0, nights: 2, status: 'booked', shared: false },
              { kind: 'status', pick: 0, room: '101', from: 0, nights: 0, status: 'cancelled', shared: false },
            ],
          ],
        ],
      },
    );
    // The runs did reach the case in question: bookings refused for a taken room.
    expect(refusals).toBeGreaterThan(10);
    expect(dayUseRefusals).toBeGreaterThan(0);
  });
});

describe('the arrivals page names every clash', () => {
  it('lists, for each arriving party, every other party in one of its rooms that night, among many rooms and parties', async () => {
    const date = '2026-06-15';
    const day = (n: number) => `2026-06-${String(12 + n).padStart(2, '0')}`;
    const stayArb = fc.record({
      // 'a1' and 'A1' are one room; several rooms a party.
      rooms: fc.uniqueArray(fc.constantFrom('101', '102', 'a1', 'A1', '梅の間'), {
        minLength: 1,
        maxLength: 3,
        selector: (room) => room.toLowerCase(),
      }),
      // Half the parties arrive on the day asked for (day(3)); the others were here already, or come later.
      from: fc.oneof(fc.constant(3), fc.integer({ min: 0, max: 5 })),
      nights: fc.integer({ min: 0, max: 3 }),
      status: fc.constantFrom('booked', 'in_house', 'cancelled', 'departed'),
    });
    let clashesSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stayArb, { minLength: 2, maxLength: 12 }), async (drawn) => {
        const { call, guest } = await serviceCore();
        const lead = await guest('山田');
        const stays = [];
        for (const s of drawn) {
          // Every party shares its rooms (相部屋), so each booking is taken and the clashes are many.
          const fields = {
            guestId: lead,
            rooms: s.rooms,
            arrivalDate: day(s.from),
            departureDate: day(s.from + s.nights),
            sharedRoom: true,
          };
          const created = await call('stays.create', { fields });
          stays.push(
            s.status === 'booked'
              ? created
              : await call('stays.update', { id: created.id, patch: { status: s.status }, version: created.version }),
          );
        }
        // The night of `date`, or the day itself for a day use arriving then (stays/rooms.ts).
        const holds = (s: { arrivalDate: string; departureDate: string }, dayUse: boolean) =>
          s.arrivalDate === s.departureDate
            ? dayUse
              ? s.arrivalDate === date
              : false
            : dayUse
              ? s.arrivalDate < date && date < s.departureDate
              : s.arrivalDate <= date && date < s.departureDate;
        const occupying = stays.filter((s) => ['booked', 'in_house'].includes(s.status));
        const { arrivals } = await call('arrivals.forDate', { date });
        for (const arrival of arrivals) {
          const own = arrival.stay;
          const dayUse = own.arrivalDate === own.departureDate;
          const wanted = new Set(own.rooms.map((room: string) => room.toLowerCase()));
          const expected = ['booked', 'in_house'].includes(own.status)
            ? occupying
                .filter((other) => other.id !== own.id && (dayUse ? holds(other, true) : holds(other, false)))
                .map((other) => ({
                  stayId: other.id,
                  rooms: other.rooms.filter((room: string) => wanted.has(room.toLowerCase())),
                }))
                .filter((clash) => clash.rooms.length > 0)
            : [];
          const shown = arrival.roomClashes.map((clash: { stayId: string; rooms: string[] }) => ({
            stayId: clash.stayId,
            rooms: clash.rooms,
          }));
          const byId = (a: { stayId: string }, b: { stayId: string }) => a.stayId.localeCompare(b.stayId);
          expect(shown.sort(byId)).toEqual(expected.sort(byId));
          clashesSeen += shown.length;
        }
      }),
      { numRuns: 40 },
    );
    // The runs did reach the case in question: parties sharing rooms on the day.
    expect(clashesSeen).toBeGreaterThan(20);
  });
});

describe('query plans of the room check', () => {
  testQueryPlans(ROOM_STATEMENTS, { OCCUPYING: { uses: ['INDEX stays_occupying'] } });
});

/** A call's value, or its error when it fails (the service helpers' `call` throws on errors). */
async function callRaw(
  call: (name: string, input: unknown) => Promise<unknown>,
  name: string,
  input: unknown,
  // biome-ignore lint/suspicious/noExplicitAny: results are read loosely here; the contract tests check shapes.
): Promise<any> {
  try {
    return await call(name, input);
  } catch (error) {
    const text = (error as Error).message;
    return JSON.parse(text.slice(text.indexOf('{')));
  }
}
