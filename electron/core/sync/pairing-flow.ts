import type { SyncPairing } from '../../../shared/contract/sync.ts';
import { shortDeviceId } from './device/device-id.ts';
import type { Identity } from './membership/device.ts';
import type { MembershipOp } from './membership/ops.ts';
import { type Inviter, openInvite } from './pairing/inviter.ts';
import { type Joiner, startJoin } from './pairing/joiner.ts';
import { PAIR_WINDOW_MS } from './pairing/messages.ts';
import type { PeerChannel } from './transport/frames.ts';

// One pairing at a time on this PC, as the screens see it: the state machines of pairing/ (which know the
// messages and the code) tied to a transport channel, a two-minute window and the status the contract
// answers. The service (service.ts) decides who may connect and stores what pairing produced.

type CloseReason = NonNullable<SyncPairing['reason']>;

export type PairingOutcome =
  | { role: 'inviter'; ops: MembershipOp[]; joiner: string }
  | { role: 'joiner'; ops: MembershipOp[]; inviter: string; address: { host: string; port: number } };

export function createPairingFlow(options: { now: () => number; onPaired: (outcome: PairingOutcome) => void }) {
  const { now } = options;
  type Window =
    | {
        role: 'inviter';
        deadline: number;
        machine: Inviter | null;
        channel: PeerChannel | null;
        reason: CloseReason | null;
      }
    | {
        role: 'joiner';
        deadline: number;
        machine: Joiner | null;
        channel: PeerChannel | null;
        reason: CloseReason | null;
        address: { host: string; port: number };
      };
  let window: Window | null = null;
  let reported = false;

  const closeChannel = () => {
    window?.channel?.close();
  };

  const finish = (reason: CloseReason) => {
    if (!window || window.reason) return;
    window.reason = reason;
    closeChannel();
  };

  const checkPaired = () => {
    if (!window || reported) return;
    const state = window.machine?.state();
    if (!state) return;
    if (state.kind === 'closed') return finish(state.reason);
    if (state.kind !== 'paired') return;
    reported = true;
    if (window.role === 'inviter' && state.kind === 'paired' && 'joiner' in state) {
      options.onPaired({ role: 'inviter', ops: state.ops, joiner: state.joiner.deviceId });
    } else if (window.role === 'joiner' && 'inviter' in state) {
      options.onPaired({ role: 'joiner', ops: state.ops, inviter: state.inviter.deviceId, address: window.address });
    }
    // The pairing channel carried only pairing; the PCs now connect again as members. This channel, not the
    // window's: by then the person may have opened the next window, whose channel must live.
    const channel = window.channel;
    setTimeout(() => channel?.close(), 200).unref?.();
  };

  const wire = (channel: PeerChannel, receive: (message: unknown) => void) => {
    channel.onMessage((message) => {
      receive(message);
      checkPaired();
    });
    channel.onClose(() => {
      if (window && window.channel === channel && !reported && !window.reason) window.reason = 'unreachable';
    });
  };

  return {
    /** 「PCを追加」: a window for one new PC. */
    openInvite() {
      closeChannel();
      reported = false;
      window = { role: 'inviter', deadline: now() + PAIR_WINDOW_MS, machine: null, channel: null, reason: null };
    },
    /** Whether a PC that is not a member may connect now, to pair: the window is open and still unused. */
    admitsNewPc(): boolean {
      return window?.role === 'inviter' && !window.reason && window.channel === null && now() < window.deadline;
    },
    /** Whether `deviceId` is the PC this window is pairing with now (its channel stays admitted). */
    pairingWith(deviceId: string): boolean {
      return window?.role === 'inviter' && !window.reason && window.channel?.deviceId === deviceId;
    },
    /** A new PC connected in the window (the transport admitted it as 'pairing'). */
    inviterChannel(channel: PeerChannel, self: Identity, ops: MembershipOp[]) {
      if (window?.role !== 'inviter' || window.channel || window.reason) return channel.close();
      window.channel = channel;
      const machine = openInvite({
        self,
        peer: { deviceId: channel.deviceId, certPem: channel.certPem },
        ops,
        now,
        send: (message) => void channel.send(message).catch(() => {}),
        shortId: shortDeviceId,
      });
      window.machine = machine;
      wire(channel, (message) => machine.receive(message));
      checkPaired();
    },
    /** The new PC's side: connecting to a member's address. */
    startJoining(address: { host: string; port: number }) {
      closeChannel();
      reported = false;
      window = {
        role: 'joiner',
        deadline: now() + PAIR_WINDOW_MS,
        machine: null,
        channel: null,
        reason: null,
        address,
      };
    },
    joinerChannel(channel: PeerChannel, self: Identity) {
      if (window?.role !== 'joiner' || window.reason) return channel.close();
      window.channel = channel;
      const machine = startJoin({
        self,
        peer: { deviceId: channel.deviceId, certPem: channel.certPem },
        now,
        send: (message) => void channel.send(message).catch(() => {}),
        shortId: shortDeviceId,
      });
      window.machine = machine;
      wire(channel, (message) => machine.receive(message));
      checkPaired();
    },
    joinFailed(reason: CloseReason) {
      finish(reason);
    },
    typeCode(code: string): boolean {
      if (window?.role !== 'joiner' || !window.machine) return false;
      window.machine.typeCode(code);
      checkPaired();
      return true;
    },
    confirm(accept: boolean): boolean {
      if (window?.role !== 'inviter' || !window.machine) return false;
      if (accept) window.machine.confirm();
      else window.machine.cancel();
      checkPaired();
      return true;
    },
    cancel() {
      if (!window) return;
      window.machine?.cancel();
      finish('cancelled');
    },
    tick() {
      if (!window || window.reason) return;
      window.machine?.tick();
      if (!window.machine && now() >= window.deadline) finish('timeout');
      checkPaired();
    },
    status(): SyncPairing | null {
      if (!window) return null;
      const expiresAt = new Date(window.deadline).toISOString();
      if (window.role === 'inviter') {
        const state = window.machine?.state();
        const base = { role: 'inviter' as const, code: null, expiresAt, peer: null, reason: window.reason };
        if (window.reason) return { ...base, state: 'closed' };
        if (!state || state.kind === 'waiting_for_pc') return { ...base, state: 'waiting_for_pc' };
        if (state.kind === 'closed') return { ...base, state: 'closed', reason: state.reason };
        const joiner = state.joiner;
        const peer = { name: joiner.name, short: joiner.shortId };
        if (state.kind === 'code_shown') return { ...base, state: 'code_shown', code: state.code, peer };
        if (state.kind === 'waiting_for_confirmation') return { ...base, state: 'waiting_for_confirmation', peer };
        return { ...base, state: 'paired', peer, expiresAt: null };
      }
      const state = window.machine?.state();
      const base = { role: 'joiner' as const, triesLeft: 0, expiresAt, peer: null, reason: window.reason };
      if (window.reason) return { ...base, state: 'closed' };
      if (!state) return { ...base, state: 'connecting' };
      if (state.kind === 'waiting_for_pc') return { ...base, state: 'waiting_for_pc' };
      if (state.kind === 'closed') return { ...base, state: 'closed', reason: state.reason };
      const peer = { name: state.inviter.name, short: state.inviter.shortId };
      if (state.kind === 'entering_code') return { ...base, state: 'entering_code', triesLeft: state.triesLeft, peer };
      if (state.kind === 'waiting_for_confirmation') return { ...base, state: 'waiting_for_confirmation', peer };
      return { ...base, state: 'paired', peer, expiresAt: null };
    },
    /** Whether a pairing is under way (not ended). */
    active(): boolean {
      const status = this.status();
      return status !== null && status.state !== 'closed' && status.state !== 'paired';
    },
  };
}

export type PairingFlow = ReturnType<typeof createPairingFlow>;
