import type { Grant } from './access/check.ts';
import type { WriteSession } from './changes/write.ts';
import type { Actor, CoreContext } from './context.ts';
import { currentStaffId } from './staff/handlers.ts';

// The actor of one call: who makes it, what they may do, and how it writes. The dispatcher (dispatch.ts) does
// the contract checks around the handler and hands it this; `changed` collects the tables the call wrote, which
// the screens are told once it has answered.

/** Makes the actor of each call; `afterCommit` is told after each write commits (WAL upkeep). */
export function createActorFor(ctx: CoreContext, afterCommit: () => void) {
  const { changes } = ctx;
  /** One write transaction under `staffId`; once it commits, WAL upkeep and the tables it wrote are noted. */
  const commit = <T>(
    staffId: string | null,
    call: string,
    changed: Set<string>,
    work: (session: WriteSession) => T,
  ): T => {
    ctx.readSnapshot.end(); // a read call's record is a transaction of its own, not part of its read
    const { result, tables } = changes.transact(staffId, call, work);
    afterCommit();
    for (const table of tables) changed.add(table);
    return result;
  };
  const actorFor = (staffId: string | null, call: string, changed: Set<string>, grant: Grant): Actor => ({
    staffId,
    grant,
    write: (work) => commit(staffId, call, changed, work),
    announce(table) {
      changed.add(table);
    },
    recordAside(work) {
      // A read call is given no staff member (finding them costs a query it does not need): asked here.
      const present = staffId ?? currentStaffId(ctx);
      return commit(present, call, changed, (session) => work(session, present));
    },
    afterAnswer(work) {
      // Written as the person who made the call, whoever is chosen at this PC by the time it runs.
      const present = staffId ?? currentStaffId(ctx);
      ctx.afterAnswer.add(call, (later) => work(actorFor(present, call, later, grant)));
    },
  });
  return actorFor;
}
