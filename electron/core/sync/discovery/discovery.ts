import type { Logger } from '../../context.ts';
import { type BeaconDiscovery, type BeaconOptions, startBeacon } from './beacon.ts';
import type { Advertised, AdvertisedUpdate, Discovered } from './discovered.ts';
import { guessLanAddress } from './interfaces.ts';
import { type MdnsDiscovery, type MdnsOptions, startMdns } from './mdns.ts';

// Both ways of being found, run side by side: the UDP beacon and mDNS. Either may fail on a given PC (the port
// is taken, the network forbids multicast or broadcast, a firewall): that one is reported through the logger
// and tried again later, and the other runs on. Their peers are merged by device id; the hint heard last wins.
// What is found is a hint for dialing; the TLS handshake with pinned keys decides who is really there.

export type DiscoveryOptions = Advertised & {
  logger: Logger;
  /** Turns either mechanism off (both are on by default). */
  beacon?: boolean;
  mdns?: boolean;
  beaconPort?: number;
  /** How often the beacon is sent. */
  intervalMs?: number;
  /** The beacon's interfaces, by name (default: every external IPv4 interface). */
  interfaces?: string[];
  /**
   * The address mDNS is tied to. On Windows, when not given, a guess at the LAN's (interfaces.ts); elsewhere
   * mDNS uses every interface.
   */
  mdnsInterfaceAddress?: string;
  mdnsQueryMs?: number;
  expireMs?: number;
  /** How often a mechanism that failed to start is tried again. */
  retryMs?: number;
  now?: () => number;
};

export type Discovery = {
  /** Every PC heard by either mechanism, one entry per device id: the one heard most recently. */
  peers(): Discovered[];
  update(fields: AdvertisedUpdate): void;
  /** Which mechanisms are running now (for the status screen: "not found automatically" has a reason). */
  running(): { beacon: boolean; mdns: boolean };
  stop(): Promise<void>;
};

export const DISCOVERY_RETRY_MS = 60_000;

type Mechanism = {
  peers(): Discovered[];
  update(fields: AdvertisedUpdate): void;
  stop(): Promise<void>;
};

/** Never rejects: what cannot start is logged and retried. */
export async function startDiscovery(options: DiscoveryOptions): Promise<Discovery> {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const self: Advertised = { device: options.device, name: options.name, port: options.port, group: options.group };
  let stopped = false;

  const beaconOptions = (): BeaconOptions => ({
    ...self,
    beaconPort: options.beaconPort,
    intervalMs: options.intervalMs,
    interfaces: options.interfaces,
    expireMs: options.expireMs,
    now,
    logger,
  });
  const mdnsOptions = (): MdnsOptions => ({
    ...self,
    interfaceAddress:
      options.mdnsInterfaceAddress ?? (process.platform === 'win32' ? (guessLanAddress() ?? undefined) : undefined),
    queryMs: options.mdnsQueryMs,
    expireMs: options.expireMs,
    now,
    logger,
  });

  const slots: { name: 'beacon' | 'mdns'; start: () => Promise<BeaconDiscovery | MdnsDiscovery> }[] = [];
  if (options.beacon !== false) slots.push({ name: 'beacon', start: () => startBeacon(beaconOptions()) });
  if (options.mdns !== false) slots.push({ name: 'mdns', start: () => startMdns(mdnsOptions()) });
  const live = new Map<'beacon' | 'mdns', Mechanism>();
  const busy = new Set<'beacon' | 'mdns'>();
  const failedBefore = new Set<'beacon' | 'mdns'>();

  const tryStart = async (slot: (typeof slots)[number]) => {
    if (stopped || live.has(slot.name) || busy.has(slot.name)) return;
    busy.add(slot.name);
    try {
      const mechanism = await slot.start();
      if (stopped) {
        await mechanism.stop();
        return;
      }
      live.set(slot.name, mechanism);
      if (failedBefore.delete(slot.name)) logger.info(`sync discovery: ${slot.name} started`);
    } catch (error) {
      // Said once, not at every retry.
      if (!failedBefore.has(slot.name)) {
        failedBefore.add(slot.name);
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn(`sync discovery: ${slot.name} is off (${reason}); PCs can still be found another way`);
      }
    } finally {
      busy.delete(slot.name);
    }
  };

  let pending = Promise.all(slots.map((slot) => tryStart(slot)));
  await pending;
  const retry = setInterval(() => {
    pending = Promise.all(slots.filter((slot) => !live.has(slot.name)).map((slot) => tryStart(slot)));
  }, options.retryMs ?? DISCOVERY_RETRY_MS);
  retry.unref?.();

  return {
    peers() {
      const merged = new Map<string, Discovered>();
      for (const mechanism of live.values()) {
        for (const peer of mechanism.peers()) {
          const known = merged.get(peer.device);
          if (!known || peer.lastHeard > known.lastHeard) merged.set(peer.device, peer);
        }
      }
      return [...merged.values()].sort((a, b) => a.device.localeCompare(b.device));
    },
    update(fields) {
      if (fields.name !== undefined) self.name = fields.name;
      if (fields.port !== undefined) self.port = fields.port;
      if (fields.group !== undefined) self.group = fields.group;
      for (const mechanism of live.values()) mechanism.update(fields);
    },
    running: () => ({ beacon: live.has('beacon'), mdns: live.has('mdns') }),
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(retry);
      await pending; // a start under way finishes and, seeing `stopped`, stops what it started
      await Promise.all([...live.values()].map((mechanism) => mechanism.stop().catch(() => {})));
      live.clear();
    },
  };
}
