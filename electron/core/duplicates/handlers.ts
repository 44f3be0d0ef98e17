import { CallFailure } from '../../../shared/contract/result.ts';
import { derivedId } from '../changes/derived-id.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { mergeGuests, undoMerge } from './merge.ts';
import { listCandidates, listMerges } from './review.ts';
import { orderedPair, scanInSlices } from './scan.ts';

type DuplicateCalls =
  | 'duplicates.scan'
  | 'duplicates.list'
  | 'duplicates.decide'
  | 'duplicates.merge'
  | 'duplicates.undoMerge'
  | 'duplicates.merges';

/** One decision per pair, whichever PC makes it and in whichever order it names the two. */
export function decisionId(a: string, b: string): string {
  return derivedId('duplicate_decision', ...orderedPair(a, b));
}

export function duplicateHandlers(ctx: CoreContext): Handlers<DuplicateCalls> {
  return {
    'duplicates.scan': async (_input, actor) => {
      if (ctx.jobs.isRunning('duplicates.scan')) throw new CallFailure('conflict', 'scan_running');
      const started = performance.now();
      const result = await ctx.jobs.run('duplicates.scan', (slice) =>
        scanInSlices(
          ctx.db,
          (work) => actor.write(() => work()),
          slice,
          () => new Date(ctx.clock()).toISOString(),
        ),
      );
      ctx.logger.info(
        `duplicate scan: ${result.candidates} pairs among ${result.guests} guests in ${Math.round(performance.now() - started)} ms`,
      );
      // The screen that lists the pairs refetches.
      actor.announce('duplicate_candidates');
      return result;
    },

    'duplicates.list': ({ limit }) => listCandidates(ctx, limit ?? 50),

    'duplicates.decide': ({ guestA, guestB, decision }, actor) => {
      if (guestA === guestB) throw new CallFailure('invalid_input', 'merge_same_guest');
      for (const id of [guestA, guestB]) {
        if (!ctx.run.prepare('SELECT 1 FROM guests WHERE id = ?').get(id)) {
          throw new CallFailure('not_found', 'guest_not_found');
        }
      }
      const [a, b] = orderedPair(guestA, guestB);
      const id = decisionId(a, b);
      const existing = ctx.run.prepare('SELECT 1 FROM duplicate_decisions WHERE id = ?').get(id);
      actor.write((session) => {
        const values = { decision, decided_by: actor.staffId };
        if (existing) session.writeRow('duplicate_decisions', id, values);
        else
          session.writeRow('duplicate_decisions', id, { guest_a: a, guest_b: b, ...values, created_at: session.now() });
      });
      return { decision };
    },

    'duplicates.merge': ({ keptId, mergedId, take }, actor) => {
      const mergeId = actor.write((session) =>
        mergeGuests(ctx, session, actor.staffId, { keptId, mergedId, take: take ?? {} }),
      );
      return { mergeId, keptId };
    },

    'duplicates.undoMerge': ({ id }, actor) => actor.write((session) => undoMerge(ctx, session, actor.staffId, id)),

    'duplicates.merges': ({ limit }) => ({ merges: listMerges(ctx, limit ?? 20) }),
  };
}
