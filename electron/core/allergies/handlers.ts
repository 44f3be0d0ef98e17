import type { ParsedInput } from '../../../shared/contract/index.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { Actor, CoreContext, Handlers } from '../context.ts';
import { findGuestRow, usableGuestRow } from '../guests/card.ts';
import { withVersion } from '../versions.ts';
import {
  allergiesOfGuest,
  allergyState,
  findAllergenRow,
  findAllergyRow,
  reconfirmCutoff,
  toAllergen,
  toAllergy,
} from './rows.ts';

type AllergyCalls =
  | 'allergens.list'
  | 'allergens.create'
  | 'allergens.update'
  | 'allergens.delete'
  | 'allergens.restore'
  | 'allergies.record'
  | 'allergies.correct'
  | 'allergies.retract'
  | 'allergies.restore'
  | 'allergies.confirm'
  | 'allergies.forGuest';

type Content = Omit<ParsedInput<'allergies.record'>, 'guestId'>;

// Allergies are append-only: a record's content columns never change once written. A correction is a
// new record that supersedes the old one; a retraction is a flag with a reason; re-confirming only
// moves the confirmation date. So every record ever made can be shown, with who said what and when.

export function allergyHandlers(ctx: CoreContext): Handlers<AllergyCalls> {
  const today = () => ctx.today();
  const answer = (id: string) => toAllergy(findAllergyRow(ctx, id), reconfirmCutoff(ctx, today()));

  const checkGuest = (guestId: string) => {
    usableGuestRow(ctx, guestId);
  };

  const checkAllergen = (allergenId: string | null | undefined) => {
    if (!allergenId) return;
    if (findAllergenRow(ctx, allergenId).deleted_at) throw new CallFailure('conflict', 'allergen_withdrawn');
  };

  /** The columns of a new record: what it says, who confirmed and recorded it. */
  const contentColumns = (content: Content, actor: Actor, now: string) => ({
    allergen_id: content.allergenId ?? null,
    free_allergen: content.allergenId ? '' : (content.freeAllergen ?? ''),
    severity: content.severity,
    traces_ok: content.tracesOk,
    note: content.note ?? '',
    confirmed_at: content.confirmedAt ?? today(),
    confirmed_by: actor.staffId,
    recorded_by: actor.staffId,
    created_at: now,
    updated_at: now,
  });

  /**
   * One current record per allergen and guest: a second one would split the truth in two (which severity
   * holds?). Staff correct the existing record instead. `except` is the record being corrected.
   */
  const checkNotRecorded = (
    guestId: string,
    allergen: { allergenId?: string | null; freeAllergen?: string },
    except?: string,
  ) => {
    const twin = ctx.run
      .prepare(
        `SELECT id FROM allergies
          WHERE guest_id = ? AND superseded_by IS NULL AND retracted_at IS NULL AND id IS NOT ?
            AND (allergen_id = ? OR (allergen_id IS NULL AND ? IS NULL AND free_allergen = ?))
          LIMIT 1`,
      )
      .get(
        guestId,
        except ?? null,
        allergen.allergenId ?? null,
        allergen.allergenId ?? null,
        allergen.freeAllergen ?? '',
      );
    if (twin) throw new CallFailure('conflict', 'allergy_already_recorded');
  };

  const currentRow = (id: string) => {
    const row = findAllergyRow(ctx, id);
    if (allergyState(row) !== 'current') throw new CallFailure('conflict', 'allergy_not_current');
    return row;
  };

  const loadAllergen = (id: string) => withVersion(ctx, 'allergens', toAllergen(findAllergenRow(ctx, id)));

  return {
    'allergens.list': ({ includeDeleted }) => {
      const text = includeDeleted
        ? 'SELECT * FROM allergens ORDER BY sort_order, id'
        : 'SELECT * FROM allergens WHERE deleted_at IS NULL ORDER BY sort_order, id';
      const allergens = (ctx.run.prepare(text).all() as never[]).map(toAllergen);
      return { allergens: allergens.map((allergen) => withVersion(ctx, 'allergens', allergen)) };
    },

    'allergens.create': ({ fields }, actor) => {
      const id = ctx.newId();
      const last = ctx.run.prepare('SELECT max(sort_order) AS n FROM allergens').get() as { n: number | null };
      actor.write((session) => {
        const now = session.now();
        session.writeRow('allergens', id, {
          // The code names the allergen in data; the inn's own get a unique one (the id's random tail).
          code: `custom-${id.slice(-8)}`,
          name_ja: fields.nameJa,
          name_en: fields.nameEn,
          legal_class: fields.legalClass,
          sort_order: (last.n ?? 0) + 10,
          created_at: now,
          updated_at: now,
        });
      });
      return loadAllergen(id);
    },

    'allergens.update': ({ id, patch, version }, actor) => {
      // A withdrawn allergen is brought back first, then edited.
      if (findAllergenRow(ctx, id).deleted_at) throw new CallFailure('conflict', 'allergen_withdrawn');
      actor.write((session) => {
        const values: Record<string, unknown> = {};
        if (patch.nameJa !== undefined) values.name_ja = patch.nameJa;
        if (patch.nameEn !== undefined) values.name_en = patch.nameEn;
        if (patch.legalClass !== undefined) values.legal_class = patch.legalClass;
        session.writeRow('allergens', id, { ...values, updated_at: session.now() }, { basedOn: version });
      });
      return loadAllergen(id);
    },

    'allergens.delete': ({ id }, actor) => {
      if (findAllergenRow(ctx, id).deleted_at) throw new CallFailure('conflict', 'allergen_already_withdrawn');
      actor.write((session) => {
        const now = session.now();
        session.writeRow('allergens', id, { deleted_at: now, updated_at: now });
      });
      return loadAllergen(id);
    },

    'allergens.restore': ({ id }, actor) => {
      if (!findAllergenRow(ctx, id).deleted_at) throw new CallFailure('conflict', 'allergen_not_withdrawn');
      actor.write((session) => {
        session.writeRow('allergens', id, { deleted_at: null, updated_at: session.now() });
      });
      return loadAllergen(id);
    },

    'allergies.record': ({ guestId, ...content }, actor) => {
      checkGuest(guestId);
      checkAllergen(content.allergenId);
      checkNotRecorded(guestId, content);
      const id = ctx.newId();
      actor.write((session) => {
        session.writeRow('allergies', id, { guest_id: guestId, ...contentColumns(content, actor, session.now()) });
      });
      return answer(id);
    },

    'allergies.correct': ({ id: oldId, ...content }, actor) => {
      const old = currentRow(oldId);
      checkGuest(old.guest_id);
      checkAllergen(content.allergenId);
      checkNotRecorded(old.guest_id, content, oldId);
      const id = ctx.newId();
      actor.write((session) => {
        const now = session.now();
        session.writeRow('allergies', id, {
          guest_id: old.guest_id,
          ...contentColumns(content, actor, now),
          supersedes: oldId,
        });
        // The old record's superseded_by follows from this one's `supersedes` (superseded-by.ts).
      });
      return answer(id);
    },

    'allergies.retract': ({ id, reason }, actor) => {
      currentRow(id);
      actor.write((session) => {
        const now = session.now();
        session.writeRow('allergies', id, {
          retracted_at: now,
          retracted_by: actor.staffId,
          retract_reason: reason,
          updated_at: now,
        });
      });
      return answer(id);
    },

    'allergies.restore': ({ id }, actor) => {
      const row = findAllergyRow(ctx, id);
      if (allergyState(row) !== 'retracted') throw new CallFailure('conflict', 'allergy_not_retracted');
      checkNotRecorded(row.guest_id, { allergenId: row.allergen_id, freeAllergen: row.free_allergen });
      actor.write((session) => {
        // The change log keeps who retracted it and why; the record itself reads as current again.
        session.writeRow('allergies', id, {
          retracted_at: null,
          retracted_by: null,
          retract_reason: '',
          updated_at: session.now(),
        });
      });
      return answer(id);
    },

    'allergies.confirm': ({ id }, actor) => {
      currentRow(id);
      actor.write((session) => {
        session.writeRow('allergies', id, {
          confirmed_at: today(),
          confirmed_by: actor.staffId,
          updated_at: session.now(),
        });
      });
      return answer(id);
    },

    'allergies.forGuest': ({ guestId }) => {
      findGuestRow(ctx, guestId);
      return { allergies: allergiesOfGuest(ctx, guestId, today()) };
    },
  };
}
