import { describe, expect, it } from 'vitest';
import { SEARCH_KEYS_VERSION } from '../../electron/core/guests/search-keys.ts';
import { FINE_SLICES, makeStaffedCore, reopenCore } from '../support/core.ts';

// Background upkeep waits between its slices while staff are at work (jobs/runner.ts, create-core.ts), at most a
// second a slice. A program that only asks which jobs run (as tests/bench/ready.ts does every 200 ms) is not
// staff at work: were it counted, the start-up rebuild below (one guest a slice) would take a second a slice
// and this test (80 guests) would run out of its 30 s.

const GUESTS = 80;

describe('background jobs and a program waiting for them', () => {
  it('a rebuild at start-up finishes while a program asks jobs.list every few ms', async () => {
    const { core, call, db } = await makeStaffedCore({ jobs: FINE_SLICES });
    for (let i = 0; i < GUESTS; i++) {
      const given = String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26));
      await call('guests.create', {
        fields: { familyName: 'Smith', givenName: given, familyReading: 'smith', givenReading: given },
      });
    }
    // As a register of an older version left it: made with older search keys, so the core rebuilds at start.
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'search_keys_version'").run();
    core.close();

    const reopened = reopenCore({ core, db }, { jobs: FINE_SLICES });
    let asked = 0;
    for (;;) {
      const jobs = await reopened.call('jobs.list', {});
      asked++;
      if (!jobs.ok || (jobs.value as { jobs: unknown[] }).jobs.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(asked).toBeGreaterThan(1); // it was running when first asked
    expect(db.prepare("SELECT value FROM meta WHERE key = 'search_keys_version'").pluck().get()).toBe(
      String(SEARCH_KEYS_VERSION),
    );
    const found = await reopened.call('guests.search', { q: 'smith', limit: 100 });
    expect(found.ok && (found.value as { hits: unknown[] }).hits.length).toBe(GUESTS);
    reopened.close();
  });
});
