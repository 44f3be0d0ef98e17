import { seededAllergenId } from '../../db/migrations/0002-service.ts';
import type { Core } from '../../electron/core/create-core.ts';
import { openCore } from '../../electron/core-host/open-core.ts';
import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { makeCore } from './core.ts';
import { everything } from './replica.ts';

// Another PC of the inn, for the conflicts screen's tests: tests/e2e/conflicts.spec.ts, and
// tests/conflicts/screen-reading.test.ts, which reads the same register with the screen's schemas. Sync between
// PCs is not built yet, and the app's core runs in a worker thread behind the HTTP door, so the other PC's
// transactions are delivered as sync will deliver them (core.changes.apply), but to the database file before
// the app starts: this PC's core is opened on the app's file here, the other PC's in memory, they exchange
// their logs, the file is closed, and the app server opens it afterwards. The app needs no test-only way in.

// biome-ignore lint/suspicious/noExplicitAny: the scenario reads call results loosely; the contract tests check shapes.
type Loose = any;

function caller(core: Core) {
  return async (name: string, input: unknown): Promise<Loose> => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
}

/** What the scenario made, for the test to find on screen. */
export type TwoPcsScenario = {
  banquetDate: string;
  sharedDeals: { here: string; there: string };
  endedDeal: string;
  guestId: string;
  stayId: string;
};

export const HERE_STAFF = '佐藤 花子';
export const THERE_STAFF = '鈴木 一郎';

/**
 * Writes into `dataFile` (this PC, the app's) what two PCs recorded while apart: each confirmed a different
 * party in 松の間 at the same time, one marked a memorial service lost while the other cancelled it, both
 * recorded えび for one guest (one as anaphylaxis), one moved a stay's arrival later while the other moved its
 * departure earlier, and both changed one guest's note. Then the other PC's clock jumps ten minutes ahead and
 * it records one more guest: that change is held here. And one change from a newer version of the app.
 */
export async function recordOnTwoPcs(dataFile: string): Promise<TwoPcsScenario> {
  const opened = openCore({ file: dataFile, ownFolder: false, logger: { info() {}, warn() {}, error() {} } });
  let ahead = 0;
  const other = makeCore({ clock: () => Date.now() + ahead });
  try {
    const here = caller(opened.core);
    const there = other.call;
    const toThere = () => other.core.changes.apply(everything(opened.core));
    const toHere = () => opened.core.changes.apply(everything(other.core));

    await here('staff.setCurrent', { id: (await here('staff.create', { name: HERE_STAFF })).id });
    const hall = await here('halls.create', {
      fields: { name: '松の間', capacity: { seated: 60, standing: 80, theatre: 0 } },
    });
    const organiser = (familyName: string, familyReading: string) =>
      here('guests.create', { fields: { familyName, givenName: '太郎', familyReading, givenReading: 'たろう' } });
    const [tanaka, yamamoto, takahashi] = [
      await organiser('田中', 'たなか'),
      await organiser('山本', 'やまもと'),
      await organiser('髙橋', 'たかはし'),
    ];
    const banquetDate = addDays(localDate(Date.now(), DEFAULT_TIME_ZONE), 30);
    const party = { type: 'social', date: banquetDate, startTime: '18:00', endTime: '20:00', headcount: 30 };
    const memorial = await here('banquets.create', {
      fields: { ...party, organiserId: yamamoto.id, groupName: '山本家 法要', type: 'memorial' },
    });
    const arrival = addDays(banquetDate, -10);
    const stay = await here('stays.create', {
      fields: { guestId: takahashi.id, arrivalDate: arrival, departureDate: addDays(arrival, 2), rooms: ['201'] },
    });
    // The other PC's first run adds its own colleague (allowed while its register is empty), then syncs.
    await there('staff.setCurrent', { id: (await there('staff.create', { name: THERE_STAFF })).id });
    toThere();
    toHere();

    // While apart: each PC does something allowed on its own.
    const mine = await here('banquets.create', {
      fields: { ...party, organiserId: tanaka.id, groupName: '営業部 歓迎会', hallIds: [hall.id] },
    });
    await here('banquets.advance', { id: mine.banquet.id, stage: 'confirmed' });
    const theirs = await there('banquets.create', {
      fields: { ...party, organiserId: yamamoto.id, groupName: '同窓会', hallIds: [hall.id] },
    });
    await there('banquets.advance', { id: theirs.banquet.id, stage: 'confirmed' });
    await here('banquets.advance', {
      id: memorial.banquet.id,
      stage: 'lost',
      lostReason: 'price',
      competitor: 'ホテル白鷺',
      note: '予算が合わなかった',
    });
    await there('banquets.advance', { id: memorial.banquet.id, stage: 'cancelled', note: '法要そのものが延期' });
    const shrimp = seededAllergenId(1);
    await here('allergies.record', {
      guestId: takahashi.id,
      allergenId: shrimp,
      severity: 'intolerance',
      tracesOk: true,
    });
    await there('allergies.record', {
      guestId: takahashi.id,
      allergenId: shrimp,
      severity: 'anaphylaxis',
      tracesOk: false,
    });
    await here('stays.update', { id: stay.id, patch: { arrivalDate: addDays(arrival, 1) } });
    await there('stays.update', { id: stay.id, patch: { departureDate: arrival } });
    await here('guests.update', { id: takahashi.id, patch: { note: '窓側の部屋を希望' } });
    await there('guests.update', { id: takahashi.id, patch: { note: '禁煙室を希望' } });

    // The other PC's clock jumps ten minutes ahead: what it records now is kept aside here.
    ahead = 10 * 60_000;
    await there('guests.create', { fields: { familyName: '未来', givenName: '一郎', familyReading: 'みらい' } });
    toHere();

    // And a change from a newer version of the app (a column this version does not know): kept aside too.
    opened.core.changes.apply([
      {
        node: '0190a000-0000-7000-8000-0000000000ee',
        hlc: Date.now() * 2048,
        staff: null,
        call: 'guests.update',
        schema: 99,
        entries: [{ table: 2, row: takahashi.id, col: 99, value: 'x', prev: null }],
      },
    ]);
    return {
      banquetDate,
      sharedDeals: { here: mine.banquet.id, there: theirs.banquet.id },
      endedDeal: memorial.banquet.id,
      guestId: takahashi.id,
      stayId: stay.id,
    };
  } finally {
    other.core.close();
    other.db.close();
    opened.close();
  }
}
