import type { ImportKind } from '../../../shared/contract/import-codes.ts';
import type { ImportCounts } from '../../../shared/contract/imports.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { SalesCounts } from '../../../shared/contract/sales-import.ts';
import { SET_ASIDE_WORDS, setAsideReasonWords } from '../../../shared/i18n/import-labels.ts';
import { personIdOf } from '../access/check.ts';
import { recordAccess } from '../access/record.ts';
import type { Actor, CoreContext, Handlers } from '../context.ts';
import { toCsv } from '../files/csv.ts';
import type { SearchIndex } from '../guests/search-index.ts';
import { duplicatesAfterImport } from './duplicates.ts';
import type { ColumnMapping } from './mapping.ts';
import { buildPlan, type ImportPlan, PREVIEW_ROWS } from './plan.ts';
import { ledgerErrorDetailKey } from './read/errors.ts';
import { LedgerReadError } from './read/index.ts';
import { withSmallPageCache } from './small-page-cache.ts';
import { findImport, undoImport } from './undo.ts';
import { writeImport } from './write.ts';

export type ImportCalls = 'imports.preview' | 'imports.run' | 'imports.setAsideFile' | 'imports.list' | 'imports.undo';

/**
 * An import's write slices are longer than other jobs' (12 ms): each commit writes every page it touched, and a
 * guest's ~58 search terms land on pages all over the index, so ten guests a commit wrote most pages several
 * times over. 60 ms slices took a fifth off a 20,000-row import's CPU time and half its system time; a search
 * typed meanwhile waits at most one slice.
 */
const IMPORT_SLICE_MS = 60;
const SET_ASIDE_SHOWN = 200;
/** Plans kept for the next step (run after preview, the set-aside file): a 100,000-row plan is large. */
const PLANS_KEPT = 2;

/** A ledger's counts as they are; a sales import's under `sales`, its rows also counted as a ledger's. */
function importedCounts(kind: ImportKind, text: string): { counts: ImportCounts; sales: SalesCounts | null } {
  if (kind === 'ledger') return { counts: JSON.parse(text) as ImportCounts, sales: null };
  const sales = JSON.parse(text) as SalesCounts;
  const counts = { rows: sales.rows, newGuests: 0, matchedGuests: 0, repeatRows: 0, stays: 0, allergies: 0 };
  return { counts: { ...counts, setAside: 0, changes: 0 }, sales };
}

export function importHandlers(ctx: CoreContext, searchIndex: SearchIndex): Handlers<ImportCalls> {
  const plans = new Map<string, ImportPlan>();
  const planKey = (upload: string, mapping: ColumnMapping | undefined) =>
    `${upload}|${JSON.stringify(mapping ?? null)}`;

  /** The plan of an upload under a mapping, made once and kept for the steps that follow. */
  const planFor = async (upload: string, mapping: ColumnMapping | undefined): Promise<ImportPlan> => {
    const key = planKey(upload, mapping);
    const kept = plans.get(key);
    if (kept) return kept;
    const file = ctx.files.uploaded(upload);
    let plan: ImportPlan;
    try {
      plan = await ctx.jobs.runAsync('import.read', (job) => buildPlan(ctx, file, mapping, job));
    } catch (error) {
      // What is wrong with the file itself, said in the person's words (errors.detail.<code>).
      if (!(error instanceof LedgerReadError)) throw error;
      if (error.code === 'cancelled') throw new CallFailure('cancelled');
      const params = Object.fromEntries(Object.entries(error.detail ?? {}).map(([k, v]) => [k, String(v)]));
      throw new CallFailure('invalid_input', ledgerErrorDetailKey(error.code), undefined, params);
    }
    plans.set(key, plan);
    // The mapping the plan settled on is the one the screen sends next: keep the plan under it too.
    plans.set(planKey(upload, plan.mapping), plan);
    while (plans.size > PLANS_KEPT * 2) plans.delete(plans.keys().next().value as string);
    return plan;
  };

  /**
   * Writes an upload's plan as one batch. Its own function so that the plan (tens of MB at 100,000 rows) is no
   * longer reachable when it returns: kept in the caller's frame, it stayed alive through the duplicate scan.
   */
  const writePlanned = async (
    upload: string,
    mapping: ColumnMapping | undefined,
    actor: Actor,
  ): Promise<{ importId: string; counts: ImportCounts }> => {
    const plan = await planFor(upload, mapping);
    if (plan.mappingIssues.length > 0) throw new CallFailure('invalid_input', 'import_mapping_incomplete');
    if (plan.persons.length === 0) throw new CallFailure('invalid_input', 'import_nothing_to_import');
    // Once its writing starts, the plan is the write's alone, which uses it up as it goes (write.ts). Written,
    // whole or in part (stopped, failed), it holds people who are now guests: the next step on this upload
    // plans it again and matches them instead of writing them twice.
    for (const [key, kept] of plans) if (kept === plan) plans.delete(key);
    const importId = ctx.newId();
    const total = plan.persons.length;
    const counts = await ctx.jobs.run(
      'import.write',
      (slice) => writeImport(ctx, actor, slice, plan, importId, searchIndex),
      total,
      { sliceMs: IMPORT_SLICE_MS },
    );
    return { importId, counts };
  };

  return {
    'imports.preview': async ({ upload, mapping }) => {
      const plan = await planFor(upload, mapping);
      const preview = [];
      for (const row of plan.rows) {
        if (preview.length >= PREVIEW_ROWS) break;
        if (!row.clean || row.setAside || row.person === null) continue;
        const person = plan.persons[row.person];
        const guest = row.clean.guest;
        const earlier = person && person.firstLine !== row.line && !person.existing;
        preview.push({
          line: row.line,
          familyName: guest.familyName,
          givenName: guest.givenName,
          familyReading: guest.familyReading,
          givenReading: guest.givenReading,
          phones: guest.phones,
          postalCode: guest.postalCode,
          address: guest.address,
          birthday: guest.birthday,
          email: guest.email,
          arrivalDate: row.clean.stay?.arrivalDate ?? null,
          departureDate: row.clean.stay?.departureDate ?? null,
          rooms: row.clean.stay?.rooms ?? [],
          amountYen: row.clean.stay ? row.clean.stay.amountYen : null,
          allergies: row.clean.allergies,
          match: person?.existing ? ('existing' as const) : earlier ? ('earlier_row' as const) : ('new' as const),
          matchedName: person?.existing?.name ?? null,
          matchedLine: earlier ? (person?.firstLine ?? null) : null,
          changes: row.clean.changes,
        });
      }
      return {
        fileName: plan.fileName,
        format: plan.table.format,
        encoding: plan.table.encoding ?? null,
        sheetName: plan.table.sheetName ?? null,
        headerLine: plan.table.headerLine,
        header: plan.table.header,
        mapping: plan.mapping,
        mappingSource: plan.mappingSource,
        mappingIssues: plan.mappingIssues,
        counts: plan.counts,
        preview,
        setAside: plan.rows
          .filter((row) => row.setAside)
          .slice(0, SET_ASIDE_SHOWN)
          .map((row) => row.setAside as NonNullable<typeof row.setAside>),
        changeSummary: plan.changeSummary,
      };
    },

    'imports.run': async ({ upload, mapping }, actor) => {
      return withSmallPageCache(ctx.db, async () => {
        const { importId, counts } = await writePlanned(upload, mapping, actor);
        ctx.logger.info(
          `import ${importId}: ${counts.newGuests} new guests, ${counts.stays} stays, ${counts.setAside} rows set aside`,
        );
        // The plan is out of reach by now (writePlanned held it): the scan's own keys do not pile on top of it.
        const possibleDuplicates = await duplicatesAfterImport(ctx, actor, importId, counts.newGuests);
        return { import: importId, counts, possibleDuplicates };
      });
    },

    'imports.setAsideFile': async ({ upload, mapping, language }, actor) => {
      const plan = await planFor(upload, mapping);
      const words = SET_ASIDE_WORDS[language];
      const aside = plan.rows.filter((row) => row.setAside);
      const rows = [
        [words.line, words.reason, ...plan.table.header],
        ...aside.map((row) => [
          String(row.line),
          setAsideReasonWords(row.setAside?.reason ?? '', language),
          ...row.cells,
        ]),
      ];
      const stem = plan.fileName.replace(/\.[^.]+$/, '');
      const name = `${stem}-${language === 'ja' ? '取り込まなかった行' : 'rows-not-imported'}.csv`;
      const file = ctx.files.put({ name, type: 'text/csv', bytes: toCsv(rows), madeFor: personIdOf(actor.grant) });
      // The ledger's own rows, names and phones included, leave again as a file: an export like any other.
      recordAccess(ctx, actor, {
        action: 'exported',
        detail: { what: 'set_aside', format: 'csv', rows: aside.length },
      });
      return { file, name, rows: aside.length };
    },

    'imports.list': () => {
      const rows = ctx.db
        .prepare(
          `SELECT i.id, i.kind, i.file_name, i.created_at, i.counts, i.finished_at, i.undone_at,
                  s.name AS staff_name, u.name AS undone_by_name
             FROM imports i LEFT JOIN staff s ON s.id = i.staff_id LEFT JOIN staff u ON u.id = i.undone_by
            ORDER BY i.created_at DESC LIMIT 200`,
        )
        .all() as Array<{
        id: string;
        kind: ImportKind;
        file_name: string;
        created_at: string;
        counts: string;
        finished_at: string | null;
        undone_at: string | null;
        staff_name: string | null;
        undone_by_name: string | null;
      }>;
      return {
        imports: rows.map((row) => ({
          id: row.id,
          kind: row.kind,
          fileName: row.file_name,
          createdAt: row.created_at,
          staffName: row.staff_name,
          ...importedCounts(row.kind, row.counts),
          finished: row.finished_at !== null,
          undoneAt: row.undone_at,
          undoneByName: row.undone_by_name,
        })),
      };
    },

    'imports.undo': async ({ import: importId }, actor) => {
      findImport(ctx, importId);
      return ctx.jobs.run('import.undo', (slice) => undoImport(ctx, actor, slice, importId));
    },
  };
}
