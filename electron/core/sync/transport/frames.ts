import type { Duplex } from 'node:stream';

// Messages between two PCs, framed over one stream: a 4-byte big-endian length, then that many bytes of UTF-8
// JSON. A frame longer than MAX_FRAME_BYTES, or one that is not JSON, ends the connection with a FrameError:
// a peer that sends one is broken or hostile, and reading on would mean buffering whatever it claims.
//
// A message whose `data` is bytes (a Uint8Array: a register copy's chunk, sync/snapshot/) travels as a binary
// frame: the length's top bit set, then a 4-byte length of the JSON of the rest of the message, that JSON, and
// the bytes as they are. Base64 inside JSON cost 6.4 s of CPU per GB here (encoding, UTF-8 checks, parsing,
// decoding); a register copy is gigabytes. Only a peer that said it takes snapshots is sent one: an older
// peer reads the top bit as a frame too large and closes, which is the right answer to something it cannot read.
//
// The framing knows nothing of TLS or of who the peer is; tls.ts hands it a socket only once the peer has
// been admitted, and passes on the device id and role it decided.

export const MAX_FRAME_BYTES = 32 * 1024 * 1024;
const HEADER_BYTES = 4;
/** How long close() waits for the peer to acknowledge an orderly end before dropping the connection. */
const CLOSE_GRACE_MS = 5_000;

export type FrameErrorCode = 'frame_too_large' | 'frame_malformed' | 'closed';

export class FrameError extends Error {
  readonly code: FrameErrorCode;
  constructor(code: FrameErrorCode, message: string) {
    super(message);
    this.name = 'FrameError';
    this.code = code;
  }
}

export type PeerRole = 'member' | 'pairing';

export type PeerChannel = {
  /** The remote device id, from its verified certificate. */
  deviceId: string;
  /** What the admit callback said: a pairing channel may carry only pairing messages (the protocol enforces). */
  role: PeerRole;
  /** The peer's certificate (PEM), whose key it proved it holds: what pairing signs into the member list. */
  certPem: string;
  /** The peer's IP address as this side sees it (where to dial it back), when the stream is a socket. */
  remoteAddress: string | null;
  /** Resolves once the frame is flushed or buffered under the stream's high-water mark. */
  send(message: unknown): Promise<void>;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once: without an error for an orderly close, with one otherwise. */
  onClose(listener: (error?: Error) => void): void;
  close(): void;
  bytesSent(): number;
  bytesReceived(): number;
};

/** A framed channel and the transport's own hook on it (not part of the protocol layer's interface). */
export type FramedChannel = {
  channel: PeerChannel;
  /** The next message, taken before any listener sees it (the transport's ready exchange). */
  receiveOne(): Promise<unknown>;
  /** Ends the connection at once with this error. */
  fail(error: Error): void;
  isClosed(): boolean;
};

const BINARY_FLAG = 0x80000000;

function encodeBinaryFrame(message: { data: Uint8Array }): Buffer {
  const { data, ...rest } = message;
  const json = Buffer.from(JSON.stringify(rest), 'utf8');
  const length = 4 + json.length + data.length;
  if (length > MAX_FRAME_BYTES) {
    throw new FrameError('frame_too_large', `a frame of ${length} bytes exceeds ${MAX_FRAME_BYTES}`);
  }
  const header = Buffer.alloc(HEADER_BYTES + 4);
  header.writeUInt32BE((BINARY_FLAG | length) >>> 0, 0);
  header.writeUInt32BE(json.length, HEADER_BYTES);
  return Buffer.concat([header, json, data]);
}

const hasBytes = (message: unknown): message is { data: Uint8Array } =>
  typeof message === 'object' && message !== null && (message as { data?: unknown }).data instanceof Uint8Array;

export function encodeFrame(message: unknown): Buffer {
  if (hasBytes(message)) return encodeBinaryFrame(message);
  const json = JSON.stringify(message);
  if (json === undefined) throw new FrameError('frame_malformed', 'a frame must hold a JSON value');
  const body = Buffer.from(json, 'utf8');
  if (body.length > MAX_FRAME_BYTES) {
    throw new FrameError('frame_too_large', `a frame of ${body.length} bytes exceeds ${MAX_FRAME_BYTES}`);
  }
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

/** Cuts a byte stream into messages; throws FrameError on a frame it must not accept. */
export function createFrameDecoder(maxFrameBytes = MAX_FRAME_BYTES) {
  let chunks: Buffer[] = [];
  let buffered = 0;
  const take = (count: number): Buffer => {
    const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, buffered);
    chunks = count < all.length ? [all.subarray(count)] : [];
    buffered -= count;
    return all.subarray(0, count);
  };
  // Only the header's bytes are joined to read a length: joining everything buffered at every chunk would copy
  // a large frame again for each of the dozens of TLS records it arrives in (quadratic in its size).
  const peekLength = (): number => {
    const first = chunks[0] as Buffer;
    if (first.length >= HEADER_BYTES) return first.readUInt32BE(0);
    const head = Buffer.concat(chunks, buffered);
    chunks = [head];
    return head.readUInt32BE(0);
  };
  return {
    push(chunk: Buffer): unknown[] {
      chunks.push(chunk);
      buffered += chunk.length;
      const messages: unknown[] = [];
      while (buffered >= HEADER_BYTES) {
        const word = peekLength();
        const binary = (word & BINARY_FLAG) !== 0;
        const length = binary ? word & ~BINARY_FLAG : word;
        // Refused on the header alone: the body is never waited for, so a lying peer cannot make this PC buffer.
        if (length > maxFrameBytes) {
          throw new FrameError('frame_too_large', `the peer announced a frame of ${length} bytes`);
        }
        if (buffered < HEADER_BYTES + length) break;
        take(HEADER_BYTES);
        const body = take(length);
        if (binary) {
          messages.push(decodeBinary(body));
          continue;
        }
        try {
          messages.push(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)));
        } catch {
          throw new FrameError('frame_malformed', 'the peer sent a frame that is not UTF-8 JSON');
        }
      }
      return messages;
    },
  };
}

function decodeBinary(body: Buffer): unknown {
  const jsonLength = body.length >= 4 ? body.readUInt32BE(0) : -1;
  if (jsonLength < 0 || 4 + jsonLength > body.length) {
    throw new FrameError('frame_malformed', 'the peer sent a binary frame whose header does not fit');
  }
  let rest: unknown;
  try {
    rest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(4, 4 + jsonLength)));
  } catch {
    throw new FrameError('frame_malformed', 'the peer sent a binary frame whose header is not UTF-8 JSON');
  }
  if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) {
    throw new FrameError('frame_malformed', 'the peer sent a binary frame whose header is not an object');
  }
  // Copied out: `body` may be a slice of a larger buffer of received bytes, which must not be kept alive.
  return { ...rest, data: Buffer.from(body.subarray(4 + jsonLength)) };
}

export function openFramedChannel(
  socket: Duplex,
  peer: { deviceId: string; role: PeerRole; certPem?: string; remoteAddress?: string | null },
  options: { maxFrameBytes?: number } = {},
): FramedChannel {
  const decoder = createFrameDecoder(options.maxFrameBytes);
  const listeners: Array<(message: unknown) => void> = [];
  const closeListeners: Array<(error?: Error) => void> = [];
  const waiting: Array<{ resolve(message: unknown): void; reject(error: Error): void }> = [];
  // Messages that arrived before anyone listened. The socket is paused meanwhile, so this stays small and the
  // peer is held back by TCP rather than by this PC's memory.
  const held: unknown[] = [];
  let sent = 0;
  let received = 0;
  const waitingDrain: Array<{ resolve(): void; reject(error: Error): void }> = [];
  let closed = false;
  let closeError: Error | undefined;

  const deliver = (message: unknown) => {
    const waiter = waiting.shift();
    if (waiter) return waiter.resolve(message);
    if (listeners.length === 0) {
      held.push(message);
      socket.pause();
      return;
    }
    for (const listener of listeners) listener(message);
  };

  const fail = (error: Error) => {
    if (closed) return;
    closeError ??= error;
    socket.destroy(error);
  };

  const finish = () => {
    if (closed) return;
    closed = true;
    const error = closeError;
    for (const waiter of waiting.splice(0)) waiter.reject(error ?? new FrameError('closed', 'the channel closed'));
    for (const listener of closeListeners.splice(0)) listener(error);
  };

  socket.on('data', (chunk: Buffer) => {
    if (closed || closeError) return;
    received += chunk.length;
    try {
      for (const message of decoder.push(chunk)) deliver(message);
    } catch (error) {
      // A frame error, or a listener that threw: either way this channel cannot go on consistently.
      fail(error instanceof Error ? error : new Error(String(error)));
    }
  });
  socket.on('error', (error) => {
    closeError ??= error;
  });
  socket.on('close', finish);

  const channel: PeerChannel = {
    deviceId: peer.deviceId,
    role: peer.role,
    certPem: peer.certPem ?? '',
    remoteAddress: peer.remoteAddress ?? null,
    send(message) {
      if (closed || closeError || socket.destroyed || socket.writableEnded) {
        return Promise.reject(closeError ?? new FrameError('closed', 'the channel is closed'));
      }
      let frame: Buffer;
      try {
        frame = encodeFrame(message);
      } catch (error) {
        // Too large to send: the caller's mistake, refused here; the channel stays open.
        return Promise.reject(error);
      }
      return new Promise<void>((resolve, reject) => {
        sent += frame.length;
        const underMark = socket.write(frame, (error) => {
          if (error) reject(error);
        });
        if (underMark) return resolve();
        // One drain and one close listener for every send waiting on the buffer, not one pair per send: a
        // register copy keeps a window of chunks in flight, past the emitter's warning of ten listeners.
        waitingDrain.push({ resolve, reject });
        if (waitingDrain.length > 1) return;
        const settle = (error?: Error) => {
          socket.off('drain', onDrain);
          socket.off('close', onClose);
          for (const waiter of waitingDrain.splice(0)) {
            if (error) waiter.reject(error);
            else waiter.resolve();
          }
        };
        const onDrain = () => settle();
        const onClose = () =>
          settle(closeError ?? new FrameError('closed', 'the channel closed before the frame was sent'));
        socket.on('drain', onDrain);
        socket.on('close', onClose);
      });
    },
    onMessage(listener) {
      listeners.push(listener);
      if (listeners.length > 1 || held.length === 0) return;
      // Delivered after this call returns, so a caller registering several listeners in a row sees them all get
      // the held messages.
      queueMicrotask(() => {
        try {
          while (held.length > 0 && !closed) {
            const message = held.shift();
            for (const each of listeners) each(message);
          }
        } catch (error) {
          return fail(error instanceof Error ? error : new Error(String(error)));
        }
        if (!closed) socket.resume();
      });
    },
    onClose(listener) {
      if (closed) queueMicrotask(() => listener(closeError));
      else closeListeners.push(listener);
    },
    close() {
      if (closed || socket.writableEnded) return;
      socket.end();
      // An orderly end lets queued frames reach the peer; a peer that never answers must not keep it open.
      setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
    },
    bytesSent: () => sent,
    bytesReceived: () => received,
  };

  return {
    channel,
    receiveOne() {
      if (held.length > 0) {
        const message = held.shift();
        if (held.length === 0 && listeners.length > 0) socket.resume();
        return Promise.resolve(message);
      }
      if (closed) return Promise.reject(closeError ?? new FrameError('closed', 'the channel closed'));
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    fail,
    isClosed: () => closed,
  };
}
