import type { Banquet, Layout } from '../../../shared/contract/banquets.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { toHiragana } from '../../../shared/text/kana.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { usableCourseRow } from '../kitchen/courses.ts';
import { checkGuests, checkStaff } from '../stays/validation.ts';
import { checkHallsFit } from './capacity.ts';
import { assertNoClash } from './clashes.ts';
import { loadDetail } from './detail.ts';
import {
  allHalls,
  BANQUET_VIEW,
  type BanquetViewRow,
  banquetHallIds,
  findBanquetRow,
  toBanquet,
  today,
} from './rows.ts';

// Deals (宴会案件): taken as an inquiry, changed while open, read one at a time with everything around them,
// and listed for the sales desk. A held, lost or cancelled deal is closed: its record is what happened.

type DealCalls = 'banquets.create' | 'banquets.update' | 'banquets.get' | 'banquets.list';

const LIST_LIMIT = 200;
/** Stages whose deals hold their halls and may still change: date, time and halls are checked for clashes. */
const HOLDING: ReadonlySet<string> = new Set(['provisional', 'confirmed']);
const CLOSED: ReadonlySet<string> = new Set(['held', 'lost', 'cancelled']);

type DealFields = {
  organiserId?: string;
  groupName?: string;
  type?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  hallIds?: string[];
  layout?: Layout;
  headcount?: number;
  courseId?: string | null;
  pricePerHeadYen?: number;
  drinksPlan?: string;
  estimateYen?: number;
  depositYen?: number;
  staffId?: string | null;
  note?: string;
  attendeeIds?: string[];
  deceasedName?: string;
  dateOfDeath?: string | null;
};

const COLUMNS: Record<keyof DealFields, string> = {
  organiserId: 'organiser_id',
  groupName: 'group_name',
  type: 'type',
  date: 'date',
  startTime: 'start_time',
  endTime: 'end_time',
  hallIds: 'hall_ids',
  layout: 'layout',
  headcount: 'headcount',
  courseId: 'course_id',
  pricePerHeadYen: 'price_per_head_yen',
  drinksPlan: 'drinks_plan',
  estimateYen: 'estimate_yen',
  depositYen: 'deposit_yen',
  staffId: 'staff_id',
  note: 'note',
  attendeeIds: 'attendee_ids',
  deceasedName: 'deceased_name',
  dateOfDeath: 'date_of_death',
};

function dealColumns(fields: DealFields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    const column = COLUMNS[field as keyof DealFields];
    if (column && value !== undefined) values[column] = value;
  }
  return values;
}

/** What a deal names (organiser, attendees, course, staff) exists and may be chosen; only new choices are checked. */
function checkReferences(ctx: CoreContext, fields: DealFields, current?: BanquetViewRow): void {
  if (fields.organiserId !== undefined && fields.organiserId !== current?.organiser_id) {
    checkGuests(ctx, [fields.organiserId]);
  }
  if (fields.attendeeIds) {
    const before: string[] = current ? JSON.parse(current.attendee_ids) : [];
    checkGuests(
      ctx,
      fields.attendeeIds.filter((id) => !before.includes(id)),
    );
  }
  if (fields.courseId && fields.courseId !== current?.course_id) usableCourseRow(ctx, fields.courseId);
  if (fields.staffId && fields.staffId !== current?.staff_id) checkStaff(ctx, fields.staffId);
}

type ListFilter = {
  stages?: string[];
  organiserId?: string;
  q?: string;
  from?: string;
  to?: string;
  order?: 'latest' | 'upcoming';
};

/**
 * The list's statement for the filters given: only the conditions in use are in it (each combination is
 * prepared once), so SQLite can walk banquets_date, or banquets_organiser for one organiser, latest first.
 */
function listBanquets(ctx: CoreContext, filter: ListFilter): BanquetViewRow[] {
  const where = ['b.deleted_at IS NULL'];
  const params: Record<string, unknown> = { limit: LIST_LIMIT };
  if (filter.organiserId) {
    where.push('b.organiser_id = @organiserId');
    params.organiserId = filter.organiserId;
  }
  if (filter.from) {
    where.push('b.date >= @from');
    params.from = filter.from;
  }
  if (filter.to) {
    where.push('b.date <= @to');
    params.to = filter.to;
  }
  if (filter.stages && filter.stages.length > 0) {
    where.push('b.stage IN (SELECT value FROM json_each(@stages))');
    params.stages = JSON.stringify(filter.stages);
  }
  const q = filter.q?.replace(/\s+/g, '') ?? '';
  if (q) {
    // A name is typed with or without the space between family and given name; a reading in either kana.
    where.push(`(instr(b.group_name, @q) > 0 OR instr(g.family_name || g.given_name, @q) > 0
      OR instr(g.family_reading || g.given_reading, @q) > 0 OR instr(g.family_reading || g.given_reading, @kana) > 0)`);
    params.q = q;
    params.kana = toHiragana(q);
  }
  // The open deals are worked through earliest first (a party whose day has passed, unclosed, heads the list);
  // closed ones and everything are read latest first.
  const direction = filter.order === 'upcoming' ? 'ASC' : 'DESC';
  const order = filter.organiserId
    ? `b.organiser_id, b.date ${direction}`
    : `b.date ${direction}, b.start_time ${direction}`;
  const text = `${BANQUET_VIEW} WHERE ${where.join(' AND ')} ORDER BY ${order}, b.id DESC LIMIT @limit`;
  return ctx.run.prepare(text).all(params) as BanquetViewRow[];
}

export function dealHandlers(ctx: CoreContext): Handlers<DealCalls> {
  return {
    'banquets.create': ({ fields }, actor) => {
      checkReferences(ctx, fields);
      const hallIds = fields.hallIds ?? [];
      const layout = fields.layout ?? 'seated';
      checkHallsFit(ctx, { hallIds, layout, headcount: fields.headcount });
      const id = ctx.newId();
      // The estimate follows the price per head unless one is given: it is what the pipeline is worth.
      const estimateYen = fields.estimateYen ?? (fields.pricePerHeadYen ?? 0) * fields.headcount;
      actor.write((session) => {
        const now = session.now();
        session.writeRow('banquets', id, {
          ...dealColumns({ ...fields, hallIds, layout, estimateYen }),
          staff_id: fields.staffId === undefined ? actor.staffId : fields.staffId,
          created_at: now,
        });
        session.writeRow('banquet_stages', ctx.newId(), {
          banquet_id: id,
          stage: 'inquiry',
          at: now,
          staff_id: actor.staffId,
          created_at: now,
        });
      });
      return loadDetail(ctx, id);
    },

    'banquets.update': ({ id, fields, version }, actor) => {
      const row = findBanquetRow(ctx, id);
      if (CLOSED.has(row.stage)) throw new CallFailure('conflict', 'banquet_closed');
      const merged = {
        date: fields.date ?? row.date,
        startTime: fields.startTime ?? row.start_time,
        endTime: fields.endTime ?? row.end_time,
        hallIds: fields.hallIds ?? banquetHallIds(row),
        layout: fields.layout ?? (row.layout as Layout),
        headcount: fields.headcount ?? row.headcount,
      };
      if (merged.endTime <= merged.startTime) {
        throw new CallFailure('invalid_input', undefined, [{ path: 'fields.endTime', code: 'end_before_start' }]);
      }
      checkReferences(ctx, fields, row);
      if (fields.hallIds || fields.layout || fields.headcount !== undefined) {
        checkHallsFit(ctx, merged, banquetHallIds(row));
      }
      if (HOLDING.has(row.stage)) {
        if (merged.hallIds.length === 0) throw new CallFailure('conflict', 'hall_required');
        const moved = fields.date || fields.startTime || fields.endTime || fields.hallIds;
        if (moved) assertNoClash(ctx, { id, ...merged }, today(ctx));
      }
      actor.write((session) => {
        session.writeRow('banquets', id, { ...dealColumns(fields), updated_at: session.now() }, { basedOn: version });
      });
      return loadDetail(ctx, id);
    },

    'banquets.get': ({ id }) => loadDetail(ctx, id),

    'banquets.list': (filter) => {
      const halls = allHalls(ctx);
      const banquets: Banquet[] = listBanquets(ctx, filter).map((row) => toBanquet(row, halls));
      return { banquets };
    },
  };
}
