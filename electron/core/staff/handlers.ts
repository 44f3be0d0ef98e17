import { sql } from '../../../db/query.ts';
import type { StaffRow } from '../../../db/schema.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { StaffMember } from '../../../shared/contract/staff.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { withVersion } from '../versions.ts';

type StaffCalls = 'staff.list' | 'staff.create' | 'staff.update' | 'staff.setCurrent' | 'staff.clearCurrent';

const CURRENT_STAFF_KEY = 'current_staff_id';

function toMember(ctx: CoreContext, row: StaffRow): StaffMember {
  const member = { id: row.id, name: row.name, reading: row.reading, active: row.active === 1 };
  return withVersion(ctx, 'staff', member);
}

/** Who is working at this PC: kept in this PC's database, so it survives a restart. */
export function currentStaffId(ctx: CoreContext): string | null {
  const row = ctx.run.first(sql.selectFrom('meta').select('value').where('key', '=', CURRENT_STAFF_KEY));
  if (!row) return null;
  const staff = ctx.run.first(sql.selectFrom('staff').select(['id', 'active']).where('id', '=', row.value));
  return staff && staff.active === 1 ? staff.id : null;
}

/** Whether anyone could be chosen as working at this PC. */
function anyActiveStaff(ctx: CoreContext): boolean {
  const query = sql.selectFrom('staff').select('id').where('active', '=', 1).where('deleted_at', 'is', null);
  return ctx.run.first(query.limit(1)) !== undefined;
}

function findStaff(ctx: CoreContext, id: string): StaffRow {
  const row = ctx.run.first(sql.selectFrom('staff').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row) throw new CallFailure('not_found', 'staff_not_found');
  return row;
}

export function staffHandlers(ctx: CoreContext): Handlers<StaffCalls> {
  const setCurrent = (id: string | null) => {
    if (id === null) ctx.run.run(sql.deleteFrom('meta').where('key', '=', CURRENT_STAFF_KEY));
    else
      ctx.run.run(
        sql
          .insertInto('meta')
          .values({ key: CURRENT_STAFF_KEY, value: id })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: id })),
      );
  };

  return {
    'staff.list': ({ includeInactive }) => {
      let query = sql.selectFrom('staff').selectAll().where('deleted_at', 'is', null);
      if (!includeInactive) query = query.where('active', '=', 1);
      const rows = ctx.run.all(query.orderBy('active', 'desc').orderBy('reading').orderBy('name'));
      return { staff: rows.map((row) => toMember(ctx, row)), currentStaffId: currentStaffId(ctx) };
    },

    'staff.create': ({ name, reading }, actor) => {
      // With nobody chosen, adding a member is how a PC gets someone to choose: on first run, or when every
      // member was deactivated (setCurrent refuses them, staff.update needs someone chosen). While someone
      // could be chosen, a new colleague is an ordinary write, recorded under whoever adds them.
      if (actor.staffId === null && anyActiveStaff(ctx)) throw new CallFailure('no_staff');
      const id = ctx.newId();
      actor.write((session) => {
        const now = session.now();
        session.writeRow('staff', id, { name, reading: reading ?? '', active: true, created_at: now, updated_at: now });
      });
      return toMember(ctx, findStaff(ctx, id));
    },

    'staff.update': ({ id, version, ...changes }, actor) => {
      findStaff(ctx, id);
      const values: Record<string, unknown> = {};
      if (changes.name !== undefined) values.name = changes.name;
      if (changes.reading !== undefined) values.reading = changes.reading;
      if (changes.active !== undefined) values.active = changes.active;
      actor.write((session) =>
        session.writeRow('staff', id, { ...values, updated_at: session.now() }, { basedOn: version }),
      );
      if (changes.active === false && currentStaffId(ctx) === id) setCurrent(null);
      return toMember(ctx, findStaff(ctx, id));
    },

    'staff.setCurrent': ({ id }, actor) => {
      const staff = findStaff(ctx, id);
      if (staff.active !== 1) throw new CallFailure('conflict', 'staff_inactive');
      setCurrent(id);
      actor.announce('staff');
      return { currentStaffId: id };
    },

    'staff.clearCurrent': (_input, actor) => {
      setCurrent(null);
      actor.announce('staff');
      return { currentStaffId: null };
    },
  };
}
