import type { ExportFilter, ExportKind } from '../../../shared/contract/exports.ts';
import { EXPORT_LABELS } from '../../../shared/i18n/export-labels.ts';
import type { CoreContext } from '../context.ts';
import type { SliceClock, SliceProgress } from '../jobs/runner.ts';
import { COLUMNS } from './columns.ts';
import { type Language, readerOf } from './rows.ts';
import { countsOf, selectInSlices } from './selection.ts';
import type { TableWriter } from './table-writer.ts';

// An export as a job body (jobs/runner.ts: a generator, each stretch between two yields one synchronous
// slice). The first slices gather what is taken (selection.ts) and count it: the progress bar's total, in
// guests or stays passed per table. Reading is synchronous (better-sqlite3) and the .xlsx writer is a stream,
// so the two meet like this:
// - a slice reads batches of rows and hands them to the writer until its time is used, then yields; the
//   zip compresses what it was given during the turn of the event loop the runner leaves between slices;
// - when the writer's backlog (written but not yet taken by the zip) is over BACKLOG_LIMIT, the job yields
//   without reading, each time asking the runner to wait a millisecond (`until`) rather than one turn, so
//   the event loop sleeps while zlib compresses on its thread, until the backlog has drained: memory stays
//   bounded at any number of rows (without it the whole XML waited in memory: 1 GB for the bench register);
// - at the end the writer finishes asynchronously (the zip's last entries): the job yields once more, asking
//   the runner to wait for that promise, so the file is whole when the job ends.
// A cancel closes the generator at a slice boundary: its `finally` drops the writer, so no file is made.

const BACKLOG_LIMIT = 4 * 1024 * 1024;
const DRAIN_WAIT_MS = 1;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type ExportRun = { kinds: ExportKind[]; filter: ExportFilter; language: Language };
export type ExportResult = { bytes: Buffer; rows: number };

export function* exportInSlices(
  ctx: CoreContext,
  run: ExportRun,
  makeWriter: () => TableWriter,
  slice: SliceClock,
): Generator<SliceProgress, ExportResult, void> {
  let finished = false;
  let writer: TableWriter | undefined;
  try {
    writer = makeWriter();
    const selection = yield* selectInSlices(ctx, run.filter, slice);
    const counts = countsOf(ctx, selection);
    const total = run.kinds.reduce((sum, kind) => sum + (kind === 'stays' ? counts.stays : counts.guests), 0);
    const words = EXPORT_LABELS[run.language];
    let done = 0;
    let rows = 0;
    // Units grow past the first count when guests are added meanwhile: the bar never goes past its end.
    const progress = () => ({ done: Math.min(done, total), total });

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
        if (slice.due()) {
          yield progress();
          const open = writer;
          while (open.backlog() > BACKLOG_LIMIT) yield { ...progress(), until: pause(DRAIN_WAIT_MS) };
        }
      }
      writer.end();
    }

    let outcome: { bytes: Buffer } | { error: unknown } | undefined;
    const settled = writer.finish().then(
      (bytes) => {
        outcome = { bytes };
      },
      (error: unknown) => {
        outcome = { error };
      },
    );
    while (outcome === undefined) yield { ...progress(), until: settled };
    if ('error' in outcome) throw outcome.error;
    finished = true;
    return { bytes: outcome.bytes, rows };
  } finally {
    if (!finished) writer?.abort();
  }
}
