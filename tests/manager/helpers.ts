import { makeCore } from '../support/core.ts';

// A register for the manager's view whose clock the test sets (so what was recorded when, and how long a
// request took, is known), with two staff members to switch between.

// biome-ignore lint/suspicious/noExplicitAny: call results are read loosely; the contract checks their shape.
export type Loose = any;

/** The instant of an inn day and time (Asia/Tokyo, the default zone), whatever zone the tests run in. */
export const at = (day: string, time = '10:00') => Date.parse(`${day}T${time}:00+09:00`);

export async function managerCore(start: string) {
  let now = at(start);
  const test = makeCore({ clock: () => now });
  const setNow = (instant: number) => {
    now = instant;
  };
  const okami = (await test.call('staff.create', { name: '女将 山田' })).id as string;
  await test.call('staff.setCurrent', { id: okami });
  const nakai = (await test.call('staff.create', { name: '仲居 鈴木' })).id as string;
  const as = (staffId: string) => test.call('staff.setCurrent', { id: staffId });
  let room = 0;
  const guest = async (familyName: string, givenName = '') =>
    (await test.call('guests.create', { fields: { familyName, givenName, familyReading: 'てすと' } })).id as string;
  const stay = async (guestId: string, arrivalDate: string, fields: Record<string, unknown> = {}) =>
    (
      await test.call('stays.create', {
        fields: {
          guestId,
          arrivalDate,
          departureDate: arrivalDate,
          rooms: [`R${++room}`],
          status: 'departed',
          ...fields,
        },
      })
    ).id as string;
  return { ...test, setNow, okami, nakai, as, guest, stay };
}
