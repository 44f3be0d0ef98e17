import { HISTORY_PAGE_SIZE, type HistoryRow } from '../../../shared/contract/history.ts';
import { stampToIso } from '../changes/hlc.ts';
import type { CoreContext } from '../context.ts';
import { entriesOfGuest, HISTORY_LOG_STATEMENTS } from './history-log.ts';
import { HISTORY_NAME_STATEMENTS, lookupNames } from './history-names.ts';
import { type PlacedDraft, replay } from './history-replay.ts';

// guests.history: the History tab's rows, built here in one call so the screen only lays them out.
//
// Every entry of the guest's rows is read and replayed (a row's "from" and its subject need what came
// before, and a regular's few thousand entries replay in milliseconds); only the page asked for is then
// named, with one query per kind of name. Pages run newest first and are cut by a cursor that names a row's
// place in the log (stamp, PC, position in its write), so the next page continues where the last one
// stopped even when writes arrive in between.

/** The statements the history runs, for the query-plan test. */
export const HISTORY_STATEMENTS: Record<string, string> = { ...HISTORY_LOG_STATEMENTS, ...HISTORY_NAME_STATEMENTS };

type Place = { hlc: number; node: string; n: number };

/** Newest write first (stamp, then PC, as the merge orders versions); a write's rows in their own order. */
function newestFirst(a: Place, b: Place): number {
  if (a.hlc !== b.hlc) return b.hlc - a.hlc;
  if (a.node !== b.node) return a.node < b.node ? 1 : -1;
  return a.n - b.n;
}

const keyOf = (place: Place) => `${place.hlc}.${place.node}.${place.n}`;

function parseKey(key: string): Place {
  const [hlc, node, n] = key.split('.');
  return { hlc: Number(hlc), node: node ?? '', n: Number(n) };
}

export function guestHistory(
  ctx: CoreContext,
  guestId: string,
  page: { limit?: number; before?: string } = {},
): { rows: HistoryRow[]; next: string | null } {
  const limit = page.limit ?? HISTORY_PAGE_SIZE;
  const all = replay(entriesOfGuest(ctx, guestId), guestId).sort(newestFirst);
  const cursor = page.before === undefined ? undefined : parseKey(page.before);
  const start = cursor ? all.findIndex((draft) => newestFirst(draft, cursor) > 0) : 0;
  const drafts: PlacedDraft[] = start < 0 ? [] : all.slice(start, start + limit);
  const more = start >= 0 && start + limit < all.length;

  const { log } = ctx.changes;
  const authors = new Map(drafts.map((draft) => [draft.staff, log.staffOf(draft.staff)]));
  const names = lookupNames(
    ctx,
    drafts.map((draft) => draft.needs),
    authors.values(),
  );
  const rows = drafts.map((draft): HistoryRow => {
    const staffId = authors.get(draft.staff) ?? null;
    return {
      key: keyOf(draft),
      at: stampToIso(draft.hlc),
      staffId,
      staffName: names.staffName(staffId),
      nodeId: draft.node,
      change: draft.build(names),
    };
  });
  return { rows, next: more && drafts.length > 0 ? keyOf(drafts[drafts.length - 1] as PlacedDraft) : null };
}
