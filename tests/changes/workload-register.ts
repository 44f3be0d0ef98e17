import { DUPLICATE_DECISIONS, MERGE_FIELDS } from '../../shared/contract/duplicate-codes.ts';
import { guest, type Maker, one } from './workload-draw.ts';

// The register's write calls for the workload (workload.ts): 名寄せ, erasure and guest ranks.

export const REGISTER_MAKERS: Record<string, Maker> = {
  'duplicates.decide': (w) => {
    const [a, b] = [guest(w), guest(w)];
    return a && b && a !== b ? { guestA: a, guestB: b, decision: w.r.pick(DUPLICATE_DECISIONS) } : null;
  },
  'duplicates.merge': (w) => {
    const [kept, merged] = [guest(w), guest(w)];
    if (!kept || !merged || kept === merged) return null;
    const take = Object.fromEntries(
      MERGE_FIELDS.filter(() => w.r.chance(0.3)).map((field) => [field, w.r.pick(['kept', 'merged'])]),
    );
    return { keptId: kept, mergedId: merged, take };
  },
  // Erasure on a guest's request: rare, as at an inn; every PC must then blank the guest's row and log alike.
  'guests.erase': (w) => {
    if (!w.r.chance(0.1)) return null;
    const id = one(w, 'SELECT id FROM guests WHERE merged_into IS NULL AND id NOT IN (SELECT guest_id FROM erasures)');
    return id ? { id, reason: '本人の求め' } : null;
  },
  'ranks.updateRules': (w) => ({
    rules: w.r.pick([
      [],
      [
        { name: 'VIP', manual: true, minVisits: null, minSpendYen: null, years: 1, combine: 'and' },
        { name: 'ゴールド', manual: false, minVisits: 2, minSpendYen: 50_000, years: 3, combine: 'or' },
        { name: '常連', manual: false, minVisits: 1, minSpendYen: null, years: 1, combine: 'and' },
      ],
      [{ name: '常連', manual: false, minVisits: null, minSpendYen: 0, years: 2, combine: 'and' }],
    ]),
  }),
  // Refused (rank_not_manual) while the rules have no VIP: as staff would meet it.
  'ranks.setManual': (w) => {
    const id = guest(w);
    return id ? { guestId: id, rank: w.r.chance(0.7) ? 'VIP' : null } : null;
  },
  'duplicates.undoMerge': (w) => {
    const id = one(w, 'SELECT id FROM guest_merges WHERE undone_at IS NULL');
    return id ? { id } : null;
  },
};
