import type { Database } from 'better-sqlite3';
import type { Result } from '../../../shared/contract/result.ts';

// Answers to write calls that carried a request id, kept for a week: a screen or another system that lost an
// answer (a dropped connection, a timeout) sends the same call with the same id again, and gets the first
// answer instead of recording twice. Local to this PC, never synced. The answer is kept in the same
// transaction as the write, so either both are on record or neither is.

const KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export function createRequestLog(db: Database, clock: () => number) {
  const find = db.prepare('SELECT call, result FROM request_log WHERE id = ?');
  const keep = db.prepare('INSERT INTO request_log (id, call, at, result) VALUES (?, ?, ?, ?)');
  db.prepare('DELETE FROM request_log WHERE at < ?').run(clock() - KEEP_MS);
  return {
    /** The answer already given to this request id, or a refusal if the id was used for another call. */
    find(id: string, call: string): Result<unknown> | undefined {
      const row = find.get(id) as { call: string; result: string } | undefined;
      if (!row) return undefined;
      if (row.call !== call) return { ok: false, error: { code: 'conflict', detail: 'request_id_reused' } };
      return JSON.parse(row.result) as Result<unknown>;
    },
    keep(id: string, call: string, result: Result<unknown>) {
      keep.run(id, call, clock(), JSON.stringify(result));
    },
  };
}
