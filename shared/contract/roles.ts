import { z } from 'zod';

// Who may see and do what (docs/roles.md). A staff member holds one or more roles; each role holds
// permissions; every call of the contract needs one access (shared/contract/permissions.ts), checked by the
// core's dispatcher before the handler runs, reads included. The screens hide what the person's permissions
// do not allow (staff.list answers them), but the core is what refuses.

/** The roles an inn gives its people. A person may hold several (a small inn's 女将 is owner and front). */
export const ROLES = ['owner', 'manager', 'front', 'service', 'kitchen', 'banquet'] as const;
export type Role = (typeof ROLES)[number];

/** What the migration and a staff.create without roles give a member: the day-to-day work, no management. */
export const OPERATIONAL_ROLES: readonly Role[] = ['front', 'service', 'kitchen', 'banquet'];

/** The roles that manage the inn: they may manage staff and hold every permission. */
export const MANAGING_ROLES: readonly Role[] = ['owner', 'manager'];

/**
 * Permissions, each a thing staff would name ("see phone numbers", "export"). A call needs one of them, or is
 * open to anyone chosen at this PC ('staff'), or to anyone at all, even before someone is chosen ('anyone':
 * what the first run and the lock screen need).
 */
export const PERMISSIONS = [
  'guests.read', // find guests and open their cards: names, readings, notes, companions, history
  'guests.contact', // phones, email, postcode, address and birthday on cards, in search hits and history
  'guests.edit', // record and change guests, link companions, look up a postcode
  'guests.delete', // delete and restore guest cards
  'stays.read', // open stays
  'stays.edit', // record and change stays
  'allergies.read', // a guest's allergies, the allergen catalogue
  'allergies.record', // record, correct, retract, restore and re-confirm allergies
  'requests.read', // a guest's requests
  'requests.record', // take requests, mark them done or open again
  'arrivals.read', // today's arrivals and their printed sheets
  'kitchen.read', // dishes, courses, menus and what was served
  'kitchen.plan', // plan menus for a stay and change them
  'served.record', // record what was served and how it was received
  'catalogue.edit', // the allergen, dish and course catalogues
  'banquets.read', // deals, the hall calendar, halls, follow-up calls
  'banquets.edit', // take and move deals, halls, follow-up calls
  'reports.read', // the banquet reports, the manager's figures and sales by guest
  'registers.print', // the 宿泊者名簿 the law requires (nationality, passport number): print, PDF, CSV
  'privacy.manage', // the access log, disclosing a guest's records to them, the retention review, erasure
  'ranks.manage', // the rank rules, a guest's rank set by hand, recomputing ranks
  'conflicts.resolve', // what two PCs recorded apart: list and decide
  'staff.manage', // add staff, change their roles, set anyone's PIN, deactivate them
  'settings.change', // the inn's settings (PINs required, idle lock, periods, time zone)
  'export', // write records out to Excel or CSV, download made files
  'import', // bring a ledger in, undo an import
  'duplicates.merge', // 名寄せ: scan, merge and undo merges
  'backups.manage', // back up, configure backups, restore a backup
  'sync.manage', // LAN sync: turn it on or off, pair a PC, remove one from the group
  'system.maintain', // maintenance (rebuild the search index, sample data into a register with staff)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The access a call needs: a permission, anyone chosen at this PC, or anyone (even nobody chosen). */
export type Access = Permission | 'staff' | 'anyone';

const ALL: readonly Permission[] = PERMISSIONS;

/**
 * Which role holds which permission. Owner and manager hold all of them; what sets the owner apart is in the
 * staff rules (only an owner grants owner or changes an owner; the last owner cannot be removed).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  owner: ALL,
  manager: ALL,
  // The desk: guests and their contact details, stays, allergies, requests, arrivals; sees menus and deals.
  front: [
    'guests.read',
    'guests.contact',
    'guests.edit',
    'stays.read',
    'stays.edit',
    'allergies.read',
    'allergies.record',
    'requests.read',
    'requests.record',
    'arrivals.read',
    'registers.print',
    'kitchen.read',
    'banquets.read',
    'conflicts.resolve',
  ],
  // The floor (仲居, 客室係, ホール): requests, allergies, what is served; names but no contact details.
  service: [
    'guests.read',
    'stays.read',
    'allergies.read',
    'allergies.record',
    'requests.read',
    'requests.record',
    'arrivals.read',
    'kitchen.read',
    'served.record',
    'banquets.read',
  ],
  // The kitchen: allergies, dishes, menus and the kitchen views; names but no contact details.
  kitchen: [
    'guests.read',
    'stays.read',
    'allergies.read',
    'allergies.record',
    'requests.read',
    'arrivals.read',
    'kitchen.read',
    'kitchen.plan',
    'served.record',
    'catalogue.edit',
    'banquets.read',
  ],
  // Banquet sales: deals, halls, follow-ups, and guests with their phones (an organiser is called back).
  banquet: [
    'guests.read',
    'guests.contact',
    'guests.edit',
    'stays.read',
    'allergies.read',
    'allergies.record',
    'requests.read',
    'requests.record',
    'kitchen.read',
    'banquets.read',
    'banquets.edit',
  ],
};

/** Every permission the roles hold together, in PERMISSIONS order. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  const held = new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
  return PERMISSIONS.filter((permission) => held.has(permission));
}

/** Whether a person holding `roles` (null: nobody chosen at this PC) may make a call that needs `access`. */
export function allows(roles: readonly Role[] | null, access: Access): boolean {
  if (access === 'anyone') return true;
  if (roles === null) return false;
  if (access === 'staff') return true;
  return roles.some((role) => ROLE_PERMISSIONS[role]?.includes(access));
}

// PINs. Four to eight digits: what a person types on a shared desk PC in a second, long enough that five tries
// before a lockout guess a four-digit PIN one time in 2,000. Stored only as a salted scrypt hash.
export const PIN_MIN_DIGITS = 4;
export const PIN_MAX_DIGITS = 8;
/** A whole PIN, once full-width digits are folded: PIN_MIN_DIGITS to PIN_MAX_DIGITS digits. */
export const PIN_PATTERN = new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`);
/** Wrong PINs in a row, on one PC, before that person is locked out there. */
export const PIN_MAX_ATTEMPTS = 5;
/**
 * How long a lockout lasts. Five minutes stops guessing (at most 5 tries per 5 minutes: a four-digit PIN takes
 * weeks on average) without leaving the person unable to work for long; a manager can end it at once by
 * setting a new PIN.
 */
export const PIN_LOCK_MINUTES = 5;

/** A PIN as typed: digits (full-width digits from an IME become ASCII), 4 to 8 of them. */
export const pinSchema = z
  .string({ error: 'pin_format' })
  .transform((value) => value.normalize('NFKC').trim())
  .pipe(z.string().regex(PIN_PATTERN, { error: 'pin_format' }));

export const rolesSchema = z
  .array(z.enum(ROLES, { error: 'invalid_choice' }), { error: 'invalid_type' })
  .min(1, { error: 'roles_required' })
  .max(ROLES.length, { error: 'too_many' })
  .transform((roles) => ROLES.filter((role) => roles.includes(role)));

/** The idle lock: minutes without a key or a click before the screen locks; 0 never locks. */
export const IDLE_LOCK_MAX_MINUTES = 240;

/**
 * The guest fields only a person with `guests.contact` sees: cards, search hits and the history of a person
 * without it have them blank (the kitchen and the floor see names, allergies and requests, not how to reach
 * the guest). A new personal field (nationality, passport number) belongs here too.
 */
export const CONTACT_FIELDS = [
  'phones',
  'email',
  'postalCode',
  'address',
  'birthday',
  'nationality',
  'passportNumber',
] as const;
