import type { Database } from 'better-sqlite3';
import type { ChangeEngine } from '../changes/engine.ts';
import type { Logger } from '../context.ts';
import { GUEST_TEXT_FIELDS } from './fields.ts';
import { createGuestScrub } from './scrub-guest.ts';

// Erasure on a guest's request, wired into the core (create-core.ts): whatever deletes or rewrites a page
// overwrites the old bytes with zeros, so an erased name does not linger in the file's free space; every write to a
// row that holds a guest's text, and every erasure, goes through the scrub (scrub-guest.ts); and after a commit
// that erased someone the WAL is checkpointed and truncated, so the old pages do not linger there either.

export function wireErasure(db: Database, changes: ChangeEngine, logger: Logger) {
  db.pragma('secure_delete = ON');
  const guestScrub = createGuestScrub(db, changes);
  let erasedSinceCheckpoint = false;
  for (const { table } of GUEST_TEXT_FIELDS) {
    changes.onRowWritten(table, (_before, after, touched) => guestScrub.onTextRowWritten(table, after, touched));
  }
  changes.onRowWritten('erasures', (_before, after, touched) => {
    guestScrub.onErasureWritten(after, touched);
    erasedSinceCheckpoint = true;
  });
  return {
    /** After a commit: if it erased someone, the WAL is copied and truncated now. */
    truncateAfterErasure() {
      if (!erasedSinceCheckpoint || db.inTransaction || !db.open || db.memory) return;
      erasedSinceCheckpoint = false;
      try {
        // A reader still on an older snapshot (a backup being copied) keeps the WAL: try again after the next commit.
        const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
        if (result?.busy) erasedSinceCheckpoint = true;
      } catch (error) {
        erasedSinceCheckpoint = true;
        logger.warn('WAL checkpoint after an erasure failed', error);
      }
    },
  };
}
