import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../electron/core/context.ts';
import { RETENTION_STATEMENTS, retentionReviewInSlices } from '../../electron/core/guest-rights/retention.ts';
import { localDate } from '../../shared/text/dates.ts';
import { makeStaffedCore } from '../support/core.ts';
import { testQueryPlans } from '../support/query-plan.ts';

// The retention review reads the register a chunk of guests at a time, as a job. However the register is cut
// into chunks, and however short the page, it answers what one pass over everyone answers.

const DAY = 86_400_000;

function run(ctx: CoreContext, limit: number, chunk: number) {
  const review = retentionReviewInSlices(ctx, { due: () => true }, limit, chunk);
  for (;;) {
    const step = review.next();
    if (step.done) return step.value;
  }
}

describe('retention review in slices', () => {
  it('answers the same for any chunk size and page length (random registers)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            stayYearsAgo: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
            requestYearsAgo: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
            deleted: fc.boolean(),
          }),
          { minLength: 0, maxLength: 14 },
        ),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        async (guests, limit, chunk) => {
          // Guests recorded ten years ago; some stayed or asked for something since.
          let now = Date.parse('2016-06-01T03:00:00Z');
          const test = await makeStaffedCore({ clock: () => (now += 1) });
          const ids: string[] = [];
          for (const [index, plan] of guests.entries()) {
            const id = (
              await test.call('guests.create', { fields: { familyName: `客${index}`, familyReading: 'きゃく' } })
            ).id as string;
            ids.push(id);
            if (plan.deleted) await test.call('guests.delete', { id });
          }
          // Then what happened since, oldest first (the log's clock only moves on): stays and requests.
          const today = Date.parse('2026-06-01T03:00:00Z');
          const events = guests.flatMap((plan, index) =>
            plan.deleted
              ? []
              : [
                  ...(plan.stayYearsAgo === null ? [] : [{ index, kind: 'stay', yearsAgo: plan.stayYearsAgo }]),
                  ...(plan.requestYearsAgo === null
                    ? []
                    : [{ index, kind: 'request', yearsAgo: plan.requestYearsAgo }]),
                ],
          );
          events.sort((a, b) => b.yearsAgo - a.yearsAgo);
          for (const event of events) {
            now = Math.max(now, today - event.yearsAgo * 365 * DAY);
            const guestId = ids[event.index] as string;
            const day = localDate(now, 'Asia/Tokyo');
            if (event.kind === 'stay') {
              await test.call('stays.create', {
                fields: { guestId, arrivalDate: day, departureDate: day, rooms: ['101'], status: 'departed' },
              });
            } else {
              await test.call('requests.record', { guestId, standing: true, category: 'room', text: '禁煙室' });
            }
          }
          now = today;
          const ctx = {
            db: test.db,
            run: test.db,
            logger: { info() {}, warn() {}, error() {} },
            timeZone: () => 'Asia/Tokyo',
            today: () => localDate(now, 'Asia/Tokyo'),
          } as unknown as CoreContext;
          // One pass, every quiet guest kept: the page is its head.
          const everyone = run(ctx, 10_000, 10_000);
          const page = { ...everyone, guests: everyone.guests.slice(0, limit) };
          expect(run(ctx, limit, chunk)).toEqual(page);
          // And the door, which runs it as a job, answers the same.
          expect(await test.call('guests.retentionReview', { limit })).toEqual(page);
          test.core.close();
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);
});

describe('retention review query plans', () => {
  testQueryPlans(RETENTION_STATEMENTS, {
    guestsAfter: {},
    candidates: {
      uses: [
        'COVERING INDEX stays_guest',
        'COVERING INDEX stay_party_guest',
        'INDEX allergies_guest',
        'COVERING INDEX requests_guest',
        'INDEX banquets_organiser',
      ],
    },
  });
});
