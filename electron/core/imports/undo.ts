import { columnSpec, tableSpec } from '../../../db/log/registry.ts';
import { encodeRowId, WHOLE_ROW } from '../../../db/log/store.ts';
import { packId } from '../../../db/stored-form.ts';
import type { ImportKind } from '../../../shared/contract/import-codes.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { Actor, CoreContext } from '../context.ts';
import type { SliceClock, SliceProgress } from '../jobs/runner.ts';
import { writeInSlices } from '../jobs/write-slices.ts';
import { undoSales } from './sales/write.ts';

// Undoing an import as one step, without touching what was recorded since. Nothing is physically deleted:
// the import's stays and guests get tombstones and its allergies are retracted, all through the write path,
// so the undo syncs like any write. What staff recorded after the import stays, and so does what it hangs
// on: a stay with a dish served or a request on it, a guest staff changed since or with anything of their own
// (a request, a stay or allergy not from this import, a companion link, a banquet). Allergies staff already corrected stay as the
// correction left them, and records a 名寄せ merge moved to another card since are that card's history now.

export type UndoCounts = {
  guests: number;
  stays: number;
  allergies: number;
  keptGuests: number;
  /** A sales import (sales/write.ts): amounts put back, and amounts kept as staff changed them since. */
  amounts: number;
  keptAmounts: number;
};

export const UNDO_REASON = '台帳の取り込みを取り消し / Ledger import undone';

type ImportRow = { id: string; kind: ImportKind; undone_at: string | null };

/** The call that writes an import's records: its own entries are not edits made since. */
const IMPORT_CALL = 'imports.run';

/**
 * Whether staff changed the guest's card since the import (a note, a phone, a corrected name): the log holds
 * an entry of the guest's row besides its insert, written by another call than an import's.
 */
function editedSince(ctx: CoreContext, guestId: string): boolean {
  const { log } = ctx.changes;
  const callOf = ctx.db.prepare('SELECT call FROM log_tx WHERE seq = ?').pluck();
  return log
    .rowEntries(tableSpec('guests').id, encodeRowId(guestId))
    .some((entry) => entry.col !== WHOLE_ROW && log.callOf(callOf.get(entry.tx) as number | null) !== IMPORT_CALL);
}

/** Whether something not from this import hangs on the guest, or staff changed the guest since. */
function guestHasOwnRecords(ctx: CoreContext, guestId: string, importId: string, keptStays: ReadonlySet<string>) {
  if (editedSince(ctx, guestId)) return true;
  const one = (sql: string, ...params: unknown[]) => ctx.db.prepare(sql).get(...params) !== undefined;
  if (
    one(
      'SELECT 1 FROM stays WHERE guest_id = ? AND deleted_at IS NULL AND import_id IS NOT ? LIMIT 1',
      guestId,
      importId,
    )
  )
    return true;
  for (const stay of keptStays) {
    if (one('SELECT 1 FROM stays WHERE id = ? AND guest_id = ?', stay, guestId)) return true;
  }
  return (
    one('SELECT 1 FROM allergies WHERE guest_id = ? AND import_id IS NOT ? LIMIT 1', guestId, importId) ||
    one('SELECT 1 FROM requests WHERE guest_id = ? LIMIT 1', guestId) ||
    one('SELECT 1 FROM stay_party WHERE guest_id = ? AND deleted_at IS NULL LIMIT 1', guestId) ||
    one(
      'SELECT 1 FROM guest_links WHERE (guest_id = ? OR companion_id = ?) AND deleted_at IS NULL LIMIT 1',
      guestId,
      guestId,
    ) ||
    one('SELECT 1 FROM banquets WHERE organiser_id = ? AND deleted_at IS NULL LIMIT 1', guestId) ||
    one('SELECT 1 FROM follow_ups WHERE guest_id = ? LIMIT 1', guestId)
  );
}

/**
 * Whether the record moved to another guest since it was imported (a 名寄せ merge moved it to the card kept):
 * it is the kept guest's history now, recorded since, and stays. The log says: an entry of its guest_id
 * column besides the insert.
 */
function movedSince(ctx: CoreContext, table: 'stays' | 'allergies', id: string): boolean {
  const spec = tableSpec(table);
  const column = columnSpec(table, 'guest_id');
  if (!column) return false;
  return ctx.changes.log.fieldEntries(spec.id, encodeRowId(id), column.id).some((entry) => entry.col === column.id);
}

/** Whether staff recorded something on the stay since: a dish served, a menu planned, a request, a party. */
function stayHasOwnRecords(ctx: CoreContext, stayId: string) {
  const one = (sql: string, id: unknown = stayId) => ctx.db.prepare(sql).get(id) !== undefined;
  return (
    one('SELECT 1 FROM served WHERE stay_id = ? LIMIT 1', packId(stayId)) || // ids packed: db/stored-form.ts
    one('SELECT 1 FROM menu_plans WHERE stay_id = ? LIMIT 1') ||
    one('SELECT 1 FROM requests WHERE stay_id = ? LIMIT 1') ||
    one('SELECT 1 FROM stay_party WHERE stay_id = ? AND deleted_at IS NULL LIMIT 1')
  );
}

export function findImport(ctx: CoreContext, id: string): ImportRow {
  const row = ctx.db.prepare('SELECT id, kind, undone_at FROM imports WHERE id = ?').get(id) as ImportRow | undefined;
  if (!row) throw new CallFailure('not_found', 'import_not_found');
  return row;
}

export function* undoImport(
  ctx: CoreContext,
  actor: Actor,
  slice: SliceClock,
  importId: string,
): Generator<SliceProgress, UndoCounts, void> {
  const found = findImport(ctx, importId);
  if (found.undone_at) throw new CallFailure('conflict', 'import_already_undone');
  if (found.kind === 'sales') {
    const sales = yield* undoSales(ctx, actor, slice, importId);
    return { guests: 0, stays: 0, allergies: 0, keptGuests: 0, ...sales };
  }
  const stays = ctx.db
    .prepare('SELECT id FROM stays WHERE import_id = ? AND deleted_at IS NULL ORDER BY id')
    .pluck()
    .all(importId) as string[];
  const allergies = ctx.db
    .prepare(
      'SELECT id FROM allergies WHERE import_id = ? AND retracted_at IS NULL AND superseded_by IS NULL ORDER BY id',
    )
    .pluck()
    .all(importId) as string[];
  const guests = ctx.db
    .prepare('SELECT id FROM guests WHERE import_id = ? AND deleted_at IS NULL ORDER BY id')
    .pluck()
    .all(importId) as string[];
  const counts: UndoCounts = { guests: 0, stays: 0, allergies: 0, keptGuests: 0, amounts: 0, keptAmounts: 0 };
  const total = stays.length + allergies.length + guests.length;
  let done = 0;
  const keptStays = new Set<string>();
  return yield* writeInSlices(
    actor,
    slice,
    function* (session) {
      for (const id of stays) {
        done++;
        if (movedSince(ctx, 'stays', id) || stayHasOwnRecords(ctx, id)) keptStays.add(id);
        else {
          session.writeRow('stays', id, { deleted_at: session.now() });
          counts.stays++;
        }
        yield;
      }
      for (const id of allergies) {
        done++;
        if (movedSince(ctx, 'allergies', id)) {
          yield;
          continue;
        }
        session.writeRow('allergies', id, {
          retracted_at: session.now(),
          retracted_by: actor.staffId,
          retract_reason: UNDO_REASON,
        });
        counts.allergies++;
        yield;
      }
      for (const id of guests) {
        done++;
        if (guestHasOwnRecords(ctx, id, importId, keptStays)) counts.keptGuests++;
        else {
          session.writeRow('guests', id, { deleted_at: session.now() });
          counts.guests++;
        }
        yield;
      }
      session.writeRow('imports', importId, { undone_at: session.now(), undone_by: actor.staffId });
      return counts;
    },
    () => ({ done, total }),
  );
}
