import { type KeyObject, verify } from 'node:crypto';
import { deviceIdOf, publicKeyOf } from './device.ts';
import { type AddOp, canonicalBytes, type MembershipOp, opId, opSchema, type RevokeOp } from './ops.ts';

// Who is in the group, as a pure function of the set of ops a PC holds: every PC that holds the same ops
// computes the same members, whatever order they arrived in and however often. Nothing here reads a clock or
// trusts an op's `at`: it is the signer's own claim, and a thief holding a key can write any date.
//
// The rules, in layers so that none depends on its own result (no order, no tie-break needed):
// 1. The anchor is the group's founding op: the add with deviceId = by = group, signed by that key.
// 2. Ever-admitted (E): the anchor, and every device added by a device in E, revocations ignored. An op
//    signed by a device outside E is rejected: no member ever vouched for its key.
// 3. Revoked (R): every device named by a revoke signed by a device in E. Revocation wins forever, over
//    every add of that device, earlier or later, and even when its signer is itself revoked. A revocation can
//    only shut a device out, never let one in, so accepting more of them can never admit an intruder; a
//    stolen laptop's own revocations can lock honest PCs out (they then pair again with new keys), which it
//    could equally have done before anyone revoked it.
// 4. A revoked device's add ops count only if every revoke of it lists them in `keep`. "Before the theft"
//    cannot be told from the ops alone (dates are claims), so the revoking PC says which of the revoked
//    device's adds it held and vouches for; anything signed later, or never seen, stops counting. Taking
//    the intersection over all its revokes means a second revoke can only narrow what is kept.
// 5. Members: least fixpoint from the anchor: a device is standing if it is the anchor or some counting add
//    (step 4) by a standing device names it; members are the standing devices not revoked. A PC whose only
//    add came from a revoked device (and was not kept) drops out until a member adds it again: the safe side.
//    Because the anchor stands as an anchor even when revoked, revoking the founding PC keeps the PCs its kept
//    adds brought in, so a stolen founding laptop does not take the whole group with it.

export type Member = {
  deviceId: string;
  name: string;
  certPem: string;
  /** Device ids whose counting adds brought this PC in, sorted. */
  addedBy: string[];
  /** The `at` of the add whose name and certificate are shown (the latest by (at, op id)). */
  addedAt: number;
};

export type RejectReason =
  | 'malformed'
  | 'no founding op'
  | 'several groups'
  | 'other group'
  | 'certificate does not match device id'
  | 'unknown signer'
  | 'bad signature'
  | 'signer never a member'
  | 'signer revoked'
  | 'signer not a member'
  | 'device revoked';

export type Merged = {
  /** The group's id (its founding PC's device id), or null when the ops name none or several. */
  group: string | null;
  members: Member[];
  revoked: string[];
  rejected: Array<{ op: unknown; reason: RejectReason }>;
};

type Parsed = { op: MembershipOp; id: string };

const isRoot = (op: MembershipOp, group: string) => op.kind === 'add' && op.deviceId === group && op.by === group;

function safeKey(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

export function mergeOps(input: readonly unknown[], options: { group?: string } = {}): Merged {
  return evaluate(input, options).merged;
}

/** The merge, and the ids of the add ops that bring a member in (what `keepOnRevoke` chooses from). */
function evaluate(input: readonly unknown[], options: { group?: string }): { merged: Merged; links: Parsed[] } {
  const rejected = new Map<string, { op: unknown; reason: RejectReason }>();
  const reject = (op: unknown, reason: RejectReason, key: string) => rejected.set(`${key}|${reason}`, { op, reason });
  const rejectParsed = (p: Parsed, reason: RejectReason) => reject(p.op, reason, `${p.id}|${p.op.signature}`);
  const done = (group: string | null, members: Member[], revoked: string[], links: Parsed[] = []) => ({
    merged: {
      group,
      members,
      revoked,
      rejected: [...rejected.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry),
    },
    links,
  });

  const parsed: Parsed[] = [];
  for (const raw of input) {
    const result = opSchema.safeParse(raw);
    if (!result.success) reject(raw, 'malformed', `~${safeKey(raw)}`);
    else parsed.push({ op: result.data, id: opId(result.data) });
  }

  // Keys: a device's key comes from any add naming it whose certificate hashes to its id; the hash binds the
  // key to the id, so an add need not be trusted to supply it.
  const keys = new Map<string, KeyObject>();
  const usable: Parsed[] = [];
  for (const p of parsed) {
    if (p.op.kind === 'add' && deviceIdOf(p.op.certPem) !== p.op.deviceId) {
      rejectParsed(p, 'certificate does not match device id');
      continue;
    }
    if (p.op.kind === 'add' && !keys.has(p.op.deviceId))
      keys.set(p.op.deviceId, publicKeyOf(p.op.certPem) as KeyObject);
    usable.push(p);
  }
  const authentic: Parsed[] = [];
  for (const p of usable) {
    const key = keys.get(p.op.by);
    if (!key) rejectParsed(p, 'unknown signer');
    else if (
      !verify(
        'sha256',
        canonicalBytes(p.op),
        { key, dsaEncoding: 'ieee-p1363' },
        Buffer.from(p.op.signature, 'base64url'),
      )
    )
      rejectParsed(p, 'bad signature');
    else authentic.push(p);
  }

  let group = options.group ?? null;
  if (group === null) {
    const roots = new Set(authentic.filter((p) => isRoot(p.op, p.op.group)).map((p) => p.op.group));
    if (roots.size !== 1) {
      for (const p of authentic) rejectParsed(p, roots.size === 0 ? 'no founding op' : 'several groups');
      return done(null, [], []);
    }
    group = [...roots][0] as string;
  }
  const ours: Parsed[] = [];
  for (const p of authentic) {
    if (p.op.group !== group) rejectParsed(p, 'other group');
    else ours.push(p);
  }
  const adds = ours.filter((p): p is Parsed & { op: AddOp } => p.op.kind === 'add');
  const revokes = ours.filter((p): p is Parsed & { op: RevokeOp } => p.op.kind === 'revoke');
  const anchored = adds.some((p) => isRoot(p.op, group));

  // Step 2: ever admitted.
  const ever = closure(anchored ? group : null, adds, () => true);
  for (const p of ours) if (!ever.has(p.op.by)) rejectParsed(p, 'signer never a member');

  // Step 3 and 4: revoked, and what each revoked device's revokers all keep.
  const revoked = new Set<string>();
  const kept = new Map<string, Set<string>>();
  for (const p of revokes) {
    if (!ever.has(p.op.by)) continue;
    revoked.add(p.op.deviceId);
    const previous = kept.get(p.op.deviceId);
    const keep = new Set(p.op.keep);
    kept.set(p.op.deviceId, previous ? new Set([...previous].filter((id) => keep.has(id))) : keep);
  }
  const counts = (p: Parsed & { op: AddOp }) => !revoked.has(p.op.by) || (kept.get(p.op.by)?.has(p.id) ?? false);

  // Step 5: standing, then members.
  const standing = closure(anchored ? group : null, adds, counts);
  const members: Member[] = [];
  const allLinks: Parsed[] = [];
  for (const deviceId of [...standing].sort()) {
    if (revoked.has(deviceId)) continue;
    const links = adds.filter(
      (p) => p.op.deviceId === deviceId && standing.has(p.op.by) && (counts(p) || isRoot(p.op, group)),
    );
    allLinks.push(...links);
    const shown = links.reduce((a, b) => (b.op.at > a.op.at || (b.op.at === a.op.at && b.id > a.id) ? b : a));
    members.push({
      deviceId,
      name: shown.op.name,
      certPem: shown.op.certPem,
      addedBy: [...new Set(links.map((p) => p.op.by))].sort(),
      addedAt: shown.op.at,
    });
  }
  for (const p of adds) {
    if (!ever.has(p.op.by)) continue;
    if (revoked.has(p.op.deviceId)) rejectParsed(p, 'device revoked');
    else if (!counts(p)) rejectParsed(p, 'signer revoked');
    else if (!standing.has(p.op.by)) rejectParsed(p, 'signer not a member');
  }
  return done(group, members, [...revoked].sort(), allLinks);
}

/** The anchor and every device reachable from it through adds that `counts` accepts. */
function closure(
  anchor: string | null,
  adds: ReadonlyArray<Parsed & { op: AddOp }>,
  counts: (p: Parsed & { op: AddOp }) => boolean,
) {
  const reached = new Set<string>(anchor === null ? [] : [anchor]);
  let grew = anchor !== null;
  while (grew) {
    grew = false;
    for (const p of adds) {
      if (!reached.has(p.op.deviceId) && reached.has(p.op.by) && counts(p)) {
        reached.add(p.op.deviceId);
        grew = true;
      }
    }
  }
  return reached;
}

/** Whether the device is a member of the group these ops describe. */
export function isMember(ops: readonly unknown[], deviceId: string, options: { group?: string } = {}): boolean {
  return mergeOps(ops, options).members.some((member) => member.deviceId === deviceId);
}

/**
 * What a revocation of `deviceId` keeps by default: the ids of that device's adds that bring in a member now
 * (not its own founding add). The revoking screen lists these PCs so a person can drop any it does not know.
 */
export function keepOnRevoke(ops: readonly unknown[], deviceId: string, options: { group?: string } = {}): string[] {
  const { links } = evaluate(ops, options);
  const ids = links.filter((p) => p.op.by === deviceId && p.op.deviceId !== deviceId).map((p) => p.id);
  return [...new Set(ids)].sort();
}
