import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeChanges } from '../../renderer/api/changed-events.ts';

// How the screens hear the core's `changed` events (renderer/api/changed-events.ts): at once after a quiet
// spell, then at most one per window carrying every table changed meanwhile. The schedules are random; the
// clock is vitest's, so each run of a schedule is exact (Chromium runs the real one: tests/e2e/change-bursts.spec.ts).

const WINDOW = 250;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

type Delivery = { at: number; tables: string[] };

function run(schedule: Array<{ gap: number; tables: string[] }>) {
  const deliveries: Delivery[] = [];
  const start = Date.now();
  const merger = mergeChanges((tables) => deliveries.push({ at: Date.now() - start, tables }), WINDOW);
  const pushes: Delivery[] = [];
  for (const { gap, tables } of schedule) {
    vi.advanceTimersByTime(gap);
    pushes.push({ at: Date.now() - start, tables });
    merger.push(tables);
  }
  vi.advanceTimersByTime(10 * WINDOW);
  merger.stop();
  return { deliveries, pushes };
}

describe('the changed events the screens hear', () => {
  it('passes every table on within one window, never two deliveries within a window, a quiet one at once', () => {
    const table = fc.constantFrom('guests', 'stays', 'allergies', 'access_log', 'requests');
    const schedule = fc.array(
      fc.record({ gap: fc.integer({ min: 0, max: 600 }), tables: fc.array(table, { minLength: 1, maxLength: 3 }) }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(schedule, (steps) => {
        const { deliveries, pushes } = run(steps);
        for (const push of pushes) {
          for (const name of push.tables) {
            const told = deliveries.find((d) => d.at >= push.at && d.tables.includes(name));
            expect(told, `${name} pushed at ${push.at}`).toBeDefined();
            expect((told as Delivery).at - push.at).toBeLessThanOrEqual(WINDOW);
          }
        }
        for (let i = 1; i < deliveries.length; i++) {
          expect((deliveries[i] as Delivery).at - (deliveries[i - 1] as Delivery).at).toBeGreaterThanOrEqual(WINDOW);
        }
        // A push with no delivery in the window before it is passed on in the same moment.
        for (const push of pushes) {
          const recent = deliveries.some((d) => d.at < push.at && push.at - d.at < WINDOW);
          const earlierPushInWindow = pushes.some((p) => p.at < push.at && push.at - p.at < WINDOW);
          if (!recent && !earlierPushInWindow) expect(deliveries.some((d) => d.at === push.at)).toBe(true);
        }
        expect(deliveries.length).toBeLessThanOrEqual(pushes.length);
      }),
      { numRuns: 300 },
    );
  });

  it('turns a flood of 1,000 events in two seconds into at most nine deliveries, ending with the last table', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => ({ gap: 2, tables: [i === 999 ? 'stays' : 'guests'] }));
    const { deliveries } = run(steps);
    expect(deliveries.length).toBeLessThanOrEqual(9);
    expect(deliveries.at(-1)?.tables).toContain('stays');
  });

  it('drops what it gathered once nobody listens', () => {
    const deliveries: string[][] = [];
    const merger = mergeChanges((tables) => deliveries.push(tables), WINDOW);
    merger.push(['guests']);
    merger.push(['stays']);
    merger.stop();
    vi.advanceTimersByTime(10 * WINDOW);
    expect(deliveries).toEqual([['guests']]);
  });
});
