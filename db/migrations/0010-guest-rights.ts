import type { Migration } from './migration.ts';

// The guest's rights and the register the Inns and Hotels Act requires (electron/core/guest-rights/).
//
// guests.nationality, guests.passport_number (synced): for a guest without an address in Japan, the 宿泊者名簿
// must also hold their nationality and passport number (旅館業法施行規則 第4条の2). The nationality is an
// ISO 3166-1 alpha-2 code (JP, US, KR…), shown with its name in the screen's language; the passport number is
// letters and digits as printed, upper case. Both are empty for a guest living in Japan.
//
// Migration number 10 is reserved for this branch (8 roles, 9 access log, 11 erasure, 12 guest rank).

export const guestRights: Migration = {
  version: 10,
  name: 'guest-rights',
  sql: `
    ALTER TABLE guests ADD COLUMN nationality TEXT NOT NULL DEFAULT '';
    ALTER TABLE guests ADD COLUMN passport_number TEXT NOT NULL DEFAULT '';
  `,
};
