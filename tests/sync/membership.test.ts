import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMember, keepOnRevoke, mergeOps } from '../../electron/core/sync/membership/merge.ts';
import { createGroup, type MembershipOp, signAdd, signRevoke } from '../../electron/core/sync/membership/ops.ts';
import { founder, joiner, kitchen, mallory, office } from './identities.ts';

const G = founder.deviceId;
const ids = (merged: ReturnType<typeof mergeOps>) => merged.members.map((member) => member.deviceId);
const sorted = (...devices: string[]) => [...devices].sort();

// A small history with every rule in it: the founder adds three PCs, the kitchen PC adds one more, then the
// kitchen PC is stolen: the founder revokes it keeping its earlier add of the office PC, and the thief's
// later add of Mallory (and its revocation of the joiner) arrive too.
const root = createGroup(founder, 1_000);
const addJoiner = signAdd(founder, G, joiner, 2_000);
const addKitchen = signAdd(founder, G, kitchen, 3_000);
const addOffice = signAdd(kitchen, G, office, 4_000);
const revokeKitchen = signRevoke(
  founder,
  G,
  { deviceId: kitchen.deviceId, reason: '盗難', keep: keepOnRevoke([root, addKitchen, addOffice], kitchen.deviceId) },
  5_000,
);
const thiefAdd = signAdd(kitchen, G, mallory, 3_500); // backdated: dates are the signer's claim
const thiefRevoke = signRevoke(kitchen, G, { deviceId: joiner.deviceId, reason: 'x' }, 6_000);
const history: MembershipOp[] = [root, addJoiner, addKitchen, addOffice, revokeKitchen, thiefAdd, thiefRevoke];

describe('membership', () => {
  it('founds a group whose only member is the founding PC, self-signed', () => {
    const merged = mergeOps([root]);
    expect(merged.group).toBe(G);
    expect(merged.members).toEqual([
      { deviceId: G, name: '帳場', certPem: founder.certPem, addedBy: [G], addedAt: 1_000 },
    ]);
    expect(merged.rejected).toEqual([]);
  });

  it('adds PCs signed by members, including PCs added by PCs that were added', () => {
    const merged = mergeOps([root, addJoiner, addKitchen, addOffice]);
    expect(ids(merged)).toEqual(sorted(G, joiner.deviceId, kitchen.deviceId, office.deviceId));
    expect(merged.members.find((member) => member.deviceId === office.deviceId)?.addedBy).toEqual([kitchen.deviceId]);
  });

  it('gives the same result for any order and any duplication of the same ops', () => {
    const expected = mergeOps(history);
    const copies = fc
      .array(fc.integer({ min: 0, max: history.length - 1 }), { maxLength: 10 })
      .map((extra) => [...history, ...extra.map((index) => structuredClone(history[index]))]);
    const shuffled = copies.chain((ops) => fc.shuffledSubarray(ops, { minLength: ops.length }));
    fc.assert(
      fc.property(shuffled, (ops) => {
        expect(mergeOps(ops)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('lets a revocation win over every add of the device, earlier and later, for good', () => {
    const readd = signAdd(founder, G, kitchen, 9_000);
    const merged = mergeOps([root, addKitchen, revokeKitchen, readd]);
    expect(merged.revoked).toEqual([kitchen.deviceId]);
    expect(isMember([root, addKitchen, revokeKitchen, readd], kitchen.deviceId)).toBe(false);
    expect(merged.rejected.map((entry) => entry.reason)).toEqual(['device revoked', 'device revoked']);
  });

  it('ignores a revoked PC’s later adds but keeps the earlier ones its revoker vouched for', () => {
    const merged = mergeOps(history);
    expect(ids(merged)).toEqual(sorted(G, office.deviceId));
    const mallorysAdd = merged.rejected.find((entry) => (entry.op as MembershipOp).deviceId === mallory.deviceId);
    expect(mallorysAdd?.reason).toBe('signer revoked');
    // Its revocation still stands: a revocation can only shut out, and it reached us while it was a member's.
    expect(merged.revoked).toEqual(sorted(kitchen.deviceId, joiner.deviceId));
  });

  it('drops a PC added only by a revoked PC when the revocation keeps nothing, until a member adds it again', () => {
    const bare = signRevoke(founder, G, { deviceId: kitchen.deviceId, reason: '盗難' }, 5_000);
    const ops = [root, addKitchen, addOffice, bare];
    expect(isMember(ops, office.deviceId)).toBe(false);
    expect(isMember([...ops, signAdd(founder, G, office, 7_000)], office.deviceId)).toBe(true);
  });

  it('keeps only what every revocation of a PC keeps', () => {
    const narrower = signRevoke(joiner, G, { deviceId: kitchen.deviceId, reason: '盗難', keep: [] }, 5_500);
    const ops = [root, addJoiner, addKitchen, addOffice, revokeKitchen, narrower];
    expect(isMember(ops, office.deviceId)).toBe(false);
    expect(
      isMember(
        ops.filter((op) => op !== narrower),
        office.deviceId,
      ),
    ).toBe(true);
  });

  it('keeps the group when the founding PC is revoked, with the adds its revoker kept', () => {
    const ops = [root, addJoiner, addKitchen];
    const revokeFounder = signRevoke(joiner, G, { deviceId: G, reason: '盗難', keep: keepOnRevoke(ops, G) }, 8_000);
    const merged = mergeOps([...ops, revokeFounder, signAdd(founder, G, mallory, 9_000)]);
    expect(ids(merged)).toEqual(sorted(joiner.deviceId, kitchen.deviceId));
    expect(merged.revoked).toEqual([G]);
  });

  it('rejects a forged signature, an altered op and an op signed by a PC no member ever added', () => {
    const forged = {
      ...signAdd(founder, G, mallory, 2_000),
      by: G,
      signature: signAdd(mallory, G, mallory, 2_000).signature,
    };
    const altered = { ...addJoiner, name: '帳場' };
    const outsider = signAdd(mallory, G, office, 2_000);
    const mallorySelf = { ...signAdd(mallory, G, mallory, 2_000) };
    const merged = mergeOps([root, forged, altered, outsider, mallorySelf]);
    expect(ids(merged)).toEqual([G]);
    const reasons = merged.rejected.map((entry) => entry.reason).sort();
    expect(reasons).toEqual(['bad signature', 'bad signature', 'signer never a member', 'signer never a member']);
  });

  it('rejects an add whose certificate is not the device’s key, malformed ops, and ops of another group', () => {
    const wrongCert = signAdd(founder, G, { ...joiner, certPem: mallory.certPem }, 2_000);
    const otherGroup = signAdd(founder, mallory.deviceId, joiner, 2_000);
    const merged = mergeOps([root, wrongCert, { kind: 'add' }, 'x', null, otherGroup], { group: G });
    expect(ids(merged)).toEqual([G]);
    expect(merged.rejected.map((entry) => entry.reason).sort()).toEqual([
      'certificate does not match device id',
      'malformed',
      'malformed',
      'malformed',
      'other group',
    ]);
  });

  it('names no group, and no members, when the ops hold no founding op or the founding ops of two groups', () => {
    expect(mergeOps([addJoiner]).group).toBeNull();
    const two = mergeOps([root, createGroup(mallory, 1)]);
    expect(two.group).toBeNull();
    expect(two.members).toEqual([]);
    expect(two.rejected.map((entry) => entry.reason)).toEqual(['several groups', 'several groups']);
    // The PC that stores the list knows its group, and says so.
    expect(ids(mergeOps([root, createGroup(mallory, 1)], { group: G }))).toEqual([G]);
  });

  it('signs over a fixed encoding: the key order of the object as received does not matter', () => {
    const reordered = Object.fromEntries(Object.entries(addJoiner).reverse());
    expect(isMember([root, reordered], joiner.deviceId)).toBe(true);
  });
});
