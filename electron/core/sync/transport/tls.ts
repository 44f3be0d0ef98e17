import { constants, type X509Certificate } from 'node:crypto';
import type { Socket } from 'node:net';
import { connect, createServer, type TLSSocket } from 'node:tls';
import { deviceIdFromSpki } from '../device/device-id.ts';
import type { DeviceIdentity } from '../device/identity.ts';
import { type FramedChannel, openFramedChannel, type PeerChannel, type PeerRole } from './frames.ts';

// Mutual TLS 1.3 between the inn's PCs. Each side shows its self-signed certificate; what is trusted is the key
// in it (the device id), which `admit` looks up in the membership list for every connection, on both sides.
//
// How an unknown or revoked PC is kept from every byte of inn data:
// - Certificates are not checked against a CA (there is none: rejectUnauthorized is false), so OpenSSL completes
//   the handshake for any well-formed peer. TLS 1.3 itself still proves the peer holds the private key of the
//   certificate it showed (CertificateVerify, checked by OpenSSL): a stolen certificate without its key fails
//   the handshake, and the device id read from the certificate is therefore the peer's real key.
// - The decision is taken in the first code that runs once the handshake is complete ('secureConnection' on the
//   listener, 'secureConnect' when connecting), synchronously, before anything has been written to the socket:
//   Node writes application data only when we call write, and we write nothing before `admit` said yes. A peer
//   that is refused is destroyed right there; all it ever received are handshake records (our certificate, whose
//   name is the PC's name), never a frame.
// - Neither side hands the channel to the protocol layer until both have admitted each other: each sends a
//   transport "ready" frame after its own admit, and waits for the other's. So the protocol's first message is
//   only ever written to a peer this PC admitted, and `onPeer` never runs for a peer that was refused.
// - No session resumption (no tickets, and a resumed session is refused): every connection shows a certificate
//   and proves its key afresh, so a revocation applies to the next connection. No TLS-PSK at all.
// - `refresh()` asks `admit` again for every open channel and cuts those no longer admitted as what they were.

export type Admit = (deviceId: string, certPem: string) => PeerRole | false;

export type SyncListener = {
  port: number;
  close(): Promise<void>;
  /** Asks `admit` again for every open channel of this PC; cuts those whose answer changed (a revoked PC). */
  refresh(): void;
};

export type TransportErrorCode =
  | 'not_admitted'
  | 'unexpected_device'
  | 'no_certificate'
  | 'closed_before_ready'
  | 'protocol'
  | 'timeout'
  | 'revoked';

export class TransportError extends Error {
  readonly code: TransportErrorCode;
  constructor(code: TransportErrorCode, message: string) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
  }
}

export const SYNC_ALPN = 'yadocho-sync/1';
const READY = { transport: 'yadocho-sync', version: 1 } as const;
export const DEFAULT_TIMEOUT_MS = 10_000;
/** 2 to 5 PCs: far more than any inn needs, and a cap on what a misbehaving host on the LAN can hold open. */
const MAX_CONNECTIONS = 64;

const TLS_SETTINGS = {
  minVersion: 'TLSv1.3',
  maxVersion: 'TLSv1.3',
  ALPNProtocols: [SYNC_ALPN],
  rejectUnauthorized: false,
  // No tickets: see above. (For TLS 1.3 OpenSSL then falls back to server-side session ids, which Node keeps
  // only through 'newSession' listeners; there are none, so nothing is ever resumed.)
  secureOptions: constants.SSL_OP_NO_TICKET,
} as const;

type Tracked = { framed: FramedChannel; certPem: string; admit: Admit; localDevice: string };

// Channels this process opened by connecting out, so that a listener's refresh() can cut a revoked PC whichever
// side dialled. Each remembers which local identity opened it: a listener refreshes only its own PC's channels
// (tests run several PCs in one process), each against the admit it was opened with.
const outbound = new Set<Tracked>();

export async function startSyncListener(options: {
  identity: DeviceIdentity;
  host: string;
  port: number;
  admit: Admit;
  onPeer: (channel: PeerChannel) => void;
  timeoutMs?: number;
}): Promise<SyncListener> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const inbound = new Set<Tracked>();
  const sockets = new Set<Socket>();
  const server = createServer({
    ...TLS_SETTINGS,
    key: options.identity.keyPem,
    cert: options.identity.certPem,
    requestCert: true,
    handshakeTimeout: timeoutMs,
  });
  server.maxConnections = MAX_CONNECTIONS;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A failed handshake (no TLS 1.3, wrong ALPN, a key that does not match its certificate, a timeout): the
  // socket is already gone and nothing was sent on it; there is no one to tell.
  server.on('tlsClientError', () => {});

  server.on('secureConnection', (socket: TLSSocket) => {
    // Runs before anything is written to this socket: a refused peer is destroyed here.
    const peer = admitPeer(socket, options.admit);
    if (!peer.ok) {
      socket.destroy();
      return;
    }
    const framed = openFramedChannel(socket, {
      deviceId: peer.deviceId,
      role: peer.role,
      certPem: peer.certPem,
      remoteAddress: socket.remoteAddress ?? null,
    });
    const tracked: Tracked = {
      framed,
      certPem: peer.certPem,
      admit: options.admit,
      localDevice: options.identity.deviceId,
    };
    inbound.add(tracked);
    framed.channel.onClose(() => inbound.delete(tracked));
    exchangeReady(framed, timeoutMs).then(
      () => {
        try {
          options.onPeer(framed.channel);
        } catch (error) {
          framed.fail(error instanceof Error ? error : new Error(String(error)));
        }
      },
      (error: Error) => framed.fail(error),
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    port,
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
    refresh() {
      for (const tracked of [...inbound, ...outbound]) {
        if (tracked.localDevice !== options.identity.deviceId) continue;
        const channel = tracked.framed.channel;
        if (tracked.admit(channel.deviceId, tracked.certPem) === channel.role) continue;
        tracked.framed.fail(new TransportError('revoked', `device ${channel.deviceId} is no longer a ${channel.role}`));
      }
    },
  };
}

export function connectToPeer(options: {
  identity: DeviceIdentity;
  host: string;
  port: number;
  admit: Admit;
  expectDeviceId?: string;
  timeoutMs?: number;
}): Promise<PeerChannel> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<PeerChannel>((resolve, reject) => {
    let socket: TLSSocket;
    let settled = false;
    const give = (error?: Error, channel?: PeerChannel) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (channel) return resolve(channel);
      socket?.destroy();
      reject(error);
    };
    const timer = setTimeout(() => {
      give(new TransportError('timeout', `no sync connection to ${options.host}:${options.port} in ${timeoutMs} ms`));
    }, timeoutMs);

    try {
      socket = connect({
        ...TLS_SETTINGS,
        host: options.host,
        port: options.port,
        key: options.identity.keyPem,
        cert: options.identity.certPem,
        // Host names mean nothing here (PCs move between addresses); the key is checked below instead.
        checkServerIdentity: () => undefined,
      });
    } catch (error) {
      // Our own key and certificate do not go together (OpenSSL refuses to load them).
      give(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    socket.on('error', (error) => give(error));
    socket.on('close', () => give(new TransportError('closed_before_ready', 'the peer closed the connection')));

    socket.once('secureConnect', () => {
      // Runs before anything is written to this socket: a refused server is destroyed here.
      const peer = admitPeer(socket, options.admit, options.expectDeviceId);
      if (!peer.ok) return give(peer.error);
      const framed = openFramedChannel(socket, {
        deviceId: peer.deviceId,
        role: peer.role,
        certPem: peer.certPem,
        remoteAddress: socket.remoteAddress ?? null,
      });
      exchangeReady(framed, timeoutMs).then(
        () => {
          if (settled) return framed.fail(new TransportError('timeout', 'connected after the deadline'));
          const tracked: Tracked = {
            framed,
            certPem: peer.certPem,
            admit: options.admit,
            localDevice: options.identity.deviceId,
          };
          outbound.add(tracked);
          framed.channel.onClose(() => outbound.delete(tracked));
          give(undefined, framed.channel);
        },
        (error: Error) => give(error),
      );
    });
  });
}

type Admission = { ok: true; deviceId: string; role: PeerRole; certPem: string } | { ok: false; error: TransportError };

/** The peer's device id, from the certificate whose key it proved it holds, and what `admit` makes of it. */
function admitPeer(socket: TLSSocket, admit: Admit, expectDeviceId?: string): Admission {
  const refuse = (code: TransportErrorCode, message: string): Admission => ({
    ok: false,
    error: new TransportError(code, message),
  });
  if (socket.getProtocol() !== 'TLSv1.3' || socket.alpnProtocol !== SYNC_ALPN) {
    return refuse('protocol', 'not a Yadocho sync connection over TLS 1.3');
  }
  if (socket.isSessionReused()) return refuse('protocol', 'a resumed TLS session is not accepted');
  const cert: X509Certificate | undefined = socket.getPeerX509Certificate();
  if (!cert) return refuse('no_certificate', 'the peer showed no certificate');
  const deviceId = deviceIdFromSpki(cert.publicKey.export({ type: 'spki', format: 'der' }));
  if (expectDeviceId !== undefined && deviceId !== expectDeviceId) {
    return refuse('unexpected_device', `expected device ${expectDeviceId}, the peer is ${deviceId}`);
  }
  const certPem = cert.toString();
  const role = admit(deviceId, certPem);
  if (role === false) return refuse('not_admitted', `device ${deviceId} is not admitted`);
  return { ok: true, deviceId, role, certPem };
}

/** Each side says it admitted the other; the channel is handed on only once both have. */
async function exchangeReady(framed: FramedChannel, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TransportError('timeout', 'the peer did not confirm the connection')),
      timeoutMs,
    );
  });
  try {
    const [, theirs] = await Promise.race([
      Promise.all([framed.channel.send(READY), framed.receiveOne()]),
      deadline,
    ]).catch((error: Error) => {
      if (error instanceof TransportError) throw error;
      throw new TransportError('closed_before_ready', `the peer closed the connection (${error.message})`);
    });
    const ready = theirs as Record<string, unknown> | null;
    if (
      ready === null ||
      typeof ready !== 'object' ||
      ready.transport !== READY.transport ||
      ready.version !== READY.version
    ) {
      throw new TransportError('protocol', 'the peer did not open a Yadocho sync channel');
    }
  } finally {
    clearTimeout(timer);
  }
}
