import { sql } from '../../../db/query.ts';
import type { StaffRow } from '../../../db/schema.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import { OPERATIONAL_ROLES, permissionsOf, type Role } from '../../../shared/contract/roles.ts';
import type { StaffMember } from '../../../shared/contract/staff.ts';
import { createLockout, type Lockout } from '../access/lockout.ts';
import { CURRENT_STAFF_KEY, createPeople, rolesOf } from '../access/people.ts';
import { hashPin } from '../access/pins.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { readSettings } from '../settings/handlers.ts';
import { withVersion } from '../versions.ts';
import { checkPin } from './pin-check.ts';
import { checkPinChange, checkRoleChange } from './rules.ts';

type StaffCalls =
  | 'staff.list'
  | 'staff.create'
  | 'staff.update'
  | 'staff.setCurrent'
  | 'staff.clearCurrent'
  | 'staff.lock'
  | 'staff.setPin';

function toMember(ctx: CoreContext, lockout: Lockout, row: StaffRow): StaffMember {
  const member = {
    id: row.id,
    name: row.name,
    reading: row.reading,
    active: row.active === 1,
    roles: rolesOf(row.roles),
    hasPin: row.pin_hash !== null,
    lockedUntil: lockout.lockedUntil(row.id),
  };
  return withVersion(ctx, 'staff', member);
}

const CURRENT_STAFF = `
  SELECT s.id FROM meta m JOIN staff s ON s.id = m.value
   WHERE m.key = '${CURRENT_STAFF_KEY}' AND s.active = 1`;

/**
 * Who is working at this PC: kept in this PC's database, so it survives a restart. Asked at every write and
 * every access record, so in one cached statement (built by the query builder each time, it cost 0.1-0.2 ms).
 */
export function currentStaffId(ctx: CoreContext): string | null {
  return (ctx.run.prepare(CURRENT_STAFF).pluck().get() as string | undefined) ?? null;
}

export function findStaff(ctx: CoreContext, id: string): StaffRow {
  const row = ctx.run.first(sql.selectFrom('staff').selectAll().where('id', '=', id).where('deleted_at', 'is', null));
  if (!row) throw new CallFailure('not_found', 'staff_not_found');
  return row;
}

export function staffHandlers(ctx: CoreContext): Handlers<StaffCalls> {
  const people = createPeople(ctx.db);
  const lockout = createLockout(ctx.db, ctx.clock);
  const member = (id: string) => toMember(ctx, lockout, findStaff(ctx, id));
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
  const clear = (actor: { announce(table: string): void }) => {
    setCurrent(null);
    actor.announce('staff');
    return { currentStaffId: null };
  };

  return {
    'staff.list': ({ includeInactive }) => {
      let query = sql.selectFrom('staff').selectAll().where('deleted_at', 'is', null);
      if (!includeInactive) query = query.where('active', '=', 1);
      const rows = ctx.run.all(query.orderBy('active', 'desc').orderBy('reading').orderBy('name'));
      const person = people.current();
      return {
        staff: rows.map((row) => toMember(ctx, lockout, row)),
        currentStaffId: person?.id ?? null,
        permissions: person ? permissionsOf(person.roles) : [],
        pinsRequired: readSettings(ctx).pinsRequired,
        firstRun: people.firstRun(),
      };
    },

    'staff.create': ({ name, reading, roles, pin }, actor) => {
      // With nobody chosen, adding a member is how a PC gets someone to choose, and only while nobody could be
      // chosen (the access check refuses it otherwise). That first member owns the register; with a PIN, the
      // inn has chosen PINs, and they are turned on in the same write.
      const firstRun = people.firstRun();
      let given: Role[];
      if (firstRun) given = ['owner', ...(roles ?? [])];
      else {
        given = roles ?? [...OPERATIONAL_ROLES];
        checkRoleChange(actor.grant, { target: null, from: [], to: given, activeOwners: people.activeOwners() });
      }
      const id = ctx.newId();
      actor.write((session) => {
        const now = session.now();
        session.writeRow('staff', id, {
          name,
          reading: reading ?? '',
          active: true,
          roles: [...new Set(given)],
          pin_hash: pin === undefined ? null : hashPin(pin),
          created_at: now,
          updated_at: now,
        });
        if (firstRun && pin !== undefined) {
          const exists = ctx.run.prepare("SELECT 1 FROM settings WHERE id = 'pinsRequired'").get();
          session.writeRow('settings', 'pinsRequired', {
            value: JSON.stringify(true),
            ...(exists ? {} : { created_at: now }),
            updated_at: now,
          });
        }
      });
      return member(id);
    },

    'staff.update': ({ id, version, ...changes }, actor) => {
      const row = findStaff(ctx, id);
      const from = rolesOf(row.roles);
      const to = changes.roles ?? from;
      const active = changes.active ?? row.active === 1;
      checkRoleChange(actor.grant, {
        target: { id, active: row.active === 1 },
        from,
        to,
        stillActive: active,
        activeOwners: people.activeOwners(),
      });
      const values: Record<string, unknown> = {};
      if (changes.name !== undefined) values.name = changes.name;
      if (changes.reading !== undefined) values.reading = changes.reading;
      if (changes.active !== undefined) values.active = changes.active;
      if (changes.roles !== undefined) values.roles = changes.roles;
      actor.write((session) =>
        session.writeRow('staff', id, { ...values, updated_at: session.now() }, { basedOn: version }),
      );
      if (changes.active === false && currentStaffId(ctx) === id) setCurrent(null);
      return member(id);
    },

    'staff.setCurrent': ({ id, pin }, actor) => {
      const staff = findStaff(ctx, id);
      if (staff.active !== 1) throw new CallFailure('conflict', 'staff_inactive');
      if (readSettings(ctx).pinsRequired) checkPin(ctx, lockout, staff, pin);
      setCurrent(id);
      actor.announce('staff');
      return { currentStaffId: id };
    },

    'staff.clearCurrent': (_input, actor) => clear(actor),
    'staff.lock': (_input, actor) => clear(actor),

    'staff.setPin': ({ id, pin, currentPin }, actor) => {
      const staff = findStaff(ctx, id);
      const own = actor.staffId === id;
      checkPinChange(actor.grant, { own, targetRoles: rolesOf(staff.roles) });
      // Changing one's own PIN proves the old one first (someone at a PC left signed in cannot take it over).
      if (own && staff.pin_hash !== null) checkPin(ctx, lockout, staff, currentPin);
      actor.write((session) =>
        session.writeRow('staff', id, { pin_hash: pin === null ? null : hashPin(pin), updated_at: session.now() }),
      );
      lockout.clear(id);
      return member(id);
    },
  };
}
