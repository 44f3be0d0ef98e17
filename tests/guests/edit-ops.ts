import fc from 'fast-check';
import type { TestCore } from '../support/core.ts';

// Random edits of the guest register, for the search index's property tests: creates (some with a phone),
// renames, deletes and restores, over names that share readings and variant kanji.

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
);
export type EditOp = typeof editOp extends fc.Arbitrary<infer T> ? T : never;

/**
 * Starts one edit through the core and returns its answer. The write itself happens inside this call (the core
 * runs a call's handler before it returns its promise), so an edit made between two slices of a job lands there.
 */
export function applyEdit(test: TestCore, ids: string[], step: EditOp): Promise<unknown> {
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
  return Promise.resolve();
}
