import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/contract/index.ts';
import { CALL_ACCESS, mayCall } from '../../shared/contract/permissions.ts';
import { allows, ROLES } from '../../shared/contract/roles.ts';
import { makeCore } from '../support/core.ts';

// Any set of roles × any call: the core refuses exactly what the table says. The probe input is a bare string,
// which no call accepts: a call allowed answers invalid_input (it read the input), a call refused answers
// forbidden_role (it never did), so nothing runs either way and the runs do not disturb each other.

describe('the access check', () => {
  it('allows a call iff one of the person’s roles holds its permission', async () => {
    const test = makeCore();
    const owner = await test.call('staff.create', { name: '女将' });
    await test.call('staff.setCurrent', { id: owner.id });
    const person = await test.call('staff.create', { name: '試験 担当', roles: ['front'] });
    let version = person.version;
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...ROLES], { minLength: 1 }),
        fc.constantFrom(...CALL_NAMES),
        async (roles, name) => {
          await test.call('staff.setCurrent', { id: owner.id });
          version = (await test.call('staff.update', { id: person.id, roles, version })).version;
          await test.call('staff.setCurrent', { id: person.id });
          const result = await test.core.call(name, 'probe');
          const access = CALL_ACCESS[name];
          if (allows(roles, access))
            expect(result, `${roles} ${name}`).toMatchObject({ error: { code: 'invalid_input' } });
          else {
            expect(result).toEqual({
              ok: false,
              error: { code: 'forbidden', detail: 'forbidden_role', params: { permission: access } },
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with nobody chosen, answers only the calls open to anyone', async () => {
    const test = makeCore();
    const owner = await test.call('staff.create', { name: '女将' });
    await test.call('staff.setCurrent', { id: owner.id });
    await test.call('staff.lock', {});
    for (const name of CALL_NAMES) {
      const result = await test.core.call(name, 'probe');
      if (CALL_ACCESS[name] === 'anyone') expect(result, name).toMatchObject({ error: { code: 'invalid_input' } });
      else expect(result, name).toEqual({ ok: false, error: { code: 'no_staff' } });
    }
  });
});

describe('what the screens ask before showing a button', () => {
  it('mayCall with staff.list’s permissions agrees with the core for any roles and call', async () => {
    const test = makeCore();
    const owner = await test.call('staff.create', { name: '女将' });
    await test.call('staff.setCurrent', { id: owner.id });
    const person = await test.call('staff.create', { name: '試験 担当', roles: ['kitchen'] });
    let version = person.version;
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...ROLES], { minLength: 1 }),
        fc.constantFrom(...CALL_NAMES),
        async (roles, name) => {
          await test.call('staff.setCurrent', { id: owner.id });
          version = (await test.call('staff.update', { id: person.id, roles, version })).version;
          await test.call('staff.setCurrent', { id: person.id });
          const { permissions } = await test.call('staff.list', {});
          const result = await test.core.call(name, 'probe');
          const refused = !result.ok && result.error.detail === 'forbidden_role';
          expect(mayCall(permissions, name), `${roles} ${name}`).toBe(!refused);
        },
      ),
      { numRuns: 150 },
    );
  });
});
