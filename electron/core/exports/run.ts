import type { ExportFilter, ExportKind } from '../../../shared/contract/exports.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { EXPORT_LABELS } from '../../../shared/i18n/export-labels.ts';
import type { CoreContext } from '../context.ts';
import type { AsyncJob } from '../jobs/runner.ts';
import { COLUMNS } from './columns.ts';
import { type Language, readerOf } from './rows.ts';
import { countsOf, selectionOf } from './selection.ts';
import type { TableWriter } from './table-writer.ts';

// An export as an asynchronous job (jobs.runAsync): reading is synchronous (better-sqlite3) and the .xlsx
// writer is a stream whose zip compresses on zlib's thread, so the two meet like this:
// - first the selection (selection.ts) is gathered and counted: the progress bar's total, in guests or stays
//   passed per table;
// - then batches of rows are read and handed to the writer until the slice's time is used (`due`), and the
//   job pauses a turn of the event loop (`pause`), where other calls are answered and a cancel is seen;
// - when the writer's backlog (written but not yet taken by the zip) is over BACKLOG_LIMIT, the job waits a
//   millisecond at a time (a timer, so the loop sleeps while zlib works rather than spinning through turns)
//   until it has drained: memory stays bounded at any number of rows (without it the whole XML waited in
//   memory: 1 GB for the bench register);
// - at the end it awaits the workbook's final commit, so the file is whole when the job ends.
// A cancel makes the next pause throw `cancelled`; the `finally` drops the writer, so no file is made.

const BACKLOG_LIMIT = 4 * 1024 * 1024;
const DRAIN_WAIT_MS = 1;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type ExportRun = { kinds: ExportKind[]; filter: ExportFilter; language: Language };
export type ExportResult = { bytes: Buffer; rows: number };

export async function runExport(
  ctx: CoreContext,
  run: ExportRun,
  makeWriter: () => TableWriter,
  job: AsyncJob,
): Promise<ExportResult> {
  const writer = makeWriter();
  let finished = false;
  const stopIfCancelled = () => {
    if (job.signal.aborted) throw new CallFailure('cancelled');
  };
  try {
    const selection = await selectionOf(ctx, run.filter, job);
    const counts = countsOf(ctx, selection);
    const total = run.kinds.reduce((sum, kind) => sum + (kind === 'stays' ? counts.stays : counts.guests), 0);
    const words = EXPORT_LABELS[run.language];
    let done = 0;
    let rows = 0;
    // Units grow past the first count when guests are added meanwhile: the bar never goes past its end.
    const report = () => job.report({ done: Math.min(done, total), total });
    report();

    for (const kind of run.kinds) {
      const columns = COLUMNS[kind];
      writer.begin(
        words.sheet[kind],
        columns,
        columns.map((column) => words.column[column.name]),
      );
      const read = readerOf(ctx, kind, selection, run.language);
      for (;;) {
        const batch = read();
        if (!batch) break;
        writer.rows(batch.rows);
        rows += batch.rows.length;
        done += batch.units;
        if (job.due()) {
          report();
          await job.pause();
          while (writer.backlog() > BACKLOG_LIMIT) {
            await sleep(DRAIN_WAIT_MS);
            stopIfCancelled();
          }
        }
      }
      writer.end();
    }

    const bytes = await writer.finish();
    stopIfCancelled();
    finished = true;
    return { bytes, rows };
  } finally {
    if (!finished) writer.abort();
  }
}
