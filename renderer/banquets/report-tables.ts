// The report's four tables, with translated headers and labels: what each card's chart draws and what its
// 「CSVで保存」 writes. Pure (the translation comes in), so the CSV and the chart never disagree.

import type { BanquetReport } from '../../shared/contract/banquets.ts';
import type { CsvCell } from './csv.ts';

type Translate = (key: string) => string;

export type ReportTable = { header: string[]; rows: CsvCell[][] };

export function pipelineTable(report: BanquetReport, t: Translate): ReportTable {
  return {
    header: [t('banquet.reports.stage'), t('banquet.reports.count'), t('banquet.reports.valueYen')],
    rows: report.pipeline.map((row) => [t(`banquet.codes.stage.${row.stage}`), row.count, row.valueYen]),
  };
}

export function lostTable(report: BanquetReport, t: Translate): ReportTable {
  return {
    header: [
      t('banquet.reports.breakdown'),
      t('banquet.reports.item'),
      t('banquet.reports.count'),
      t('banquet.reports.valueYen'),
    ],
    rows: [
      ...report.lostByReason.map((row): CsvCell[] => [
        t('banquet.reports.byReason'),
        t(`banquet.codes.lostReason.${row.reason}`),
        row.count,
        row.valueYen,
      ]),
      ...report.lostByCompetitor.map((row): CsvCell[] => [
        t('banquet.reports.byCompetitor'),
        row.competitor || t('banquet.reports.unknownCompetitor'),
        row.count,
        row.valueYen,
      ]),
    ],
  };
}

/** 2026-11 → 2026年11月 / Nov 2026 */
export function monthLabel(month: string, locale: string): string {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
}

export function revenueTable(report: BanquetReport, t: Translate, locale: string): ReportTable {
  return {
    header: [t('banquet.reports.month'), t('banquet.reports.heldCount'), t('banquet.reports.revenueYen')],
    rows: report.revenueByMonth.map((row) => [monthLabel(row.month, locale), row.count, row.valueYen]),
  };
}

/** Hit rate in percent with one decimal; null when nothing of that type was decided. */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

export function hitRateTable(report: BanquetReport, t: Translate): ReportTable {
  return {
    header: [
      t('banquet.reports.type'),
      t('banquet.reports.won'),
      t('banquet.reports.lost'),
      t('banquet.reports.hitRate'),
    ],
    rows: report.hitRateByType.map((row) => [
      t(`banquet.codes.type.${row.type}`),
      row.won,
      row.lost,
      percent(row.rate),
    ]),
  };
}
