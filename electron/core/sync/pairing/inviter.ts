import { randomBytes } from 'node:crypto';
import { deviceIdOf, type Identity, publicKeyOf, shortDeviceId, spkiOf } from '../membership/device.ts';
import { mergeOps } from '../membership/merge.ts';
import { type AddOp, type MembershipOp, signAdd } from '../membership/ops.ts';
import { commitment, NONCE_BYTES, pairingCode, sameDigest } from './code.ts';
import { type CloseReason, MAX_TRIES, PAIR_WINDOW_MS, type Peer, type ToJoiner, toInviter } from './messages.ts';

// The member's side of pairing (「PCを追加」). It shows the code, counts the joiner's failed tries, and adds
// the joiner only after its own person confirms by name and short device id. It never adds anyone on the
// joiner's word alone: a machine in the middle holding this session knows this session's code and can report
// success; what it cannot do is make the honest new PC show success (the code typed there will not match its
// own), nor show the honest PC's device id here.

export type PeerView = { deviceId: string; shortId: string; name: string };

export type InviterState =
  | { kind: 'waiting_for_pc'; deadline: number; joiner: PeerView | null }
  | { kind: 'code_shown'; deadline: number; code: string; joiner: PeerView; failures: number }
  | { kind: 'waiting_for_confirmation'; deadline: number; joiner: PeerView }
  | { kind: 'paired'; joiner: PeerView; added: AddOp; ops: MembershipOp[] }
  | { kind: 'closed'; reason: CloseReason };

export type InviterInput =
  | { kind: 'received'; message: unknown }
  | { kind: 'confirm' }
  | { kind: 'cancel' }
  | { kind: 'tick' };

export type InviterOptions = {
  self: Identity;
  /** The joiner as the TLS transport authenticated it. */
  peer: Peer;
  /** The membership ops this PC holds; the joiner's add is signed into this group. */
  ops: readonly MembershipOp[];
  now: () => number;
  send: (message: ToJoiner) => void;
  random?: (size: number) => Buffer;
  shortId?: (deviceId: string) => string;
  onChange?: (state: InviterState) => void;
};

export type Inviter = {
  state(): InviterState;
  handle(input: InviterInput): InviterState;
  receive(message: unknown): InviterState;
  confirm(): InviterState;
  cancel(): InviterState;
  tick(): InviterState;
};

export function openInvite(options: InviterOptions): Inviter {
  const { self, peer, now, send } = options;
  const random = options.random ?? randomBytes;
  const shortId = options.shortId ?? shortDeviceId;
  const deadline = now() + PAIR_WINDOW_MS;
  const nonceI = random(NONCE_BYTES);
  const merged = mergeOps(options.ops);
  const ownKey = publicKeyOf(self.certPem);
  const peerKey = publicKeyOf(peer.certPem);
  let committed: Buffer | null = null;
  let state: InviterState = { kind: 'waiting_for_pc', deadline, joiner: null };

  const set = (next: InviterState) => {
    state = next;
    options.onChange?.(state);
    return state;
  };
  const close = (reason: CloseReason, tell: boolean) => {
    if (tell) send({ type: 'close', reason });
    return set({ kind: 'closed', reason });
  };

  // A joiner whose certificate is not its device id's key, one already revoked (revocation wins forever, so
  // adding it would do nothing), or a group this PC is not a member of: nothing to pair.
  const usable =
    ownKey !== null &&
    peerKey !== null &&
    deviceIdOf(peer.certPem) === peer.deviceId &&
    merged.group !== null &&
    !merged.revoked.includes(peer.deviceId) &&
    merged.members.some((member) => member.deviceId === self.deviceId);
  if (!usable) close('protocol', true);

  const received = (raw: unknown): InviterState => {
    const parsed = toInviter.safeParse(raw);
    if (!parsed.success) return close('protocol', true);
    const message = parsed.data;
    if (message.type === 'close') return close(message.reason, false);
    if (state.kind === 'waiting_for_pc' && state.joiner === null && message.type === 'commit') {
      committed = Buffer.from(message.commitment, 'hex');
      send({ type: 'nonce', nonce: nonceI.toString('hex'), name: self.name });
      return set({
        ...state,
        joiner: { deviceId: peer.deviceId, shortId: shortId(peer.deviceId), name: message.name },
      });
    }
    if (state.kind === 'waiting_for_pc' && state.joiner !== null && message.type === 'reveal') {
      const nonceJ = Buffer.from(message.nonce, 'hex');
      const spkiJ = spkiOf(peerKey as NonNullable<typeof peerKey>);
      if (!sameDigest(commitment(nonceJ, spkiJ), committed as Buffer)) return close('commitment', true);
      const code = pairingCode({
        inviter: { spki: spkiOf(ownKey as NonNullable<typeof ownKey>), deviceId: self.deviceId, nonce: nonceI },
        joiner: { spki: spkiJ, deviceId: peer.deviceId, nonce: nonceJ },
      });
      return set({ kind: 'code_shown', deadline, code, joiner: state.joiner, failures: 0 });
    }
    if (state.kind === 'code_shown' && message.type === 'result') {
      if (message.ok) return set({ kind: 'waiting_for_confirmation', deadline, joiner: state.joiner });
      const failures = state.failures + 1;
      return failures >= MAX_TRIES ? close('wrong_code', true) : set({ ...state, failures });
    }
    return close('protocol', true);
  };

  const handle = (input: InviterInput): InviterState => {
    if (state.kind === 'closed' || state.kind === 'paired') return state;
    if (now() >= deadline) return close('timeout', true);
    switch (input.kind) {
      case 'tick':
        return state;
      case 'cancel':
        return close('cancelled', true);
      case 'received':
        return received(input.message);
      case 'confirm': {
        // Only the person's yes, after the joiner reported a match, adds the PC.
        if (state.kind !== 'waiting_for_confirmation') return state;
        const group = merged.group as string;
        const added = signAdd(
          self,
          group,
          { deviceId: peer.deviceId, name: state.joiner.name, certPem: peer.certPem },
          now(),
        );
        const ops = [...options.ops, added];
        send({ type: 'membership', ops });
        return set({ kind: 'paired', joiner: state.joiner, added, ops });
      }
    }
  };

  return {
    state: () => state,
    handle,
    receive: (message) => handle({ kind: 'received', message }),
    confirm: () => handle({ kind: 'confirm' }),
    cancel: () => handle({ kind: 'cancel' }),
    tick: () => handle({ kind: 'tick' }),
  };
}
