import { describe, expect, it } from 'vitest';
import { ARRIVAL_STATEMENTS } from '../../electron/core/arrivals/arrivals.ts';
import { TODAY } from '../kitchen/helpers.ts';
import { testQueryPlans } from '../support/query-plan.ts';
import { arrivalDay } from './day.ts';

// arrivals.forDate must stay fast at millions of stays and tens of millions of servings: every statement
// it runs looks rows up by an index (never a SCAN of a big table), and the number of statements does not
// grow with the number of arrivals (one query per kind of data over every stay of the day).

/** Tables small enough to read whole: the dish catalogue and the settings. json_each is the id list. */
const READ_WHOLE = new Set(['json_each', 'dishes', 'settings']);

async function observedDay() {
  let recording = false;
  const statements: string[] = [];
  const day = await arrivalDay({
    onSql: (text) => {
      if (recording) statements.push(text);
    },
  });
  const record = async (input: unknown) => {
    statements.length = 0;
    recording = true;
    try {
      await day.call('arrivals.forDate', input);
    } finally {
      recording = false;
    }
    return [...statements];
  };
  return { ...day, record };
}

describe('arrivals query plans', () => {
  it('looks every row up by an index: no SCAN of stays, parties, allergies, requests, servings or menus', async () => {
    const { db, record } = await observedDay();
    const statements = await record({ date: TODAY });
    expect(statements.length).toBeGreaterThan(5);
    const scans = statements.flatMap((text) => {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${text}`).all() as Array<{ detail: string }>;
      return plan
        .map((row) => row.detail)
        .filter((detail) => {
          const scanned = /^SCAN (\S+)/.exec(detail)?.[1];
          return scanned !== undefined && !READ_WHOLE.has(scanned);
        })
        .map((detail) => `${detail} ← ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
    });
    expect(scans).toEqual([]);
  });

  it('runs as many statements for a full day as for one arrival', async () => {
    const day = await observedDay();
    const few = await day.record({ date: TODAY });
    // Ten more parties, each with a companion, allergies, a request and a planned menu.
    const courseId = await day.course('朝食', [day.dishes.dessert]);
    for (let n = 0; n < 10; n++) {
      const lead = await day.guest('山本', `${n}郎`, '1970-06-16');
      const companion = await day.guest('山本', `${n}子`);
      await day.allergy(companion, 'egg', 'anaphylaxis');
      const stayId = await day.stay(lead, { rooms: [String(200 + n)], partyIds: [companion] });
      await day.call('requests.record', { guestId: lead, stayId, category: 'room', text: '禁煙室' });
      await day.call('menus.plan', { stayId, date: '2026-06-16', meal: 'breakfast', courseId });
    }
    // Never more (a statement per stay would add ten); fewer where the parties' histories were kept from an
    // earlier call (kitchen/history-cache.ts).
    const many = await day.record({ date: TODAY });
    expect(many.length).toBeLessThanOrEqual(few.length);
    const one = await day.record({ date: TODAY, stayId: day.suzuki });
    expect(one.length).toBeLessThanOrEqual(few.length);
  });
});

// The statements of arrivals.forDate's own file (the rest are the kitchen's: tests/kitchen/query-plan.test.ts).
describe('query plans of the arrivals', () => {
  testQueryPlans(ARRIVAL_STATEMENTS, {
    ARRIVING: { uses: ['INDEX stays_arrival'] },
  });
});
