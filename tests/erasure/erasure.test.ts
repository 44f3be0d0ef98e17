import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { heldRegisterFields } from '../../electron/core/erasure/held.ts';
import { downloaded } from '../exports/helpers.ts';
import { makeStaffedCore } from '../support/core.ts';
import { everything, searchTerms, syncedTables } from '../support/replica.ts';
import { BYTE_NEEDLES, bytesFound, DAY_MS, fileCore, PERSON, personFields } from './helpers.ts';

// Erasure on a guest's request, through the core's door, on a real database file.

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function erasedGuestScenario(start: string, stay: { arrivalDate: string; departureDate: string }) {
  const test = await fileCore(start);
  cleanups.push(() => {
    test.close();
    test.dirs.remove();
  });
  const { call } = test;
  const guest = await call('guests.create', { fields: personFields });
  // An old value for the change log to hold: the name was corrected once.
  let card = await call('guests.update', { id: guest.id, patch: { familyName: PERSON.renamed } });
  card = await call('guests.update', { id: guest.id, patch: { familyName: PERSON.familyName }, version: card.version });
  const booked = await call('stays.create', {
    fields: { guestId: guest.id, ...stay, rooms: ['201'], amountYen: 45000, note: '轟木様 駐車場あり' },
  });
  await call('requests.record', {
    guestId: guest.id,
    stayId: booked.id,
    category: 'meals',
    text: '轟木様は辛いものが苦手',
  });
  const other = await call('guests.create', {
    fields: { familyName: '佐藤', givenName: '一郎', familyReading: 'さとう', givenReading: 'いちろう' },
  });
  await call('stays.create', {
    fields: { guestId: other.id, ...stay, rooms: ['202'], amountYen: 30000 },
  });
  return { ...test, guest, card, other };
}

const revenue = (db: { prepare(sql: string): { get(): unknown } }) =>
  db.prepare('SELECT count(*) AS stays, sum(amount_yen) AS yen FROM stays').get();

describe('guests.erase: a guest with no stay in the last three years', () => {
  it('leaves no name, reading or phone in the file, the search, the history or an export; amounts stay', async () => {
    const t = await erasedGuestScenario('2026-06-01T03:00:00Z', {
      arrivalDate: '2022-04-01',
      departureDate: '2022-04-03',
    });
    expect(bytesFound(t.dirs.file).length).toBeGreaterThan(0); // the needles are there before
    const before = await t.call('exports.run', {
      kinds: ['stays'],
      format: 'csv',
      filter: { by: 'all' },
      language: 'ja',
    });

    const plan = await t.call('guests.erasurePlan', { id: t.guest.id });
    expect(plan).toMatchObject({ holdUntil: null, heldFields: [], lastStay: null });
    const erased = await t.call('guests.erase', {
      id: t.guest.id,
      reason: '本人より電話で依頼',
      version: t.card.version,
    });
    expect(erased.holdUntil).toBeNull();

    expect(bytesFound(t.dirs.file)).toEqual([]);
    for (const q of [PERSON.familyName, PERSON.familyReading, PERSON.phoneDigits, '8642', PERSON.romaji]) {
      expect((await t.call('guests.search', { q })).hits).toEqual([]);
    }
    const history = JSON.stringify(await t.call('guests.history', { id: t.guest.id }));
    for (const needle of [...BYTE_NEEDLES, PERSON.renamed, '窓側', '辛いもの']) expect(history).not.toContain(needle);

    const card = await t.call('guests.get', { id: t.guest.id });
    expect(card).toMatchObject({ id: t.guest.id, familyName: '', phones: [], erasure: { holdUntil: null } });

    const csv = async (kind: string) => {
      const answer = await t.call('exports.run', {
        kinds: [kind],
        format: 'csv',
        filter: { by: 'all' },
        language: 'ja',
      });
      return (await downloaded(t as never, answer.file)).bytes.toString('utf8');
    };
    for (const kind of ['guests', 'stays', 'requests']) {
      const text = await csv(kind);
      for (const needle of [...BYTE_NEEDLES, '辛いもの']) expect(text).not.toContain(needle);
    }
    const stays = await csv('stays');
    // The stays and their amounts are all still exported (with the names the erased guest's rows had, blank).
    const earlier = (await downloaded(t as never, before.file)).bytes.toString('utf8');
    const amounts = (text: string) => text.match(/,(45000|30000),/g);
    expect(amounts(stays)).toEqual(amounts(earlier));
    expect(amounts(stays)).toHaveLength(2);
    expect(stays.split('\n')).toHaveLength(earlier.split('\n').length);

    const refused = await t.core.call('guests.erase', { id: t.guest.id, reason: '二度目' });
    expect(refused).toEqual({ ok: false, error: { code: 'conflict', detail: 'guest_already_erased' } });
    const unknown = await t.core.call('guests.erase', { id: '01900000-0000-7000-8000-000000000000', reason: 'x' });
    expect(unknown).toEqual({ ok: false, error: { code: 'not_found', detail: 'guest_not_found' } });
    const edit = await t.core.call('guests.update', { id: t.guest.id, patch: { familyName: PERSON.familyName } });
    expect(edit).toEqual({ ok: false, error: { code: 'conflict', detail: 'guest_erased' } });
    // Nothing new hangs on the erased card: an allergy, a request (whose text would be blanked), a stay, a place
    // in a party, a companion. A returning person gets a new card.
    const other = await t.core.call('guests.create', { fields: { familyName: '森', familyReading: 'もり' } });
    const otherId = (other as { value: { id: string } }).value.id;
    const gone = t.guest.id;
    const attempts: Array<[string, unknown]> = [
      ['allergies.record', { guestId: gone, freeAllergen: 'そば', severity: 'anaphylaxis', tracesOk: false }],
      ['requests.record', { guestId: gone, standing: true, category: 'room', text: '禁煙室' }],
      [
        'stays.create',
        { fields: { guestId: gone, arrivalDate: '2027-01-10', departureDate: '2027-01-11', rooms: ['301'] } },
      ],
      [
        'stays.create',
        {
          fields: {
            guestId: otherId,
            arrivalDate: '2027-01-10',
            departureDate: '2027-01-11',
            rooms: ['302'],
            partyIds: [gone],
          },
        },
      ],
      ['guests.linkCompanion', { guestId: otherId, companionId: gone, relationship: 'friend' }],
    ];
    for (const [name, input] of attempts) {
      expect(await t.core.call(name, input), name).toEqual({
        ok: false,
        error: { code: 'conflict', detail: 'guest_erased' },
      });
    }
  });

  it('keeps the monthly revenue: stays and their amounts are untouched', async () => {
    const { call, db } = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const guest = await call('guests.create', { fields: personFields });
    await call('stays.create', {
      fields: {
        guestId: guest.id,
        arrivalDate: '2022-04-01',
        departureDate: '2022-04-03',
        rooms: ['1'],
        amountYen: 45000,
      },
    });
    const before = revenue(db);
    await call('guests.erase', { id: guest.id, reason: '本人の求め' });
    expect(revenue(db)).toEqual(before);
    expect(revenue(db)).toEqual({ stays: 1, yen: 45000 });
  });
});

describe('名寄せ and erasure', () => {
  it('erases the cards merged into the guest and the names in the merge record', async () => {
    const { call, db } = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const kept = await call('guests.create', { fields: personFields });
    const merged = await call('guests.create', {
      fields: {
        familyName: '轟木',
        givenName: 'しずく',
        familyReading: 'とどろき',
        givenReading: 'しずく',
        email: 'old@example.jp',
      },
    });
    await call('duplicates.merge', { keptId: kept.id, mergedId: merged.id, take: { email: 'merged' } });
    expect(JSON.stringify(db.prepare('SELECT changes FROM guest_merges').all())).toContain('old@example.jp');

    const refused = await call('guests.erase', { id: merged.id, reason: 'x' }).catch((error: Error) => error.message);
    expect(refused).toContain('guest_erase_merged');
    const plan = await call('guests.erasurePlan', { id: kept.id });
    expect(plan.mergedCards).toBe(1);
    await call('guests.erase', { id: kept.id, reason: '本人の求め' });

    expect(JSON.stringify(db.prepare('SELECT changes FROM guest_merges').all())).not.toContain('old@example.jp');
    expect((await call('guests.get', { id: merged.id })).erasure).not.toBeNull();
    expect((await call('guests.search', { q: 'とどろき' })).hits).toEqual([]);
  });
});

describe('erasure on every PC', () => {
  it('a second PC that applies the erasure scrubs its own rows, log and search the same way', async () => {
    const a = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const b = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const guest = await a.call('guests.create', { fields: personFields });
    await a.call('guests.update', { id: guest.id, patch: { familyName: PERSON.renamed } });
    b.core.changes.apply(everything(a.core));
    expect((await b.call('guests.search', { q: PERSON.familyReading })).hits).toHaveLength(1);

    await a.call('guests.erase', { id: guest.id, reason: '本人の求め' });
    b.core.changes.apply(everything(a.core));

    expect((await b.call('guests.search', { q: PERSON.familyReading })).hits).toEqual([]);
    const shipped = JSON.stringify(everything(b.core));
    for (const needle of [...BYTE_NEEDLES, PERSON.renamed]) expect(shipped).not.toContain(needle);
    const { guests, erasures } = syncedTables(a.db);
    expect(syncedTables(b.db)).toMatchObject({ guests, erasures });
    expect(searchTerms(b.db)).toEqual(searchTerms(a.db));
    expect((await b.call('guests.get', { id: guest.id })).erasure).not.toBeNull();
  });

  it('an edit made offline before the erasure, arriving after it, does not bring the name back', async () => {
    const a = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const b = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') + 60_000 });
    const guest = await a.call('guests.create', { fields: personFields });
    b.core.changes.apply(everything(a.core));
    // B is offline: it corrects the name (with a later clock than the erasure), A erases meanwhile.
    await b.call('guests.update', { id: guest.id, patch: { familyName: PERSON.renamed, givenReading: 'しずか' } });
    await a.call('guests.erase', { id: guest.id, reason: '本人の求め' });

    a.core.changes.apply(everything(b.core));
    const card = await a.call('guests.get', { id: guest.id });
    expect(card.familyName).toBe('');
    expect((await a.call('guests.search', { q: PERSON.renamed })).hits).toEqual([]);
    expect(JSON.stringify(everything(a.core))).not.toContain(PERSON.renamed);

    b.core.changes.apply(everything(a.core));
    expect(JSON.stringify(everything(b.core))).not.toContain(PERSON.renamed);
    expect(syncedTables(b.db)).toEqual(syncedTables(a.db));
    expect(searchTerms(b.db)).toEqual(searchTerms(a.db));
  });

  it('a conflict between two PCs holding both names is gone with the erasure, on both PCs', async () => {
    const a = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const b = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const guest = await a.call('guests.create', { fields: personFields });
    b.core.changes.apply(everything(a.core));
    await a.call('guests.update', { id: guest.id, patch: { familyName: PERSON.renamed } });
    await b.call('guests.update', { id: guest.id, patch: { familyName: '轟木田' } });
    a.core.changes.apply(everything(b.core));
    b.core.changes.apply(everything(a.core));
    const conflicts = (db: typeof a.db) => JSON.stringify(db.prepare('SELECT * FROM conflicts').all());
    expect(conflicts(a.db)).toContain('轟木田'); // the two names, side by side, for staff to choose

    await a.call('guests.erase', { id: guest.id, reason: '本人の求め' });
    b.core.changes.apply(everything(a.core));
    for (const db of [a.db, b.db]) {
      expect(conflicts(db)).not.toContain('轟木');
      expect(JSON.stringify(db.prepare('SELECT * FROM log_held').all())).not.toContain('轟木');
    }
    expect((await b.call('conflicts.list', {})).conflicts ?? []).toEqual([]);
  });

  it('a change kept aside (stamped ahead of this PC) is blanked by the erasure, and stays blank when applied', async () => {
    const start = Date.parse('2026-06-01T03:00:00Z');
    const a = await makeStaffedCore({ clock: () => start });
    const b = await makeStaffedCore({ clock: () => start + 10 * 60_000 }); // ten minutes ahead: kept aside at A
    const guest = await a.call('guests.create', { fields: personFields });
    b.core.changes.apply(everything(a.core));
    await b.call('guests.update', { id: guest.id, patch: { familyName: PERSON.renamed } });
    a.core.changes.apply(everything(b.core));
    const held = () => JSON.stringify(a.db.prepare('SELECT tx FROM log_held').all());
    expect(held()).toContain(PERSON.renamed);

    await a.call('guests.erase', { id: guest.id, reason: '本人の求め' });
    expect(held()).not.toContain(PERSON.renamed);
    const kept = (await a.call('conflicts.held', {})).held.find(
      (tx: { call: string | null }) => tx.call === 'guests.update',
    );
    expect((await a.call('conflicts.acceptHeld', { node: kept.node, hlc: kept.hlc })).applied).toBeGreaterThan(0);
    expect((await a.call('guests.get', { id: guest.id })).familyName).toBe('');
    expect(JSON.stringify(everything(a.core))).not.toContain(PERSON.renamed);
  });

  it('a replay of the log on an empty database rebuilds the erased guest blank', async () => {
    const a = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const guest = await a.call('guests.create', { fields: personFields });
    await a.call('guests.erase', { id: guest.id, reason: '本人の求め' });
    const replay = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    replay.core.changes.apply(everything(a.core));
    const tables = syncedTables(replay.db);
    const expected = syncedTables(a.db);
    expect(tables.guests).toEqual(expected.guests);
    expect(tables.erasures).toEqual(expected.erasures);
  });
});

describe('the legal hold (宿泊者名簿, three years)', () => {
  it('keeps the register fields of a recent stay until three years after it, then the daily job erases them', async () => {
    const t = await erasedGuestScenario('2026-06-01T03:00:00Z', {
      arrivalDate: '2026-03-10',
      departureDate: '2026-03-12',
    });
    const erased = await t.call('guests.erase', { id: t.guest.id, reason: '本人の求め' });
    expect(erased).toMatchObject({ lastStay: '2026-03-12', holdUntil: '2029-03-12' });
    expect(erased.heldFields).toEqual(expect.arrayContaining(['family_name', 'given_name', 'phones', 'address']));
    expect(erased.heldFields).not.toContain('family_reading');

    // Hidden from the screens and the search, kept for the register only.
    expect((await t.call('guests.search', { q: PERSON.familyName })).hits).toEqual([]);
    expect(await t.call('guests.get', { id: t.guest.id })).toMatchObject({
      familyName: '',
      erasure: { holdUntil: '2029-03-12', released: false },
    });
    // Readings, the note and the old name are gone from the file already; the register's fields are kept.
    expect(bytesFound(t.dirs.file, [PERSON.familyReading, PERSON.givenReading, PERSON.renamed, '窓側'])).toEqual([]);
    expect(bytesFound(t.dirs.file, [PERSON.familyName, PERSON.phone, PERSON.address])).toHaveLength(3);
    const register = new Database(t.dirs.file, { readonly: true });
    expect(heldRegisterFields(register, t.guest.id)).toMatchObject({
      family_name: PERSON.familyName,
      given_name: PERSON.givenName,
      address: PERSON.address,
    });
    expect(heldRegisterFields(register, t.guest.id)).not.toHaveProperty('family_reading');
    register.close();

    // The hold ends on 2029-03-12: the job at start of the next day erases the rest.
    t.close();
    t.clock.now = Date.parse('2029-03-12T03:00:00Z');
    let again = await t.open();
    expect((await again.call('guests.get', { id: t.guest.id })).erasure.released).toBe(false);
    again.close();
    t.clock.now += DAY_MS;
    again = await t.open();
    cleanups.push(() => again.close());
    expect((await again.call('guests.get', { id: t.guest.id })).erasure).toMatchObject({ released: true });
    expect(bytesFound(t.dirs.file)).toEqual([]);
  });

  it('the 宿泊者名簿 still lists the erased guest with the held fields, and the card does not', async () => {
    const t = await erasedGuestScenario('2026-06-01T03:00:00Z', {
      arrivalDate: '2026-05-10',
      departureDate: '2026-05-12',
    });
    await t.call('guests.erase', { id: t.guest.id, reason: '本人の求め' });
    const register = await t.call('registers.guestRegister', { from: '2026-05-01', to: '2026-05-31' });
    const row = register.rows.find((line: { guestId: string }) => line.guestId === t.guest.id);
    expect(row).toMatchObject({ familyName: PERSON.familyName, givenName: PERSON.givenName, address: PERSON.address });
    expect(register.rows.find((line: { guestId: string }) => line.guestId === t.other.id)).toMatchObject({
      familyName: '佐藤',
    });
    expect(await t.call('guests.get', { id: t.guest.id })).toMatchObject({ familyName: '', address: '' });
  });
});
