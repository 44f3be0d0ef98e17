import { CallFailure } from '../../../shared/contract/result.ts';
import type { RoomClash } from '../../../shared/contract/stays.ts';
import { familyFirst } from '../../../shared/text/person-name.ts';
import type { CoreContext } from '../context.ts';

// A room holds one party a night. A booked or in-house stay occupies its rooms from its arrival night to
// the night before its departure: a party leaving on the 5th and the next arriving on the 5th do not clash
// (turning a room round is the staff's business). A day use (デイユース: arrival and departure the same day)
// holds the room that day: it clashes with another day use of that day, and with a party staying through it
// (arrived before, leaving after); not with one leaving that morning or arriving that afternoon. A second
// party in an occupied room is refused, naming the party already there, unless staff record that the two
// share it (相部屋, `shared_room`); the arrivals page shows every clash however it came about (a clash can also
// arrive from another PC). Room names are compared as staff mean them: 'r101' is 'R101'.

/** The statuses of a stay that occupies its rooms. */
export const OCCUPYING_STATUSES = ['booked', 'in_house'] as const;

export function occupiesRooms(status: string): boolean {
  return (OCCUPYING_STATUSES as readonly string[]).includes(status);
}

// Served by the partial index stays_occupying: the stays departing after the first night, that is the
// bookings ahead and the guests in the house, never the years of past stays.
// Read wide (a departure on the first day, an arrival on the last: day uses there), told apart by overlaps().
const OCCUPYING = `
  SELECT s.id, s.rooms, s.arrival_date, s.departure_date, s.shared_room, g.family_name, g.given_name
    FROM stays s INDEXED BY stays_occupying JOIN guests g ON g.id = s.guest_id
   WHERE s.departure_date >= ? AND s.arrival_date <= ?
     AND s.deleted_at IS NULL AND s.status IN ('booked', 'in_house')`;

/** The statements of this file, for the query-plan test. */
export const ROOM_STATEMENTS = { OCCUPYING };

type Occupying = Omit<OccupyingRow, 'rooms'> & { rooms: string[] };

type OccupyingRow = {
  id: string;
  rooms: string;
  arrival_date: string;
  departure_date: string;
  shared_room: number;
  family_name: string;
  given_name: string;
};

/** Where and when a stay would be; its own id (null for a new stay) is left out of the comparison. */
export type RoomSlot = { id: string | null; rooms: readonly string[]; arrivalDate: string; departureDate: string };

/** The booked and in-house stays with a night between `from` and the night before `to`, rooms read. */
export function occupyingStays(ctx: CoreContext, from: string, to: string): Occupying[] {
  const rows = ctx.run.prepare(OCCUPYING).all(from, to) as OccupyingRow[];
  return rows.map((row) => ({ ...row, rooms: JSON.parse(row.rooms) as string[] }));
}

type Span = { arrival: string; departure: string };

/** Whether two stays hold a room at the same time (nights, or a day use's day: see the top of this file). */
export function overlaps(a: Span, b: Span): boolean {
  const aDay = a.arrival === a.departure;
  const bDay = b.arrival === b.departure;
  if (aDay && bDay) return a.arrival === b.arrival;
  if (aDay) return b.arrival < a.arrival && a.arrival < b.departure;
  if (bDay) return a.arrival < b.arrival && b.arrival < a.departure;
  return a.arrival < b.departure && b.arrival < a.departure;
}

/** A room name as compared: the contract has folded its width; case is folded here ('r101' is 'R101'). */
export const roomKey = (room: string) => room.toLowerCase();

/** Among `occupying`, the other stays sharing a room with the slot on a night of it, with the rooms shared. */
export function clashesAmong(occupying: readonly Occupying[], slot: RoomSlot): RoomClash[] {
  const wanted = new Set(slot.rooms.map(roomKey));
  return occupying.flatMap((row) => {
    if (row.id === slot.id) return [];
    const span = { arrival: slot.arrivalDate, departure: slot.departureDate };
    if (!overlaps({ arrival: row.arrival_date, departure: row.departure_date }, span)) return [];
    const rooms = row.rooms.filter((room) => wanted.has(roomKey(room)));
    if (rooms.length === 0) return [];
    return [
      {
        stayId: row.id,
        rooms,
        guestName: familyFirst(row.family_name, row.given_name),
        arrivalDate: row.arrival_date,
        departureDate: row.departure_date,
        sharedRoom: row.shared_room === 1,
      },
    ];
  });
}

/**
 * clashesAmong for many slots against one read of the occupying stays (a day's arrivals): each slot is compared
 * only with the stays that hold one of its rooms, found through a map by room, not with every stay of the night.
 * The clashes come in the order clashesAmong gives them.
 */
export function roomClashFinder(occupying: readonly Occupying[]): (slot: RoomSlot) => RoomClash[] {
  const byRoom = new Map<string, number[]>();
  occupying.forEach((row, at) => {
    for (const room of row.rooms) {
      const key = roomKey(room);
      const list = byRoom.get(key);
      if (!list) byRoom.set(key, [at]);
      else if (list[list.length - 1] !== at) list.push(at);
    }
  });
  return (slot) => {
    const places = new Set<number>();
    for (const room of slot.rooms) for (const at of byRoom.get(roomKey(room)) ?? []) places.add(at);
    if (places.size === 0) return [];
    const sharing = [...places].sort((a, b) => a - b).map((at) => occupying[at] as Occupying);
    return clashesAmong(sharing, slot);
  };
}

/** The other occupying stays sharing a room with the slot on a night of it. */
export function roomClashes(ctx: CoreContext, slot: RoomSlot): RoomClash[] {
  if (slot.rooms.length === 0 || slot.departureDate < slot.arrivalDate) return [];
  return clashesAmong(occupyingStays(ctx, slot.arrivalDate, slot.departureDate), slot);
}

/** Refuses an occupying stay in a room another party occupies on one of its nights, unless it is shared. */
export function assertRoomsFree(ctx: CoreContext, slot: RoomSlot & { status: string; sharedRoom: boolean }): void {
  if (slot.sharedRoom || !occupiesRooms(slot.status)) return;
  const [clash] = roomClashes(ctx, slot);
  if (!clash) return;
  throw new CallFailure('conflict', 'room_taken', undefined, {
    room: clash.rooms.join('、'),
    guest: clash.guestName,
    arrival: clash.arrivalDate,
    departure: clash.departureDate,
    stayId: clash.stayId,
  });
}
