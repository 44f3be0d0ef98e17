import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { deviceIdFromSpki } from '../../electron/core/sync/device/device-id.ts';
import { startBeacon } from '../../electron/core/sync/discovery/beacon.ts';
import {
  BEACON_PORT,
  encodeBeacon,
  MAX_DATAGRAM_BYTES,
  parseBeacon,
} from '../../electron/core/sync/discovery/datagram.ts';
import { MAX_PEERS } from '../../electron/core/sync/discovery/discovered.ts';
import { broadcastTargets, guessLanAddress } from '../../electron/core/sync/discovery/interfaces.ts';
import { createPeerTable } from '../../electron/core/sync/discovery/peer-table.ts';

// The beacon's datagram parser, the broadcast addresses it is sent to, the peer table's expiry, and two beacons
// in this process hearing each other on loopback (127.255.255.255, which never leaves the machine). Discovery
// between real network namespaces is discovery-netns.test.ts.

const ME = deviceIdFromSpki(Buffer.from('this pc'));
const PEER = deviceIdFromSpki(Buffer.from('the other pc'));
const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const valid = { v: 1, app: 'yadocho-sync', device: PEER, name: '厨房', port: 4871, group: ME };

describe('beacon datagram', () => {
  it('reads a well-formed beacon, and what it writes', () => {
    expect(BEACON_PORT).toBe(4872);
    expect(parseBeacon(json(valid), ME)).toEqual({ device: PEER, name: '厨房', port: 4871, group: ME });
    expect(parseBeacon(json({ ...valid, group: null }), ME)?.group).toBeNull();
    // A later version's extra field is ignored, not a reason to go unseen.
    expect(parseBeacon(json({ ...valid, schema: 40 }), ME)?.device).toBe(PEER);
    const written = encodeBeacon({ device: PEER, name: 'フロント', port: 5000, group: null });
    expect(written.byteLength).toBeLessThan(200);
    expect(JSON.parse(written.toString('utf8'))).toEqual({
      v: 1,
      app: 'yadocho-sync',
      device: PEER,
      name: 'フロント',
      port: 5000,
      group: null,
    });
    expect(parseBeacon(written, ME)).toEqual({ device: PEER, name: 'フロント', port: 5000, group: null });
  });

  it('ignores malformed, oversize, foreign and its own datagrams', () => {
    const ignored: [string, Uint8Array][] = [
      ['empty', new Uint8Array()],
      ['not JSON', Buffer.from('{"v":1,', 'utf8')],
      ['not UTF-8 JSON', Buffer.from([0xff, 0xfe, 0x00, 0x7b])],
      ['JSON but not an object', json([valid])],
      ['null', json(null)],
      ['another application', json({ ...valid, app: 'yadocho-other' })],
      ['another version', json({ ...valid, v: 2 })],
      ['version as a string', json({ ...valid, v: '1' })],
      ['no device', json({ ...valid, device: undefined })],
      ['device in lower case', json({ ...valid, device: PEER.toLowerCase() })],
      ['device too short', json({ ...valid, device: PEER.slice(0, 51) })],
      ['device with a bad last character', json({ ...valid, device: `${PEER.slice(0, 51)}B` })],
      ['group not a device id', json({ ...valid, group: 'inn' })],
      ['group missing', json({ ...valid, group: undefined })],
      ['empty name', json({ ...valid, name: '' })],
      ['name too long', json({ ...valid, name: 'あ'.repeat(41) })],
      ['port 0', json({ ...valid, port: 0 })],
      ['port too high', json({ ...valid, port: 65536 })],
      ['port not an integer', json({ ...valid, port: 4871.5 })],
      ['port as a string', json({ ...valid, port: '4871' })],
      ['its own beacon', json({ ...valid, device: ME })],
      ['oversize', json({ ...valid, padding: 'x'.repeat(MAX_DATAGRAM_BYTES) })],
    ];
    for (const [what, datagram] of ignored) expect(parseBeacon(datagram, ME), what).toBeNull();
    // The size limit is on bytes, not characters: 1024 bytes is the most that is read.
    const padded = (length: number) => {
      const base = JSON.stringify({ ...valid, padding: '' });
      return Buffer.from(base.replace('"padding":""', `"padding":"${'x'.repeat(length - Buffer.byteLength(base))}"`));
    };
    expect(padded(MAX_DATAGRAM_BYTES).byteLength).toBe(MAX_DATAGRAM_BYTES);
    expect(parseBeacon(padded(MAX_DATAGRAM_BYTES), ME)?.device).toBe(PEER);
    expect(parseBeacon(padded(MAX_DATAGRAM_BYTES + 1), ME)).toBeNull();
  });
});

describe('broadcast addresses', () => {
  const info = (address: string, netmask: string, internal = false) => ({
    address,
    netmask,
    family: 'IPv4' as const,
    mac: internal ? '00:00:00:00:00:00' : '02:00:00:00:00:01',
    internal,
    cidr: null,
  });
  const all = {
    lo: [info('127.0.0.1', '255.0.0.0', true)],
    eth0: [
      info('192.168.1.23', '255.255.255.0'),
      { ...info('fe80::1', 'ffff:ffff:ffff:ffff::'), family: 'IPv6' as const, scopeid: 2 },
    ],
    wlan0: [info('10.20.30.40', '255.255.240.0')],
    tun0: [info('100.64.0.9', '255.255.255.255')],
  };

  it('is address | ~netmask per external IPv4 address, loopback only when named', () => {
    expect(broadcastTargets(undefined, all)).toEqual([
      { interface: 'eth0', address: '192.168.1.23', broadcast: '192.168.1.255' },
      { interface: 'wlan0', address: '10.20.30.40', broadcast: '10.20.31.255' },
    ]);
    expect(broadcastTargets(['lo'], all)).toEqual([
      { interface: 'lo', address: '127.0.0.1', broadcast: '127.255.255.255' },
    ]);
    expect(broadcastTargets(['wlan0', 'tun0', 'missing'], all)).toEqual([
      { interface: 'wlan0', address: '10.20.30.40', broadcast: '10.20.31.255' },
    ]);
  });

  it('guesses the LAN address past virtual adapters', () => {
    expect(
      guessLanAddress({
        'vEthernet (WSL)': [info('172.20.16.1', '255.255.240.0')],
        イーサネット: [info('192.168.10.5', '255.255.255.0')],
      }),
    ).toBe('192.168.10.5');
    expect(guessLanAddress({ 'vEthernet (WSL)': [info('172.20.16.1', '255.255.240.0')] })).toBe('172.20.16.1');
    expect(guessLanAddress({ lo: [info('127.0.0.1', '255.0.0.0', true)] })).toBeNull();
  });
});

describe('peer table', () => {
  it('keeps the latest hint per device, expires the silent, and stays bounded', () => {
    let clock = 1_000;
    const table = createPeerTable(() => clock, 30_000);
    table.heard({ device: PEER, name: '厨房', port: 4871, group: null }, '10.0.0.2');
    clock += 10_000;
    table.heard({ device: PEER, name: '厨房2', port: 4871, group: ME }, '10.0.0.3');
    expect(table.list()).toEqual([
      { device: PEER, name: '厨房2', port: 4871, group: ME, host: '10.0.0.3', lastHeard: 11_000 },
    ]);
    clock += 30_000;
    expect(table.list()).toHaveLength(1);
    clock += 1;
    expect(table.list()).toEqual([]);

    for (let i = 0; i < MAX_PEERS + 10; i++) {
      clock += 1;
      table.heard({ device: deviceIdFromSpki(Buffer.from(`pc ${i}`)), name: `PC${i}`, port: 4871, group: null }, 'h');
    }
    const listed = table.list();
    expect(listed).toHaveLength(MAX_PEERS);
    expect(listed.some((peer) => peer.name === `PC${MAX_PEERS + 9}`)).toBe(true);
    expect(listed.some((peer) => peer.name === 'PC0')).toBe(false);
  });
});

// Broadcast on loopback (127.255.255.255 on `lo`) is how Linux behaves; macOS and Windows name and treat their
// loopback otherwise. The namespace test covers the real thing.
const notLinux = process.platform !== 'linux';
describe('beacon on loopback', () => {
  it.skipIf(notLinux)(
    `two beacons${notLinux ? ' (skipped: Linux only, needs lo and 127.255.255.255)' : ''} on one port hear each other, not themselves, and ignore junk`,
    { timeout: 15_000 },
    async () => {
      const beaconPort = 20_000 + Math.floor(Math.random() * 40_000);
      const common = { beaconPort, intervalMs: 200, interfaces: ['lo'] };
      const a = await startBeacon({ ...common, device: ME, name: 'フロント', port: 4871, group: null });
      const b = await startBeacon({ ...common, device: PEER, name: '厨房', port: 4999, group: ME });
      const junk = createSocket('udp4');
      try {
        // Junk sent straight to the port: nothing of it may show up.
        await new Promise<void>((resolve) => junk.send('{"v":1,"app":"x"}', beaconPort, '127.0.0.1', () => resolve()));
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && (a.peers().length === 0 || b.peers().length === 0)) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(a.peers()).toEqual([expect.objectContaining({ device: PEER, name: '厨房', port: 4999, group: ME })]);
        expect(a.peers()[0]?.host).toMatch(/^127\./);
        expect(b.peers()).toEqual([expect.objectContaining({ device: ME, name: 'フロント', port: 4871, group: null })]);

        // A change is said at once, not at the next tick.
        a.update({ name: 'フロント2', group: ME });
        const changed = Date.now() + 5_000;
        while (Date.now() < changed && b.peers()[0]?.name !== 'フロント2') {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(b.peers()[0]).toMatchObject({ name: 'フロント2', group: ME });
      } finally {
        junk.close();
        await a.stop();
        await b.stop();
      }
    },
  );
});
