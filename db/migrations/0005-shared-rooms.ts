import type { Migration } from './migration.ts';

// A room holds one party a night, unless staff record that two stays share it (相部屋: a group split over
// bookings, a family booked twice). `shared_room` is that explicit choice, kept on the stay and synced like
// any field; the core refuses a second party in an occupied room without it (electron/core/stays/rooms.ts).
//
// stays_occupying answers "who is in these rooms on these nights" from the bookings still ahead or in the
// house: the stays departing after a date, with their arrivals, without touching the years of past stays.

export const sharedRooms: Migration = {
  version: 5,
  name: 'shared-rooms',
  sql: `
    ALTER TABLE stays ADD COLUMN shared_room INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX stays_occupying ON stays(departure_date, arrival_date)
      WHERE deleted_at IS NULL AND status IN ('booked', 'in_house');
  `,
};
