import type { Migration } from './migration.ts';

// The open requests of a guest, from a small index of the open ones only. The arrivals page reads, on every call,
// the open standing requests of everyone in a day's parties, and the card the open requests of its guest. Through
// requests_guest each guest's every request was a table seek, to find that almost none is open: at 100,000
// guests 1.2-1.7 ms of each arrivals read, against 0.1-0.2 ms through this index (a few percent of the requests are
// open at any time, so it stays small). The statements name it (INDEXED BY): the app gathers no statistics, and
// without them the planner prefers the index on guest and time.

export const openRequests: Migration = {
  version: 16,
  name: 'open-requests',
  sql: `
    CREATE INDEX requests_open ON requests (guest_id) WHERE status = 'open';
  `,
};
