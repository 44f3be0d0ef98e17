import { addDays } from '../../../shared/text/dates.ts';
import { REQUEST_TEXTS, STANDING_TEXTS } from './service-catalogue.ts';
import { HISTORY_DAYS, type ServiceFloor } from './service-floor.ts';
import type { Arrival, Stay } from './service-stays.ts';

// Requests in the sample data: those taken for a stay (handled or cancelled in the past, open or done
// today), and standing ones that hold on every visit. Complaints only come from guests who stayed before,
// children's requests only with children in the party, celebrations only where a party has one.

/** The celebration requests, in REQUEST_TEXTS order: the anniversary cake first, the birthday flowers next. */
export const CELEBRATION_TEXTS = REQUEST_TEXTS.find(([category]) => category === 'celebration')?.[2] ?? [];

type RequestDraft = {
  stayId: string | null;
  category: string;
  text: string;
  status: 'open' | 'done' | 'cancelled';
  takenAt: string;
  handledAt?: string;
};

type RequestOptions = { returning: boolean; children: boolean };

const requestKinds = (options: RequestOptions) =>
  REQUEST_TEXTS.filter(
    ([category]) =>
      category !== 'celebration' &&
      (options.returning || category !== 'complaint') &&
      (options.children || category !== 'children'),
  );

export function writeRequest(floor: ServiceFloor, guest: number, request: RequestDraft) {
  const { staff } = floor;
  const handled = request.status !== 'open';
  floor.session.writeRow('requests', floor.session.newId(), {
    guest_id: floor.ids[guest],
    stay_id: request.stayId,
    standing: request.stayId === null,
    category: request.category,
    text: request.text,
    status: request.status,
    taken_by: staff(),
    ...(handled ? { handled_at: request.handledAt ?? request.takenAt, handled_by: staff() } : {}),
    created_at: request.takenAt,
    updated_at: handled ? (request.handledAt ?? request.takenAt) : request.takenAt,
  });
  floor.counts.requests++;
}

/** A request that fits the party, or null when its text is one of `used` (now marked used). */
export function randomRequest({ draw }: ServiceFloor, options: RequestOptions, used: Set<string>) {
  const [category, , texts] = draw.weighted(requestKinds(options), ([, weight]) => weight);
  const text = draw.pick(texts);
  if (used.has(text)) return null;
  used.add(text);
  return { category, text };
}

/** Standing requests (every visit): ~3% of the guests, and the first returning party arriving today. Yields per guest. */
export function* writeStandingRequests(
  floor: ServiceFloor,
  arrivals: readonly Arrival[],
): Generator<undefined, void, void> {
  const { stamp, today } = floor;
  const { chance, pick, between } = floor.draw;
  const standingGuests = floor.guests.flatMap((_, guest) => (chance(0.03) ? [guest] : []));
  const regular = arrivals.find((arrival) => arrival.returning)?.lead;
  if (regular !== undefined && !standingGuests.includes(regular)) standingGuests.push(regular);
  for (const guest of standingGuests) {
    const [category, text] = pick(STANDING_TEXTS);
    writeRequest(floor, guest, {
      stayId: null,
      category,
      text,
      status: 'open',
      takenAt: stamp(addDays(today, -between(30, HISTORY_DAYS)), between(9, 17)),
    });
    yield;
  }
}

/** The requests of a stay of the working day: the `celebrations` asked for, then up to two more. */
export function writeDayRequests(
  floor: ServiceFloor,
  guest: number,
  stayId: string,
  stay: Stay,
  returning: boolean,
  celebrations: readonly string[] = [],
) {
  const { stamp, today } = floor;
  const { chance, between } = floor.draw;
  const used = new Set<string>();
  for (const text of celebrations) {
    used.add(text);
    writeRequest(floor, guest, {
      stayId,
      category: 'celebration',
      text,
      status: 'open',
      takenAt: stamp(addDays(stay.arrival, -between(2, 20)), between(9, 17)),
    });
  }
  const n = between(0, 2);
  for (let k = 0; k < n; k++) {
    const request = randomRequest(floor, { returning, children: stay.children > 0 }, used);
    if (!request) continue;
    const done = chance(0.25);
    writeRequest(floor, guest, {
      stayId,
      ...request,
      status: done ? 'done' : 'open',
      takenAt: stamp(addDays(stay.arrival, -between(1, 10)), between(9, 17)),
      handledAt: done ? stamp(today, between(8, 11)) : undefined,
    });
  }
}
