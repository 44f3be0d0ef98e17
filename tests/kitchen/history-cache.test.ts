import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { type Core, createCore } from '../../electron/core/create-core.ts';
import { createHistoryCache } from '../../electron/core/kitchen/history-cache.ts';
import { addDays } from '../../shared/text/dates.ts';
import { makeStaffedCore, type TestCore } from '../support/core.ts';

// The parties' histories are kept between calls (kitchen/history-cache.ts), and so are each arriving party's entry
// (arrivals/arrival-cache.ts) and the dish catalogue (kitchen/catalogue-cache.ts); a write drops what it touched. Whatever is written in whatever order (stays booked,
// moved, re-partied, cancelled; dishes served, reacted to, retracted; allergies recorded and retracted; guests
// renamed and given birthdays; menus planned; a dish's allergens, the repeat period and a staff name changed),
// every day's arrivals and every guest's service side read through what was kept must be what a core reading
// everything afresh answers. A kept entry that a write failed to drop shows as a difference.

const BASE = '2026-03-01';
// Few guests and stays, so that parties overlap and a stay is often someone's companion stay.
const GUESTS = 3;
const STAYS = 4;

type World = { guests: string[]; stays: string[]; served: string[]; dishes: string[]; egg: string; staff: string };

const book = fc.record({
  kind: fc.constant('book' as const),
  guest: fc.nat(GUESTS - 1),
  day: fc.nat(20),
  nights: fc.integer({ min: 1, max: 3 }),
  party: fc.subarray([0, 1, 2]),
});
const move = fc.record({
  kind: fc.constant('move' as const),
  stay: fc.nat(STAYS - 1),
  day: fc.nat(20),
  party: fc.subarray([0, 1, 2]),
  status: fc.constantFrom('booked', 'in_house', 'departed', 'cancelled', 'no_show'),
});
const serve = fc.record({
  kind: fc.constant('serve' as const),
  stay: fc.nat(STAYS - 1),
  day: fc.nat(20),
  dishes: fc.subarray([0, 1, 2], { minLength: 1 }),
});
const react = fc.record({
  kind: fc.constant('react' as const),
  served: fc.nat(30),
  reaction: fc.constantFrom('praised', 'left', 'disliked', null),
});
const retract = fc.record({ kind: fc.constant('retract' as const), served: fc.nat(30) });
const read = fc.record({ kind: fc.constant('read' as const), day: fc.nat(20) });
const allergy = fc.record({
  kind: fc.constant('allergy' as const),
  guest: fc.nat(GUESTS - 1),
  severity: fc.constantFrom('anaphylaxis', 'allergy', 'intolerance'),
  retract: fc.boolean(),
});
const rename = fc.record({
  kind: fc.constant('rename' as const),
  guest: fc.nat(GUESTS - 1),
  name: fc.constantFrom('森', '林', '小林'),
  birthday: fc.constantFrom('', '1980-03-05', '1975-03-12'),
});
const plan = fc.record({
  kind: fc.constant('plan' as const),
  stay: fc.nat(STAYS - 1),
  dishes: fc.subarray([0, 1, 2], { minLength: 1 }),
});
const catalogue = fc.record({
  kind: fc.constant('catalogue' as const),
  dish: fc.nat(2),
  egg: fc.boolean(),
  repeatYears: fc.integer({ min: 1, max: 3 }),
  staffName: fc.constantFrom('女将 山田', '仲居 田中'),
});
// Moves and bookings most: a stay that changes under a companion who is kept is what a missed drop shows on.
const op = fc.oneof(
  { arbitrary: book, weight: 3 },
  { arbitrary: move, weight: 4 },
  { arbitrary: serve, weight: 2 },
  { arbitrary: react, weight: 1 },
  { arbitrary: retract, weight: 1 },
  { arbitrary: read, weight: 1 },
  { arbitrary: allergy, weight: 2 },
  { arbitrary: rename, weight: 1 },
  { arbitrary: plan, weight: 2 },
  { arbitrary: catalogue, weight: 1 },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(test: TestCore, world: World, step: Op): Promise<void> {
  const tryCall = (name: string, input: unknown) => test.core.call(name, input); // refusals are part of the game
  const day = (n: number) => addDays(BASE, n);
  const partyOf = (lead: string, picks: number[]) =>
    picks.map((n) => world.guests[n] as string).filter((id) => id !== lead);
  /** The stay a step names (by position among those booked), as stays.get answers it; none before a booking. */
  const pickStay = async (n: number) => {
    const id = world.stays[n % Math.max(1, world.stays.length)];
    if (!id) return undefined;
    return { id, stay: (await test.call('stays.get', { id })) as { guestId: string; arrivalDate: string } };
  };
  switch (step.kind) {
    case 'book': {
      if (world.stays.length >= STAYS) return;
      const lead = world.guests[step.guest] as string;
      const result = await tryCall('stays.create', {
        fields: {
          guestId: lead,
          arrivalDate: day(step.day),
          departureDate: day(step.day + step.nights),
          rooms: [`${100 + world.stays.length}`],
          partyIds: partyOf(lead, step.party),
        },
      });
      if (result.ok) world.stays.push((result.value as { id: string }).id);
      return;
    }
    case 'move': {
      const picked = await pickStay(step.stay);
      if (!picked) return;
      const { id, stay } = picked;
      await tryCall('stays.update', {
        id,
        patch: {
          arrivalDate: day(step.day),
          departureDate: day(step.day + 1),
          partyIds: partyOf(stay.guestId, step.party),
          status: step.status,
        },
      });
      return;
    }
    case 'serve': {
      const picked = await pickStay(step.stay);
      if (!picked) return;
      const { id, stay } = picked;
      const result = await tryCall('served.record', {
        stayId: id,
        date: stay.arrivalDate,
        meal: 'dinner',
        dishIds: step.dishes.map((n) => world.dishes[n]),
      });
      if (result.ok) world.served.push(...(result.value as { served: Array<{ id: string }> }).served.map((s) => s.id));
      return;
    }
    case 'react': {
      const id = world.served[step.served % Math.max(1, world.served.length)];
      if (id) await tryCall('served.react', { id, reaction: step.reaction });
      return;
    }
    case 'retract': {
      const id = world.served[step.served % Math.max(1, world.served.length)];
      if (id) await tryCall('served.retract', { id });
      return;
    }
    case 'read':
      await tryCall('arrivals.forDate', { date: day(step.day) });
      return;
    case 'allergy': {
      const guestId = world.guests[step.guest] as string;
      const recorded = await tryCall('allergies.record', {
        guestId,
        allergenId: world.egg,
        severity: step.severity,
        tracesOk: false,
      });
      const id = recorded.ok ? (recorded.value as { id: string }).id : undefined;
      if (id && step.retract) await tryCall('allergies.retract', { id, reason: '記録の誤り' });
      return;
    }
    case 'rename':
      await tryCall('guests.update', {
        id: world.guests[step.guest],
        patch: { familyName: step.name, familyReading: 'もり', birthday: step.birthday },
      });
      return;
    case 'plan': {
      const picked = await pickStay(step.stay);
      if (!picked) return;
      const { id, stay } = picked;
      await tryCall('menus.plan', {
        stayId: id,
        date: stay.arrivalDate,
        meal: 'dinner',
        courseId: null,
        dishIds: step.dishes.map((n) => world.dishes[n]),
      });
      return;
    }
    case 'catalogue':
      await tryCall('dishes.update', {
        id: world.dishes[step.dish],
        patch: { allergenIds: step.egg ? [world.egg] : [] },
      });
      await tryCall('settings.update', { patch: { repeatDishYears: step.repeatYears } });
      await tryCall('staff.update', { id: world.staff, name: step.staffName });
      return;
  }
}

/** Everything the kept histories feed, as the long-lived core answers it. */
async function views(core: Core, world: World): Promise<unknown[]> {
  const answers: Array<{ ok: boolean }> = [];
  for (let n = 0; n <= 23; n++) answers.push(await core.call('arrivals.forDate', { date: addDays(BASE, n) }));
  for (const guestId of world.guests) answers.push(await core.call('guests.service', { id: guestId }));
  // The most telling: every dish checked against every stay's party (what each member was served on any stay).
  for (const stayId of world.stays) answers.push(await core.call('menus.check', { stayId, dishIds: world.dishes }));
  // Every view is an answer, not a refusal: two equal refusals would prove nothing.
  expect(answers.filter((answer) => !answer.ok)).toEqual([]);
  return answers;
}

describe('the parties’ histories kept between calls', () => {
  it('answer what a fresh read answers, whatever was written and read in between', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (steps) => {
        const test = await makeStaffedCore({ clock: () => Date.parse('2026-03-10T03:00:00Z') });
        const world: World = { guests: [], stays: [], served: [], dishes: [], egg: '', staff: test.staffId };
        for (let n = 0; n < GUESTS; n++) {
          const guest = await test.call('guests.create', { fields: { familyName: `客${n}`, familyReading: 'きゃく' } });
          world.guests.push(guest.id);
        }
        const egg = (await test.call('allergens.list', {})).allergens.find(
          (a: { nameJa: string }) => a.nameJa === '卵',
        );
        world.egg = egg.id;
        await test.call('allergies.record', {
          guestId: world.guests[1],
          allergenId: egg.id,
          severity: 'allergy',
          tracesOk: false,
        });
        for (const [name, allergens] of [
          ['茶碗蒸し', [egg.id]],
          ['鯛の造り', []],
          ['蕪蒸し', []],
        ] as const) {
          const dish = await test.call('dishes.create', {
            fields: { name, reading: 'りょうり', category: 'steamed', allergenIds: allergens },
          });
          world.dishes.push(dish.id);
        }
        for (const step of steps) {
          await apply(test, world, step);
          // A fresh core on the same file keeps nothing yet: what it answers is the truth.
          const fresh = createCore({
            db: test.db,
            nodeId: test.core.nodeId,
            clock: () => Date.parse('2026-03-10T03:00:00Z'),
            logger: { info() {}, warn() {}, error() {} },
          });
          try {
            expect(await views(test.core, world)).toEqual(await views(fresh, world));
          } finally {
            fresh.close();
          }
        }
        test.core.close();
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  /** Mr Mori's March stay (the friend in its party or not), and the friend's own April stay. */
  async function marchAndApril(friendInMarch: boolean) {
    const { call } = await makeStaffedCore();
    const lead = await call('guests.create', { fields: { familyName: '森', familyReading: 'もり' } });
    const friend = await call('guests.create', { fields: { familyName: '林', familyReading: 'はやし' } });
    const march = await call('stays.create', {
      fields: {
        guestId: lead.id,
        arrivalDate: BASE,
        departureDate: addDays(BASE, 1),
        rooms: ['101'],
        partyIds: friendInMarch ? [friend.id] : [],
        status: 'departed',
      },
    });
    const april = addDays(BASE, 31);
    await call('stays.create', {
      fields: { guestId: friend.id, arrivalDate: april, departureDate: addDays(april, 1), rooms: ['102'] },
    });
    const visitCount = async () => (await call('arrivals.forDate', { date: april })).arrivals[0].visitCount;
    return { call, friend, march, visitCount };
  }

  it('drop a companion’s kept stays when the stay they came on changes', async () => {
    // The friend came with Mr Mori in March, and comes back in April as the lead of her own stay.
    const { call, march, visitCount } = await marchAndApril(true);
    expect(await visitCount()).toBe(1);
    // The March stay was entered in error: cancelled, it is no visit of hers. Only the March stay's row is
    // written; her own stays (kept) must be read again.
    await call('stays.update', { id: march.id, patch: { status: 'cancelled' } });
    expect(await visitCount()).toBe(0);
  });

  it('drop a guest’s kept arrival when the guest joins the party of an earlier stay', async () => {
    const { call, friend, march, visitCount } = await marchAndApril(false);
    expect(await visitCount()).toBe(0); // her April entry is kept from here on
    // She came with Mr Mori in March after all: a row of the March stay's party, nothing of her own stays.
    await call('stays.update', { id: march.id, patch: { partyIds: [friend.id] } });
    expect(await visitCount()).toBe(1);
  });

  it('drop everything when another connection writes to the file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'yadocho-history-cache-'));
    const file = join(folder, 'register.sqlite');
    const db = openDatabase(file);
    const core = createCore({ db, nodeId: openNodeIdentity(db).nodeId, logger: { info() {}, warn() {}, error() {} } });
    const call = async (name: string, input: unknown) => {
      const result = await core.call(name, input);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as never;
    };
    const staff: { id: string } = await call('staff.create', { name: '女将' });
    await call('staff.setCurrent', { id: staff.id });
    const guest: { id: string } = await call('guests.create', { fields: { familyName: '森', familyReading: 'もり' } });
    const later = addDays(BASE, 10);
    await call('stays.create', {
      fields: { guestId: guest.id, arrivalDate: later, departureDate: addDays(later, 1), rooms: ['101'] },
    });
    const visitCount = async () =>
      ((await call('arrivals.forDate', { date: later })) as { arrivals: Array<{ visitCount: number }> }).arrivals[0]
        ?.visitCount;
    expect(await visitCount()).toBe(0); // the guest's stays are now kept

    // Another program (a second core on its own connection) records an earlier visit: this core's kept stays of
    // the guest are then stale, and must not be used.
    const other = openDatabase(file);
    const otherCore = createCore({
      db: other,
      nodeId: openNodeIdentity(other).nodeId,
      logger: { info() {}, warn() {}, error() {} },
    });
    await otherCore.call('staff.setCurrent', { id: staff.id });
    const earlier = await otherCore.call('stays.create', {
      fields: {
        guestId: guest.id,
        arrivalDate: BASE,
        departureDate: addDays(BASE, 1),
        rooms: ['102'],
        status: 'departed',
      },
    });
    expect(earlier.ok).toBe(true);
    otherCore.close();
    other.close();
    expect(await visitCount()).toBe(1);
    core.close();
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keep the guests asked for lately when over its limit, and read the others again', async () => {
    const { db, call } = await makeStaffedCore();
    const guests: string[] = [];
    for (let i = 0; i < 6; i++) {
      const guest = await call('guests.create', { fields: { familyName: `森${i}`, familyReading: 'もり' } });
      const day = addDays(BASE, i);
      await call('stays.create', {
        fields: { guestId: guest.id, arrivalDate: day, departureDate: addDays(day, 1), rooms: [`${i + 1}`] },
      });
      guests.push(guest.id);
    }
    // A cache of its own, kept to four guests; nothing is written while it is in use, so no write hooks are needed.
    const cache = createHistoryCache(db, { onRowWritten() {} }, 4);
    const hits = (ids: string[]) => {
      const before = cache.stats().hits;
      const found = cache.staysByGuest(ids);
      for (const id of ids) expect(found.get(id)?.map((row) => row.guestId)).toEqual([id]);
      return cache.stats().hits - before;
    };
    for (let i = 0; i < 4; i++) expect(hits([guests[i] as string])).toBe(0);
    expect(hits([guests[0] as string])).toBe(1); // the first guest asked for again: now the latest
    // A fifth guest is one too many: the two asked for longest ago go (a tenth of the limit kept free, rounded up).
    expect(hits([guests[4] as string])).toBe(0);
    expect(cache.stats().guests).toBe(3);
    expect(hits([guests[0] as string, guests[3] as string, guests[4] as string])).toBe(3);
    expect(hits([guests[1] as string])).toBe(0);
    expect(hits([guests[2] as string])).toBe(0);
  });
});
