import { useState } from 'react';
import { applyChoices, type Choice, type EditConflict, editConflictOf, type FieldOf } from './edit-conflict.ts';

// An edit form's version and conflict, the same way in every form: send `version` with the update; when the
// answer is a conflict, `caught` keeps it for ConflictPanel; `resolve` applies staff's choices and gives the
// values and the version to send again.

export function useEditConflict(initialVersion: number | undefined) {
  const [version, setVersion] = useState(initialVersion);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  return {
    /** The version the edit is based on: the record's when the form opened, then the one staff resolved against. */
    version,
    conflict,
    /** True (and the conflict shown) when a failed save was refused as edited since. */
    caught(error: unknown): boolean {
      const found = editConflictOf(error);
      setConflict(found);
      return found !== null;
    },
    clear() {
      setConflict(null);
    },
    /** A form that stays open after saving edits on from what it saved: the version the save answered. */
    rebase(next: number) {
      setVersion(next);
    },
    /** Keep mine: the version now on record. Take theirs: their value in the field. Null when nothing is shown. */
    resolve<V extends object>(
      values: V,
      choices: Record<string, Choice>,
      fieldOf?: FieldOf,
    ): { values: V; version: number } | null {
      if (!conflict) return null;
      setVersion(conflict.version);
      setConflict(null);
      return { values: applyChoices(values, conflict, choices, fieldOf), version: conflict.version };
    },
  };
}
