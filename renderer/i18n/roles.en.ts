import type { Translation } from '../../shared/i18n/translation.ts';
import type { jaRoleErrors, jaRoleFields, jaRoles } from './roles.ja.ts';

// English words of roles and permissions. Same keys as roles.ja.ts.
export const enRoles: Translation<typeof jaRoles> = {
  role: {
    owner: 'Owner',
    manager: 'Manager',
    front: 'Front desk',
    service: 'Service',
    kitchen: 'Kitchen',
    banquet: 'Banquet sales',
  },
  // Read as the subject of "… is not allowed for your roles".
  permission: {
    guests: {
      read: 'Finding guests and opening their cards',
      contact: 'Seeing phone numbers, email, addresses and birthdays',
      edit: 'Recording and changing guests',
      delete: 'Deleting and restoring guests',
    },
    stays: { read: 'Opening stays', edit: 'Recording and changing stays' },
    allergies: { read: 'Seeing allergies', record: 'Recording allergies' },
    requests: { read: 'Seeing requests', record: 'Recording requests' },
    arrivals: { read: 'Seeing today’s arrivals' },
    kitchen: { read: 'Seeing dishes and menus', plan: 'Planning menus' },
    served: { record: 'Recording what was served' },
    catalogue: { edit: 'Managing dishes and allergens' },
    banquets: { read: 'Seeing banquets', edit: 'Recording and changing banquets' },
    reports: { read: 'Seeing reports' },
    registers: { print: 'Printing the guest register (宿泊者名簿)' },
    privacy: { manage: 'The access log, disclosure and erasure of guest records' },
    ranks: { manage: 'Managing guest ranks' },
    conflicts: { resolve: 'Reviewing conflicts between PCs' },
    staff: { manage: 'Managing staff' },
    settings: { change: 'Changing settings' },
    export: 'Exporting records',
    import: 'Importing a ledger',
    duplicates: { merge: 'Reviewing and merging duplicates' },
    backups: { manage: 'Managing and restoring backups' },
    sync: { manage: 'Setting up sync, adding and removing PCs' },
    system: { maintain: 'System maintenance' },
  },
};

export const enRoleErrors: Record<keyof typeof jaRoleErrors, string> = {
  forbidden_role: '$t(roles.permission.{{permission}}) is not allowed for your roles. Ask an owner or a manager.',
  pin_required: 'Enter the PIN',
  pin_wrong: 'Wrong PIN. Tries left before this person is locked out for a while: {{attemptsLeft}}.',
  staff_locked_out:
    'Too many wrong PINs: this person can be chosen on this PC again at {{time}}. If it is urgent, a manager can set a new PIN.',
  pin_not_set: 'This person has no PIN yet. Ask an owner or a manager to set one.',
  pin_needed_first: 'Set your own PIN before making PINs required.',
  last_owner: 'The last owner cannot be removed. Make someone else owner first.',
  owner_only: 'Only an owner can make someone owner or change an owner’s roles, PIN or whether they work here.',
  roles_not_held: 'You cannot give yourself roles you do not hold.',
};

export const enRoleFields: Record<keyof typeof jaRoleFields, string> = {
  pin_format: 'A PIN is 4 to 8 digits',
  roles_required: 'Choose at least one role',
  idle_lock_too_long: 'At most 240 minutes (0 never locks by itself)',
};
