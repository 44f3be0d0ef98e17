import type { SyncHub } from '../../electron/core/sync/hub.ts';
import type { SyncMessage } from '../../electron/core/sync/messages.ts';

// Two PCs' sync hubs joined by an in-memory link that keeps each connection's order, as TLS does, for the
// session tests (the network's faults are the simulation's job). Messages wait in flight until a test delivers
// them, all at once (`flush`) or one at a time (`deliverOne`), so what happens between two messages can be the
// subject.

export type LinkedPc = { device: string; hub: SyncHub };

type InFlight<P> = { from: P; to: P; message: SyncMessage };

export function memoryLink<P extends LinkedPc>(
  a: P,
  b: P,
  options: {
    /** Changes a message on its way (null: lost), to plant what a faulty or older peer would send. */
    rewrite?: (message: SyncMessage, from: string) => SyncMessage | null;
  } = {},
) {
  const queue: Array<InFlight<P>> = [];
  const sent: Array<{ from: string; message: SyncMessage }> = [];
  let open = true;
  const endpoint = (from: P, to: P) => ({
    send: (message: SyncMessage) => {
      if (!open) return;
      const changed = options.rewrite ? options.rewrite(message, from.device) : message;
      if (!changed) return;
      sent.push({ from: from.device, message: changed });
      queue.push({ from, to, message: structuredClone(changed) });
    },
    close: () => {
      open = false;
    },
  });
  a.hub.attach(b.device, endpoint(a, b));
  b.hub.attach(a.device, endpoint(b, a));
  return {
    /** Every message sent either way, in order. */
    messages: () => sent.map((entry) => entry.message),
    /** What one side sent. */
    sentBy: (device: string) => sent.filter((entry) => entry.from === device).map((entry) => entry.message),
    /** The kinds of message one side sent. */
    kinds: (device: string) => sent.filter((entry) => entry.from === device).map((entry) => entry.message.t),
    pending: () => queue.length,
    /** Delivers the next message; the receiving hub's answer is a promise while it applies a batch in parts. */
    deliverOne() {
      const next = queue.shift();
      if (!next) throw new Error('nothing in flight');
      return { to: next.to, message: next.message, answer: next.to.hub.receive(next.from.device, next.message) };
    },
    /** Delivers every message in flight, and what they cause, until none is left. */
    flush() {
      for (let guard = 0; guard < 10_000 && queue.length > 0; guard++) this.deliverOne();
      if (queue.length > 0) throw new Error('the link did not settle');
    },
    /** The connection drops: what is in flight is lost, and both sides are told. */
    cut() {
      open = false;
      queue.length = 0;
      a.hub.detach(b.device);
      b.hub.detach(a.device);
    },
  };
}
