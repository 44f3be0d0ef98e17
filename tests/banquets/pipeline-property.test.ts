import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OCCUPYING_STAGES, STAGES } from '../../shared/contract/banquets.ts';
import { changeLogCount } from '../support/core.ts';
import { salesDesk } from './helpers.ts';

// Whatever a busy sales desk does — valid or not — the calendar never holds two parties in one hall at
// once, each deal's stage is the last entry of its timeline, and a refused call leaves no trace.

type Step =
  | { kind: 'create'; halls: readonly number[]; date: number; start: number; hours: number; headcount: number }
  | { kind: 'advance'; deal: number; stage: (typeof STAGES)[number]; complete: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    halls: fc.constantFrom([0], [1], [2], [0, 1], [1, 0], [], [0, 2]),
    date: fc.integer({ min: 14, max: 16 }),
    start: fc.integer({ min: 10, max: 20 }),
    hours: fc.integer({ min: 1, max: 4 }),
    headcount: fc.integer({ min: 1, max: 60 }),
  }),
  fc.record({
    kind: fc.constant('advance' as const),
    deal: fc.nat(20),
    // The stages that take a hall come up more often: they are where clashes happen.
    stage: fc.constantFrom(...STAGES, 'provisional', 'confirmed', 'provisional', 'confirmed'),
    complete: fc.constantFrom(true, true, true, false),
  }),
);

const hhmm = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

type Deal = { id: string; stage: string; date: string; startTime: string; endTime: string; hallIds: string[] };

describe('the pipeline under any sequence of calls', () => {
  it('never double-books a hall, keeps stage and timeline in step, and refuses without writing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), async (steps) => {
        const desk = await salesDesk();
        const a = await desk.hall('松の間', { seated: 40 });
        const b = await desk.hall('竹の間', { seated: 30 }, { combinableWith: [a] });
        const c = await desk.hall('梅の間', { seated: 20 });
        const halls = [a, b, c];
        const organiser = await desk.guest('山田', '太郎');
        const deals: string[] = [];
        for (const s of steps) {
          const before = changeLogCount(desk.db);
          const result =
            s.kind === 'create'
              ? await desk.core.call('banquets.create', {
                  fields: {
                    organiserId: organiser,
                    type: 'social',
                    date: `2026-06-${s.date}`,
                    startTime: hhmm(s.start),
                    endTime: hhmm(s.start + s.hours),
                    hallIds: s.halls.map((i) => halls[i]),
                    headcount: s.headcount,
                  },
                })
              : deals.length === 0
                ? null
                : await desk.core.call('banquets.advance', {
                    id: deals[s.deal % deals.length],
                    stage: s.stage,
                    ...(s.complete
                      ? { holdExpiresOn: '2026-06-30', lostReason: 'price', competitor: '花月楼', note: '理由' }
                      : {}),
                  });
          if (result === null) continue;
          if (!result.ok) expect(changeLogCount(desk.db)).toBe(before);
          else if (s.kind === 'create') deals.push((result.value as { banquet: { id: string } }).banquet.id);
        }

        const listed: Deal[] = (await desk.call('banquets.list', {})).banquets;
        const occupying = listed.filter((deal) => OCCUPYING_STAGES.includes(deal.stage as never));
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
      { numRuns: 40 },
    );
  }, 60_000);
});
