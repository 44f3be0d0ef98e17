import type { Translation } from '../../shared/i18n/translation.ts';
import type { jaErasure, jaErasureErrors } from './erasure.ja.ts';

// English words of erasure on a guest's request. Same keys as erasure.ja.ts.
export const enErasure: Translation<typeof jaErasure> = {
  button: 'Erase (guest’s request)',
  title: 'Erase this guest’s data on their request',
  loading: 'Checking what would be erased…',
  erased: 'Erased',
  erasedList:
    'Name, reading, romaji, phone numbers, email, postcode, address, birthday, organisation, note, the free text of requests, allergies, stays and follow-ups, earlier values in the history, merge records and the search. Erased on every synced PC.',
  kept: 'Kept',
  keptList:
    'Stays (how many, dates, amounts), dishes served, allergens and severities and request categories stay for the statistics, under the anonymous id {{id}}.',
  holdTitle: 'Kept because the law requires it',
  holdBody:
    'Because of a stay up to {{date}}, the guest register fields of the Inns and Hotels Act (name, address, contact; nationality and passport number for guests living abroad) are kept for the register only until {{until}}, and erased automatically the day after. They do not show on ordinary screens or in the search.',
  noHold: 'No stay in the last three years: all personal data is erased now.',
  mergedCards_one: '{{count}} card merged into this guest is erased too.',
  mergedCards_other: '{{count}} cards merged into this guest are erased too.',
  backupsTitle: 'Backups',
  backupsNone: 'The backup folder holds no backup made before the erasure.',
  backups_one:
    '{{count}} backup made before the erasure still holds this guest’s data. Delete it from the backup folder if needed:',
  backups_other:
    '{{count}} backups made before the erasure still hold this guest’s data. Delete them from the backup folder if needed:',
  irreversible: 'This cannot be undone.',
  reason: 'Reason (when and by whom it was asked)',
  reasonPlaceholder: 'e.g. asked by the guest by phone on 3 December',
  confirm: 'Erase',
  done: 'The guest’s data was erased',
  erasedTitle: 'Erased guest',
  erasedId: 'Anonymous id: {{id}}',
  erasedAt: 'Erased on the guest’s request, {{when}}',
  erasedKept: 'The number and amounts of stays are kept for the statistics.',
  erasedHold: 'The guest register fields are kept for the register only until {{until}}.',
  erasedReleased: 'The register’s period has ended too: everything is erased.',
  erasedName: '(erased)',
};

export const enErasureErrors: Record<keyof typeof jaErasureErrors, string> = {
  guest_already_erased: 'This guest is already erased',
  guest_erase_merged: 'This card was merged into another guest: erase the card it was merged into.',
  guest_erased: 'This guest was erased on their request and cannot be changed.',
  guest_edited_since: 'This guest was changed after you opened the card. Open it again, then erase.',
};
