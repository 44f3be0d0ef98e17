import type { Identity } from '../../electron/core/sync/membership/device.ts';
import type { MembershipOp } from '../../electron/core/sync/membership/ops.ts';
import { type Inviter, openInvite } from '../../electron/core/sync/pairing/inviter.ts';
import { type Joiner, startJoin } from '../../electron/core/sync/pairing/joiner.ts';
import { peerOf } from './identities.ts';

// Two pairing machines joined by in-memory queues, as two PCs over one TLS connection. Messages go through
// JSON on the way, as they would on the wire, and every message is kept for the tests to look at.

export type Clock = { now: () => number; advance: (ms: number) => void };

export function clock(start = 1_750_000_000_000): Clock {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

export type Session = {
  inviter: Inviter;
  joiner: Joiner;
  toInviter: unknown[];
  toJoiner: unknown[];
  /** Everything each side sent, in order. */
  log: { byInviter: unknown[]; byJoiner: unknown[] };
  /** Delivers queued messages both ways until none are left. */
  pump: () => void;
};

export function session(options: {
  inviter: Identity;
  joiner: Identity;
  ops: readonly MembershipOp[];
  clock: Clock;
  nonces?: { inviter?: Buffer; joiner?: Buffer };
}): Session {
  const toInviter: unknown[] = [];
  const toJoiner: unknown[] = [];
  const log = { byInviter: [] as unknown[], byJoiner: [] as unknown[] };
  const wire = (message: unknown) => JSON.parse(JSON.stringify(message)) as unknown;
  const fixed = (nonce: Buffer | undefined) => (nonce ? { random: () => Buffer.from(nonce) } : {});
  const joiner = startJoin({
    self: options.joiner,
    peer: peerOf(options.inviter),
    now: options.clock.now,
    send: (message) => {
      log.byJoiner.push(message);
      toInviter.push(wire(message));
    },
    ...fixed(options.nonces?.joiner),
  });
  const inviter = openInvite({
    self: options.inviter,
    peer: peerOf(options.joiner),
    ops: options.ops,
    now: options.clock.now,
    send: (message) => {
      log.byInviter.push(message);
      toJoiner.push(wire(message));
    },
    ...fixed(options.nonces?.inviter),
  });
  const pump = () => {
    for (let round = 0; round < 100 && (toInviter.length > 0 || toJoiner.length > 0); round += 1) {
      if (toInviter.length > 0) inviter.receive(toInviter.shift());
      if (toJoiner.length > 0) joiner.receive(toJoiner.shift());
    }
  };
  return { inviter, joiner, toInviter, toJoiner, log, pump };
}

/** The code the inviter shows, for the person to type. */
export function shownCode(inviter: Inviter): string {
  const state = inviter.state();
  if (state.kind !== 'code_shown') throw new Error(`the inviter shows no code: ${state.kind}`);
  return state.code;
}
