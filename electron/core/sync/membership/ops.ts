import { createHash, sign } from 'node:crypto';
import { z } from 'zod';
import { DEVICE_ID, type Identity } from './device.ts';

// The membership list is a set of signed operations. Each is signed over a canonical encoding that this file
// defines, never over JSON.stringify of the object as it came (key order and extra fields would then change
// what was signed): a JSON array of the fields in a fixed order, after a domain tag, so a signature made for
// membership cannot be replayed as anything else, and two encodings of one op cannot differ.
//
//   add:    ["yadocho-membership-v1", "add", group, deviceId, name, certPem, by, at]
//   revoke: ["yadocho-membership-v1", "revoke", group, deviceId, by, at, reason, keep (sorted, unique)]
//
// Two fields beyond the sketch:
// - group: the founding PC's device id. It ties every op to one group, so an op cannot be carried into
//   another inn's group, and it names the one self-signed add that anchors the group.
// - keep (revoke only): the ids of the revoked device's own add ops that the revoking PC held and vouches
//   for. The revoked device's other signatures stop counting (see merge.ts for why).
//
// An op's id is SHA-256 of its canonical encoding without the signature. ECDSA signatures are not unique
// (the same signer can make many valid ones for one message), so identity follows what was said, not the
// signature bytes.

export const MEMBERSHIP_TAG = 'yadocho-membership-v1';

const deviceId = z.string().regex(DEVICE_ID);
const opIdSchema = z.string().regex(/^[0-9a-f]{64}$/);
const stamp = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const signature = z.string().regex(/^[A-Za-z0-9_-]{86}$/); // 64 bytes (r ‖ s) in base64url

export const addOpSchema = z
  .object({
    kind: z.literal('add'),
    group: deviceId,
    deviceId,
    name: z.string().min(1).max(64),
    certPem: z.string().min(1).max(8192),
    by: deviceId,
    at: stamp,
    signature,
  })
  .strict();

export const revokeOpSchema = z
  .object({
    kind: z.literal('revoke'),
    group: deviceId,
    deviceId,
    by: deviceId,
    at: stamp,
    reason: z.string().max(200),
    keep: z.array(opIdSchema).max(1000),
    signature,
  })
  .strict();

export const opSchema = z.discriminatedUnion('kind', [addOpSchema, revokeOpSchema]);

export type AddOp = z.infer<typeof addOpSchema>;
export type RevokeOp = z.infer<typeof revokeOpSchema>;
export type MembershipOp = AddOp | RevokeOp;

type Unsigned<T> = Omit<T, 'signature'>;

const sortedUnique = (ids: readonly string[]) => [...new Set(ids)].sort();

/** The bytes an op's signature covers. */
export function canonicalBytes(op: Unsigned<AddOp> | Unsigned<RevokeOp>): Buffer {
  const fields =
    op.kind === 'add'
      ? [MEMBERSHIP_TAG, 'add', op.group, op.deviceId, op.name, op.certPem, op.by, op.at]
      : [MEMBERSHIP_TAG, 'revoke', op.group, op.deviceId, op.by, op.at, op.reason, sortedUnique(op.keep)];
  return Buffer.from(JSON.stringify(fields), 'utf8');
}

export function opId(op: Unsigned<AddOp> | Unsigned<RevokeOp>): string {
  return createHash('sha256').update(canonicalBytes(op)).digest('hex');
}

function signed<T extends Unsigned<AddOp> | Unsigned<RevokeOp>>(signer: Identity, op: T): T & { signature: string } {
  const bytes = canonicalBytes(op);
  const sig = sign('sha256', bytes, { key: signer.privateKey, dsaEncoding: 'ieee-p1363' });
  return { ...op, signature: sig.toString('base64url') };
}

/** The group's first op: the founding PC adds itself, signed by itself. The group id is its device id. */
export function createGroup(founder: Identity, at: number): AddOp {
  return signAdd(founder, founder.deviceId, founder, at);
}

/** A member adds a PC to the group. */
export function signAdd(
  signer: Identity,
  group: string,
  member: { deviceId: string; name: string; certPem: string },
  at: number,
): AddOp {
  return signed(signer, {
    kind: 'add',
    group,
    deviceId: member.deviceId,
    name: member.name,
    certPem: member.certPem,
    by: signer.deviceId,
    at,
  });
}

/**
 * A member revokes a PC, for good. `keep` lists the revoked PC's own add ops that stay valid (by default,
 * what `keepOnRevoke` finds in the ops this PC holds: the PCs it added that are members now).
 */
export function signRevoke(
  signer: Identity,
  group: string,
  revoke: { deviceId: string; reason: string; keep?: readonly string[] },
  at: number,
): RevokeOp {
  return signed(signer, {
    kind: 'revoke',
    group,
    deviceId: revoke.deviceId,
    by: signer.deviceId,
    at,
    reason: revoke.reason,
    keep: sortedUnique(revoke.keep ?? []),
  });
}
