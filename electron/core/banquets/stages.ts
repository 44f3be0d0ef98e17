import { type Layout, NEXT_STAGES, type Stage, YEARLY_TYPES } from '../../../shared/contract/banquets.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { addMonths } from '../../../shared/text/dates.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { checkHallsFit } from './capacity.ts';
import { assertNoClash } from './clashes.ts';
import { loadDetail } from './detail.ts';
import { CALL_MONTHS_AHEAD, followUpDates, followUpId } from './follow-up-dates.ts';
import { banquetHallIds, findBanquetRow, today } from './rows.ts';

// The pipeline: inquiry → proposal → provisional hold → confirmed → held, or lost / cancelled on the way.
// Each change is one transaction: the deal's current stage on its row, and a stage row (date, staff, what
// came with it) on its timeline. A deal that ends (held, lost, cancelled) leaves the calls to make next
// time: next year's party, the family's next memorial service.

const FINAL: ReadonlySet<Stage> = new Set(['held', 'lost', 'cancelled']);
const BOOKED: ReadonlySet<Stage> = new Set(['confirmed', 'held']);
const HOLDING: ReadonlySet<Stage> = new Set(['provisional', 'confirmed']);

const HAS_FOLLOW_UPS = 'SELECT 1 FROM follow_ups WHERE banquet_id = ? LIMIT 1';
/** The organiser's calls already on record (any status): a family holding each memorial service here must not
 * collect a second call for every anniversary still ahead, nor one they already answered. */
const CALLS_OF_GUEST = 'SELECT id, kind, event_date, status FROM follow_ups WHERE guest_id = ?';

type CallRow = { id: string; kind: string; event_date: string; status: string };

/**
 * The organiser's open calls this deal answers: for a memorial service, the call about an anniversary within
 * a few months of its date (services are held a little before or after the day); for a yearly party, the call
 * about this year's party. Other types leave the calls alone.
 */
function answeredCalls(calls: readonly CallRow[], deal: { type: string; date: string }): CallRow[] {
  const kind = deal.type === 'memorial' ? 'memorial' : YEARLY_TYPES.has(deal.type as never) ? 'yearly' : null;
  if (!kind) return [];
  const from = addMonths(deal.date, -CALL_MONTHS_AHEAD);
  const to = addMonths(deal.date, CALL_MONTHS_AHEAD);
  return calls.filter(
    (call) => call.status === 'open' && call.kind === kind && call.event_date >= from && call.event_date <= to,
  );
}

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
        // The field says what is wrong with the date, not that it is no date (2020-01-01 is a valid one).
        throw new CallFailure('invalid_input', 'hold_expiry_past', [
          { path: 'holdExpiresOn', code: 'hold_expiry_past' },
        ]);
      }
      // A hold that outlives the party holds nothing: the day it lapses is before the banquet, or the day itself.
      if (target === 'provisional' && (input.holdExpiresOn ?? '') > row.date) {
        throw new CallFailure('invalid_input', 'hold_after_banquet', [
          { path: 'holdExpiresOn', code: 'hold_after_banquet' },
        ]);
      }
      if (target === 'held' && row.date > asOf) throw new CallFailure('conflict', 'not_yet_held');
      // The anniversaries count from the date of death: a memorial service held without it would leave no
      // call for the next one, and a held deal can no longer be edited.
      if (target === 'held' && row.type === 'memorial' && !row.date_of_death) {
        throw new CallFailure('conflict', 'date_of_death_required');
      }
      if (HOLDING.has(target)) {
        const hallIds = banquetHallIds(row);
        if (hallIds.length === 0) throw new CallFailure('conflict', 'hall_required');
        // The halls as they are now: one withdrawn or made smaller since the inquiry is not held for it.
        checkHallsFit(ctx, { hallIds, layout: row.layout as Layout, headcount: row.headcount });
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
      const calls = ctx.run.prepare(CALLS_OF_GUEST).all(row.organiser_id) as CallRow[];
      const known = new Set(calls.map((call) => `${call.kind}:${call.event_date}`));
      const followUps =
        FINAL.has(target) && !ctx.run.prepare(HAS_FOLLOW_UPS).get(row.id)
          ? followUpDates({ type: row.type as never, date: row.date, dateOfDeath: row.date_of_death }).filter(
              (call) => !known.has(`${call.kind}:${call.eventDate}`),
            )
          : [];
      // Booking the party a call was about answers that call.
      const answered = BOOKED.has(target) ? answeredCalls(calls, row) : [];

      actor.write((session) => {
        const now = session.now();
        // The timeline entry is the record; the deal's current stage follows from it (current-stage.ts).
        session.writeRow('banquet_stages', ctx.newId(), {
          banquet_id: row.id,
          stage: target,
          at: now,
          staff_id: actor.staffId,
          hold_expires_on: holdExpiresOn,
          lost_reason: lostReason,
          competitor,
          note,
          created_at: now,
        });
        for (const call of answered) {
          session.writeRow('follow_ups', call.id, { status: 'done', done_at: now, done_by: actor.staffId });
        }
        for (const call of followUps) {
          // One call per guest, kind and day, whichever PC writes it: the id is derived from what it is.
          session.writeRow('follow_ups', followUpId(row.organiser_id, call.kind, call.eventDate), {
            banquet_id: row.id,
            guest_id: row.organiser_id,
            kind: call.kind,
            due_date: call.dueDate,
            event_date: call.eventDate,
            memorial_year: call.memorialYear,
            status: 'open',
            created_at: now,
          });
        }
      });
      return loadDetail(ctx, row.id);
    },
  };
}
