// An edit refused because someone changed the same fields after the form was opened (`conflict` /
// `edited_since`): which fields, both values, who and when, and the record's version now. Forms show it with
// ConflictPanel and let staff choose per field: keep mine (send again with the new version) or take theirs
// (their value goes into the field, so it is no longer a change). This file has no React, so tests can use it.

import type { CallError } from '../../shared/contract/index.ts';
import { CallErrorException } from '../api/client.ts';

export type FieldChange = NonNullable<CallError['changes']>[number];
export type EditConflict = { changes: FieldChange[]; version: number };
export type Choice = 'mine' | 'theirs';

/** The conflict in a failed call, or null when the failure is something else. */
export function editConflictOf(error: unknown): EditConflict | null {
  const failure = error instanceof CallErrorException ? error.error : undefined;
  if (failure?.code !== 'conflict' || failure.detail !== 'edited_since') return null;
  if (!failure.changes?.length || failure.version === undefined) return null;
  return { changes: failure.changes, version: failure.version };
}

/** The form field a stored column is: the contract names fields as the columns, in camelCase. */
export function fieldOfColumn(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Which form field a change is. Most forms: the column's (fieldOfColumn); settings: the row's id. */
export type FieldOf = (change: FieldChange) => string;
export const byColumn: FieldOf = (change) => fieldOfColumn(change.column);

/** A change's own key (one record may conflict in several rows, as settings do). Choices are kept by it. */
export function changeKey(change: FieldChange): string {
  return `${change.table}.${change.id}.${change.column}`;
}

/**
 * A value as the core stores it (lists as JSON text, flags as 0/1), in the shape the form holds for that field
 * (`like`: the form's current value).
 */
export function decodeStored(stored: unknown, like: unknown): unknown {
  if (typeof like === 'boolean') return stored === 1 || stored === true;
  if (typeof like === 'object' && like !== null && typeof stored === 'string') {
    try {
      return JSON.parse(stored);
    } catch {
      return like;
    }
  }
  if (typeof like === 'number') return typeof stored === 'number' ? stored : Number(stored);
  if (stored === null || stored === undefined) return like === null ? null : '';
  return typeof stored === 'string' || typeof stored === 'number' ? stored : String(stored);
}

/** The form's values with "take theirs" applied (choices by changeKey): their value in each field chosen so. */
export function applyChoices<V extends object>(
  values: V,
  conflict: EditConflict,
  choices: Readonly<Record<string, Choice>>,
  fieldOf: FieldOf = byColumn,
): V {
  const next = { ...values } as Record<string, unknown>;
  for (const change of conflict.changes) {
    const field = fieldOf(change);
    if (choices[changeKey(change)] === 'theirs' && field in next) {
      next[field] = decodeStored(change.theirs, next[field]);
    }
  }
  return next as V;
}
