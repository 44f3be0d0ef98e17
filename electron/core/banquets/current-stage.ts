import { tableSpec } from '../../../db/log/registry.ts';
import { encodeRowId, WHOLE_ROW } from '../../../db/log/store.ts';
import type { BanquetStageRow } from '../../../db/schema.ts';
import { conflictId } from '../changes/conflicts.ts';
import type { DeriveContext, Deriver } from '../changes/derived.ts';
import { compareVersions } from '../changes/merge.ts';

// A deal's current stage is derived from its timeline on each PC, never logged beside it: the banquets row
// carries it (stage, stage_at, hold expiry, the lost reason, competitor and closing note) because the
// pipeline, the calendar and the reports read it from covering indexes.
//
// The current stage is the timeline's latest entry: the one whose insert has the greatest version (HLC stamp,
// then node), then the latest `at`, then the greatest id (entries written in one transaction share a version).
// When two PCs moved a deal concurrently to two final stages (held and lost), that is a conflict for staff
// (invariants.ts); their decision names the entry that stands, and it is the current stage from then on.

export const FINAL_STAGES: ReadonlySet<string> = new Set(['held', 'lost', 'cancelled']);

const STAGES_OF_DEAL = 'SELECT * FROM banquet_stages WHERE banquet_id = ?';
const DEAL_CREATED = 'SELECT created_at FROM banquets WHERE id = ?';
const DECISION = 'SELECT choice FROM conflict_decisions WHERE id = ?';

export type OrderedStage = BanquetStageRow & { hlc: number; node: string };

/** A deal's timeline in the order it happened, by the rule above. */
export function orderedTimeline(ctx: DeriveContext, banquetId: string): OrderedStage[] {
  const table = tableSpec('banquet_stages').id;
  const rows = ctx.prepare(STAGES_OF_DEAL).all(banquetId) as BanquetStageRow[];
  return rows
    .map((row) => {
      const inserts = ctx.log.fieldEntries(table, encodeRowId(row.id), WHOLE_ROW).filter((e) => e.col === WHOLE_ROW);
      const first = inserts
        .map((entry) => ({ hlc: entry.hlc, node: ctx.log.nodeOf(entry.node) }))
        .sort(compareVersions)[0] ?? { hlc: 0, node: '' };
      return { ...row, ...first };
    })
    .sort((a, b) => compareVersions(a, b) || a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

export const currentStageDeriver: Deriver = {
  table: 'banquets',
  columns: ['stage', 'stage_at', 'hold_expires_on', 'lost_reason', 'competitor', 'closing_note'],
  placeholder: (values) => ({ stage: 'inquiry', stage_at: values.created_at ?? '' }),
  compute(ctx, id) {
    const timeline = orderedTimeline(ctx, id);
    const decided = ctx.prepare(DECISION).pluck().get(conflictId('deal_final_stages', id)) as string | undefined;
    const chosen = timeline.find((stage) => stage.id === decided) ?? timeline.at(-1);
    if (!chosen) {
      const created = ctx.prepare(DEAL_CREATED).pluck().get(id) as string;
      return {
        stage: 'inquiry',
        stage_at: created,
        hold_expires_on: null,
        lost_reason: null,
        competitor: '',
        closing_note: '',
      };
    }
    const closing = chosen.stage === 'lost' || chosen.stage === 'cancelled';
    return {
      stage: chosen.stage,
      stage_at: chosen.at,
      hold_expires_on: chosen.stage === 'provisional' ? chosen.hold_expires_on : null,
      lost_reason: chosen.stage === 'lost' ? chosen.lost_reason : null,
      competitor: chosen.stage === 'lost' ? chosen.competitor : '',
      closing_note: closing ? chosen.note : '',
    };
  },
  sources: [
    { table: 'banquet_stages', targets: (_before, after) => [after.banquet_id as string] },
    {
      table: 'conflict_decisions',
      targets: (_before, after) => (after.kind === 'deal_final_stages' ? [after.subject as string] : []),
    },
  ],
};
