import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core.ts';

// Who may change whose roles: staff management is for owners and managers; only an owner makes someone owner
// or changes an owner; nobody adds a role to themselves; the register always keeps an active owner.

async function inn() {
  const test = makeCore();
  const owner = await test.call('staff.create', { name: '女将 山田', roles: ['front'] });
  await test.call('staff.setCurrent', { id: owner.id });
  const manager = await test.call('staff.create', { name: '支配人 佐藤', roles: ['manager'] });
  const front = await test.call('staff.create', { name: 'フロント 鈴木', roles: ['front'] });
  const refused = (detail: string, params?: Record<string, string>) => ({
    ok: false,
    error: { code: 'forbidden', detail, ...(params ? { params } : {}) },
  });
  return { ...test, owner, manager, front, refused };
}

describe('roles', () => {
  it('the first member owns the register, with the roles they asked for besides', async () => {
    const { owner, call } = await inn();
    expect(owner.roles).toEqual(['owner', 'front']);
    const list = await call('staff.list', {});
    expect(list.permissions).toContain('staff.manage');
    expect(list.firstRun).toBe(false);
  });

  it('a member created without roles gets the day-to-day ones, none of managing', async () => {
    const { call } = await inn();
    expect((await call('staff.create', { name: '新人 高橋' })).roles).toEqual([
      'front',
      'service',
      'kitchen',
      'banquet',
    ]);
  });

  it('only an owner makes someone owner or changes an owner', async () => {
    const { core, call, owner, manager, front, refused } = await inn();
    await call('staff.setCurrent', { id: manager.id });
    expect(await core.call('staff.update', { id: front.id, roles: ['owner'] })).toEqual(refused('owner_only'));
    expect(await core.call('staff.create', { name: '若女将', roles: ['owner'] })).toEqual(refused('owner_only'));
    expect(await core.call('staff.update', { id: owner.id, roles: ['front'] })).toEqual(refused('owner_only'));
    expect(await core.call('staff.update', { id: owner.id, active: false })).toEqual(refused('owner_only'));
    expect(await core.call('staff.setPin', { id: owner.id, pin: '1111' })).toEqual(refused('owner_only'));
    // A manager manages everyone else: roles, PINs, who works here.
    expect((await call('staff.update', { id: front.id, roles: ['front', 'banquet'] })).roles).toEqual([
      'front',
      'banquet',
    ]);
    expect((await call('staff.setPin', { id: front.id, pin: '2580' })).hasPin).toBe(true);
    await call('staff.setCurrent', { id: owner.id });
    expect((await call('staff.update', { id: front.id, roles: ['owner'] })).roles).toEqual(['owner']);
  });

  it('nobody gives themselves a role they do not hold, and a manager cannot make themselves owner', async () => {
    const { core, call, manager, refused } = await inn();
    await call('staff.setCurrent', { id: manager.id });
    expect(await core.call('staff.update', { id: manager.id, roles: ['manager', 'owner'] })).toEqual(
      refused('owner_only'),
    );
    expect(await core.call('staff.update', { id: manager.id, roles: ['manager', 'kitchen'] })).toEqual(
      refused('roles_not_held'),
    );
    // Giving one up is fine.
    await call('staff.update', { id: manager.id, roles: ['manager'] });
  });

  it('the last owner stays owner and active; with a second owner, the first may step back', async () => {
    const { core, call, owner, front, refused } = await inn();
    expect(await core.call('staff.update', { id: owner.id, roles: ['manager'] })).toEqual(refused('last_owner'));
    expect(await core.call('staff.update', { id: owner.id, active: false })).toEqual(refused('last_owner'));
    await call('staff.update', { id: front.id, roles: ['owner'] });
    expect((await call('staff.update', { id: owner.id, roles: ['manager'] })).roles).toEqual(['manager']);
  });

  it('staff management is refused to a role without it, naming the permission', async () => {
    const { core, call, front, refused } = await inn();
    await call('staff.setCurrent', { id: front.id });
    expect(await core.call('staff.create', { name: '新人' })).toEqual(
      refused('forbidden_role', { permission: 'staff.manage' }),
    );
    expect(await core.call('settings.update', { patch: { idleLockMinutes: 0 } })).toEqual(
      refused('forbidden_role', { permission: 'settings.change' }),
    );
    // …and their own PIN is theirs to set.
    expect((await call('staff.setPin', { id: front.id, pin: '3690' })).hasPin).toBe(true);
    const list = await call('staff.list', {});
    expect(list.permissions).toContain('guests.contact');
    expect(list.permissions).not.toContain('staff.manage');
  });
});
