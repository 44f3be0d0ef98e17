import { createSocket } from 'node:dgram';
import { startBeacon } from '../../electron/core/sync/discovery/beacon.ts';
import type { Discovered } from '../../electron/core/sync/discovery/discovered.ts';
import { startDiscovery } from '../../electron/core/sync/discovery/discovery.ts';
import { interfaceAddress } from '../../electron/core/sync/discovery/interfaces.ts';
import { startMdns } from '../../electron/core/sync/discovery/mdns.ts';

// One PC's discovery in a child process, run by discovery-netns.test.ts inside a network namespace of its own
// (`ip netns exec <ns> node discovery-child.ts`). Its options come as JSON in YDC_DISCOVERY; it prints JSON
// lines on stdout: what it found every 200 ms, the warnings it logged, and `stopped` after SIGTERM. It ends by
// itself after `lifetimeMs`, or when its stdin closes (the test is gone), so it never outlives the test.

type ChildOptions = {
  mode: 'beacon' | 'mdns' | 'discovery';
  device: string;
  name: string;
  port: number;
  group: string | null;
  /** The namespace's veth interface: the beacon's only interface, and mDNS's address. */
  interface: string;
  beaconPort: number;
  intervalMs: number;
  queryMs: number;
  expireMs: number;
  lifetimeMs: number;
  /** Hold UDP 5353 exclusively first, as another responder might: mDNS must fail and the beacon carry on. */
  occupyMdnsPort?: boolean;
  /** Let 5353 go after this long, so discovery's retry can start mDNS. */
  releaseMdnsPortAfterMs?: number;
  retryMs?: number;
};

const options = JSON.parse(process.env.YDC_DISCOVERY ?? '{}') as ChildOptions;
const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const logger = {
  info: (message: string) => print({ event: 'info', message }),
  warn: (message: string) => print({ event: 'warn', message }),
  error: (message: string) => print({ event: 'error', message }),
};

async function main() {
  if (options.occupyMdnsPort) {
    const blocker = createSocket({ type: 'udp4', reuseAddr: false });
    await new Promise<void>((resolve) => blocker.bind(5353, '0.0.0.0', resolve));
    blocker.unref();
    if (options.releaseMdnsPortAfterMs !== undefined) {
      setTimeout(() => blocker.close(), options.releaseMdnsPortAfterMs).unref();
    }
  }
  const address = interfaceAddress(options.interface);
  if (!address) throw new Error(`no IPv4 address on ${options.interface}`);
  const self = { device: options.device, name: options.name, port: options.port, group: options.group };
  let running: { peers(): Discovered[]; stop(): Promise<void> };
  let status = (): Record<string, boolean> => ({});
  if (options.mode === 'beacon') {
    running = await startBeacon({
      ...self,
      beaconPort: options.beaconPort,
      intervalMs: options.intervalMs,
      expireMs: options.expireMs,
      interfaces: [options.interface],
      logger,
    });
  } else if (options.mode === 'mdns') {
    running = await startMdns({
      ...self,
      interfaceAddress: address,
      queryMs: options.queryMs,
      expireMs: options.expireMs,
      logger,
    });
  } else {
    const discovery = await startDiscovery({
      ...self,
      beaconPort: options.beaconPort,
      intervalMs: options.intervalMs,
      interfaces: [options.interface],
      mdnsInterfaceAddress: address,
      mdnsQueryMs: options.queryMs,
      expireMs: options.expireMs,
      retryMs: options.retryMs,
      logger,
    });
    running = discovery;
    status = discovery.running;
  }
  print({ event: 'started', address, running: status() });

  const report = setInterval(() => print({ event: 'peers', peers: running.peers(), running: status() }), 200);
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    clearInterval(report);
    await running.stop();
    print({ event: 'stopped' });
    process.exit(code);
  };
  process.once('SIGTERM', () => void stop(0));
  process.stdin.on('end', () => void stop(0));
  process.stdin.resume();
  setTimeout(() => void stop(3), options.lifetimeMs).unref();
}

main().catch((error: unknown) => {
  print({ event: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(2);
});
