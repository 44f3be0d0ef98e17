import type { Database } from 'better-sqlite3';

// For the 宿泊者名簿 (the register the Inns and Hotels Act requires): an erased guest's register fields are no
// longer on the guest row but kept with the erasure record until the hold ends (plan.ts). The register reads
// them here; no other screen, search or export does.

export type HeldRegisterFields = Record<string, unknown>;

/** The register fields held for an erased guest (guests column name → value), or null when none are held. */
export function heldRegisterFields(db: Database, guestId: string): HeldRegisterFields | null {
  const held = db.prepare('SELECT held FROM erasures WHERE guest_id = ? AND held IS NOT NULL').pluck().get(guestId) as
    | string
    | undefined;
  if (!held) return null;
  try {
    return JSON.parse(held) as HeldRegisterFields;
  } catch {
    return null;
  }
}
