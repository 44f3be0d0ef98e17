import type { EventEmitter } from 'node:events';
import Bonjour from 'bonjour-service';
import { z } from 'zod';
import type { Logger } from '../../context.ts';
import { type Advertised, type AdvertisedUpdate, type Discovered, deviceIdSchema, nameSchema } from './discovered.ts';
import { createPeerTable } from './peer-table.ts';

// mDNS / DNS-SD (RFC 6762/6763) through bonjour-service: this PC publishes `_yadocho-sync._tcp` and browses for
// the others. It is what finds a PC on a network where broadcasts are filtered but multicast is not, and what
// other tools (dns-sd, avahi-browse) can see when someone needs to look.
//
// - The instance name is the device id: unique per PC, so two PCs both called フロント never collide (bonjour-
//   service does not rename on a collision, it gives up). The TXT record carries v, device, name and group
//   (absent before the PC joins one: bonjour-service cannot encode an empty value).
// - The host reported is the address the answer came from, as for the beacon: the SRV target and A records
//   name whatever addresses the PC has, virtual adapters included.
// - bonjour-service keeps a found service for the record's TTL (8 hours for the PTR) unless a goodbye comes,
//   so a PC that was switched off would stay listed. Instead the question is asked again every `queryMs` by a
//   fresh browser, whose answers count as heard, and a PC not heard for `expireMs` is dropped. A few PCs asking
//   every ten seconds is a handful of small packets; RFC 6762 would back off further, for networks far larger.
// - bonjour-service 1.4.4 installs no 'error' listener on its multicast-dns socket, so a port it cannot bind
//   (5353 held exclusively by another responder) would throw an unhandled 'error' and end the process. The
//   listener is added here, on the instance's internal `server.mdns`; if that is ever missing, mDNS is not
//   started at all (discovery.ts then runs the beacon alone) rather than risk the process.

export const MDNS_TYPE = 'yadocho-sync';
export const MDNS_QUERY_MS = 10_000;
const START_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 1_000;

export type MdnsOptions = Advertised & {
  /**
   * The IPv4 address of the interface to use. On Windows pass the LAN's: without it, multicast often leaves
   * through a virtual adapter (Hyper-V, WSL, VPN) and nobody hears it. Elsewhere it limits mDNS to one network.
   */
  interfaceAddress?: string;
  /** How often the others are asked again. */
  queryMs?: number;
  expireMs?: number;
  now?: () => number;
  logger?: Logger;
};

export type MdnsDiscovery = {
  peers(): Discovered[];
  /** Publishes the changed fields (the service is withdrawn and published again). */
  update(fields: AdvertisedUpdate): void;
  /** Withdraws the service (a goodbye, so the others drop it at once) and closes the socket. */
  stop(): Promise<void>;
};

const txtSchema = z.object({
  v: z.literal('1'),
  device: deviceIdSchema,
  name: nameSchema,
  group: deviceIdSchema.optional(),
});

type FoundService = Bonjour.Service & { txt?: unknown };

/** Starts publishing and browsing; rejects if the mDNS socket cannot be opened (then mDNS is off). */
export async function startMdns(options: MdnsOptions): Promise<MdnsDiscovery> {
  const now = options.now ?? Date.now;
  const self: Advertised = { device: options.device, name: options.name, port: options.port, group: options.group };
  const table = createPeerTable(now, options.expireMs);
  const reported = new Set<string>();
  const warnOnce = (what: string, error: unknown) => {
    const message = `sync discovery: mDNS ${what}: ${error instanceof Error ? error.message : String(error)}`;
    if (reported.has(message) || reported.size > 50) return;
    reported.add(message);
    options.logger?.warn(message);
  };

  // multicast-dns options (bonjour-service passes them through). With an interface, the socket joins the group
  // and sends on that interface only. multicast-dns then also binds to that address, which is what Windows
  // wants; Linux delivers no multicast to a socket bound to a unicast address, so elsewhere it binds 0.0.0.0.
  const socketOptions: Record<string, unknown> = {};
  if (options.interfaceAddress) {
    socketOptions.interface = options.interfaceAddress;
    if (process.platform !== 'win32') socketOptions.bind = '0.0.0.0';
  }
  const bonjour = new Bonjour(socketOptions as Partial<Bonjour.ServiceConfig>, (error: unknown) =>
    warnOnce('send', error),
  );
  const socket = (bonjour as unknown as { server?: { mdns?: EventEmitter } }).server?.mdns;
  if (!socket || typeof socket.on !== 'function') {
    bonjour.destroy();
    throw new Error('bonjour-service has no server.mdns: its socket errors could not be caught');
  }
  let starting: ((error?: unknown) => void) | null = null;
  socket.on('error', (error) => (starting ? starting(error) : warnOnce('socket', error)));
  // Warnings are what a network without multicast gives: joining the group or choosing the interface failed.
  socket.on('warning', (error) => warnOnce('multicast', error));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => starting?.(new Error('the mDNS socket did not open')), START_TIMEOUT_MS);
      starting = (error) => {
        clearTimeout(timer);
        starting = null;
        if (error === undefined) resolve();
        else reject(error);
      };
      socket.once('ready', () => starting?.());
    });
  } catch (error) {
    await new Promise<void>((resolve) => bonjour.destroy(() => resolve()));
    throw error;
  }

  const publish = () =>
    bonjour.publish({
      name: self.device,
      type: MDNS_TYPE,
      port: self.port,
      // A host name of our own, so these records never clash with the name the OS's responder announces.
      host: `${self.device.toLowerCase()}.local`,
      txt: { v: '1', device: self.device, name: self.name, ...(self.group ? { group: self.group } : {}) },
      disableIPv6: true,
    });
  let service = publish();
  service.on('error', (error: unknown) => warnOnce('publish', error));

  const read = (found: FoundService): { fields: Advertised; host: string } | null => {
    const txt = txtSchema.safeParse(found.txt);
    if (!txt.success || txt.data.device === self.device) return null;
    if (!Number.isInteger(found.port) || found.port < 1 || found.port > 65535) return null;
    const host =
      found.referer?.family === 'IPv4'
        ? found.referer.address
        : found.addresses?.find((address) => /^\d+\.\d+\.\d+\.\d+$/.test(address));
    if (!host) return null;
    const { device, name, group } = txt.data;
    return { fields: { device, name, port: found.port, group: group ?? null }, host };
  };
  const onFound = (found: FoundService) => {
    const peer = read(found);
    if (peer) table.heard(peer.fields, peer.host);
  };

  let stopped = false;
  let browser: Bonjour.Browser | null = null;
  const browse = () => {
    if (stopped) return;
    browser?.stop();
    browser?.removeAllListeners();
    browser = bonjour.find({ type: MDNS_TYPE });
    browser.on('up', onFound);
    browser.on('srv-update', onFound);
    browser.on('txt-update', onFound);
    // A goodbye (the PC stopped its sync): gone at once rather than after expireMs.
    browser.on('down', (found: FoundService) => {
      const device = txtSchema.shape.device.safeParse((found.txt as { device?: unknown } | undefined)?.device);
      if (device.success) table.forget(device.data);
    });
  };
  browse();
  const timer = setInterval(browse, options.queryMs ?? MDNS_QUERY_MS);
  timer.unref?.();

  const withdraw = (current: Bonjour.Service) =>
    new Promise<void>((resolve) => {
      const timeout = setTimeout(resolve, STOP_TIMEOUT_MS);
      current.stop?.(() => {
        clearTimeout(timeout);
        resolve();
      });
    });
  // Updates in order: each withdraws the service before the next is published.
  let republishing = Promise.resolve();

  return {
    peers: () => table.list(),
    update(fields) {
      const changed =
        (fields.name !== undefined && fields.name !== self.name) ||
        (fields.port !== undefined && fields.port !== self.port) ||
        (fields.group !== undefined && fields.group !== self.group);
      if (!changed) return;
      if (fields.name !== undefined) self.name = fields.name;
      if (fields.port !== undefined) self.port = fields.port;
      if (fields.group !== undefined) self.group = fields.group;
      republishing = republishing.then(async () => {
        if (stopped) return;
        await withdraw(service);
        if (stopped) return;
        service = publish();
        service.on('error', (error: unknown) => warnOnce('publish', error));
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      browser?.stop();
      browser?.removeAllListeners();
      await republishing;
      await withdraw(service);
      await new Promise<void>((resolve) => bonjour.destroy(() => resolve()));
      table.clear();
    },
  };
}
