import type { Hall } from '../../../shared/contract/banquets.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { WriteSession } from '../changes/write.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { withVersion } from '../versions.ts';
import { allHalls, byHallOrder, findHall } from './rows.ts';

// Banquet halls (宴会場). Capacity is per layout (0: not offered that way). Which halls can be opened into
// one is kept on both halls, so either side's list answers the question. A withdrawn hall keeps its past
// deals and its combinations, so restoring it brings everything back.

type HallCalls = 'halls.list' | 'halls.create' | 'halls.update' | 'halls.delete' | 'halls.restore';

type HallFields = {
  name?: string;
  capacity?: Hall['capacity'];
  combinableWith?: string[];
  note?: string;
  sortOrder?: number;
};

function hallColumns(fields: HallFields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (fields.name !== undefined) values.name = fields.name;
  if (fields.capacity !== undefined) {
    values.capacity_seated = fields.capacity.seated;
    values.capacity_standing = fields.capacity.standing;
    values.capacity_theatre = fields.capacity.theatre;
  }
  if (fields.note !== undefined) values.note = fields.note;
  if (fields.sortOrder !== undefined) values.sort_order = fields.sortOrder;
  return values;
}

/** The partner list as given, without the hall itself; every partner must be a hall on record. */
/** The halls `selfId` opens into; a withdrawn hall only where it already was one (`kept`), never newly. */
function partnersOf(
  halls: Map<string, Hall>,
  selfId: string,
  ids: readonly string[],
  kept: readonly string[] = [],
): string[] {
  const partners = ids.filter((id) => id !== selfId);
  if (partners.some((id) => !halls.has(id))) throw new CallFailure('not_found', 'hall_not_found');
  if (partners.some((id) => halls.get(id)?.deletedAt && !kept.includes(id))) {
    throw new CallFailure('conflict', 'hall_deleted');
  }
  return partners;
}

/** Adds or removes `selfId` on each partner's own list, so combinations read the same from both sides. */
function mirrorPartners(
  session: WriteSession,
  halls: Map<string, Hall>,
  selfId: string,
  added: readonly string[],
  removed: readonly string[],
) {
  const now = session.now();
  for (const id of added) {
    const list = halls.get(id)?.combinableWith ?? [];
    if (!list.includes(selfId)) session.writeRow('halls', id, { combinable_with: [...list, selfId], updated_at: now });
  }
  for (const id of removed) {
    const list = halls.get(id)?.combinableWith ?? [];
    if (list.includes(selfId)) {
      session.writeRow('halls', id, { combinable_with: list.filter((x) => x !== selfId), updated_at: now });
    }
  }
}

export function hallHandlers(ctx: CoreContext): Handlers<HallCalls> {
  return {
    'halls.list': ({ includeDeleted }) => {
      const halls = [...allHalls(ctx).values()].filter((hall) => includeDeleted || !hall.deletedAt);
      return { halls: halls.sort(byHallOrder).map((hall) => withVersion(ctx, 'halls', hall)) };
    },

    'halls.create': ({ fields }, actor) => {
      const id = ctx.newId();
      const halls = allHalls(ctx);
      const partners = partnersOf(halls, id, fields.combinableWith ?? []);
      actor.write((session) => {
        const now = session.now();
        session.writeRow('halls', id, {
          ...hallColumns({ note: '', sortOrder: 0, ...fields }),
          combinable_with: partners,
          created_at: now,
          updated_at: now,
        });
        mirrorPartners(session, halls, id, partners, []);
      });
      return withVersion(ctx, 'halls', findHall(ctx, id));
    },

    'halls.update': ({ id, fields, version }, actor) => {
      const halls = allHalls(ctx);
      const current = halls.get(id);
      if (!current) throw new CallFailure('not_found', 'hall_not_found');
      // A withdrawn hall is restored first, then edited (as a withdrawn dish or course).
      if (current.deletedAt) throw new CallFailure('conflict', 'hall_deleted');
      const partners = fields.combinableWith
        ? partnersOf(halls, id, fields.combinableWith, current.combinableWith)
        : undefined;
      actor.write((session) => {
        const values = hallColumns(fields);
        if (partners) values.combinable_with = partners;
        // The partners' own lists are mirrored without the check: this form did not read their versions.
        session.writeRow('halls', id, { ...values, updated_at: session.now() }, { basedOn: version });
        if (partners) {
          const added = partners.filter((p) => !current.combinableWith.includes(p));
          const removed = current.combinableWith.filter((p) => !partners.includes(p));
          mirrorPartners(session, halls, id, added, removed);
        }
      });
      return withVersion(ctx, 'halls', findHall(ctx, id));
    },

    'halls.delete': ({ id }, actor) => {
      if (findHall(ctx, id).deletedAt) throw new CallFailure('conflict', 'hall_already_deleted');
      actor.write((session) => {
        const now = session.now();
        session.writeRow('halls', id, { deleted_at: now, updated_at: now });
      });
      return withVersion(ctx, 'halls', findHall(ctx, id));
    },

    'halls.restore': ({ id }, actor) => {
      if (!findHall(ctx, id).deletedAt) throw new CallFailure('conflict', 'hall_not_deleted');
      actor.write((session) => {
        session.writeRow('halls', id, { deleted_at: null, updated_at: session.now() });
      });
      return withVersion(ctx, 'halls', findHall(ctx, id));
    },
  };
}
