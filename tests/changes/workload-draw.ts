import type { Database } from 'better-sqlite3';
import { SEEDED_ALLERGENS, seededAllergenId } from '../../db/migrations/0002-service.ts';
import { ROLES } from '../../shared/contract/roles.ts';
import { addDays } from '../../shared/text/dates.ts';
import type { Random } from './workload-data.ts';

// What the workload's makers draw their inputs from: rows the database holds, days around today, roles, phones.

export type Input = Record<string, unknown>;
export type Maker = (w: WorkloadState) => Input | null;
export type WorkloadState = { db: Database; r: Random; today: string; demoChance: number };

export function ids(db: Database, sql: string, ...params: unknown[]): string[] {
  return db
    .prepare(sql)
    .pluck()
    .all(...params) as string[];
}

export function one(w: WorkloadState, sql: string, ...params: unknown[]): string | null {
  const found = ids(w.db, sql, ...params);
  return found.length ? w.r.pick(found) : null;
}

export const guest = (w: WorkloadState) => one(w, 'SELECT id FROM guests WHERE deleted_at IS NULL');
export const stay = (w: WorkloadState) => one(w, 'SELECT id FROM stays WHERE deleted_at IS NULL');
export const allergen = (w: WorkloadState) =>
  w.r.chance(0.8) ? seededAllergenId(w.r.int(1, SEEDED_ALLERGENS.length)) : one(w, 'SELECT id FROM allergens');
export const day = (w: WorkloadState, from: number, to: number) => addDays(w.today, w.r.int(from, to));
export const time = (w: WorkloadState, hour: number) => `${String(hour).padStart(2, '0')}:${w.r.pick(['00', '30'])}`;
export const roles = (w: WorkloadState) => {
  const picked = ROLES.filter(() => w.r.chance(0.3));
  return picked.length > 0 ? picked : [w.r.pick(ROLES)];
};
export const phones = (w: WorkloadState) =>
  Array.from({ length: w.r.int(0, 2) }, () => ({
    number: `090-${w.r.int(1000, 1009)}-${w.r.int(1000, 1003)}`,
    label: w.r.pick(['mobile', 'home', 'work', 'other']),
  }));
