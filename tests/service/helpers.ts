import { makeStaffedCore } from '../support/core.ts';

// A staffed core whose clock starts at a fixed local day and moves on a millisecond per reading, so
// "today" is known and records made one after another have distinct times.

export const TODAY = '2026-06-15';

export async function serviceCore() {
  // 10:00 at the inn (Asia/Tokyo, the default zone), whatever zone the test process runs in.
  let now = Date.parse('2026-06-15T10:00:00+09:00');
  const clock = () => {
    now += 1;
    return now;
  };
  const test = await makeStaffedCore({ clock });
  const guest = async (familyName: string, familyReading = 'てすと') =>
    (await test.call('guests.create', { fields: { familyName, familyReading } })).id as string;
  const stay = async (guestId: string, fields: Record<string, unknown> = {}) =>
    test.call('stays.create', {
      fields: { guestId, arrivalDate: '2026-06-15', departureDate: '2026-06-17', rooms: ['101'], ...fields },
    });
  return { ...test, guest, stay };
}
