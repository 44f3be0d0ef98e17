import { localDate } from '../../../shared/text/dates.ts';
import type { InvariantCheck } from '../changes/conflicts.ts';
import type { DeriveContext } from '../changes/derived.ts';
import { TIME_ZONE_SETTING, zoneOfSetting } from '../settings/inn-clock.ts';
import { holdsHalls } from './clashes.ts';
import { FINAL_STAGES, orderedTimeline } from './current-stage.ts';

// What two PCs can break in banquet sales by each doing something allowed on its own (see
// changes/conflicts.ts): a hall held twice at the same time, a deal moved to two final stages, and field groups
// that only make sense together (a party's start and end, a hold's expiry and the party's day).

type DealRow = {
  id: string;
  date: string;
  start_time: string;
  end_time: string;
  hall_ids: string;
  stage: string;
  stage_at: string;
  hold_expires_on: string | null;
  deleted_at: string | null;
};

const DEAL =
  'SELECT id, date, start_time, end_time, hall_ids, stage, stage_at, hold_expires_on, deleted_at FROM banquets WHERE id = ?';
const DEALS_ON_DATE = `SELECT id, date, start_time, end_time, hall_ids, stage, stage_at, hold_expires_on, deleted_at
  FROM banquets WHERE date = ? AND deleted_at IS NULL`;
const STAGE_DEAL = 'SELECT banquet_id FROM banquet_stages WHERE id = ?';

const halls = (row: DealRow): string[] => {
  try {
    const parsed = JSON.parse(row.hall_ids) as unknown;
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
};

/**
 * Whether a deal held its halls when the other deal last moved: what the core checked then, on the PC that
 * made the move. Data, not today's date, so every PC finds the same clashes whenever it looks; the day is the
 * inn's (its zone setting), not the zone each PC's process runs in.
 */
const heldWhen = (row: DealRow, other: DealRow, zone: string) =>
  holdsHalls(row, localDate(Date.parse(other.stage_at), zone));

export function banquetChecks(ctx: DeriveContext): InvariantCheck[] {
  const deal = (id: string) => ctx.prepare(DEAL).get(id) as DealRow | undefined;
  const dealOfStage = (id: string) => {
    const banquet = ctx.prepare(STAGE_DEAL).pluck().get(id) as string | undefined;
    return banquet ? [banquet] : [];
  };
  const subjects = { banquets: (id: string) => [id], banquet_stages: dealOfStage };

  const hallDoubleBooked: InvariantCheck = {
    kind: 'hall_double_booked',
    subjects,
    check(id) {
      const row = deal(id);
      if (!row || row.deleted_at !== null) return [];
      const mine = halls(row);
      const others = ctx.prepare(DEALS_ON_DATE).all(row.date) as DealRow[];
      return others.flatMap((other) => {
        if (other.id === row.id || !(row.start_time < other.end_time && other.start_time < row.end_time)) return [];
        const shared = halls(other)
          .filter((hall) => mine.includes(hall))
          .sort();
        if (shared.length === 0) return [];
        const zone = zoneOfSetting(ctx.prepare(TIME_ZONE_SETTING).pluck().get() as string | undefined);
        if (!heldWhen(row, other, zone) || !heldWhen(other, row, zone)) return [];
        const [a, b] = [row, other].sort((x, y) => x.id.localeCompare(y.id)) as [DealRow, DealRow];
        const side = (d: DealRow) => ({ id: d.id, stage: d.stage, start: d.start_time, end: d.end_time });
        return [
          {
            key: `${a.id}:${b.id}`,
            table: 'banquets',
            rowA: a.id,
            rowB: b.id,
            detail: { date: row.date, halls: shared, deals: [side(a), side(b)] },
          },
        ];
      });
    },
  };

  const finalStages: InvariantCheck = {
    kind: 'deal_final_stages',
    subjects,
    check(id) {
      const timeline = orderedTimeline(ctx, id);
      const finals = timeline.filter((stage) => FINAL_STAGES.has(stage.stage));
      const last = timeline.at(-1);
      if (finals.length === 0 || (finals.length === 1 && last && FINAL_STAGES.has(last.stage))) return [];
      const shown = [...new Set([...finals, ...(last ? [last] : [])])];
      return [
        {
          key: id,
          table: 'banquets',
          rowA: id,
          detail: { stages: shown.map((s) => ({ id: s.id, stage: s.stage, at: s.at, staffId: s.staff_id })) },
        },
      ];
    },
  };

  const fieldGroups: InvariantCheck = {
    kind: 'field_group',
    subjects,
    check(id) {
      const row = deal(id);
      if (!row || row.deleted_at !== null) return [];
      const found = [];
      if (row.end_time <= row.start_time) {
        found.push({
          key: `banquets:${id}:times`,
          table: 'banquets',
          rowA: id,
          field: 'times',
          detail: { group: 'times', start: row.start_time, end: row.end_time },
        });
      }
      if (row.stage === 'provisional' && row.hold_expires_on !== null && row.hold_expires_on > row.date) {
        found.push({
          key: `banquets:${id}:hold`,
          table: 'banquets',
          rowA: id,
          field: 'hold',
          detail: { group: 'hold', date: row.date, holdExpiresOn: row.hold_expires_on },
        });
      }
      return found;
    },
  };

  return [hallDoubleBooked, finalStages, fieldGroups];
}
