import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OCCUPYING_STAGES, STAGES } from '../../shared/contract/banquets.ts';
import { addDays } from '../../shared/text/dates.ts';
import { changeLogCount } from '../support/core.ts';
import { salesDesk, TODAY } from './helpers.ts';

// Whatever a busy sales desk does — valid or not — the calendar never holds two parties in one hall at
// once, each deal's stage is the last entry of its timeline, and a refused call leaves no trace.
//
// A property checked on runs that never take a hold proves nothing about holds. A hold must lapse between
// today and the party's day, so the parties fall on today and the two days after, and each hold lapses a
// few days before its party: some on the party's day or before it (taken), some the day after it or
// before today (refused). The runs count what they reached, and the test requires holds, and clashes
// refused because of a hold, in numbers.

type Step =
  | { kind: 'create'; halls: readonly number[]; day: number; start: number; hours: number; headcount: number }
  | { kind: 'advance'; deal: number; stage: (typeof STAGES)[number]; complete: boolean; holdDaysBefore: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      halls: fc.constantFrom([0], [1], [2], [0, 1], [1, 0], [], [0, 2]),
      // Days after today: a party today can also be held, the later ones not yet.
      day: fc.integer({ min: 0, max: 2 }),
      // Evening parties, so that deals overlap often enough to clash (and sometimes meet back to back).
      start: fc.integer({ min: 17, max: 19 }),
      hours: fc.integer({ min: 2, max: 3 }),
      // Up to the largest single hall: larger parties fit only 松+竹, and most creates would be refused.
      headcount: fc.integer({ min: 1, max: 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      deal: fc.nat(20),
      // The stages that take a hall come up more often: they are where clashes happen.
      stage: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...STAGES) },
        { weight: 3, arbitrary: fc.constant('provisional' as const) },
        { weight: 1, arbitrary: fc.constant('confirmed' as const) },
      ),
      complete: fc.constantFrom(true, true, true, true, true, false),
      // -1 lapses the day after the party (refused); more days than the party is ahead lapse before today.
      holdDaysBefore: fc.constantFrom(-1, 0, 0, 1, 1, 2),
    }),
  },
);

const hhmm = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

type Deal = { id: string; stage: string; date: string; startTime: string; endTime: string; hallIds: string[] };

const CLASHES: ReadonlySet<string | undefined> = new Set(['hall_clash', 'hall_clash_organiser']);

describe('the pipeline under any sequence of calls', () => {
  it('never double-books a hall, keeps stage and timeline in step, and refuses without writing', async () => {
    // Across all runs: holds taken, moves refused because a deal had the hall (and of those, because a hold
    // had it), runs ending with a hold on the calendar.
    const reached = { holds: 0, clashes: 0, clashesWithHold: 0, runsEndingOnHold: 0 };
    await fc.assert(
      // size 'max': without it fast-check keeps arrays near ten steps whatever maxLength says.
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }), async (steps) => {
        const desk = await salesDesk();
        const a = await desk.hall('松の間', { seated: 40 });
        const b = await desk.hall('竹の間', { seated: 30 }, { combinableWith: [a] });
        const c = await desk.hall('梅の間', { seated: 20 });
        const halls = [a, b, c];
        const organiser = await desk.guest('山田', '太郎');
        const deals: Array<{ id: string; date: string }> = [];
        for (const s of steps) {
          const before = changeLogCount(desk.db);
          // An advance picks one of the deals made so far (none before the first).
          const deal = s.kind === 'advance' ? deals[s.deal % deals.length] : undefined;
          const result =
            s.kind === 'create'
              ? await desk.core.call('banquets.create', {
                  fields: {
                    organiserId: organiser,
                    type: 'social',
                    date: addDays(TODAY, s.day),
                    startTime: hhmm(s.start),
                    endTime: hhmm(s.start + s.hours),
                    hallIds: s.halls.map((i) => halls[i]),
                    headcount: s.headcount,
                  },
                })
              : deal === undefined
                ? null
                : await desk.core.call('banquets.advance', {
                    id: deal.id,
                    stage: s.stage,
                    ...(s.complete
                      ? {
                          holdExpiresOn: addDays(deal.date, -s.holdDaysBefore),
                          lostReason: 'price',
                          competitor: '花月楼',
                          note: '理由',
                        }
                      : {}),
                  });
          if (result === null) continue;
          if (!result.ok) {
            expect(changeLogCount(desk.db)).toBe(before);
            if (CLASHES.has(result.error.detail)) {
              reached.clashes += 1;
              if (result.error.params?.stage === 'provisional') reached.clashesWithHold += 1;
            }
          } else if (s.kind === 'create') {
            const { banquet } = result.value as { banquet: { id: string; date: string } };
            deals.push({ id: banquet.id, date: banquet.date });
          } else if (s.stage === 'provisional') reached.holds += 1;
        }

        const listed: Deal[] = (await desk.call('banquets.list', {})).banquets;
        const occupying = listed.filter((deal) => OCCUPYING_STAGES.includes(deal.stage as never));
        if (listed.some((deal) => deal.stage === 'provisional')) reached.runsEndingOnHold += 1;
        for (const [i, x] of occupying.entries()) {
          for (const y of occupying.slice(i + 1)) {
            const clash =
              x.date === y.date &&
              x.startTime < y.endTime &&
              y.startTime < x.endTime &&
              x.hallIds.some((id) => y.hallIds.includes(id));
            expect(clash, `${JSON.stringify(x)} vs ${JSON.stringify(y)}`).toBe(false);
          }
        }
        for (const deal of listed) {
          const { timeline } = await desk.call('banquets.get', { id: deal.id });
          expect(timeline.at(-1).stage).toBe(deal.stage);
          expect(timeline[0].stage).toBe('inquiry');
        }
      }),
      { numRuns: 60 },
    );
    // Replays at this commit reached 96–116 holds, 46–77 clashes of which 16–45 against a hold, and 29–44
    // runs ending with a hold on the calendar; half the lowest of each, or less, leaves room for chance, not for a
    // generator that stops reaching them.
    expect(reached.holds, 'holds taken').toBeGreaterThanOrEqual(40);
    expect(reached.clashes, 'moves refused for a hall already taken').toBeGreaterThanOrEqual(20);
    expect(reached.clashesWithHold, 'of those, refused because of a hold').toBeGreaterThanOrEqual(8);
    expect(reached.runsEndingOnHold, 'runs ending with a hold on the calendar').toBeGreaterThanOrEqual(12);
  }, 60_000);
});
