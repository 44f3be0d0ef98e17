import type { Database, Statement } from 'better-sqlite3';

// A statement over one origin's transactions (log_tx by node and stamp), prepared in two forms: one that leaves
// out the transactions of one call (sample data's demo.load, which sync never ships nor counts), and one that
// reads them all. The second walks the index log_tx_origin (node, hlc) alone, where the first reads each row for
// its call: a count of a new PC's backlog of 1.2 million transactions took 45 ms against 80-100. So the whole
// form serves every register that never held sample data. The SQL marks where the condition goes with
// `/*skip*/`, and the call left out is the named parameter @skip. Used by origins.ts and export.ts.

const MARK = '/*skip*/';

/** The form for a call to leave out (`skip`, a log_calls number), or the whole one when there is none. */
export type OriginForms = (skip: number | null) => Statement;

export function originForms(db: Database, sql: string, options: { pluck?: boolean } = {}): OriginForms {
  if (!sql.includes(MARK)) throw new Error(`an origin's statement must mark its condition with ${MARK}: ${sql}`);
  const leavingOut = db.prepare(sql.replace(MARK, 'AND call IS NOT @skip'));
  const whole = db.prepare(sql.replace(MARK, ''));
  if (options.pluck) {
    leavingOut.pluck();
    whole.pluck();
  }
  return (skip) => (skip === null ? whole : leavingOut);
}
