import { v7 as uuidv7 } from 'uuid';
import { NEXT_STAGES, type Stage } from '../../../shared/contract/banquets.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { assertNoClash } from './clashes.ts';
import { loadDetail } from './detail.ts';
import { followUpDates } from './follow-up-dates.ts';
import { banquetHallIds, findBanquetRow, today } from './rows.ts';

// The pipeline: inquiry → proposal → provisional hold → confirmed → held, or lost / cancelled on the way.
// Each change is one transaction: the deal's current stage on its row, and a stage row (date, staff, what
// came with it) on its timeline. A deal that ends (held, lost, cancelled) leaves the calls to make next
// time: next year's party, the family's next memorial service.

const FINAL: ReadonlySet<Stage> = new Set(['held', 'lost', 'cancelled']);
const HOLDING: ReadonlySet<Stage> = new Set(['provisional', 'confirmed']);

const HAS_FOLLOW_UPS = 'SELECT 1 FROM follow_ups WHERE banquet_id = ? LIMIT 1';

export function stageHandlers(ctx: CoreContext): Handlers<'banquets.advance'> {
  return {
    'banquets.advance': (input, actor) => {
      const row = findBanquetRow(ctx, input.id);
      const current = row.stage as Stage;
      const target = input.stage;
      if (NEXT_STAGES[current].length === 0) throw new CallFailure('conflict', 'banquet_closed');
      if (!NEXT_STAGES[current].includes(target)) throw new CallFailure('conflict', 'stage_not_allowed');
      const asOf = today(ctx);
      if (target === 'provisional' && (input.holdExpiresOn ?? '') < asOf) {
        throw new CallFailure('invalid_input', 'hold_expiry_past', [{ path: 'holdExpiresOn', code: 'date_invalid' }]);
      }
      if (target === 'held' && row.date > asOf) throw new CallFailure('conflict', 'not_yet_held');
      if (HOLDING.has(target)) {
        const hallIds = banquetHallIds(row);
        if (hallIds.length === 0) throw new CallFailure('conflict', 'hall_required');
        assertNoClash(
          ctx,
          { id: row.id, date: row.date, startTime: row.start_time, endTime: row.end_time, hallIds },
          asOf,
        );
      }

      const holdExpiresOn = target === 'provisional' ? (input.holdExpiresOn ?? null) : null;
      const lostReason = target === 'lost' ? (input.lostReason ?? null) : null;
      const competitor = target === 'lost' ? (input.competitor ?? '') : '';
      const note = input.note ?? '';
      const closing = target === 'lost' || target === 'cancelled';
      const followUps =
        FINAL.has(target) && !ctx.run.prepare(HAS_FOLLOW_UPS).get(row.id)
          ? followUpDates({ type: row.type as never, date: row.date, dateOfDeath: row.date_of_death })
          : [];

      actor.write((session) => {
        const now = session.now();
        session.writeRow('banquets', row.id, {
          stage: target,
          stage_at: now,
          hold_expires_on: holdExpiresOn,
          ...(closing ? { lost_reason: lostReason, competitor, closing_note: note } : {}),
          updated_at: now,
        });
        session.writeRow('banquet_stages', uuidv7(), {
          banquet_id: row.id,
          stage: target,
          at: now,
          staff_id: actor.staffId,
          hold_expires_on: holdExpiresOn,
          lost_reason: lostReason,
          competitor,
          note,
          created_at: now,
          updated_at: now,
        });
        for (const call of followUps) {
          session.writeRow('follow_ups', uuidv7(), {
            banquet_id: row.id,
            guest_id: row.organiser_id,
            kind: call.kind,
            due_date: call.dueDate,
            event_date: call.eventDate,
            memorial_year: call.memorialYear,
            status: 'open',
            created_at: now,
            updated_at: now,
          });
        }
      });
      return loadDetail(ctx, row.id);
    },
  };
}
