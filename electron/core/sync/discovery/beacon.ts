import { createSocket, type Socket } from 'node:dgram';
import type { Logger } from '../../context.ts';
import { BEACON_PORT, encodeBeacon, MAX_DATAGRAM_BYTES, parseBeacon } from './datagram.ts';
import type { Advertised, AdvertisedUpdate, Discovered } from './discovered.ts';
import { broadcastTargets } from './interfaces.ts';
import { createPeerTable } from './peer-table.ts';

// The UDP broadcast beacon: the discovery that works where multicast does not (some Wi-Fi access points and
// switches drop multicast, Windows may send it out of a virtual adapter). Every few seconds, and at once when
// started or changed, this PC sends its datagram (datagram.ts) to the broadcast address of each IPv4 network it
// is on, and it listens on the same port for the others'. A broadcast stays inside the subnet, which is the
// inn's LAN, and routers never forward it.

export type BeaconOptions = Advertised & {
  /** The UDP port beacons are sent to and heard on; every PC of an inn must use the same one. */
  beaconPort?: number;
  /** How often the beacon is sent. */
  intervalMs?: number;
  /** Only these interfaces (by name), loopback included if named; otherwise every external IPv4 interface. */
  interfaces?: string[];
  /** How long a peer stays listed after its last beacon. */
  expireMs?: number;
  now?: () => number;
  logger?: Logger;
};

export type BeaconDiscovery = {
  peers(): Discovered[];
  /** Changes what this PC says about itself (a new name, port or group) and says it at once. */
  update(fields: AdvertisedUpdate): void;
  stop(): Promise<void>;
};

export const BEACON_INTERVAL_MS = 5_000;

/** Starts the beacon; rejects if the port cannot be bound (then this PC neither sends nor hears beacons). */
export async function startBeacon(options: BeaconOptions): Promise<BeaconDiscovery> {
  const now = options.now ?? Date.now;
  const beaconPort = options.beaconPort ?? BEACON_PORT;
  const self: Advertised = { device: options.device, name: options.name, port: options.port, group: options.group };
  const table = createPeerTable(now, options.expireMs);
  // Each failing target is reported once, not every few seconds, until it works again.
  const failing = new Set<string>();

  // SO_REUSEADDR: several programs (two Yadocho windows in a test, a second user session) may share the port.
  const socket: Socket = createSocket({ type: 'udp4', reuseAddr: true });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      socket.close();
      reject(error);
    };
    socket.once('error', onError);
    // Bound to every address: on Linux a socket bound to one unicast address does not receive broadcasts.
    socket.bind(beaconPort, () => {
      socket.off('error', onError);
      resolve();
    });
  });
  socket.setBroadcast(true);
  socket.on('error', (error) => options.logger?.warn(`sync discovery: beacon socket: ${error.message}`));
  socket.on('message', (datagram, remote) => {
    if (datagram.byteLength > MAX_DATAGRAM_BYTES) return;
    const fields = parseBeacon(datagram, self.device);
    if (fields) table.heard(fields, remote.address);
  });

  let stopped = false;
  const send = () => {
    if (stopped) return;
    const datagram = encodeBeacon(self);
    for (const target of broadcastTargets(options.interfaces)) {
      const key = `${target.interface} ${target.broadcast}`;
      socket.send(datagram, beaconPort, target.broadcast, (error) => {
        if (!error) {
          failing.delete(key);
        } else if (!failing.has(key) && !stopped) {
          failing.add(key);
          options.logger?.warn(
            `sync discovery: no beacon to ${target.broadcast} (${target.interface}): ${error.message}`,
          );
        }
      });
    }
  };
  send();
  const timer = setInterval(send, options.intervalMs ?? BEACON_INTERVAL_MS);
  timer.unref?.();

  return {
    peers: () => table.list(),
    update(fields) {
      if (fields.name !== undefined) self.name = fields.name;
      if (fields.port !== undefined) self.port = fields.port;
      if (fields.group !== undefined) self.group = fields.group;
      send();
    },
    stop() {
      if (stopped) return Promise.resolve();
      stopped = true;
      clearInterval(timer);
      table.clear();
      return new Promise<void>((resolve) => socket.close(() => resolve()));
    },
  };
}
