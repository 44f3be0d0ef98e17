import type { CoreContext } from '../context.ts';
import type { Lookups, Needs } from './history-replay.ts';

// The names a page of history shows, read in one query per kind for the whole page (the ids as one JSON
// parameter, looked up by primary key), so a page naming fifty companions costs three queries, not fifty.

export const HISTORY_NAME_STATEMENTS = {
  GUEST_NAMES: `SELECT id, family_name, given_name, family_reading, given_reading FROM guests
    WHERE id IN (SELECT value FROM json_each(?))`,
  STAFF_NAMES: 'SELECT id, name FROM staff WHERE id IN (SELECT value FROM json_each(?))',
  ALLERGEN_NAMES: 'SELECT id, name_ja, name_en FROM allergens WHERE id IN (SELECT value FROM json_each(?))',
};

type GuestNameRow = {
  id: string;
  family_name: string;
  given_name: string;
  family_reading: string;
  given_reading: string;
};

function idsOf(values: Iterable<unknown>): string {
  const ids = new Set<string>();
  for (const value of values) if (typeof value === 'string' && value !== '') ids.add(value);
  return JSON.stringify([...ids].sort());
}

/** Reads every name the drafts need (and the authors'), and answers for them. */
export function lookupNames(ctx: CoreContext, needs: readonly Needs[], authors: Iterable<string | null>): Lookups {
  const read = <R>(text: string, values: Iterable<unknown>) => ctx.run.prepare(text).all(idsOf(values)) as R[];
  const guests = new Map(
    read<GuestNameRow>(
      HISTORY_NAME_STATEMENTS.GUEST_NAMES,
      needs.flatMap((need) => need.guests ?? []),
    ).map((row) => [row.id, row]),
  );
  const staff = new Map(
    read<{ id: string; name: string }>(HISTORY_NAME_STATEMENTS.STAFF_NAMES, [
      ...needs.flatMap((need) => need.staff ?? []),
      ...authors,
    ]).map((row) => [row.id, row.name]),
  );
  const allergens = new Map(
    read<{ id: string; name_ja: string; name_en: string }>(
      HISTORY_NAME_STATEMENTS.ALLERGEN_NAMES,
      needs.flatMap((need) => need.allergens ?? []),
    ).map((row) => [row.id, row]),
  );
  return {
    guest(id) {
      const row = guests.get(id);
      return {
        id,
        familyName: row?.family_name ?? '',
        givenName: row?.given_name ?? '',
        familyReading: row?.family_reading ?? '',
        givenReading: row?.given_reading ?? '',
      };
    },
    staffName: (id) => (typeof id === 'string' ? (staff.get(id) ?? null) : null),
    allergen(allergenId, free) {
      if (typeof allergenId === 'string' && allergenId !== '') {
        const row = allergens.get(allergenId);
        return { nameJa: row?.name_ja ?? '', nameEn: row?.name_en ?? '' };
      }
      const text = typeof free === 'string' ? free : '';
      return { nameJa: text, nameEn: text };
    },
  };
}
