import type { InvariantCheck } from '../changes/conflicts.ts';
import type { DeriveContext } from '../changes/derived.ts';

// One current record per allergen and guest: the core refuses a second one here, but two PCs can each record
// えび for the same guest while apart, or each correct the same record. Both records stay current, so every
// screen shows both, the more severe first; the conflict asks staff to settle which one is true.

const GUEST_OF = 'SELECT guest_id FROM allergies WHERE id = ?';
// A record can move to another guest (a 名寄せ merge, and its undo): the guest it left may hold a conflict that
// names it, which must be checked again too, or one PC keeps a stale conflict the other never had.
const NAMED_BY = `SELECT row_a FROM conflicts WHERE kind = 'allergy_duplicate' AND instr(detail, ?) > 0`;
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
          const named = ctx.prepare(NAMED_BY).pluck().all(`"${id}"`) as string[];
          return [...new Set([...(guest ? [guest] : []), ...named])];
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
