import { addYears } from '../../../shared/text/dates.ts';
import { ourBackups, takenAt } from '../backups/files.ts';
import { createBackupStateStore } from '../backups/state.ts';
import type { CoreContext } from '../context.ts';
import { blankOf, registerColumns } from './fields.ts';

// What an erasure keeps, and for how long. The Inns and Hotels Act (旅館業法) makes the inn keep the guest
// register (宿泊者名簿: name, address, contact; nationality and passport number for a guest living abroad) for
// three years. So when the guest stayed within the last three years, those fields are held, for the register
// only, until three years after the last such stay; a guest with no stay in that time is erased fully at once.

export const HOLD_YEARS = 3;

/** Stays that count: the guest's own or as a party member, not deleted, not cancelled or a no-show. */
const LAST_STAY = `
  SELECT max(departure_date) FROM (
    SELECT departure_date FROM stays
     WHERE guest_id = @guest AND deleted_at IS NULL AND status NOT IN ('cancelled', 'no_show')
    UNION ALL
    SELECT s.departure_date FROM stay_party p JOIN stays s ON s.id = p.stay_id
     WHERE p.guest_id = @guest AND p.deleted_at IS NULL AND s.deleted_at IS NULL
       AND s.status NOT IN ('cancelled', 'no_show'))
   WHERE departure_date >= @since`;

export type ErasurePlan = {
  guestId: string;
  lastStay: string | null;
  holdUntil: string | null;
  heldFields: string[];
  held: Record<string, unknown> | null;
  backupsBefore: Array<{ name: string; takenAt: string }>;
  mergedCards: number;
};

/** Backups in the backup folder: all made before now, so all still hold the guest. */
export function backupsHoldingData(ctx: CoreContext): Array<{ name: string; takenAt: string }> {
  const folder = createBackupStateStore(ctx.db.name).read().settings.folder;
  if (!folder) return [];
  try {
    return ourBackups(folder).map((backup) => ({
      name: backup.name,
      takenAt: takenAt(backup.name, ctx.timeZone()) ?? '',
    }));
  } catch {
    return []; // the folder is not there (a USB drive unplugged): nothing to list
  }
}

export function erasurePlan(ctx: CoreContext, guest: Record<string, unknown> & { id: string }): ErasurePlan {
  const today = ctx.today();
  const lastStay = ctx.run
    .prepare(LAST_STAY)
    .pluck()
    .get({
      guest: guest.id,
      since: addYears(today, -HOLD_YEARS),
    }) as string | null;
  const holdUntil = lastStay ? addYears(lastStay, HOLD_YEARS) : null;
  const held = holdUntil
    ? Object.fromEntries(
        registerColumns()
          .filter((column) => guest[column.name] !== undefined && guest[column.name] !== blankOf(column))
          .map((column) => [column.name, guest[column.name]]),
      )
    : null;
  const mergedCards = ctx.run
    .prepare('SELECT count(*) FROM guests WHERE merged_into = ?')
    .pluck()
    .get(guest.id) as number;
  return {
    guestId: guest.id,
    lastStay,
    holdUntil: held && Object.keys(held).length > 0 ? holdUntil : null,
    heldFields: held ? Object.keys(held) : [],
    held: held && Object.keys(held).length > 0 ? held : null,
    backupsBefore: backupsHoldingData(ctx),
    mergedCards,
  };
}
