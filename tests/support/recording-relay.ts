import { createConnection, createServer, type Socket } from 'node:net';

// A TCP relay on loopback that forwards every connection to a target port and keeps every byte it carries, per
// connection and direction, with the time each chunk passed: what a passive listener on the inn's LAN sees.
// Tests point a PC at the relay's port instead of its peer's, so the PCs talk through it unaware.

export type Chunk = { at: number; bytes: Buffer };
export type RelayedConnection = {
  /** Bytes from the PC that dialled (the TLS client) towards the target (the TLS server). */
  toServer: Chunk[];
  toClient: Chunk[];
  openedAt: number;
  /** When either side closed; null while the connection is open. */
  closedAt: number | null;
};
export type RecordingRelay = { port: number; connections: RelayedConnection[]; close(): Promise<void> };

export async function startRecordingRelay(targetPort: number, host = '127.0.0.1'): Promise<RecordingRelay> {
  const connections: RelayedConnection[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((inbound) => {
    const record: RelayedConnection = { toServer: [], toClient: [], openedAt: Date.now(), closedAt: null };
    connections.push(record);
    const outbound = createConnection({ host, port: targetPort });
    for (const socket of [inbound, outbound]) {
      sockets.add(socket);
      socket.on('error', () => {}); // a reset is how a refused peer ends; the close below handles both
      socket.on('close', () => {
        sockets.delete(socket);
        record.closedAt ??= Date.now();
        inbound.destroy();
        outbound.destroy();
      });
    }
    inbound.on('data', (bytes: Buffer) => {
      record.toServer.push({ at: Date.now(), bytes });
      outbound.write(bytes);
    });
    outbound.on('data', (bytes: Buffer) => {
      record.toClient.push({ at: Date.now(), bytes });
      inbound.write(bytes);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the relay has no port');
  return {
    port: address.port,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Every byte of one direction, in order (chunks are wherever TCP cut them, not record boundaries). */
export const joined = (chunks: Chunk[], since = 0): Buffer =>
  Buffer.concat(chunks.filter((chunk) => chunk.at >= since).map((chunk) => chunk.bytes));
