import { sql } from '../../../db/query.ts';
import type { GuestRow } from '../../../db/schema.ts';
import { type GuestPatch, readingIssues } from '../../../shared/contract/guests.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { looksLikePhoneQuery } from '../../../shared/text/phone.ts';
import { recordCardOpened } from '../access/record.ts';
import { derivedId } from '../changes/derived-id.ts';
import { storable } from '../changes/rows.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { assertGuestExists, findGuestRow, loadGuestCard, usableGuestRow } from './card.ts';
import { toColumns } from './columns.ts';
import { guestHistory } from './history.ts';
import type { createSearch } from './search.ts';
import type { SearchCues } from './search-cues.ts';
import { similarGuests } from './similar.ts';

type GuestCalls =
  | 'guests.search'
  | 'guests.get'
  | 'guests.similar'
  | 'guests.create'
  | 'guests.update'
  | 'guests.delete'
  | 'guests.restore'
  | 'guests.listDeleted'
  | 'guests.history'
  | 'guests.linkCompanion'
  | 'guests.unlinkCompanion';

/**
 * A guest's last activity, for "recent first" in search, moves on at most once an hour: the search index keys
 * every term of a guest by it (about 58 rows), and staff fixing a note three times in a minute should not move
 * them three times. Within the hour the order of search results cannot tell the difference.
 */
const ACTIVITY_STEP_MS = 60 * 60 * 1000;
function activity(row: { last_activity_at: number }, now: number): { last_activity_at?: number } {
  return now - row.last_activity_at >= ACTIVITY_STEP_MS ? { last_activity_at: now } : {};
}

/** A patch may change a name or its reading alone: the rule across the two is checked on the record as it would be. */
function refuseUnfitReadings(row: GuestRow, patch: GuestPatch): void {
  const issues = readingIssues({
    familyName: patch.familyName ?? row.family_name,
    givenName: patch.givenName ?? row.given_name,
    familyReading: patch.familyReading ?? row.family_reading,
    givenReading: patch.givenReading ?? row.given_reading,
  });
  if (issues.length === 0) return;
  throw new CallFailure(
    'invalid_input',
    undefined,
    issues.map(({ path }) => ({ path: `patch.${path}`, code: 'reading_needs_kana' })),
  );
}

export function guestHandlers(
  ctx: CoreContext,
  search: ReturnType<typeof createSearch>,
  cues: SearchCues,
): Handlers<GuestCalls> {
  return {
    // A person who may not see contact details may not find a guest by them either: a phone number or an
    // email typed by the kitchen finds nobody (the hits would say whose number it is), nor does the start of an
    // email that is not also the start of a name.
    'guests.search': ({ q, limit }, actor) => {
      const contact = actor.grant.can('guests.contact');
      if (!contact && (looksLikePhoneQuery(q) || q.includes('@'))) return { hits: [] };
      return { hits: search(q, limit ?? 20, { contact }) };
    },

    // The card is read first (a guest not found was not looked at) and sent; then the look is recorded in a small
    // write of its own, unless the same person looked from this PC within the window (access/record.ts).
    'guests.get': ({ id }, actor) => {
      const card = loadGuestCard(ctx, id);
      recordCardOpened(ctx, actor, id);
      return card;
    },

    'guests.similar': ({ fields }, actor) => ({
      guests: similarGuests(ctx, cues, fields, { contact: actor.grant.can('guests.contact') }),
    }),

    'guests.create': ({ fields }, actor) => {
      refuseFutureBirthday(ctx, fields.birthday, 'fields.birthday');
      const id = ctx.newId();
      actor.write((session) => {
        const now = session.now();
        session.writeRow('guests', id, {
          given_name: '',
          given_reading: '',
          phones: [],
          email: '',
          postal_code: '',
          address: '',
          birthday: '',
          organization: '',
          note: '',
          marketing_consent: false,
          nationality: '',
          passport_number: '',
          ...toColumns(fields),
          created_at: now,
          last_activity_at: session.nowMs(),
        });
      });
      return loadGuestCard(ctx, id);
    },

    'guests.update': ({ id, patch, version }, actor) => {
      const row = usableGuestRow(ctx, id);
      refuseUnfitReadings(row, patch);
      refuseFutureBirthday(ctx, patch.birthday, 'patch.birthday');
      actor.write((session) => {
        const columns = toColumns(patch);
        const changed = Object.keys(columns).some((column) => columns[column] !== storable(row[column as never]));
        // An edit that changes nothing is not an activity (the guest does not move up the search).
        if (!changed) return;
        // last_activity_at is bookkeeping: the version check passes over it (changes/write.ts).
        session.writeRow('guests', id, { ...columns, ...activity(row, session.nowMs()) }, { basedOn: version });
      });
      return loadGuestCard(ctx, id);
    },

    'guests.delete': ({ id }, actor) => {
      const row = findGuestRow(ctx, id);
      if (row.deleted_at) throw new CallFailure('conflict', 'guest_already_deleted');
      actor.write((session) => {
        session.writeRow('guests', id, { deleted_at: session.now() });
      });
      return loadGuestCard(ctx, id);
    },

    'guests.restore': ({ id }, actor) => {
      const row = findGuestRow(ctx, id);
      if (!row.deleted_at) throw new CallFailure('conflict', 'guest_not_deleted');
      // A merged guest comes back by undoing the merge, which takes their records back with them.
      if (row.merged_into) throw new CallFailure('conflict', 'guest_merged');
      actor.write((session) => {
        session.writeRow('guests', id, { deleted_at: null, last_activity_at: session.nowMs() });
      });
      return loadGuestCard(ctx, id);
    },

    'guests.listDeleted': () => {
      const rows = ctx.run.all(
        sql
          .selectFrom('guests')
          .select(['id', 'family_name', 'given_name', 'family_reading', 'given_reading', 'deleted_at'])
          .where('deleted_at', 'is not', null)
          .orderBy('deleted_at', 'desc')
          .limit(200),
      );
      return {
        guests: rows.map((row) => ({
          id: row.id,
          familyName: row.family_name,
          givenName: row.given_name,
          familyReading: row.family_reading,
          givenReading: row.given_reading,
          deletedAt: row.deleted_at ?? '',
        })),
      };
    },

    'guests.history': ({ id, limit, before }) => {
      assertGuestExists(ctx, id);
      return guestHistory(ctx, id, { limit, before });
    },

    'guests.linkCompanion': ({ guestId, companionId, relationship }, actor) => {
      if (guestId === companionId) throw new CallFailure('invalid_input', 'companion_is_self');
      for (const id of [guestId, companionId]) usableGuestRow(ctx, id);
      const existing = ctx.run.first(
        sql
          .selectFrom('guest_links')
          .select('id')
          .where('deleted_at', 'is', null)
          .where((eb) =>
            eb.or([
              eb.and([eb('guest_id', '=', guestId), eb('companion_id', '=', companionId)]),
              eb.and([eb('guest_id', '=', companionId), eb('companion_id', '=', guestId)]),
            ]),
          ),
      );
      if (existing) throw new CallFailure('conflict', 'companion_already_linked');
      // One link per pair of guests, whichever card it was added from and on whichever PC: its id is derived
      // from the pair, and linking the pair again brings the removed link back.
      const linkId = derivedId('guest_link', ...[guestId, companionId].sort());
      const removed = ctx.run.first(sql.selectFrom('guest_links').select('id').where('id', '=', linkId));
      actor.write((session) => {
        const link = { guest_id: guestId, companion_id: companionId, relationship };
        if (removed) session.writeRow('guest_links', linkId, { ...link, deleted_at: null });
        else session.writeRow('guest_links', linkId, { ...link, created_at: session.now() });
      });
      return loadGuestCard(ctx, guestId);
    },

    'guests.unlinkCompanion': ({ guestId, linkId }, actor) => {
      const link = ctx.run.first(sql.selectFrom('guest_links').selectAll().where('id', '=', linkId));
      if (!link || (link.guest_id !== guestId && link.companion_id !== guestId)) {
        throw new CallFailure('not_found', 'link_not_found');
      }
      if (link.deleted_at) throw new CallFailure('conflict', 'link_already_removed');
      actor.write((session) => {
        session.writeRow('guest_links', linkId, { deleted_at: session.now() });
      });
      return loadGuestCard(ctx, guestId);
    },
  };
}

/**
 * A birthday after the inn's today is refused. The contract checks against the first day anywhere (it cannot
 * know the inn's zone); here the day is the inn's, from its zone setting.
 */
function refuseFutureBirthday(ctx: CoreContext, birthday: string | undefined, path: string): void {
  if (birthday && birthday > ctx.today()) {
    throw new CallFailure('invalid_input', undefined, [{ path, code: 'birthday_invalid' }]);
  }
}
