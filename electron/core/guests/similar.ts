import type { GuestRow } from '../../../db/schema.ts';
import type { SimilarGuest } from '../../../shared/contract/guests.ts';
import type { CallInput } from '../../../shared/contract/index.ts';
import type { CoreContext } from '../context.ts';
import { candidatesFor, type GuestDraft } from '../duplicates/candidates-for.ts';
import { guestOnRecord } from './on-record.ts';
import type { SearchCues } from './search-cues.ts';
import { SEARCHED_GUESTS } from './search-index.ts';

// guests.similar: before the desk records a new guest, the guests already on record who are probably that person,
// so a regular is not registered a second time (their allergies and history would stay on the first card). The
// comparison is the duplicate scan's (duplicates/candidates-for.ts: the same whole reading, name, phone, email,
// birthday or postcode, then scored). A person who may not see contact details is compared by names and readings
// only: an answer that matched on the phone they typed would tell them whose number it is.

type Fields = CallInput<'guests.create'>['fields'];

/**
 * The score from which a guest is listed: lower than the scan's (60), which must not propose every pair of
 * namesakes in a register of 100,000. One registration is compared here, and the desk wants to see a 佐藤 花子
 * (さとう はなこ) already on record before making a second: the whole name and its reading (55), or the reading and
 * the birthday (50, 斎藤 typed for 斉藤). A birthday on both that differs (-50) still rules a namesake out.
 */
export const DESK_THRESHOLD = 50;

// A merged card is deleted and names the guest it was merged into; a guest deleted otherwise is not offered.
const GUEST = `
  SELECT id, family_name, given_name, family_reading, given_reading, phones, birthday, organization, merged_into
    FROM guests WHERE id = ? AND ${SEARCHED_GUESTS}`;

/** The statements of this file, for the query-plan test. */
export const SIMILAR_STATEMENTS = { GUEST };

type Row = Pick<
  GuestRow,
  | 'id'
  | 'family_name'
  | 'given_name'
  | 'family_reading'
  | 'given_reading'
  | 'phones'
  | 'birthday'
  | 'organization'
  | 'merged_into'
>;

function draftOf(fields: Fields, contact: boolean): GuestDraft {
  const names = {
    familyName: fields.familyName,
    givenName: fields.givenName ?? '',
    familyReading: fields.familyReading,
    givenReading: fields.givenReading ?? '',
  };
  if (!contact) return names;
  return {
    ...names,
    phones: fields.phones ?? [],
    email: fields.email ?? '',
    postalCode: fields.postalCode ?? '',
    address: fields.address ?? '',
    birthday: fields.birthday ?? '',
  };
}

export function similarGuests(
  ctx: CoreContext,
  cues: SearchCues,
  fields: Fields,
  options: { contact: boolean },
): SimilarGuest[] {
  const guest = ctx.run.prepare(GUEST);
  /** The guest on record for a found card: a merged card stands for the guest it was merged into. */
  const byId = (id: string) => guest.get(id) as Row | undefined;
  const onRecord = (id: string): Row | undefined => guestOnRecord(byId(id), byId);
  // Best first (candidatesFor's order); a guest found through their own card and a merged one is listed once.
  const found = new Map<string, { row: Row; score: number; reasons: SimilarGuest['reasons'] }>();
  for (const candidate of candidatesFor(ctx, draftOf(fields, options.contact), {
    threshold: DESK_THRESHOLD,
    withMerged: true,
  })) {
    const row = onRecord(candidate.guestId);
    if (row && !found.has(row.id)) found.set(row.id, { row, score: candidate.score, reasons: candidate.reasons });
  }
  const cuesOf = cues.cuesOf([...found.keys()]);
  return [...found.values()].map(({ row, score, reasons }) => {
    const { romaji: _romaji, ...names } = ctx.names(row);
    const phones = JSON.parse(row.phones) as Array<{ number: string }>;
    return {
      ...names,
      phone: phones[0]?.number ?? '',
      birthday: row.birthday,
      organization: row.organization,
      ...(cuesOf.get(row.id) ?? { today: null, allergy: null, lastVisit: null, rank: null }),
      score,
      reasons,
    };
  });
}
