import type { DeviceIdentity } from './device/identity.ts';
import type { PeerAddress } from './state-file.ts';
import type { PeerChannel } from './transport/frames.ts';
import { connectToPeer } from './transport/tls.ts';

// Dialling the group's other PCs at the addresses they were last reached at: one attempt at a time per PC,
// and after each failure a longer wait (the redial interval doubled, up to 16 times it, at most a minute), so
// a PC that is off for the night costs a few connection attempts an hour, not one a second.

const DIAL_TIMEOUT_MS = 5_000;
const MAX_WAIT_MS = 60_000;

type DialState = { nextAt: number; failures: number; busy: boolean };

export function createDialer(options: {
  clock: () => number;
  redialMs: number;
  /** Whether a device is a member now: the only ones dialled, and the only answer accepted. */
  isMember: (deviceId: string) => boolean;
  /** A connection made: the service takes it as a member's. */
  onChannel: (channel: PeerChannel) => void;
}) {
  const { clock, redialMs } = options;
  const states = new Map<string, DialState>();

  const dial = async (identity: DeviceIdentity, deviceId: string, address: PeerAddress) => {
    const state = states.get(deviceId) ?? { nextAt: 0, failures: 0, busy: false };
    states.set(deviceId, state);
    if (state.busy || clock() < state.nextAt) return;
    state.busy = true;
    try {
      const channel = await connectToPeer({
        identity,
        host: address.host,
        port: address.port,
        admit: (id) => (options.isMember(id) ? 'member' : false),
        expectDeviceId: deviceId,
        timeoutMs: DIAL_TIMEOUT_MS,
      });
      state.failures = 0;
      options.onChannel(channel);
    } catch {
      state.failures++;
      state.nextAt = clock() + Math.min(MAX_WAIT_MS, redialMs * 2 ** Math.min(state.failures - 1, 4));
    } finally {
      state.busy = false;
    }
  };

  return {
    /** Dials each of `targets` that is not being dialled and whose wait is over. */
    dialAll(identity: DeviceIdentity, targets: ReadonlyArray<{ deviceId: string; address: PeerAddress }>) {
      return Promise.all(targets.map((target) => dial(identity, target.deviceId, target.address)));
    },
    /** Dial this PC at the next round, whatever its wait (it just let this one in). */
    now(deviceId: string) {
      const state = states.get(deviceId);
      if (state) state.nextAt = 0;
    },
    isDialling: (deviceId: string) => states.get(deviceId)?.busy === true,
  };
}
