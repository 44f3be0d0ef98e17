import type { CallName } from './index.ts';
import type { Access, Permission } from './roles.ts';

// The access every call needs, in one table: a call added to the contract without a line here fails the
// typecheck. The core's dispatcher checks it before the handler runs (electron/core/access/check.ts); a
// refusal is `forbidden` / `forbidden_role` naming the permission, and nothing runs.
//
// 'anyone': also with nobody chosen at this PC (the first run, the lock screen). 'staff': anyone chosen.
// Some handlers check more than the table can say: whose PIN may be set (staff.setPin), who may grant owner
// (staff.create, staff.update), stopping a job (jobs.cancel needs what starting it needed), downloading a made
// file (only its maker's); guest-reading calls hide contact details from a person without guests.contact
// (electron/core/access/redact.ts).
export const CALL_ACCESS: Readonly<Record<CallName, Access>> = {
  'system.info': 'anyone',
  // Sample data: before anyone is chosen only into a register without guests (the first start with --demo, as
  // before roles); a person chosen needs system.maintain (electron/core/system/handlers.ts checks both).
  'demo.load': 'anyone',
  'system.rebuildSearchIndex': 'system.maintain',
  'jobs.list': 'staff',
  'jobs.cancel': 'staff',
  'settings.get': 'anyone',
  'settings.update': 'settings.change',
  'staff.list': 'anyone',
  'staff.create': 'staff.manage',
  'staff.update': 'staff.manage',
  'staff.setCurrent': 'anyone',
  'staff.clearCurrent': 'anyone',
  'staff.lock': 'anyone',
  'staff.setPin': 'staff',
  'guests.search': 'guests.read',
  'guests.get': 'guests.read',
  'guests.similar': 'guests.read',
  'guests.create': 'guests.edit',
  'guests.update': 'guests.edit',
  'guests.delete': 'guests.delete',
  'guests.restore': 'guests.delete',
  'guests.listDeleted': 'guests.delete',
  'guests.linkCompanion': 'guests.edit',
  'guests.unlinkCompanion': 'guests.edit',
  'addresses.byPostcode': 'guests.edit',
  'guests.history': 'guests.read',
  'stays.create': 'stays.edit',
  'stays.update': 'stays.edit',
  'stays.get': 'stays.read',
  'allergens.list': 'allergies.read',
  'allergens.create': 'catalogue.edit',
  'allergens.update': 'catalogue.edit',
  'allergens.delete': 'catalogue.edit',
  'allergens.restore': 'catalogue.edit',
  'allergies.record': 'allergies.record',
  'allergies.correct': 'allergies.record',
  'allergies.retract': 'allergies.record',
  'allergies.restore': 'allergies.record',
  'allergies.confirm': 'allergies.record',
  'allergies.forGuest': 'allergies.read',
  'requests.record': 'requests.record',
  'requests.setStatus': 'requests.record',
  'requests.forGuest': 'requests.read',
  'dishes.list': 'kitchen.read',
  'dishes.create': 'catalogue.edit',
  'dishes.update': 'catalogue.edit',
  'dishes.delete': 'catalogue.edit',
  'dishes.restore': 'catalogue.edit',
  'courses.list': 'kitchen.read',
  'courses.create': 'catalogue.edit',
  'courses.update': 'catalogue.edit',
  'courses.delete': 'catalogue.edit',
  'served.record': 'served.record',
  'served.react': 'served.record',
  'served.retract': 'served.record',
  'served.forStay': 'kitchen.read',
  'menus.check': 'kitchen.read',
  'menus.plan': 'kitchen.plan',
  'menus.update': 'kitchen.plan',
  'menus.serve': 'served.record',
  'menus.forStay': 'kitchen.read',
  'guests.service': 'guests.read',
  'arrivals.forDate': 'arrivals.read',
  'halls.list': 'banquets.read',
  'halls.create': 'banquets.edit',
  'halls.update': 'banquets.edit',
  'halls.delete': 'banquets.edit',
  'halls.restore': 'banquets.edit',
  'banquets.create': 'banquets.edit',
  'banquets.update': 'banquets.edit',
  'banquets.advance': 'banquets.edit',
  'banquets.get': 'banquets.read',
  'banquets.list': 'banquets.read',
  'banquets.calendar': 'banquets.read',
  'banquets.report': 'reports.read',
  'followUps.list': 'banquets.read',
  'followUps.setStatus': 'banquets.edit',
  'conflicts.list': 'conflicts.resolve',
  'conflicts.decide': 'conflicts.resolve',
  'conflicts.held': 'conflicts.resolve',
  'conflicts.acceptHeld': 'conflicts.resolve',
  'exports.run': 'export',
  'files.upload': 'import',
  // A made file downloads only for the person whose call made it (electron/core/files/store.ts): the export,
  // 宿泊者名簿 or disclosure that made it needed the permission.
  'files.download': 'staff',
  'imports.preview': 'import',
  'imports.run': 'import',
  'imports.setAsideFile': 'import',
  'imports.list': 'import',
  'imports.undo': 'import',
  'imports.salesPreview': 'import',
  'imports.salesRun': 'import',
  // Whether backups are being taken is shown to everyone (the banner asks someone to tell a manager).
  'backups.status': 'staff',
  'backups.configure': 'backups.manage',
  'backups.run': 'backups.manage',
  'backups.list': 'backups.manage',
  'backups.restore': 'backups.manage',
  // Whether this PC syncs, and with whom, is shown to everyone (the header's indicator); pairing and removing
  // a PC, turning sync on or off, is the owner's and the manager's.
  'sync.status': 'staff',
  'sync.configure': 'sync.manage',
  'sync.invite': 'sync.manage',
  'sync.join': 'sync.manage',
  'sync.enterCode': 'sync.manage',
  'sync.confirm': 'sync.manage',
  'sync.cancelPairing': 'sync.manage',
  'sync.remove': 'sync.manage',
  'duplicates.scan': 'duplicates.merge',
  'duplicates.list': 'duplicates.merge',
  'duplicates.decide': 'duplicates.merge',
  'duplicates.merge': 'duplicates.merge',
  'duplicates.undoMerge': 'duplicates.merge',
  'duplicates.merges': 'duplicates.merge',
  // 閲覧記録: reading it is the managers'; a printed sheet is recorded by whoever printed it.
  'accessLog.list': 'privacy.manage',
  'accessLog.sheetPrinted': 'staff',
  // The guest's rights and the law (docs/guest-rights.md): the 宿泊者名簿 is the desk's; what is disclosed to a
  // guest and who has been quiet for years are the managers'.
  'registers.guestRegister': 'registers.print',
  'registers.guestRegisterFile': 'registers.print',
  'guests.disclose': 'privacy.manage',
  'guests.retentionReview': 'privacy.manage',
  // Erasure on a guest's request (docs/erasure.md): a manager's decision, never the desk's.
  'guests.erasurePlan': 'privacy.manage',
  'guests.erase': 'privacy.manage',
  // 顧客ランク (docs/guest-rank.md): everyone sees a guest's rank and the rule names (the card, the search, the
  // arrivals); the rules and a rank given by hand are the managers'.
  'ranks.rules': 'staff',
  'ranks.ofGuest': 'guests.read',
  'ranks.updateRules': 'ranks.manage',
  'ranks.preview': 'ranks.manage',
  'ranks.setManual': 'ranks.manage',
  'ranks.recompute': 'ranks.manage',
  // 運営の振り返り (docs/manager-view.md): what was recorded and what it led to, sales included.
  'manager.overview': 'reports.read',
  'manager.list': 'reports.read',
};

/**
 * Whether a person holding `permissions` (staff.list's answer for the person at this PC) may make the call:
 * what the screens use to hide a button the core would refuse. With nobody chosen, pass null.
 */
export function mayCall(permissions: readonly Permission[] | null, name: CallName): boolean {
  const access = CALL_ACCESS[name];
  if (access === 'anyone') return true;
  if (permissions === null) return false;
  return access === 'staff' || permissions.includes(access);
}
