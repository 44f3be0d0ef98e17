import { randomBytes } from 'node:crypto';
import { deviceIdOf, type Identity, publicKeyOf, shortDeviceId, spkiOf } from '../membership/device.ts';
import { mergeOps } from '../membership/merge.ts';
import type { MembershipOp } from '../membership/ops.ts';
import { commitment, NONCE_BYTES, normalizeTypedCode, pairingCode, sameCode } from './code.ts';
import type { PeerView } from './inviter.ts';
import { type CloseReason, MAX_TRIES, PAIR_WINDOW_MS, type Peer, type ToInviter, toJoiner } from './messages.ts';

// The new PC's side of pairing. It commits to its nonce first, learns the inviter's nonce, reveals its own,
// and then waits for the person to type the code the inviter shows. It compares the typed code with its own
// (in constant time): only its own comparison can tell it that no machine sits in the middle, so it shows
// success (paired) only after that comparison matched and the inviter's signed membership list arrived.

export type JoinerState =
  | { kind: 'waiting_for_pc'; deadline: number }
  | {
      kind: 'entering_code';
      deadline: number;
      inviter: PeerView;
      triesLeft: number;
      lastTry: 'none' | 'wrong' | 'unreadable';
    }
  | { kind: 'waiting_for_confirmation'; deadline: number; inviter: PeerView; ownShortId: string }
  | { kind: 'paired'; inviter: PeerView; group: string; ops: MembershipOp[] }
  | { kind: 'closed'; reason: CloseReason };

export type JoinerInput =
  | { kind: 'received'; message: unknown }
  | { kind: 'type_code'; code: string }
  | { kind: 'cancel' }
  | { kind: 'tick' };

export type JoinerOptions = {
  self: Identity;
  /** The member as the TLS transport authenticated it. */
  peer: Peer;
  now: () => number;
  send: (message: ToInviter) => void;
  random?: (size: number) => Buffer;
  shortId?: (deviceId: string) => string;
  onChange?: (state: JoinerState) => void;
};

export type Joiner = {
  state(): JoinerState;
  handle(input: JoinerInput): JoinerState;
  receive(message: unknown): JoinerState;
  typeCode(code: string): JoinerState;
  cancel(): JoinerState;
  tick(): JoinerState;
};

/** Starts pairing on the new PC: sends the commitment at once. */
export function startJoin(options: JoinerOptions): Joiner {
  const { self, peer, now, send } = options;
  const random = options.random ?? randomBytes;
  const shortId = options.shortId ?? shortDeviceId;
  const deadline = now() + PAIR_WINDOW_MS;
  const nonceJ = random(NONCE_BYTES);
  const ownKey = publicKeyOf(self.certPem);
  const peerKey = publicKeyOf(peer.certPem);
  let code: string | null = null;
  let state: JoinerState = { kind: 'waiting_for_pc', deadline };

  const set = (next: JoinerState) => {
    state = next;
    options.onChange?.(state);
    return state;
  };
  const close = (reason: CloseReason, tell: boolean) => {
    if (tell) send({ type: 'close', reason });
    return set({ kind: 'closed', reason });
  };

  if (!ownKey || !peerKey || deviceIdOf(peer.certPem) !== peer.deviceId) close('protocol', true);
  else send({ type: 'commit', commitment: commitment(nonceJ, spkiOf(ownKey)).toString('hex'), name: self.name });

  // The list must make both PCs members, with this PC added by the inviter under this PC's own key.
  const acceptable = (ops: MembershipOp[]) => {
    const merged = mergeOps(ops);
    const me = merged.members.find((member) => member.deviceId === self.deviceId);
    return (
      merged.group !== null &&
      (me?.addedBy.includes(peer.deviceId) ?? false) &&
      merged.members.some((member) => member.deviceId === peer.deviceId)
    );
  };

  const received = (raw: unknown): JoinerState => {
    const parsed = toJoiner.safeParse(raw);
    if (!parsed.success) return close('protocol', true);
    const message = parsed.data;
    if (message.type === 'close') return close(message.reason, false);
    if (state.kind === 'waiting_for_pc' && message.type === 'nonce') {
      send({ type: 'reveal', nonce: nonceJ.toString('hex') });
      code = pairingCode({
        inviter: {
          spki: spkiOf(peerKey as NonNullable<typeof peerKey>),
          deviceId: peer.deviceId,
          nonce: Buffer.from(message.nonce, 'hex'),
        },
        joiner: { spki: spkiOf(ownKey as NonNullable<typeof ownKey>), deviceId: self.deviceId, nonce: nonceJ },
      });
      const inviter = { deviceId: peer.deviceId, shortId: shortId(peer.deviceId), name: message.name };
      return set({ kind: 'entering_code', deadline, inviter, triesLeft: MAX_TRIES, lastTry: 'none' });
    }
    if (state.kind === 'waiting_for_confirmation' && message.type === 'membership') {
      if (!acceptable(message.ops)) return close('protocol', true);
      return set({
        kind: 'paired',
        inviter: state.inviter,
        group: mergeOps(message.ops).group as string,
        ops: message.ops,
      });
    }
    return close('protocol', true);
  };

  const typed = (raw: string): JoinerState => {
    if (state.kind !== 'entering_code') return state;
    const digits = normalizeTypedCode(raw);
    // Something that is not six digits is a slip of the keyboard, not a guess: it does not use up a try.
    if (digits === null) return set({ ...state, lastTry: 'unreadable' });
    if (sameCode(digits, code as string)) {
      send({ type: 'result', ok: true });
      return set({
        kind: 'waiting_for_confirmation',
        deadline,
        inviter: state.inviter,
        ownShortId: shortId(self.deviceId),
      });
    }
    send({ type: 'result', ok: false });
    const triesLeft = state.triesLeft - 1;
    // The inviter counts the failures too and closes on the third; the close says so in as many words.
    return triesLeft === 0 ? close('wrong_code', true) : set({ ...state, triesLeft, lastTry: 'wrong' });
  };

  const handle = (input: JoinerInput): JoinerState => {
    if (state.kind === 'closed' || state.kind === 'paired') return state;
    if (now() >= deadline) return close('timeout', true);
    switch (input.kind) {
      case 'tick':
        return state;
      case 'cancel':
        return close('cancelled', true);
      case 'type_code':
        return typed(input.code);
      case 'received':
        return received(input.message);
    }
  };

  return {
    state: () => state,
    handle,
    receive: (message) => handle({ kind: 'received', message }),
    typeCode: (code) => handle({ kind: 'type_code', code }),
    cancel: () => handle({ kind: 'cancel' }),
    tick: () => handle({ kind: 'tick' }),
  };
}
