import { describe, expect, it } from 'vitest';
import { PIN_LOCK_MINUTES, PIN_MAX_ATTEMPTS } from '../../shared/contract/roles.ts';
import { makeCore } from '../support/core.ts';
import { everything } from '../support/replica.ts';

// PINs as staff meet them: the owner sets up the register with a PIN (PINs on), colleagues get theirs from a
// manager, choosing a person asks for it, wrong PINs lock that person out on this PC for a while.

const START = Date.parse('2026-12-03T09:00:00.000Z');

async function innWithPins() {
  let now = START;
  const test = makeCore({ clock: () => now });
  const owner = await test.call('staff.create', { name: '女将 山田', pin: '4821' });
  await test.call('staff.setCurrent', { id: owner.id, pin: '4821' });
  // Typed with a Japanese IME: full-width digits are the same PIN.
  const nakai = await test.call('staff.create', { name: '仲居 田中', roles: ['service'], pin: '８３９１７２６４' });
  return { ...test, owner, nakai, advance: (ms: number) => (now += ms) };
}

describe('PINs', () => {
  it('are stored only as a salted hash: neither the staff row nor the change log holds the PIN', async () => {
    const { db, core, owner, nakai } = await innWithPins();
    const row = db.prepare('SELECT pin_hash FROM staff WHERE id = ?').get(nakai.id) as { pin_hash: string };
    expect(row.pin_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(row.pin_hash).not.toContain('83917264');
    const ownerHash = db.prepare('SELECT pin_hash FROM staff WHERE id = ?').pluck().get(owner.id) as string;
    expect(ownerHash.split('$')[4]).not.toBe(row.pin_hash.split('$')[4]); // a salt of its own
    // The log as sync ships it carries the hash and never the PIN, typed either way.
    const shipped = JSON.stringify(everything(core));
    expect(shipped).toContain(row.pin_hash);
    expect(shipped).not.toContain('83917264');
    expect(shipped).not.toContain('８３９１７２６４');
    expect(nakai).toMatchObject({ hasPin: true, lockedUntil: null });
  });

  it('a first member created with a PIN turns PINs on; without one the inn runs without PINs', async () => {
    const { call, owner } = await innWithPins();
    expect((await call('settings.get', {})).pinsRequired).toBe(true);
    expect((await call('staff.list', {})).pinsRequired).toBe(true);
    expect(owner.roles).toEqual(['owner']);
    const plain = makeCore();
    const okami = await plain.call('staff.create', { name: '女将' });
    expect((await plain.call('staff.list', {})).pinsRequired).toBe(false);
    expect(await plain.core.call('staff.setCurrent', { id: okami.id })).toMatchObject({ ok: true });
  });

  it('choosing a person asks for their PIN, and refuses a wrong one with the tries left', async () => {
    const { core, nakai } = await innWithPins();
    expect(await core.call('staff.setCurrent', { id: nakai.id })).toEqual({
      ok: false,
      error: { code: 'forbidden', detail: 'pin_required' },
    });
    expect(await core.call('staff.setCurrent', { id: nakai.id, pin: '0000' })).toEqual({
      ok: false,
      error: { code: 'forbidden', detail: 'pin_wrong', params: { attemptsLeft: String(PIN_MAX_ATTEMPTS - 1) } },
    });
    expect(await core.call('staff.setCurrent', { id: nakai.id, pin: '12a4' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'pin', code: 'pin_format' }] },
    });
    expect(await core.call('staff.setCurrent', { id: nakai.id, pin: '83917264' })).toEqual({
      ok: true,
      value: { currentStaffId: nakai.id },
    });
  });

  it(`locks a person out on this PC after ${PIN_MAX_ATTEMPTS} wrong PINs, even for the right one, for ${PIN_LOCK_MINUTES} minutes`, async () => {
    const { core, call, nakai, advance } = await innWithPins();
    for (let i = 1; i < PIN_MAX_ATTEMPTS; i++) {
      const wrong = await core.call('staff.setCurrent', { id: nakai.id, pin: '9999' });
      expect(wrong).toMatchObject({
        error: { detail: 'pin_wrong', params: { attemptsLeft: String(PIN_MAX_ATTEMPTS - i) } },
      });
    }
    const until = new Date(START + PIN_LOCK_MINUTES * 60_000).toISOString();
    const locked = {
      ok: false,
      error: { code: 'forbidden', detail: 'staff_locked_out', params: { until, time: '18:05' } },
    };
    expect(await core.call('staff.setCurrent', { id: nakai.id, pin: '9999' })).toEqual(locked);
    expect(await core.call('staff.setCurrent', { id: nakai.id, pin: '83917264' })).toEqual(locked);
    const listed = (await call('staff.list', {})).staff.find((s: { id: string }) => s.id === nakai.id);
    expect(listed.lockedUntil).toBe(until);
    // The person at the PC is still the owner: a lockout is about who is being chosen.
    expect((await call('staff.list', {})).currentStaffId).not.toBe(nakai.id);
    advance(PIN_LOCK_MINUTES * 60_000);
    expect(await core.call('staff.setCurrent', { id: nakai.id, pin: '83917264' })).toMatchObject({ ok: true });
  });

  it('a manager ends a lockout by setting a new PIN; a person changes their own only with their current PIN', async () => {
    const { core, call, owner, nakai } = await innWithPins();
    for (let i = 0; i < PIN_MAX_ATTEMPTS; i++) await core.call('staff.setCurrent', { id: nakai.id, pin: '9999' });
    await call('staff.setCurrent', { id: owner.id, pin: '4821' });
    expect(await call('staff.setPin', { id: nakai.id, pin: '5678' })).toMatchObject({
      hasPin: true,
      lockedUntil: null,
    });
    await call('staff.setCurrent', { id: nakai.id, pin: '5678' });
    // 仲居 at the PC: their own PIN needs the current one; the owner's is not theirs to set.
    expect(await core.call('staff.setPin', { id: nakai.id, pin: '1111' })).toEqual({
      ok: false,
      error: { code: 'forbidden', detail: 'pin_required' },
    });
    expect(await core.call('staff.setPin', { id: nakai.id, pin: '1111', currentPin: '0000' })).toMatchObject({
      error: { detail: 'pin_wrong', params: { attemptsLeft: String(PIN_MAX_ATTEMPTS - 1) } },
    });
    // That wrong guess counted, though the write it came with was refused.
    expect(await core.call('staff.setPin', { id: nakai.id, pin: '1111', currentPin: '0000' })).toMatchObject({
      error: { detail: 'pin_wrong', params: { attemptsLeft: String(PIN_MAX_ATTEMPTS - 2) } },
    });
    expect(await core.call('staff.setPin', { id: nakai.id, pin: '1111', currentPin: '5678' })).toMatchObject({
      ok: true,
    });
    expect(await core.call('staff.setPin', { id: owner.id, pin: '0000' })).toEqual({
      ok: false,
      error: { code: 'forbidden', detail: 'forbidden_role', params: { permission: 'staff.manage' } },
    });
  });

  it('with PINs on, a member without a PIN cannot be chosen until a manager sets one', async () => {
    const { core, call } = await innWithPins();
    const cook = await call('staff.create', { name: '板長 佐藤', roles: ['kitchen'] });
    expect(cook.hasPin).toBe(false);
    expect(await core.call('staff.setCurrent', { id: cook.id, pin: '1234' })).toEqual({
      ok: false,
      error: { code: 'forbidden', detail: 'pin_not_set' },
    });
  });

  it('turning PINs on needs a PIN of one’s own first; the lock clears who is working here', async () => {
    const { core, call } = makeCore();
    const okami = await call('staff.create', { name: '女将' });
    await call('staff.setCurrent', { id: okami.id });
    expect(await core.call('settings.update', { patch: { pinsRequired: true } })).toEqual({
      ok: false,
      error: { code: 'forbidden', detail: 'pin_needed_first' },
    });
    await call('staff.setPin', { id: okami.id, pin: '2468' });
    expect(await call('settings.update', { patch: { pinsRequired: true, idleLockMinutes: 5 } })).toMatchObject({
      pinsRequired: true,
      idleLockMinutes: 5,
    });
    expect(await call('staff.lock', {})).toEqual({ currentStaffId: null });
    expect(await core.call('guests.search', { q: 'さ' })).toEqual({ ok: false, error: { code: 'no_staff' } });
    expect(await core.call('staff.setCurrent', { id: okami.id })).toMatchObject({ error: { detail: 'pin_required' } });
  });

  it('set on two PCs apart, end the same on both and are never shown as a conflict (the hashes stay hidden)', async () => {
    const a = await innWithPins();
    const manager = await a.call('staff.create', { name: '支配人 木村', roles: ['manager'], pin: '2468' });
    const front = await a.call('staff.create', { name: 'フロント 鈴木', roles: ['front'], pin: '1122' });
    const b = makeCore({ clock: () => START + 60_000 });
    b.core.changes.apply(everything(a.core));
    // The owner resets the manager's PIN on one PC while the manager changes it on the other.
    await a.call('staff.setPin', { id: manager.id, pin: '1357' });
    await b.call('staff.setCurrent', { id: manager.id, pin: '2468' });
    await b.call('staff.setPin', { id: manager.id, pin: '9753', currentPin: '2468' });
    a.core.changes.apply(everything(b.core));
    b.core.changes.apply(everything(a.core));
    const hash = (test: typeof a | typeof b) =>
      test.db.prepare('SELECT pin_hash FROM staff WHERE id = ?').pluck().get(manager.id);
    expect(hash(a)).toBe(hash(b));
    for (const test of [a, b]) {
      await test.call('staff.setCurrent', { id: front.id, pin: '1122' });
      const listed = await test.call('conflicts.list', {});
      expect(JSON.stringify(listed)).not.toContain('scrypt$');
    }
  });
});
