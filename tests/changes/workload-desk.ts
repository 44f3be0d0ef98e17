import { RELATIONSHIPS } from '../../shared/contract/guests.ts';
import { STAY_STATUSES } from '../../shared/contract/stays.ts';
import { addDays } from '../../shared/text/dates.ts';
import { FAMILY, GIVEN, NOTES, READING } from './workload-data.ts';
import { day, guest, type Maker, one, phones, roles, stay } from './workload-draw.ts';

// The desk's write calls for the workload (workload.ts): settings, staff, guests and stays.

export const DESK_MAKERS: Record<string, Maker> = {
  'demo.load': (w) => (w.r.chance(w.demoChance) ? { count: w.r.int(1, 3), seed: w.r.int(1, 1000) } : null),
  'settings.update': (w) =>
    w.r.chance(0.5)
      ? { patch: { allergyReconfirmMonths: w.r.int(1, 24) } }
      : { patch: { repeatDishYears: w.r.int(1, 5) } },
  'staff.create': (w) => ({
    name: `${w.r.pick(FAMILY)} ${w.r.pick(GIVEN)}`,
    ...(w.r.chance(0.5) ? { roles: roles(w) } : {}),
  }),
  'staff.update': (w) => {
    // Never the person working here: deactivating them would stop every later write.
    const id = one(w, "SELECT id FROM staff WHERE id <> (SELECT value FROM meta WHERE key = 'current_staff_id')");
    if (!id) return null;
    const change = w.r.pick([{ name: `${w.r.pick(FAMILY)}さん` }, { active: w.r.chance(0.5) }, { roles: roles(w) }]);
    return { id, ...change };
  },
  // Another member's PIN, set or cleared by the owner working here (its hash is synced; the PIN never is).
  'staff.setPin': (w) => {
    const id = one(w, "SELECT id FROM staff WHERE id <> (SELECT value FROM meta WHERE key = 'current_staff_id')");
    return id ? { id, pin: w.r.chance(0.7) ? String(w.r.int(1000, 99999999)) : null } : null;
  },
  'guests.create': (w) => {
    const i = w.r.int(0, FAMILY.length - 1);
    return {
      fields: {
        familyName: FAMILY[i],
        givenName: w.r.pick(GIVEN),
        familyReading: READING[i],
        phones: phones(w),
        note: w.r.pick(NOTES),
      },
    };
  },
  'guests.update': (w) => {
    const id = guest(w);
    if (!id) return null;
    const patch = w.r.pick([
      { note: w.r.pick(NOTES) },
      { phones: phones(w) },
      { givenName: w.r.pick(GIVEN) },
      { email: w.r.chance(0.5) ? '' : `g${w.r.int(1, 9)}@example.jp` },
      { marketingConsent: w.r.chance(0.5) },
      { birthday: w.r.chance(0.5) ? '' : `19${w.r.int(50, 99)}-0${w.r.int(1, 9)}-1${w.r.int(0, 9)}` },
    ]);
    return { id, patch };
  },
  'guests.delete': (w) => (w.r.chance(0.3) ? (guest(w) ? { id: guest(w) } : null) : null),
  'guests.restore': (w) => {
    const id = one(w, 'SELECT id FROM guests WHERE deleted_at IS NOT NULL');
    return id ? { id } : null;
  },
  'guests.linkCompanion': (w) => {
    const [a, b] = [guest(w), guest(w)];
    return a && b ? { guestId: a, companionId: b, relationship: w.r.pick(RELATIONSHIPS) } : null;
  },
  'guests.unlinkCompanion': (w) => {
    const row = w.db.prepare('SELECT id, guest_id FROM guest_links WHERE deleted_at IS NULL').all() as Array<{
      id: string;
      guest_id: string;
    }>;
    const link = row.length ? w.r.pick(row) : null;
    return link ? { guestId: link.guest_id, linkId: link.id } : null;
  },
  'stays.create': (w) => {
    const lead = guest(w);
    if (!lead) return null;
    const arrival = day(w, -20, 20);
    const companion = guest(w);
    return {
      fields: {
        guestId: lead,
        arrivalDate: arrival,
        departureDate: addDays(arrival, w.r.int(0, 3)),
        rooms: [String(w.r.int(101, 105))],
        partyIds: companion && companion !== lead && w.r.chance(0.5) ? [companion] : [],
        // Five rooms fill up: staff share one now and then, and the rest of the time a taken room is refused.
        sharedRoom: w.r.chance(0.5),
      },
    };
  },
  'stays.update': (w) => {
    const id = stay(w);
    if (!id) return null;
    const patch = w.r.pick([
      { rooms: [String(w.r.int(101, 105)), ...(w.r.chance(0.3) ? ['201'] : [])] },
      { rooms: [String(w.r.int(101, 105))], sharedRoom: true },
      { sharedRoom: w.r.chance(0.5) },
      { status: w.r.pick(STAY_STATUSES) },
      { note: w.r.pick(NOTES) },
      { departureDate: day(w, -10, 30) },
      { arrivalDate: day(w, -20, 20) },
      { partyIds: [guest(w)].filter(Boolean) },
    ]);
    return { id, patch };
  },
};
