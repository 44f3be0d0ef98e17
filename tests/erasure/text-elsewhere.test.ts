import { afterEach, describe, expect, it } from 'vitest';
import { makeStaffedCore, type TestCore } from '../support/core.ts';
import { everything, syncedTables } from '../support/replica.ts';
import { BYTE_NEEDLES, bytesFound, fileCore, PERSON, personFields } from './helpers.ts';

// Free text about an erased guest written on records other than their card: the deals they organised (the group
// name, the deceased's name, the notes, the stage notes) and what was served on their stays. Through the core's
// door, on a real database file.

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

type Call = TestCore['call'];

const NOTES = {
  deal: `${PERSON.familyName}様 携帯 ${PERSON.phone}`,
  group: `${PERSON.familyName}家`,
  deceased: `${PERSON.familyName}巌`,
  lost: '鳴神の予算が合わず',
  served: '鳴神のお造りを半分残された',
};
const NEEDLES = [...BYTE_NEEDLES, NOTES.lost, NOTES.served];

/** A guest who stayed in 2022 (so nothing is held), had a note on a dish, and organised two deals. */
async function organiser(call: Call) {
  const guest = await call('guests.create', { fields: personFields });
  const stay = await call('stays.create', {
    fields: {
      guestId: guest.id,
      arrivalDate: '2022-04-01',
      departureDate: '2022-04-03',
      rooms: ['201'],
      amountYen: 45000,
    },
  });
  const dish = (
    await call('dishes.create', { fields: { name: 'お造り', reading: '', category: 'sashimi', allergenIds: [] } })
  ).id;
  const [serving] = (
    await call('served.record', { stayId: stay.id, date: '2022-04-01', meal: 'dinner', dishIds: [dish] })
  ).served;
  await call('served.react', { id: serving.id, reaction: 'left', note: NOTES.served });
  const hall = (
    await call('halls.create', { fields: { name: '松の間', capacity: { seated: 40, standing: 0, theatre: 0 } } })
  ).id;
  // A memorial service held today (it leaves follow-up calls naming the group), and a lost year-end party.
  const memorial = (
    await call('banquets.create', {
      fields: {
        organiserId: guest.id,
        type: 'memorial',
        date: '2026-06-01',
        startTime: '18:00',
        endTime: '20:00',
        headcount: 12,
        hallIds: [hall],
        estimateYen: 120000,
        groupName: NOTES.group,
        note: NOTES.deal,
        deceasedName: NOTES.deceased,
        dateOfDeath: '2025-06-10',
      },
    })
  ).banquet.id;
  await call('banquets.advance', { id: memorial, stage: 'confirmed' });
  await call('banquets.advance', { id: memorial, stage: 'held' });
  const lost = (
    await call('banquets.create', {
      fields: {
        organiserId: guest.id,
        type: 'bonenkai',
        date: '2026-12-10',
        startTime: '18:00',
        endTime: '20:00',
        headcount: 20,
      },
    })
  ).banquet.id;
  await call('banquets.advance', {
    id: lost,
    stage: 'lost',
    lostReason: 'price',
    competitor: '他館',
    note: NOTES.lost,
  });
  return { guest, stay, memorial, lost };
}

describe('guests.erase: free text about the guest on other records', () => {
  it('blanks the deals they organised and the notes on what was served, in the screens and the file', async () => {
    const t = await fileCore('2026-06-01T03:00:00Z');
    cleanups.push(() => {
      t.close();
      t.dirs.remove();
    });
    const { call } = t;
    const made = await organiser(call);
    const seen = async () =>
      JSON.stringify([
        await call('banquets.get', { id: made.memorial }),
        await call('banquets.get', { id: made.lost }),
        await call('banquets.list', {}),
        await call('followUps.list', { guestId: made.guest.id }),
        await call('served.forStay', { stayId: made.stay.id }),
        await call('guests.service', { id: made.guest.id }),
      ]);
    const before = await seen();
    for (const note of Object.values(NOTES)) expect(before).toContain(note);
    expect(bytesFound(t.dirs.file, [NOTES.lost, NOTES.served])).toHaveLength(2);

    await call('guests.erase', { id: made.guest.id, reason: '本人より電話で依頼' });

    const after = await seen();
    for (const needle of [...NEEDLES, PERSON.familyName]) expect(after).not.toContain(needle);
    expect(bytesFound(t.dirs.file, NEEDLES)).toEqual([]);
    // What the statistics read stays: stages, headcounts, estimates, the dish and how it was received.
    const memorial = (await call('banquets.get', { id: made.memorial })).banquet;
    expect(memorial).toMatchObject({ stage: 'held', headcount: 12, estimateYen: 120000, groupName: '', note: '' });
    expect(memorial.deceasedName).toBe('');
    const lost = (await call('banquets.get', { id: made.lost })).banquet;
    expect(lost).toMatchObject({ stage: 'lost', lostReason: 'price', closingNote: '' });
    const [serving] = (await call('served.forStay', { stayId: made.stay.id })).served;
    expect(serving).toMatchObject({ reaction: 'left', note: '', dishName: 'お造り' });
    expect((await call('followUps.list', { guestId: made.guest.id })).followUps.length).toBeGreaterThan(0);
  });

  it('a second PC, and a replay, end with the same blank rows and log', async () => {
    const a = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const b = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const made = await organiser(a.call);
    b.core.changes.apply(everything(a.core));
    await a.call('guests.erase', { id: made.guest.id, reason: '本人の求め' });
    b.core.changes.apply(everything(a.core));
    const replay = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    replay.core.changes.apply(everything(a.core));
    for (const pc of [a, b, replay]) {
      const shipped = JSON.stringify(everything(pc.core));
      for (const needle of NEEDLES) expect(shipped).not.toContain(needle);
      const tables = syncedTables(pc.db);
      expect(JSON.stringify([tables.banquets, tables.banquet_stages, tables.served])).not.toContain(NOTES.lost);
    }
    const { banquets, banquet_stages, served } = syncedTables(a.db);
    expect(syncedTables(b.db)).toMatchObject({ banquets, banquet_stages, served });
    expect(syncedTables(replay.db)).toMatchObject({ banquets, banquet_stages, served });
  });

  it('a deal and its stage notes made offline for the guest, arriving after the erasure, come in blank', async () => {
    const a = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') });
    const b = await makeStaffedCore({ clock: () => Date.parse('2026-06-01T03:00:00Z') + 60_000 });
    const guest = await a.call('guests.create', { fields: personFields });
    b.core.changes.apply(everything(a.core));
    // B is offline: it takes a deal for the guest and loses it with a note; A erases the guest meanwhile.
    const deal = (
      await b.call('banquets.create', {
        fields: {
          organiserId: guest.id,
          type: 'bonenkai',
          date: '2026-12-10',
          startTime: '18:00',
          endTime: '20:00',
          headcount: 20,
          groupName: NOTES.group,
        },
      })
    ).banquet.id;
    await b.call('banquets.advance', {
      id: deal,
      stage: 'lost',
      lostReason: 'price',
      competitor: '他館',
      note: NOTES.lost,
    });
    await a.call('guests.erase', { id: guest.id, reason: '本人の求め' });

    a.core.changes.apply(everything(b.core));
    b.core.changes.apply(everything(a.core));
    for (const pc of [a, b]) {
      expect(JSON.stringify(everything(pc.core))).not.toContain(NOTES.lost);
      expect((await pc.call('banquets.get', { id: deal })).banquet).toMatchObject({ groupName: '', closingNote: '' });
    }
    expect(syncedTables(b.db)).toEqual(syncedTables(a.db));
  });
});

describe('an edit that arrives before the row it edits', () => {
  it('is blanked once the row arrives, when the guest was erased in between, as on the PC that had it all along', async () => {
    let now = Date.parse('2026-06-01T03:00:00Z');
    const desk = await makeStaffedCore({ clock: () => now });
    const guest = await desk.call('guests.create', { fields: personFields });
    const allergy = await desk.call('allergies.record', {
      guestId: guest.id,
      freeAllergen: 'アルコール',
      severity: 'allergy',
      tracesOk: true,
    });
    await desk.call('allergies.retract', { id: allergy.id, reason: `${PERSON.familyName}様の誤入力` });
    const sent = (call: string) => everything(desk.core).filter((tx) => tx.call === call);
    // The office hears of the guest and of the retraction, erases the guest at their request, and only then
    // hears of the allergy itself.
    now += 10 * 60_000;
    const office = await makeStaffedCore({ clock: () => now });
    for (const call of ['guests.create', 'allergies.retract']) {
      expect(office.core.changes.apply(sent(call)).refused).toEqual([]);
    }
    await office.call('guests.erase', { id: guest.id, reason: '本人の求め' });
    expect(office.core.changes.apply(sent('allergies.record')).refused).toEqual([]);
    // The desk hears of the erasure (and of the office's people, who made it).
    expect(desk.core.changes.apply(everything(office.core)).refused).toEqual([]);

    const row = (test: TestCore) =>
      syncedTables(test.db).allergies?.find((a) => (a as { id: string }).id === allergy.id);
    expect(row(office)).toMatchObject({ retract_reason: '', free_allergen: 'アルコール' });
    expect(row(office)).toEqual(row(desk));
    const log = (test: TestCore) =>
      JSON.stringify(everything(test.core).filter((tx) => tx.call === 'allergies.retract'));
    expect(log(office)).not.toContain(PERSON.familyName);
    expect(log(office)).toBe(log(desk));
  });
});

describe('a merge and an erasure made apart', () => {
  it('end the same on both PCs: a request moved away from the erased guest is blanked everywhere', async () => {
    let now = Date.parse('2026-06-01T03:00:00Z');
    const desk = await makeStaffedCore({ clock: () => now });
    const erased = await desk.call('guests.create', { fields: personFields });
    const kept = await desk.call('guests.create', {
      fields: { familyName: '佐藤', givenName: '一郎', familyReading: 'さとう', givenReading: 'いちろう' },
    });
    const request = await desk.call('requests.record', {
      guestId: erased.id,
      standing: true,
      category: 'room',
      text: `${PERSON.familyName}様は窓側`,
    });
    const office = await makeStaffedCore({ clock: () => now });
    expect(office.core.changes.apply(everything(desk.core)).refused).toEqual([]);
    // Apart: the office merges the guest into another card (the request moves with it); the desk erases them.
    now += 60_000;
    await office.call('duplicates.merge', { keptId: kept.id, mergedId: erased.id });
    await desk.call('guests.erase', { id: erased.id, reason: '本人の求め' });
    now += 60_000;
    expect(desk.core.changes.apply(everything(office.core)).refused).toEqual([]);
    expect(office.core.changes.apply(everything(desk.core)).refused).toEqual([]);

    const row = (test: TestCore) =>
      syncedTables(test.db).requests?.find((r) => (r as { id: string }).id === request.id);
    expect(row(desk)).toMatchObject({ text: '' });
    expect(row(office)).toEqual(row(desk));
    const log = (test: TestCore) => JSON.stringify(everything(test.core).filter((tx) => tx.call === 'requests.record'));
    expect(log(office)).not.toContain(PERSON.familyName);
    expect(log(office)).toBe(log(desk));
  });
});
