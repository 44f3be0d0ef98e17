import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type TLSSocket } from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DeviceIdentity, loadOrCreateDeviceIdentity } from '../../electron/core/sync/device/identity.ts';
import {
  encodeFrame,
  FrameError,
  MAX_FRAME_BYTES,
  type PeerChannel,
} from '../../electron/core/sync/transport/frames.ts';
import {
  type Admit,
  connectToPeer,
  SYNC_ALPN,
  type SyncListener,
  startSyncListener,
  TransportError,
} from '../../electron/core/sync/transport/tls.ts';

// Real TLS sockets on 127.0.0.1 (port 0), real keys: nothing here is mocked. Every wait is bounded.

const HOST = '127.0.0.1';
const WAIT_MS = 5_000;

let root: string;
let front: DeviceIdentity;
let office: DeviceIdentity;
let kitchen: DeviceIdentity;
let stranger: DeviceIdentity;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'yadocho-tls-'));
  const make = (name: string) => loadOrCreateDeviceIdentity(join(root, name), { name });
  front = await make('Front');
  office = await make('Office');
  kitchen = await make('Kitchen');
  stranger = await make('Stranger');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A membership list that can change while connections are open, and a record of what admit was asked. */
function members(...identities: DeviceIdentity[]) {
  const ids = new Set(identities.map((identity) => identity.deviceId));
  const asked: string[] = [];
  const admit: Admit = (deviceId) => {
    asked.push(deviceId);
    return ids.has(deviceId) ? 'member' : false;
  };
  return { admit, asked, revoke: (identity: DeviceIdentity) => ids.delete(identity.deviceId) };
}

async function listen(identity: DeviceIdentity, admit: Admit) {
  const peers: PeerChannel[] = [];
  const listener: SyncListener = await startSyncListener({
    identity,
    host: HOST,
    port: 0,
    admit,
    onPeer: (channel) => peers.push(channel),
  });
  cleanups.push(() => listener.close());
  return { listener, peers };
}

function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const nextMessage = (channel: PeerChannel) =>
  within(new Promise<unknown>((resolve) => channel.onMessage(resolve)), 'a message');
const closed = (channel: PeerChannel) =>
  within(new Promise<Error | undefined>((resolve) => channel.onClose(resolve)), 'the channel to close');

/** A plain TLS client, below the transport: counts every application byte it receives. */
function rawClient(identity: Pick<DeviceIdentity, 'keyPem' | 'certPem'>, port: number, extra: object = {}) {
  const socket: TLSSocket = connect({
    host: HOST,
    port,
    key: identity.keyPem,
    cert: identity.certPem,
    minVersion: 'TLSv1.3',
    maxVersion: 'TLSv1.3',
    ALPNProtocols: [SYNC_ALPN],
    rejectUnauthorized: false,
    checkServerIdentity: () => undefined,
    ...extra,
  });
  cleanups.push(() => socket.destroy());
  let received = 0;
  socket.on('data', (chunk: Buffer) => {
    received += chunk.length;
  });
  socket.on('error', () => {});
  const ended = within(
    new Promise<void>((resolve) => socket.once('close', () => resolve())),
    'the raw socket to close',
  );
  const secure = within(
    new Promise<boolean>((resolve) => {
      socket.once('secureConnect', () => resolve(true));
      socket.once('close', () => resolve(false));
    }),
    'the raw handshake',
  );
  return { socket, ended, secure, received: () => received };
}

describe('sync transport over mutual TLS 1.3', () => {
  it('connects two members, who exchange frames both ways', async () => {
    const atFront = members(office);
    const atOffice = members(front);
    const server = await listen(front, atFront.admit);
    const client = await within(
      connectToPeer({ identity: office, host: HOST, port: server.listener.port, admit: atOffice.admit }),
      'connect',
    );
    cleanups.push(() => client.close());
    await until(() => server.peers.length === 1, 'the server to get the peer');
    const atServer = server.peers[0] as PeerChannel;
    expect(client).toMatchObject({ deviceId: front.deviceId, role: 'member' });
    expect(atServer).toMatchObject({ deviceId: office.deviceId, role: 'member' });
    expect(atFront.asked).toEqual([office.deviceId]);
    expect(atOffice.asked).toEqual([front.deviceId]);

    const fromServer = nextMessage(client);
    const fromClient = nextMessage(atServer);
    await client.send({ t: 'hello', text: '予約 123' });
    await atServer.send({ t: 'welcome', list: [1, 2, 3] });
    expect(await fromClient).toEqual({ t: 'hello', text: '予約 123' });
    expect(await fromServer).toEqual({ t: 'welcome', list: [1, 2, 3] });
    await until(() => atServer.bytesReceived() === client.bytesSent(), 'the byte counts to agree');
    expect(client.bytesReceived()).toBe(atServer.bytesSent());
    expect(client.bytesSent()).toBeGreaterThan(0);

    const clientClosed = closed(client);
    atServer.close();
    expect(await clientClosed).toBeUndefined();
  });

  it('negotiates TLS 1.3 only, with the sync ALPN', async () => {
    const { listener } = await listen(front, members(office).admit);
    const member = rawClient(office, listener.port);
    expect(await member.secure).toBe(true);
    expect(member.socket.getProtocol()).toBe('TLSv1.3');
    expect(member.socket.alpnProtocol).toBe(SYNC_ALPN);

    const old = rawClient(office, listener.port, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2' });
    expect(await old.secure).toBe(false);
    expect(old.received()).toBe(0);
  });

  it('refuses an unpaired client: onPeer never runs, and the client receives no application byte', async () => {
    const atFront = members(office);
    const { listener, peers } = await listen(front, atFront.admit);
    const client = rawClient(stranger, listener.port);
    expect(await client.secure).toBe(true); // the handshake itself completes: the key is checked right after
    client.socket.write(encodeFrame({ transport: 'yadocho-sync', version: 1 }));
    await client.ended;
    expect(client.received()).toBe(0);
    expect(atFront.asked).toEqual([stranger.deviceId]);
    expect(peers).toHaveLength(0);

    const refused = await connectToPeer({
      identity: stranger,
      host: HOST,
      port: listener.port,
      admit: () => 'member',
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TransportError);
    expect((refused as TransportError).code).toBe('closed_before_ready');
    expect(peers).toHaveLength(0);
  });

  it('refuses a client that shows no certificate', async () => {
    const atFront = members(office);
    const { listener, peers } = await listen(front, atFront.admit);
    const anonymous = rawClient({ keyPem: '', certPem: '' }, listener.port, { key: undefined, cert: undefined });
    await anonymous.ended;
    expect(anonymous.received()).toBe(0);
    expect(atFront.asked).toEqual([]);
    expect(peers).toHaveLength(0);
  });

  it('refuses an unpaired server on the client side, before the server gets a channel', async () => {
    const atStranger = members(office); // the stranger would accept the office PC…
    const { listener, peers } = await listen(stranger, atStranger.admit);
    const atOffice = members(front); // …but the office PC does not know the stranger
    const refused = await connectToPeer({ identity: office, host: HOST, port: listener.port, admit: atOffice.admit })
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TransportError);
    expect((refused as TransportError).code).toBe('not_admitted');
    expect(atOffice.asked).toEqual([stranger.deviceId]);
    // The client drops the connection as soon as it has seen the server's key, usually before its own last
    // handshake flight is even flushed: the server may never finish the handshake at all. Either way it never
    // gets a channel (given time it would have needed to get one).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(atStranger.asked.length).toBeLessThanOrEqual(1);
    expect(peers).toHaveLength(0);
  });

  it("refuses a client showing another PC's certificate with its own key", async () => {
    const atFront = members(office);
    const { listener, peers } = await listen(front, atFront.admit);
    const impostor = { ...stranger, certPem: office.certPem }; // the office PC's certificate, the stranger's key
    const refused = await connectToPeer({ identity: impostor, host: HOST, port: listener.port, admit: () => 'member' })
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    // OpenSSL will not even load the pair; a TLS stack that sent it anyway would fail CertificateVerify.
    expect(atFront.asked).not.toContain(office.deviceId);
    expect(peers).toHaveLength(0);
  });

  it('cuts a device revoked while connected, on refresh(), and refuses it afterwards', async () => {
    const atFront = members(office, kitchen);
    const server = await listen(front, atFront.admit);
    const office1 = await within(
      connectToPeer({ identity: office, host: HOST, port: server.listener.port, admit: members(front).admit }),
      'connect',
    );
    const kitchen1 = await within(
      connectToPeer({ identity: kitchen, host: HOST, port: server.listener.port, admit: members(front).admit }),
      'connect',
    );
    cleanups.push(
      () => office1.close(),
      () => kitchen1.close(),
    );
    await until(() => server.peers.length === 2, 'both peers');
    const officeAtServer = server.peers.find((peer) => peer.deviceId === office.deviceId) as PeerChannel;
    const serverSide = closed(officeAtServer);
    const clientSide = closed(office1);

    server.listener.refresh(); // nothing changed: nothing is cut
    await kitchen1.send({ still: 'here' });
    atFront.revoke(office);
    server.listener.refresh();
    const reason = await serverSide;
    expect(reason).toBeInstanceOf(TransportError);
    expect((reason as TransportError).code).toBe('revoked');
    await clientSide; // to the revoked PC the cut looks like any dropped connection: it is told nothing

    const again = await connectToPeer({
      identity: office,
      host: HOST,
      port: server.listener.port,
      admit: members(front).admit,
    }).catch((error: unknown) => error);
    expect((again as TransportError).code).toBe('closed_before_ready');
    // The kitchen PC, still a member, kept its channel.
    const kitchenAtServer = server.peers.find((peer) => peer.deviceId === kitchen.deviceId) as PeerChannel;
    const message = nextMessage(kitchenAtServer);
    await kitchen1.send({ n: 2 });
    expect(await message).toEqual({ still: 'here' });
  });

  it('cuts an outgoing channel to a revoked device on refresh() too', async () => {
    const atKitchen = members(front);
    const kitchenServer = await listen(kitchen, atKitchen.admit);
    const atFront = members(kitchen);
    const frontListener = await listen(front, atFront.admit);
    const channel = await within(
      connectToPeer({ identity: front, host: HOST, port: kitchenServer.listener.port, admit: atFront.admit }),
      'connect',
    );
    cleanups.push(() => channel.close());
    const cut = closed(channel);
    kitchenServer.listener.refresh(); // another PC's listener: front's outgoing channel is not its business
    atFront.revoke(kitchen);
    frontListener.listener.refresh();
    expect(((await cut) as TransportError).code).toBe('revoked');
  });

  it('refuses a server whose device id is not the one expected', async () => {
    const { listener, peers } = await listen(front, members(office).admit);
    const refused = await connectToPeer({
      identity: office,
      host: HOST,
      port: listener.port,
      admit: () => 'member',
      expectDeviceId: kitchen.deviceId,
    }).catch((error: unknown) => error);
    expect((refused as TransportError).code).toBe('unexpected_device');
    expect(peers).toHaveLength(0);

    const right = await connectToPeer({
      identity: office,
      host: HOST,
      port: listener.port,
      admit: () => 'member',
      expectDeviceId: front.deviceId,
    });
    right.close();
  });

  it('reports the pairing role that admit gave', async () => {
    const server = await listen(front, (deviceId) => (deviceId === stranger.deviceId ? 'pairing' : false));
    const channel = await connectToPeer({
      identity: stranger,
      host: HOST,
      port: server.listener.port,
      admit: () => 'pairing',
    });
    cleanups.push(() => channel.close());
    await until(() => server.peers.length === 1, 'the peer');
    expect(server.peers[0]?.role).toBe('pairing');
    expect(channel.role).toBe('pairing');
  });

  it('closes the channel with a typed error when the peer announces an oversize frame', async () => {
    const server = await listen(front, members(office).admit);
    const client = rawClient(office, server.listener.port);
    expect(await client.secure).toBe(true);
    client.socket.write(encodeFrame({ transport: 'yadocho-sync', version: 1 }));
    await until(() => server.peers.length === 1, 'the peer');
    const atServer = server.peers[0] as PeerChannel;
    const reason = closed(atServer);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(MAX_FRAME_BYTES + 1, 0);
    client.socket.write(header);
    const error = await reason;
    expect(error).toBeInstanceOf(FrameError);
    expect((error as FrameError).code).toBe('frame_too_large');
    await client.ended;

    expect(() => encodeFrame('x'.repeat(MAX_FRAME_BYTES))).toThrow(FrameError);
  });

  it('never lets a marker sent in a frame, nor a PC name, appear on the wire', async () => {
    const marker = 'MARKER-宿帳-4f1c9e0b-guest-allergy';
    const server = await listen(front, members(office).admit);
    const captured: Buffer[] = [];
    const relay: Server = createServer((inbound: Socket) => {
      const outbound = createConnection({ host: HOST, port: server.listener.port });
      inbound.on('data', (chunk: Buffer) => {
        captured.push(chunk);
        outbound.write(chunk);
      });
      outbound.on('data', (chunk: Buffer) => {
        captured.push(chunk);
        inbound.write(chunk);
      });
      inbound.on('close', () => outbound.destroy());
      outbound.on('close', () => inbound.destroy());
      inbound.on('error', () => {});
      outbound.on('error', () => {});
    });
    await new Promise<void>((resolve) => relay.listen(0, HOST, resolve));
    cleanups.push(() => new Promise<void>((resolve) => relay.close(() => resolve())));
    const relayAddress = relay.address();
    const relayPort = typeof relayAddress === 'object' && relayAddress ? relayAddress.port : 0;

    const client = await within(
      connectToPeer({ identity: office, host: HOST, port: relayPort, admit: members(front).admit }),
      'connect through the relay',
    );
    cleanups.push(() => client.close());
    await until(() => server.peers.length === 1, 'the peer');
    const atServer = server.peers[0] as PeerChannel;
    const there = nextMessage(atServer);
    const back = nextMessage(client);
    await client.send({ note: marker });
    expect(await there).toEqual({ note: marker });
    await atServer.send({ echo: marker });
    expect(await back).toEqual({ echo: marker });

    const wire = Buffer.concat(captured);
    expect(wire.length).toBeGreaterThan(client.bytesSent() + client.bytesReceived());
    for (const secret of [marker, 'MARKER', 'Office', 'Front', office.deviceId]) {
      expect(wire.includes(Buffer.from(secret, 'utf8'))).toBe(false);
    }
  });
});
