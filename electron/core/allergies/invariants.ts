import type { InvariantCheck } from '../changes/conflicts.ts';
import type { DeriveContext } from '../changes/derived.ts';

// One current record per allergen and guest: the core refuses a second one here, but two PCs can each record
// えび for the same guest while apart, or each correct the same record. Both records stay current, so every
// screen shows both, the more severe first; the conflict asks staff to settle which one is true.

const GUEST_OF = 'SELECT guest_id FROM allergies WHERE id = ?';
const CURRENT = `SELECT id, allergen_id, free_allergen, severity FROM allergies
  WHERE guest_id = ? AND superseded_by IS NULL AND retracted_at IS NULL ORDER BY id`;

const SEVERITY_ORDER = ['anaphylaxis', 'allergy', 'intolerance', 'dislike'];

export function allergyChecks(ctx: DeriveContext): InvariantCheck[] {
  return [
    {
      kind: 'allergy_duplicate',
      subjects: {
        allergies: (id) => {
          const guest = ctx.prepare(GUEST_OF).pluck().get(id) as string | undefined;
          return guest ? [guest] : [];
        },
      },
      check(guestId) {
        const rows = ctx.prepare(CURRENT).all(guestId) as Array<{
          id: string;
          allergen_id: string | null;
          free_allergen: string;
          severity: string;
        }>;
        const groups = new Map<string, typeof rows>();
        for (const row of rows) {
          const key = row.allergen_id ?? `free:${row.free_allergen}`;
          groups.set(key, [...(groups.get(key) ?? []), row]);
        }
        return [...groups].flatMap(([allergen, records]) => {
          if (records.length < 2) return [];
          const bySeverity = [...records].sort(
            (a, b) =>
              SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.id.localeCompare(b.id),
          );
          return [
            {
              key: `${guestId}:${allergen}`,
              table: 'allergies',
              rowA: guestId,
              field: allergen,
              detail: {
                guestId,
                records: bySeverity.map((r) => ({ id: r.id, severity: r.severity })),
                severest: bySeverity[0]?.severity,
              },
            },
          ];
        });
      },
    },
  ];
}
