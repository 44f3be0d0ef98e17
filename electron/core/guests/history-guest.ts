import { GUEST_FIELDS, INVERSE_RELATIONSHIP, type Relationship } from '../../../shared/contract/guests.ts';
import type { HistoryChange } from '../../../shared/contract/history.ts';
import { COLUMN_OF } from './columns.ts';
import { type Draft, fixed, type Interpreter, type RowState } from './history-replay.ts';

// What writes of the guest's own row and of their companion links read as.

type GuestValue = Extract<HistoryChange, { kind: 'guestField' }>['to'];

export function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** One row per field changed, in the form's order; a new guest's empty fields say nothing. */
export const guestDrafts: Interpreter = ({ before, after, changed }) => {
  const drafts: Draft[] = [];
  if (changed.has('deleted_at')) {
    drafts.push(
      fixed({ kind: after.deleted_at === null || after.deleted_at === undefined ? 'guestRestored' : 'guestDeleted' }),
    );
  }
  for (const field of GUEST_FIELDS) {
    const column = COLUMN_OF[field];
    if (!changed.has(column)) continue;
    const from = (before?.[column] ?? null) as GuestValue | null;
    const to = after[column] as GuestValue;
    if (from === null && isBlank(to)) continue;
    drafts.push(fixed({ kind: 'guestField', field, from, to }));
  }
  return drafts;
};

/** The other guest of a link and the relationship as seen from this guest (a link reads both ways). */
function seenFrom(link: RowState, guestId: string): { otherId: string; relationship: Relationship } {
  const recordedHere = link.guest_id === guestId;
  const recorded = (link.relationship ?? 'other') as Relationship;
  return {
    otherId: String((recordedHere ? link.companion_id : link.guest_id) ?? ''),
    relationship: recordedHere ? recorded : (INVERSE_RELATIONSHIP[recorded] ?? recorded),
  };
}

/** One row per change of a link: made (or made again after removal), removed, or the relationship changed. */
export const linkDrafts: Interpreter = ({ before, after, changed }, _states, guestId) => {
  const now = seenFrom(after, guestId);
  const needs = { guests: [now.otherId] };
  const removed = after.deleted_at !== null && after.deleted_at !== undefined;
  if (changed.has('deleted_at') && removed) {
    return [{ needs, build: (names) => ({ kind: 'companionUnlinked', guest: names.guest(now.otherId) }) }];
  }
  if (removed) return [];
  if (!before || changed.has('deleted_at')) {
    const { relationship } = now;
    return [{ needs, build: (names) => ({ kind: 'companionLinked', guest: names.guest(now.otherId), relationship }) }];
  }
  if (seenFrom(before, guestId).relationship === now.relationship) return [];
  const { relationship } = now;
  return [
    { needs, build: (names) => ({ kind: 'companionRelationship', guest: names.guest(now.otherId), relationship }) },
  ];
};
