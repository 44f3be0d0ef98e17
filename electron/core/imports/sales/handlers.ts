import { CallFailure } from '../../../../shared/contract/result.ts';
import type { CoreContext, Handlers } from '../../context.ts';
import type { ColumnMapping } from '../mapping.ts';
import { ledgerErrorDetailKey } from '../read/errors.ts';
import { LedgerReadError } from '../read/index.ts';
import { buildSalesPlan, type SalesPlan } from './plan.ts';
import { writeSales } from './write.ts';

export type SalesImportCalls = 'imports.salesPreview' | 'imports.salesRun';

// The sales import's calls. Unlike the ledger's, a plan is not kept from the preview for the run: the run
// matches again, so the amounts it records as "before" (what the undo puts back) are the stays' amounts at the
// moment it writes, not at the preview (staff may have edited a stay in between).

export function salesImportHandlers(ctx: CoreContext): Handlers<SalesImportCalls> {
  const plan = async (upload: string, mapping: ColumnMapping | undefined): Promise<SalesPlan> => {
    const file = ctx.files.uploaded(upload);
    try {
      return await ctx.jobs.runAsync('import.read', (job) => buildSalesPlan(ctx, file, mapping, job));
    } catch (error) {
      // What is wrong with the file itself, in the ledger import's words (errors.detail.ledger_<code>).
      if (!(error instanceof LedgerReadError)) throw error;
      if (error.code === 'cancelled') throw new CallFailure('cancelled');
      const params = Object.fromEntries(Object.entries(error.detail ?? {}).map(([k, v]) => [k, String(v)]));
      throw new CallFailure('invalid_input', ledgerErrorDetailKey(error.code), undefined, params);
    }
  };

  return {
    'imports.salesPreview': async ({ upload, mapping }) => {
      const found = await plan(upload, mapping);
      return {
        fileName: found.fileName,
        format: found.table.format,
        encoding: found.table.encoding ?? null,
        headerLine: found.table.headerLine,
        header: found.table.header,
        mapping: found.mapping,
        mappingSource: found.mappingSource,
        mappingIssues: found.mappingIssues,
        counts: found.counts,
        rows: found.rows,
      };
    },

    'imports.salesRun': async ({ upload, mapping }, actor) => {
      const found = await plan(upload, mapping);
      if (found.mappingIssues.length > 0) throw new CallFailure('invalid_input', 'import_mapping_incomplete');
      if (found.counts.stays === 0) throw new CallFailure('invalid_input', 'import_nothing_to_import');
      const importId = ctx.newId();
      const counts = await ctx.jobs.run('import.write', () => writeSales(actor, found, importId));
      ctx.logger.info(`sales import ${importId}: ${counts.stays} stays' amounts set from ${counts.rows} rows`);
      return { import: importId, counts };
    },
  };
}
