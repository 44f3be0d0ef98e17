import type { Stored } from '../../../db/log/codec.ts';
import type { GuestRow, SyncedTable } from '../../../db/schema.ts';
import { MERGE_FIELDS, type MergeField, type MergeTake } from '../../../shared/contract/duplicate-codes.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { phoneDigits } from '../../../shared/text/phone.ts';
import { derivedId } from '../changes/derived-id.ts';
import { storable } from '../changes/rows.ts';
import type { WriteSession } from '../changes/write.ts';
import type { CoreContext } from '../context.ts';
import { usableGuestRow } from '../guests/card.ts';
import { COLUMN_OF } from '../guests/columns.ts';

// A merge (名寄せ) as one write through the write path: every record that names the merged guest is changed to
// name the kept one, the kept guest takes the chosen field values and both guests' phones, and the merged guest
// is deleted. Each field changed is listed in the merge record (guest_merges.changes) with its value before and
// after, so the undo puts back exactly those fields, and only where they still hold what the merge wrote: what
// was recorded or changed since (a request taken on the kept card after the merge) stays as it is.
//
// What moves: stays (and so what was served and planned on them), the guest's places in other stays' parties,
// allergies (superseded and retracted ones too: the history is whole), requests, deals organised, places on deals'
// attendee lists, follow-up calls, and companion links. A link between the two guests themselves, a place in
// a party that the kept guest already holds or leads, and a second link to a companion the kept guest already
// has are removed (tombstoned) rather than moved: one person cannot be their own companion, or be in one party
// twice. Two current records of one allergen become an allergy conflict for staff to settle (allergies/invariants.ts).

export type Change = [table: SyncedTable, id: string, column: string, before: Stored, after: Stored];

/** A guest's phones as stored. */
type Phone = { number: string; label: string };

/** At most five phones per guest (the contract's limit): the kept guest's first, then the merged one's new ones. */
const MAX_PHONES = 5;

export function mergeId(keptId: string, mergedId: string): string {
  return derivedId('guest_merge', keptId, mergedId);
}

/** Writes one field and notes it, when it changes. */
function changer(ctx: CoreContext, session: WriteSession, changes: Change[]) {
  return (table: SyncedTable, id: string, column: string, value: unknown) => {
    const before = (
      ctx.run.prepare(`SELECT ${column} AS value FROM ${table} WHERE id = ?`).get(id) as {
        value: Stored;
      }
    ).value;
    const after = storable(value);
    if (before === after) return;
    session.writeRow(table, id, { [column]: value });
    changes.push([table, id, column, before, after]);
  };
}

const ids = (ctx: CoreContext, sql: string, ...params: unknown[]) =>
  ctx.run
    .prepare(sql)
    .pluck()
    .all(...params) as string[];

function unitePhones(kept: string, merged: string): Phone[] {
  const phones = JSON.parse(kept) as Phone[];
  const digits = new Set(phones.map((phone) => phoneDigits(phone.number)));
  for (const phone of JSON.parse(merged) as Phone[]) {
    const key = phoneDigits(phone.number);
    if (digits.has(key) || phones.length >= MAX_PHONES) continue;
    digits.add(key);
    phones.push(phone);
  }
  return phones;
}

/** The value the kept guest ends with: the one staff chose, else the kept one, else (when it is empty) the other. */
function chosen(field: MergeField, kept: GuestRow, merged: GuestRow, take: MergeTake): unknown {
  const column = COLUMN_OF[field] as keyof GuestRow;
  const mine = kept[column];
  const theirs = merged[column];
  if (take[field] === 'merged') return theirs;
  if (take[field] === 'kept') return mine;
  return mine === '' ? theirs : mine;
}

export function mergeGuests(
  ctx: CoreContext,
  session: WriteSession,
  staffId: string | null,
  input: { keptId: string; mergedId: string; take: MergeTake },
): string {
  const { keptId, mergedId, take } = input;
  if (keptId === mergedId) throw new CallFailure('invalid_input', 'merge_same_guest');
  // An erased guest's rows stay blank for good, whatever card they later name (erasure/scrub-guest.ts): a merge
  // would blank what it moves onto or off that card, and its undo could not bring the text back.
  const kept = usableGuestRow(ctx, keptId);
  const merged = usableGuestRow(ctx, mergedId);
  const changes: Change[] = [];
  const set = changer(ctx, session, changes);
  const now = session.now();

  for (const stay of ids(ctx, 'SELECT id FROM stays WHERE guest_id = ?', mergedId)) {
    set('stays', stay, 'guest_id', keptId);
    // The kept guest was in the party of the merged one's stay: now they lead it.
    for (const place of ids(
      ctx,
      'SELECT id FROM stay_party WHERE stay_id = ? AND guest_id = ? AND deleted_at IS NULL',
      stay,
      keptId,
    )) {
      set('stay_party', place, 'deleted_at', now);
    }
  }
  const places = ctx.run
    .prepare('SELECT id, stay_id FROM stay_party WHERE guest_id = ? AND deleted_at IS NULL')
    .all(mergedId) as Array<{ id: string; stay_id: string }>;
  for (const place of places) {
    const lead = ctx.run.prepare('SELECT guest_id FROM stays WHERE id = ?').pluck().get(place.stay_id);
    const already = ctx.run
      .prepare('SELECT 1 FROM stay_party WHERE stay_id = ? AND guest_id = ? AND deleted_at IS NULL')
      .get(place.stay_id, keptId);
    if (lead === keptId || already) set('stay_party', place.id, 'deleted_at', now);
    else set('stay_party', place.id, 'guest_id', keptId);
  }
  for (const id of ids(ctx, 'SELECT id FROM allergies WHERE guest_id = ?', mergedId)) {
    set('allergies', id, 'guest_id', keptId);
  }
  for (const id of ids(ctx, 'SELECT id FROM requests WHERE guest_id = ?', mergedId)) {
    set('requests', id, 'guest_id', keptId);
  }
  for (const id of ids(ctx, 'SELECT id FROM banquets WHERE organiser_id = ?', mergedId)) {
    set('banquets', id, 'organiser_id', keptId);
  }
  const attended = ctx.run
    .prepare(
      'SELECT id, attendee_ids FROM banquets WHERE EXISTS (SELECT 1 FROM json_each(attendee_ids) WHERE value = ?)',
    )
    .all(mergedId) as Array<{ id: string; attendee_ids: string }>;
  for (const deal of attended) {
    const list = JSON.parse(deal.attendee_ids) as string[];
    const next = list.includes(keptId)
      ? list.filter((id) => id !== mergedId)
      : list.map((id) => (id === mergedId ? keptId : id));
    set('banquets', deal.id, 'attendee_ids', next);
  }
  for (const id of ids(ctx, 'SELECT id FROM follow_ups WHERE guest_id = ?', mergedId)) {
    set('follow_ups', id, 'guest_id', keptId);
  }
  const links = ctx.run
    .prepare(
      `SELECT id, guest_id, companion_id FROM guest_links
        WHERE (guest_id = @id OR companion_id = @id) AND deleted_at IS NULL`,
    )
    .all({ id: mergedId }) as Array<{ id: string; guest_id: string; companion_id: string }>;
  for (const link of links) {
    const column = link.guest_id === mergedId ? 'guest_id' : 'companion_id';
    const other = column === 'guest_id' ? link.companion_id : link.guest_id;
    const linkedAlready = ctx.run
      .prepare(
        `SELECT 1 FROM guest_links WHERE deleted_at IS NULL AND id <> @link
          AND ((guest_id = @kept AND companion_id = @other) OR (guest_id = @other AND companion_id = @kept))`,
      )
      .get({ link: link.id, kept: keptId, other });
    if (other === keptId || linkedAlready) set('guest_links', link.id, 'deleted_at', now);
    else set('guest_links', link.id, column, keptId);
  }

  for (const field of MERGE_FIELDS) {
    set('guests', keptId, COLUMN_OF[field], chosen(field, kept, merged, take));
  }
  set('guests', keptId, 'phones', unitePhones(kept.phones, merged.phones));
  set('guests', mergedId, 'deleted_at', now);
  set('guests', mergedId, 'merged_into', keptId);

  const id = mergeId(keptId, mergedId);
  const record = { changes, merged_by: staffId, undone_at: null, undone_by: null, created_at: now };
  const existing = ctx.run.prepare('SELECT 1 FROM guest_merges WHERE id = ?').get(id);
  session.writeRow('guest_merges', id, existing ? record : { kept_id: keptId, merged_id: mergedId, ...record });
  return id;
}

/** Puts back a list the merge changed when staff changed it since: the merged guest back in the kept one's place. */
function restoredAttendees(current: Stored, before: Stored, keptId: string, mergedId: string): string[] {
  const list = JSON.parse(String(current)) as string[];
  const was = JSON.parse(String(before)) as string[];
  if (list.includes(mergedId) || !was.includes(mergedId)) return list;
  if (was.includes(keptId)) return [...list, mergedId];
  return list.map((id) => (id === keptId ? mergedId : id));
}

/**
 * An allergy of the merged guest corrected on the kept card after the merge is a new record (it supersedes the
 * moved one). The moved record goes back, and so must its corrections: the allergy is the merged guest's, and
 * their card, arrivals and kitchen sheet must still warn of it.
 */
function followCorrections(
  ctx: CoreContext,
  session: WriteSession,
  changes: readonly Change[],
  keptId: string,
  mergedId: string,
) {
  const correctionsOf = ctx.run.prepare('SELECT id, guest_id FROM allergies WHERE supersedes = ?');
  const pending = changes
    .filter(([table, , column, before]) => table === 'allergies' && column === 'guest_id' && before === mergedId)
    .map(([, row]) => row);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const correction of correctionsOf.all(id) as Array<{ id: string; guest_id: string }>) {
      if (correction.guest_id === keptId) session.writeRow('allergies', correction.id, { guest_id: mergedId });
      pending.push(correction.id);
    }
  }
}

export function undoMerge(
  ctx: CoreContext,
  session: WriteSession,
  staffId: string | null,
  id: string,
): { keptId: string; mergedId: string } {
  const record = ctx.run.prepare('SELECT * FROM guest_merges WHERE id = ?').get(id) as
    | { kept_id: string; merged_id: string; changes: string; undone_at: string | null }
    | undefined;
  if (!record) throw new CallFailure('not_found', 'merge_not_found');
  if (record.undone_at) throw new CallFailure('conflict', 'merge_already_undone');
  // The kept card was merged into another since: what this merge moved onto it has moved on with it, and
  // undoing this one would bring the merged guest back with none of it. The later merge is undone first.
  const laterMerge = ctx.run
    .prepare('SELECT 1 FROM guest_merges WHERE merged_id = ? AND undone_at IS NULL')
    .get(record.kept_id);
  if (laterMerge) throw new CallFailure('conflict', 'merge_kept_merged_since');
  const changes = JSON.parse(record.changes) as Change[];
  // The merged guest first, so that everything moved back names a guest on record again.
  const order = [
    ...changes.filter(([table, row]) => table === 'guests' && row === record.merged_id),
    ...changes.filter(([table, row]) => !(table === 'guests' && row === record.merged_id)).reverse(),
  ];
  for (const [table, row, column, before, after] of order) {
    const current = (
      ctx.run.prepare(`SELECT ${column} AS value FROM ${table} WHERE id = ?`).get(row) as { value: Stored } | undefined
    )?.value;
    if (current === undefined) continue;
    if (current === after) {
      if (current !== before) session.writeRow(table, row, { [column]: before });
      continue;
    }
    // Changed since the merge: left as it is, but for the lists the merge edited, where only its own part goes back.
    if (table === 'banquets' && column === 'attendee_ids') {
      const next = restoredAttendees(current, before, record.kept_id, record.merged_id);
      if (JSON.stringify(next) !== current) session.writeRow(table, row, { [column]: next });
    } else if (table === 'guests' && column === 'phones') {
      const added = new Set(
        (JSON.parse(String(after)) as Phone[])
          .filter((phone) => !(JSON.parse(String(before)) as Phone[]).some((p) => p.number === phone.number))
          .map((phone) => phoneDigits(phone.number)),
      );
      const next = (JSON.parse(String(current)) as Phone[]).filter((phone) => !added.has(phoneDigits(phone.number)));
      if (JSON.stringify(next) !== current) session.writeRow(table, row, { [column]: next });
    }
  }
  followCorrections(ctx, session, changes, record.kept_id, record.merged_id);
  session.writeRow('guest_merges', id, { undone_at: session.now(), undone_by: staffId });
  return { keptId: record.kept_id, mergedId: record.merged_id };
}
