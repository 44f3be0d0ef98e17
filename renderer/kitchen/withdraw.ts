import i18next from 'i18next';
import { attempt, notifySuccess } from '../app/notify.ts';

/**
 * Withdraws a catalogue record, or brings a withdrawn one back, and says which by its name. Records are
 * never deleted: withdrawing is a tombstone that keeps what was served and recorded with it readable.
 */
export async function toggleWithdrawn(
  record: { deletedAt: string | null },
  name: string,
  calls: { withdraw: () => Promise<unknown>; restore: () => Promise<unknown> },
): Promise<void> {
  const withdrawn = record.deletedAt !== null;
  const result = await attempt(withdrawn ? calls.restore : calls.withdraw);
  if (result) {
    notifySuccess(
      i18next.t(withdrawn ? 'kitchen.catalogue.restoredNotice' : 'kitchen.catalogue.withdrawnNotice', { name }),
    );
  }
}
