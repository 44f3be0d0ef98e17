import { sql } from '../../../db/query.ts';
import type { GuestRow } from '../../../db/schema.ts';
import { type GuestCard, INVERSE_RELATIONSHIP, type Relationship } from '../../../shared/contract/guests.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext } from '../context.ts';

export function findGuestRow(ctx: CoreContext, id: string): GuestRow {
  const row = ctx.run.first(sql.selectFrom('guests').selectAll().where('id', '=', id));
  if (!row) throw new CallFailure('not_found', 'guest_not_found');
  return row;
}

/**
 * A guest new records may name: on record, not deleted, and not erased on request. An erased guest's card stays
 * blank for good (erasure/): an allergy, a request, a stay or a deal written on it would hang on nobody, and
 * text written there is blanked. A returning person gets a new card.
 */
export function usableGuestRow(ctx: CoreContext, id: string): GuestRow {
  const row = findGuestRow(ctx, id);
  if (row.deleted_at) throw new CallFailure('conflict', 'guest_deleted');
  if (isErased(ctx, id)) throw new CallFailure('conflict', 'guest_erased');
  return row;
}

function isErased(ctx: CoreContext, id: string): boolean {
  return ctx.run.prepare('SELECT 1 FROM erasures WHERE guest_id = ?').get(id) !== undefined;
}

/** Throws not_found unless the guest is on record (deleted or not): the card's other calls check only this. */
export function assertGuestExists(ctx: CoreContext, id: string): void {
  if (ctx.run.prepare('SELECT 1 FROM guests WHERE id = ?').get(id) === undefined) {
    throw new CallFailure('not_found', 'guest_not_found');
  }
}

export function loadGuestCard(ctx: CoreContext, id: string): GuestCard {
  const row = findGuestRow(ctx, id);
  // Links in both directions: recorded on this guest, or on the other guest naming this one.
  const links = ctx.run
    .prepare(
      `SELECT l.id AS link_id, l.guest_id, l.relationship,
              g.id, g.family_name, g.given_name, g.family_reading, g.given_reading
         FROM guest_links l
         JOIN guests g ON g.id = CASE WHEN l.guest_id = @id THEN l.companion_id ELSE l.guest_id END
        WHERE (l.guest_id = @id OR l.companion_id = @id) AND l.deleted_at IS NULL AND g.deleted_at IS NULL
        ORDER BY l.created_at`,
    )
    .all({ id }) as Array<{
    link_id: string;
    guest_id: string;
    relationship: string;
    id: string;
    family_name: string;
    given_name: string;
    family_reading: string;
    given_reading: string;
  }>;
  const mergedInto = row.merged_into
    ? (ctx.run
        .prepare('SELECT id, family_name AS familyName, given_name AS givenName FROM guests WHERE id = ?')
        .get(row.merged_into) as { id: string; familyName: string; givenName: string } | undefined)
    : undefined;
  const erasure = ctx.run
    .prepare('SELECT created_at, hold_until, released_at FROM erasures WHERE guest_id = ?')
    .get(id) as { created_at: string; hold_until: string | null; released_at: string | null } | undefined;
  return {
    ...ctx.names(row),
    phones: JSON.parse(row.phones),
    email: row.email,
    postalCode: row.postal_code,
    address: row.address,
    birthday: row.birthday,
    organization: row.organization,
    note: row.note,
    marketingConsent: row.marketing_consent === 1,
    nationality: row.nationality,
    passportNumber: row.passport_number,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    mergedInto: mergedInto ?? null,
    version: ctx.changes.versionOf('guests', id),
    erasure: erasure
      ? { at: erasure.created_at, holdUntil: erasure.hold_until, released: erasure.released_at !== null }
      : null,
    companions: links.map((link) => {
      const recorded = link.relationship as Relationship;
      return {
        linkId: link.link_id,
        guestId: link.id,
        familyName: link.family_name,
        givenName: link.given_name,
        familyReading: link.family_reading,
        givenReading: link.given_reading,
        relationship: link.guest_id === id ? recorded : INVERSE_RELATIONSHIP[recorded],
      };
    }),
  };
}
