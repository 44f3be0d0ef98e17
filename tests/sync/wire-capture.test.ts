import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateDeviceIdentity } from '../../electron/core/sync/device/identity.ts';
import { encodeFrame } from '../../electron/core/sync/transport/frames.ts';
import { SYNC_ALPN } from '../../electron/core/sync/transport/tls.ts';
import { freePort, inSync, pairPcs, type SyncStatusView, until } from '../support/pair-pcs.ts';
import {
  joined,
  type RecordingRelay,
  type RelayedConnection,
  startRecordingRelay,
} from '../support/recording-relay.ts';
import { callPc } from '../support/serve-pcs.ts';
import { type ServeProcess, spawnServe } from '../support/serve-process.ts';
import {
  APPLICATION_DATA,
  CHANGE_CIPHER_SPEC,
  handshakeType,
  parseRecords,
  readServerHello,
  TLS13,
} from '../support/tls-records.ts';

// What a passive listener on the inn's LAN sees of two real PCs syncing. Two `npm run serve` processes; PC B is
// paired with PC A at the address of a relay in this test process, so B dials the relay for pairing and for the
// session after it, and the relay keeps every byte both ways. A guest written on A with a name, a phone number
// and an allergy note must reach B, and none of it may be in the capture: only TLS 1.3 records.

type Pc = { name: string; syncPort: number; url: string; token: string };

const root = mkdtempSync(join(tmpdir(), 'yadocho-wire-'));
const running: ServeProcess[] = [];
let relay: RecordingRelay | null = null;
let a: Pc;
let b: Pc;

afterAll(async () => {
  await relay?.close();
  for (const serve of running) await serve.stop();
  rmSync(root, { recursive: true, force: true });
});

async function start(name: string): Promise<Pc> {
  const syncPort = await freePort();
  const serve = spawnServe(
    join(root, `${name}.sqlite`),
    {},
    {
      args: ['--sync-port', String(syncPort), '--sync-host', '127.0.0.1'],
    },
  );
  running.push(serve);
  const started = await serve.started;
  if ('exitCode' in started) throw new Error(`serve exited ${started.exitCode}: ${serve.stderr()}`);
  return { name, syncPort, url: started.url, token: started.token };
}

const call = callPc;

/** A text as a listener might find it: UTF-8 (JSON frames), UTF-16LE, or its UTF-8 bytes written in hex. */
function forms(text: string): Array<[string, Buffer]> {
  const hex = Buffer.from(text, 'utf8').toString('hex');
  return [
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-16LE', Buffer.from(text, 'utf16le')],
    ['hex', Buffer.from(hex, 'latin1')],
    ['HEX', Buffer.from(hex.toUpperCase(), 'latin1')],
  ];
}

/** One connection is TLS 1.3: a ClientHello, a ServerHello selecting 1.3, then only encrypted records. */
function expectTls13(connection: RelayedConnection, which: string) {
  const client = parseRecords(joined(connection.toServer));
  const server = parseRecords(joined(connection.toClient));
  expect(handshakeType(client.records[0] ?? { type: 0, version: 0, body: Buffer.alloc(0) }), which).toBe(1);
  const serverHello = server.records[0];
  expect(serverHello && handshakeType(serverHello), which).toBe(2);
  const chosen = readServerHello(serverHello as NonNullable<typeof serverHello>);
  expect(chosen.supportedVersion, which).toBe(TLS13);
  expect([0x1301, 0x1302, 0x1303], which).toContain(chosen.cipherSuite); // TLS 1.3's own suites
  // After the hellos: application_data only, besides at most one change_cipher_spec per side (the empty one
  // TLS 1.3 sends for middleboxes, RFC 8446 D.4). A plaintext handshake or alert would show here.
  for (const records of [client.records.slice(1), server.records.slice(1)]) {
    const other = records.filter((record) => record.type !== APPLICATION_DATA && record.type !== CHANGE_CIPHER_SPEC);
    expect(other, which).toEqual([]);
    expect(records.filter((record) => record.type === CHANGE_CIPHER_SPEC).length, which).toBeLessThanOrEqual(1);
  }
  if (connection.closedAt !== null) expect(client.partial + server.partial, which).toBe(0);
}

describe('two processes, B reaching A through a relay that records every byte', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    a = await start('フロント北館');
    b = await start('離れ帳場');
    for (const pc of [a, b]) {
      const staff = await call<{ id: string }>(pc, 'staff.create', { name: `${pc.name}の担当` });
      await call(pc, 'staff.setCurrent', { id: staff.id });
      await call(pc, 'sync.configure', { enabled: true, name: pc.name });
    }
    relay = await startRecordingRelay(a.syncPort);
    // B joins at the relay's address and remembers it: its member session afterwards goes through the relay too.
    await pairPcs(
      (name, input) => call(a, name, input),
      (name, input) => call(b, name, input),
      relay.port,
    );
    for (const pc of [a, b]) {
      await until(
        `${pc.name} in sync`,
        () => call<SyncStatusView>(pc, 'sync.status'),
        (s) => inSync(s, 1),
      );
    }
  }, 90_000);

  it('carries a guest from A to B as TLS 1.3 ciphertext: no name, phone or allergy note in any form', async () => {
    const capturing = relay as RecordingRelay;
    const family = '鷹司';
    const given = '小百合';
    const phone = '090-4821-7356';
    const allergen = 'ソバ殻';
    const note = '微量でも呼吸困難、エピペン携帯';
    const writtenAt = Date.now();
    const guest = await call<{ id: string }>(a, 'guests.create', {
      fields: {
        familyName: family,
        givenName: given,
        familyReading: 'たかつかさ',
        givenReading: 'さゆり',
        phones: [{ number: phone, label: 'mobile' }],
      },
    });
    await call(a, 'allergies.record', {
      guestId: guest.id,
      freeAllergen: allergen,
      severity: 'anaphylaxis',
      tracesOk: false,
      note,
    });

    // B finds the guest by the phone's digits, with the allergy, through its own door.
    await until(
      'B to find the guest with the allergy',
      () =>
        call<{ hits: Array<{ familyName: string; phone: string; allergy: string | null }> }>(b, 'guests.search', {
          q: '09048217356',
        }),
      (found) => found.hits.some((hit) => hit.familyName === family && hit.allergy === 'anaphylaxis'),
    );
    const atB = await call<{ allergies: Array<{ note: string }> }>(b, 'allergies.forGuest', { guestId: guest.id });
    expect(atB.allergies.map((allergy) => allergy.note)).toEqual([note]);

    // The pairing connection and the member session both went through the relay; only the session is open,
    // so what B received after the write came over it, not by another way round.
    const connections = capturing.connections;
    expect(connections.length).toBeGreaterThanOrEqual(2);
    const open = connections.filter((connection) => connection.closedAt === null);
    expect(open).toHaveLength(1);
    const session = open[0] as RelayedConnection;
    const secrets = [family, given, `${family} ${given}`, phone, '09048217356', allergen, note, a.name, b.name];
    const sentAfterWrite = joined(session.toClient, writtenAt).length;
    expect(sentAfterWrite).toBeGreaterThan(Buffer.byteLength(secrets.join(''), 'utf8'));

    for (const [index, connection] of connections.entries()) expectTls13(connection, `connection ${index}`);
    const capture = Buffer.concat(connections.flatMap((c) => [joined(c.toServer), joined(c.toClient)]));
    // The search does find what TLS leaves in the clear (the ALPN name in the ClientHello), and would find a
    // frame sent in the clear: so an absence below means encrypted, not a search that cannot match.
    expect(capture.includes(Buffer.from(SYNC_ALPN, 'latin1'))).toBe(true);
    const plainFrame = encodeFrame({ t: 'txs', entries: [{ familyName: family, note }] });
    for (const text of [family, note]) expect(plainFrame.includes(Buffer.from(text, 'utf8'))).toBe(true);
    const found = secrets.flatMap((text) =>
      forms(text)
        .filter(([, bytes]) => capture.includes(bytes))
        .map(([form]) => `${text} (${form})`),
    );
    expect(found).toEqual([]);
  });

  it('gives a PC that was never paired no application byte: A closes it right after the handshake', async () => {
    const stranger = await loadOrCreateDeviceIdentity(join(root, 'stranger'), { name: '見知らぬPC' });
    const socket = connect({
      host: '127.0.0.1',
      port: a.syncPort,
      key: stranger.keyPem,
      cert: stranger.certPem,
      minVersion: 'TLSv1.3',
      maxVersion: 'TLSv1.3',
      ALPNProtocols: [SYNC_ALPN],
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    let received = 0;
    let handshake = false;
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
    });
    socket.on('error', () => {});
    socket.once('secureConnect', () => {
      handshake = true;
      // What a member would say first: it must not get an answer.
      socket.write(encodeFrame({ transport: 'yadocho-sync', version: 1 }));
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        new Promise<void>((resolve) => socket.once('close', () => resolve())),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('A did not close the stranger’s connection in 10 s')), 10_000);
        }),
      ]);
    } finally {
      clearTimeout(timer);
      socket.destroy();
    }
    // The handshake completes (the key is judged right after it), and then nothing: no frame, not a byte.
    expect(handshake).toBe(true);
    expect(received).toBe(0);
    const status = await call<SyncStatusView>(a, 'sync.status');
    expect(status.peers.map((peer) => peer.name)).toEqual([b.name]);
  });
});
