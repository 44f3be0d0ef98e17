import type { TFunction } from 'i18next';
import type { ManagerOverview } from '../../shared/contract/manager.ts';
import type { CsvCell } from '../../shared/text/csv.ts';
import { monthLabel } from '../banquets/report-tables.ts';
import { formatMinutes } from './format.ts';

// Each figure of the manager's view as a table with translated headers: what its card shows and what its
// 「CSVで保存」 writes (numbers as numbers, yen as whole yen), so the file and the screen never disagree.

export type FigureTable = { header: string[]; rows: CsvCell[][] };

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export function arrivalsTable(view: ManagerOverview, t: TFunction, dayLabel: (day: string) => string): FigureTable {
  return {
    header: [
      t('manager.arrivals.bucket'),
      t('manager.arrivals.total'),
      t('manager.arrivals.firstTime'),
      t('manager.arrivals.returning'),
      `${t('manager.arrivals.rate')} (%)`,
      t('manager.arrivals.revenue'),
    ],
    rows: view.buckets.map((bucket) => [
      t('manager.period', { from: dayLabel(bucket.from), to: dayLabel(bucket.to) }),
      bucket.arrivals,
      bucket.arrivals - bucket.returning,
      bucket.returning,
      share(bucket.returning, bucket.arrivals),
      bucket.staysYen,
    ]),
  };
}

export function revenueTable(view: ManagerOverview, t: TFunction, locale: string): FigureTable {
  return {
    header: [t('manager.revenue.month'), t('manager.revenue.stays'), t('manager.revenue.banquets')],
    rows: view.revenueByMonth.map((row) => [monthLabel(row.month, locale), row.staysYen, row.banquetsYen]),
  };
}

export function requestsTable(view: ManagerOverview, t: TFunction): FigureTable {
  return {
    header: [
      t('manager.requests.category'),
      t('manager.requests.total'),
      t('manager.requests.done'),
      t('manager.requests.open'),
      t('manager.requests.cancelled'),
      t('manager.requests.median'),
      t('manager.requests.p90'),
    ],
    rows: view.requests.map((row) => [
      t(`codes.requestCategory.${row.category}`),
      row.total,
      row.done,
      row.open,
      row.cancelled,
      formatMinutes(row.medianMinutes, t),
      formatMinutes(row.p90Minutes, t),
    ]),
  };
}

export function rankTable(view: ManagerOverview, t: TFunction): FigureTable {
  return {
    header: [t('manager.rank.rank'), t('manager.rank.stays'), t('manager.rank.revenue')],
    rows: (view.revenueByRank ?? []).map((row) => [row.rank || t('manager.rank.none'), row.stays, row.staysYen]),
  };
}

export const ALLERGY_FIGURES = ['recorded', 'confirmed', 'overdue', 'needsReview'] as const;

export function allergiesTable(view: ManagerOverview, t: TFunction): FigureTable {
  return {
    header: [t('manager.allergies.figure'), t('manager.allergies.count')],
    rows: ALLERGY_FIGURES.map((figure) => [t(`manager.allergies.${figure}`), view.allergies[figure]]),
  };
}

export const STAFF_KINDS = ['guests', 'requests', 'allergies', 'served'] as const;

export function staffTable(view: ManagerOverview, t: TFunction): FigureTable {
  const all = view.staff.reduce((sum, person) => sum + person.total, 0);
  return {
    header: [
      t('manager.staff.name'),
      ...STAFF_KINDS.map((kind) => t(`manager.staff.${kind}`)),
      t('manager.staff.total'),
      `${t('manager.staff.share')} (%)`,
    ],
    rows: view.staff.map((person) => [
      person.active ? person.name : `${person.name}${t('manager.staff.inactive')}`,
      ...STAFF_KINDS.map((kind) => person[kind]),
      person.total,
      share(person.total, all),
    ]),
  };
}
