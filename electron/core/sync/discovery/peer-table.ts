import { type Advertised, type Discovered, EXPIRE_MS, MAX_PEERS } from './discovered.ts';

// The peers one mechanism has heard, by device id. The latest hint for a device replaces the one before
// (a PC that moved to another address is found at the new one); a device not heard for `expireMs` is gone.

export type PeerTable = {
  heard(fields: Advertised, host: string): void;
  forget(device: string): void;
  list(): Discovered[];
  clear(): void;
};

export function createPeerTable(now: () => number, expireMs = EXPIRE_MS): PeerTable {
  const peers = new Map<string, Discovered>();

  const expire = () => {
    const cutoff = now() - expireMs;
    for (const [device, peer] of peers) if (peer.lastHeard < cutoff) peers.delete(device);
  };

  return {
    heard(fields, host) {
      expire();
      if (!peers.has(fields.device) && peers.size >= MAX_PEERS) {
        // Full (a flood, never an inn): the new hint replaces the one heard longest ago.
        let oldest: Discovered | null = null;
        for (const peer of peers.values()) if (!oldest || peer.lastHeard < oldest.lastHeard) oldest = peer;
        if (oldest) peers.delete(oldest.device);
      }
      peers.delete(fields.device); // re-inserted last: the map stays in the order heard
      peers.set(fields.device, { ...fields, host, lastHeard: now() });
    },
    forget(device) {
      peers.delete(device);
    },
    list() {
      expire();
      return [...peers.values()].map((peer) => ({ ...peer }));
    },
    clear() {
      peers.clear();
    },
  };
}
