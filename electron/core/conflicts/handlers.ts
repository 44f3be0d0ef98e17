import type { ConflictRow } from '../../../db/schema.ts';
import type { Conflict } from '../../../shared/contract/conflicts.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { HeldReason } from '../changes/apply.ts';
import { stampToIso } from '../changes/hlc.ts';
import type { ShippedTx } from '../changes/shipped.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { currentStaffId } from '../staff/handlers.ts';

type ConflictCalls = 'conflicts.list' | 'conflicts.decide' | 'conflicts.held' | 'conflicts.acceptHeld';

const OPEN = 'SELECT * FROM conflicts ORDER BY kind, id';
const ONE = 'SELECT * FROM conflicts WHERE id = ?';
const HELD = 'SELECT reason, received_at, tx FROM log_held ORDER BY hlc';

function toConflict(row: ConflictRow): Conflict {
  return {
    id: row.id,
    kind: row.kind as Conflict['kind'],
    table: row.tbl,
    rowA: row.row_a,
    rowB: row.row_b,
    field: row.field,
    detail: JSON.parse(row.detail) as unknown,
  };
}

export function conflictHandlers(ctx: CoreContext): Handlers<ConflictCalls> {
  const list = () => ({ conflicts: (ctx.run.prepare(OPEN).all() as ConflictRow[]).map(toConflict) });
  return {
    'conflicts.list': list,

    'conflicts.decide': ({ id, choice, note }, actor) => {
      const row = ctx.run.prepare(ONE).get(id) as ConflictRow | undefined;
      if (!row) throw new CallFailure('not_found', 'conflict_not_found');
      if (row.kind === 'deal_final_stages') {
        // The decision names the timeline entry that stands: the deal's stage is derived from it from now on.
        const stages = (JSON.parse(row.detail) as { stages: Array<{ id: string }> }).stages.map((stage) => stage.id);
        if (!stages.includes(choice)) {
          throw new CallFailure('invalid_input', undefined, [{ path: 'choice', code: 'invalid_choice' }]);
        }
      }
      actor.write((session) => {
        session.writeRow('conflict_decisions', id, {
          kind: row.kind,
          subject: row.row_a,
          choice,
          note: note ?? '',
          decided_by: actor.staffId,
          created_at: session.now(),
        });
      });
      return list();
    },

    'conflicts.held': () => ({
      held: (ctx.run.prepare(HELD).all() as Array<{ reason: string; received_at: number; tx: string }>).map((row) => {
        const tx = JSON.parse(row.tx) as ShippedTx;
        return {
          node: tx.node,
          hlc: tx.hlc,
          reason: row.reason as HeldReason,
          receivedAt: new Date(row.received_at).toISOString(),
          stampedAt: stampToIso(tx.hlc),
          call: tx.call,
          entries: tx.entries.length,
        };
      }),
    }),

    'conflicts.acceptHeld': ({ node, hlc }, actor) => {
      if (currentStaffId(ctx) === null) throw new CallFailure('no_staff');
      const { applied, tables, acceptedStillHeld } = ctx.changes.retryHeld({ node, hlc });
      for (const table of tables) actor.announce(table);
      // Taken as it is, it still would not go in: this PC's tables refuse its values (or it names what this
      // version does not know). It stays aside, now listed under that reason.
      if (acceptedStillHeld) throw new CallFailure('conflict', `held_${acceptedStillHeld}`);
      if (applied === 0) throw new CallFailure('not_found', 'held_not_found');
      ctx.logger.info(`accepted a transaction held back from ${node} at ${stampToIso(hlc)}`);
      return { applied };
    },
  };
}
