import type { InvariantCheck } from '../changes/conflicts.ts';
import type { DeriveContext } from '../changes/derived.ts';

// A stay's dates only make sense together: one PC moving the arrival later while another moves the departure
// earlier can leave a departure before the arrival, which no form allows. That is a conflict for staff.

const STAY = 'SELECT arrival_date, departure_date, deleted_at FROM stays WHERE id = ?';

export function stayChecks(ctx: DeriveContext): InvariantCheck[] {
  return [
    {
      kind: 'field_group',
      subjects: { stays: (id) => [id] },
      columns: { stays: ['arrival_date', 'departure_date', 'deleted_at'] },
      check(id) {
        const row = ctx.prepare(STAY).get(id) as
          | { arrival_date: string; departure_date: string; deleted_at: string | null }
          | undefined;
        if (!row || row.deleted_at !== null || row.departure_date >= row.arrival_date) return [];
        return [
          {
            key: `stays:${id}:dates`,
            table: 'stays',
            rowA: id,
            field: 'dates',
            detail: { group: 'dates', arrival: row.arrival_date, departure: row.departure_date },
          },
        ];
      },
    },
  ];
}
