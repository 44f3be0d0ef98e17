import {
  ACCESS_ACTIONS,
  type AccessAction,
  type AccessCursor,
  type AccessEntry,
  accessDetailSchema,
} from '../../../shared/contract/access-log.ts';
import type { ParsedInput } from '../../../shared/contract/index.ts';
import { addDays } from '../../../shared/text/dates.ts';
import { instantInZone } from '../../../shared/text/time-zone.ts';
import type { CoreContext } from '../context.ts';

// accessLog.list: newest first, paged by keyset on (created_at, id), so the hundredth page of a year is as quick
// as the first: each page starts where the last ended in an index (access_log_recent, or the staff, guest or
// action index when that filter is given), never by skipping rows. Names come from the staff and guest rows as
// they are now, so a guest deleted, merged or erased since shows as such.

const PAGE = 50;

type Row = {
  id: string;
  created_at: string;
  action: string;
  detail: string;
  node: string;
  staff_id: string | null;
  staff_name: string | null;
  guest_id: string | null;
  family_name: string | null;
  given_name: string | null;
  deleted_at: string | null;
  merged_into: string | null;
};

/** The first instant of an inn's day, ISO UTC, as created_at is written (stampToIso). */
const dayStart = (date: string, zone: string) => new Date(instantInZone(date, '00:00', zone)).toISOString();

function guestOf(row: Row): AccessEntry['guest'] {
  if (row.guest_id === null) return null;
  if (row.family_name === null) return { id: row.guest_id, familyName: '', givenName: '', state: 'unknown' };
  const named = row.family_name !== '' || (row.given_name ?? '') !== '';
  const state = !named ? 'erased' : row.merged_into ? 'merged' : row.deleted_at ? 'deleted' : 'active';
  return { id: row.guest_id, familyName: row.family_name, givenName: row.given_name ?? '', state };
}

function detailOf(text: string): AccessEntry['detail'] {
  try {
    const parsed = accessDetailSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

type ListInput = ParsedInput<'accessLog.list'>;

/** The page's statement and its parameters for these filters (exported for the query-plan test). */
export function listQuery(input: ListInput, zone: string) {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.from) {
    where.push('a.created_at >= @from');
    params.from = dayStart(input.from, zone);
  }
  if (input.to) {
    where.push('a.created_at < @to');
    params.to = dayStart(addDays(input.to, 1), zone);
  }
  if (input.staffId === 'none') where.push('a.staff_id IS NULL');
  else if (input.staffId) {
    where.push('a.staff_id = @staff');
    params.staff = input.staffId;
  }
  if (input.guestId) {
    where.push('a.guest_id = @guest');
    params.guest = input.guestId;
  }
  if (input.action) {
    where.push('a.action = @action');
    params.action = input.action;
  }
  if (input.node) {
    where.push('a.node = @node');
    params.node = input.node;
  }
  if (input.after) {
    where.push('(a.created_at, a.id) < (@afterAt, @afterId)');
    params.afterAt = input.after.at;
    params.afterId = input.after.id;
  }
  const limit = input.limit ?? PAGE;
  params.limit = limit + 1; // one more tells whether a next page exists
  const text = `
    SELECT a.id, a.created_at, a.action, a.detail, a.node, a.staff_id, s.name AS staff_name,
           a.guest_id, g.family_name, g.given_name, g.deleted_at, g.merged_into
      FROM access_log a
      LEFT JOIN staff s ON s.id = a.staff_id
      LEFT JOIN guests g ON g.id = a.guest_id
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.created_at DESC, a.id DESC
     LIMIT @limit`;
  return { text, params, limit };
}

export function listAccess(ctx: CoreContext, input: ListInput) {
  const { text, params, limit } = listQuery(input, ctx.timeZone());
  const rows = ctx.run.prepare(text).all(params) as Row[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next: AccessCursor | null = rows.length > limit && last ? { at: last.created_at, id: last.id } : null;
  const entries: AccessEntry[] = page.flatMap((row) => {
    // An action this version does not know cannot arrive (the apply path holds it back); a row is skipped
    // rather than failing the whole page if one ever did.
    if (!(ACCESS_ACTIONS as readonly string[]).includes(row.action)) return [];
    return [
      {
        id: row.id,
        at: row.created_at,
        action: row.action as AccessAction,
        staff: row.staff_id === null ? null : { id: row.staff_id, name: row.staff_name ?? '' },
        guest: guestOf(row),
        pc: {
          node: row.node,
          name: null,
          short: row.node.replaceAll('-', '').slice(-8),
          here: row.node === ctx.nodeId,
        },
        detail: detailOf(row.detail),
      },
    ];
  });
  return { entries, next };
}
