import fc from 'fast-check';
import type { TestCore } from '../support/core.ts';
import { waiting } from '../support/search-index-view.ts';

// Random edits of the guest register, for the search index's property tests: creates (some with a phone),
// renames, deletes and restores, over names that share readings and variant kanji; with a clock the test moves
// (`later`, past the hour a guest's last activity waits before it moves), notes that move only a guest's
// recency (whose search rows then wait for an idle moment, search-index.ts), and idle moments.

const NAMES = [
  ['佐藤', 'さとう'],
  ['齋藤', 'さいとう'],
  ['渡邊', 'わたなべ'],
  ['林', 'はやし'],
] as const;

export const editOp = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), name: fc.integer({ min: 0, max: 3 }), phone: fc.boolean() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), at: fc.nat() }),
  // Some time later (past the hour), a note: the guest's recency moves and nothing else its rows are made of.
  fc.record({ kind: fc.constant('note' as const), at: fc.nat(), hours: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('later' as const), hours: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant('idle' as const) }),
);
export type EditOp = typeof editOp extends fc.Arbitrary<infer T> ? T : never;

/**
 * Starts one edit through the core and returns its answer. The write itself happens inside this call (the core
 * runs a call's handler before it returns its promise), so an edit made between two slices of a job lands there.
 */
/** A test's clock, moved by `later` steps. */
export function testClock(start = Date.UTC(2026, 3, 1, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** How long an `idle` step waits for the core's idle moments before it says they never came. */
const IDLE_WAIT_MS = 5_000;

/**
 * The core's idle moments come `idleMs` after its last commit and move the waiting guests' rows: waits until
 * none waits (by the table, not by a timer, so a slow machine cannot make the step pass without them).
 */
async function idleMomentsDone(test: EditedCore): Promise<void> {
  const until = Date.now() + IDLE_WAIT_MS;
  while (waiting(test.db) > 0) {
    if (Date.now() > until) throw new Error(`idle step: rows still wait after ${IDLE_WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, test.idleMs));
  }
}

/** A test core whose clock `later` steps move, and whose idle upkeep `idle` steps run (`checkpoint: { idleMs }`). */
export type EditedCore = TestCore & { clock?: ReturnType<typeof testClock>; idleMs?: number };

export function applyEdit(test: EditedCore, ids: string[], step: EditOp): Promise<unknown> {
  if (step.kind === 'later') {
    test.clock?.advance(step.hours * 60 * 60 * 1000);
    return Promise.resolve();
  }
  if (step.kind === 'idle') return test.idleMs === undefined ? Promise.resolve() : idleMomentsDone(test);
  const pick = 'at' in step && ids.length > 0 ? ids[step.at % ids.length] : undefined;
  if (step.kind === 'create') {
    const [familyName, familyReading] = NAMES[step.name] as readonly [string, string];
    const phones = step.phone ? [{ number: `090${String(ids.length).padStart(8, '0')}`, label: 'mobile' }] : [];
    const created = test.call('guests.create', { fields: { familyName, familyReading, phones } });
    return created.then((guest) => ids.push(guest.id));
  }
  if (step.kind === 'rename' && pick) {
    const [familyName, familyReading] = NAMES[step.name] as readonly [string, string];
    return test.core.call('guests.update', { id: pick, patch: { familyName, familyReading } });
  }
  if (step.kind === 'delete' && pick) return test.core.call('guests.delete', { id: pick });
  if (step.kind === 'restore' && pick) return test.core.call('guests.restore', { id: pick });
  if (step.kind === 'note' && pick) {
    test.clock?.advance(step.hours * 60 * 60 * 1000);
    return test.core.call('guests.update', { id: pick, patch: { note: `メモ ${step.at}` } });
  }
  return Promise.resolve();
}
