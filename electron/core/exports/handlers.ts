import type { AccessDetail } from '../../../shared/contract/access-log.ts';
import type { ExportFormat, ExportKind } from '../../../shared/contract/exports.ts';
import { EXPORT_LABELS } from '../../../shared/i18n/export-labels.ts';
import { personIdOf } from '../access/check.ts';
import { recordAccess } from '../access/record.ts';
import type { CoreContext, Handlers } from '../context.ts';
import type { HeldFile } from '../files/store.ts';
import { createCsvWriter } from './csv-writer.ts';
import { type ExportRun, runExport } from './run.ts';
import { createXlsxWriter } from './xlsx-writer.ts';

// exports.run: the file is made as an asynchronous job (run.ts), then handed to the file store for the screen to download
// (files.download). Only that hand-over knows where the bytes go.

const TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

/** yadocho-お客様-2026-12-03.csv, yadocho-台帳-2026-12-03.xlsx: the kind, and the inn's day it was made. */
function fileName(ctx: CoreContext, run: ExportRun, format: ExportFormat): string {
  const words = EXPORT_LABELS[run.language].file;
  const what = run.kinds.length === 1 ? words[run.kinds[0] as ExportKind] : words.workbook;
  return `yadocho-${what}-${ctx.today()}.${format}`;
}

function exportDetail(run: ExportRun, format: ExportFormat, rows: number): AccessDetail {
  const { filter } = run;
  const dates = filter.by === 'dates' ? { from: filter.from, to: filter.to } : {};
  return { what: 'register', kinds: [...run.kinds], format, filter: filter.by, ...dates, rows };
}

function handOver(ctx: CoreContext, file: HeldFile): string {
  return ctx.files.put(file);
}

export function exportHandlers(ctx: CoreContext): Handlers<'exports.run'> {
  return {
    'exports.run': async ({ kinds, format, filter, language }, actor) => {
      const run: ExportRun = { kinds, filter, language };
      const started = performance.now();
      const makeWriter = format === 'xlsx' ? createXlsxWriter : createCsvWriter;
      const result = await ctx.jobs.runAsync('export.run', (job) => runExport(ctx, run, makeWriter, job));
      const name = fileName(ctx, run, format);
      const file = handOver(ctx, { name, type: TYPES[format], bytes: result.bytes, madeFor: personIdOf(actor.grant) });
      // Recorded once the file exists (a stopped export made none). The search words are not kept: they may be a
      // guest's name or phone (shared/contract/access-log.ts).
      recordAccess(ctx, actor, { action: 'exported', detail: exportDetail(run, format, result.rows) });
      ctx.logger.info(
        `export: ${result.rows} rows of ${kinds.join(', ')} to ${format} (${result.bytes.length} bytes) in ${Math.round(performance.now() - started)} ms`,
      );
      return { file, name, rows: result.rows };
    },
  };
}
