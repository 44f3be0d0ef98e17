import { once } from 'node:events';
import { createConnection, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  createFrameDecoder,
  encodeFrame,
  FrameError,
  MAX_FRAME_BYTES,
  openFramedChannel,
} from '../../electron/core/sync/transport/frames.ts';

// The framing alone, over a plain loopback TCP pair (tls.ts puts it over TLS; tls-transport.test.ts tests both).

async function socketPair(): Promise<[Socket, Socket]> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const accepted = once(server, 'connection');
  const client = createConnection({ host: '127.0.0.1', port });
  const [serverSide] = (await accepted) as [Socket];
  server.close();
  return [client, serverSide];
}

describe('frames', () => {
  it('decodes frames split anywhere and several in one chunk', () => {
    const bytes = Buffer.concat([encodeFrame({ a: 1 }), encodeFrame('宿帳'), encodeFrame([null, true])]);
    const decoder = createFrameDecoder();
    const oneByOne = [...bytes].flatMap((byte) => decoder.push(Buffer.from([byte])));
    expect(oneByOne).toEqual([{ a: 1 }, '宿帳', [null, true]]);
    expect(createFrameDecoder().push(bytes)).toEqual([{ a: 1 }, '宿帳', [null, true]]);
  });

  it('refuses an oversize header at once, and a body that is not UTF-8 JSON', () => {
    const header = Buffer.alloc(4);
    header.writeUInt32BE(MAX_FRAME_BYTES + 1, 0);
    expect(() => createFrameDecoder().push(header)).toThrow(expect.objectContaining({ code: 'frame_too_large' }));
    const bad = Buffer.concat([Buffer.from([0, 0, 0, 3]), Buffer.from('{x}')]);
    expect(() => createFrameDecoder().push(bad)).toThrow(expect.objectContaining({ code: 'frame_malformed' }));
    const notUtf8 = Buffer.concat([Buffer.from([0, 0, 0, 2]), Buffer.from([0x22, 0xff])]);
    expect(() => createFrameDecoder().push(notUtf8)).toThrow(FrameError);
  });

  it('carries bytes as they are in a binary frame, split anywhere, between JSON frames', () => {
    const data = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
    const chunk = { t: 'snapshot_chunk', id: 'x', at: 4096, data };
    const bytes = Buffer.concat([encodeFrame({ a: 1 }), encodeFrame(chunk), encodeFrame('宿帳')]);
    // The binary frame is the bytes plus a small header, not a JSON (let alone base64) rendering of them.
    expect(encodeFrame(chunk).length).toBeLessThan(data.length + 100);
    const decoder = createFrameDecoder();
    const pieces: unknown[] = [];
    for (let at = 0; at < bytes.length; at += 997) pieces.push(...decoder.push(bytes.subarray(at, at + 997)));
    expect(pieces).toEqual([{ a: 1 }, chunk, '宿帳']);
    expect((pieces[1] as { data: unknown }).data).toBeInstanceOf(Uint8Array);
  });

  it('refuses a binary frame too large, or whose header does not fit or is not a JSON object', () => {
    expect(() => encodeFrame({ data: Buffer.alloc(MAX_FRAME_BYTES) })).toThrow(
      expect.objectContaining({ code: 'frame_too_large' }),
    );
    const header = Buffer.alloc(4);
    header.writeUInt32BE((0x80000000 | (MAX_FRAME_BYTES + 1)) >>> 0, 0);
    expect(() => createFrameDecoder().push(header)).toThrow(expect.objectContaining({ code: 'frame_too_large' }));
    const frame = (json: Buffer, declared: number) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE((0x80000000 | (4 + json.length)) >>> 0, 0);
      head.writeUInt32BE(declared, 4);
      return Buffer.concat([head, json]);
    };
    expect(() => createFrameDecoder().push(frame(Buffer.from('{}'), 99))).toThrow(
      expect.objectContaining({ code: 'frame_malformed' }),
    );
    expect(() => createFrameDecoder().push(frame(Buffer.from('[1]'), 3))).toThrow(
      expect.objectContaining({ code: 'frame_malformed' }),
    );
  });

  it('closes the channel with a typed error on a malformed frame', async () => {
    const [a, b] = await socketPair();
    const { channel } = openFramedChannel(b, { deviceId: 'A', role: 'member' });
    const closed = new Promise<Error | undefined>((resolve) => channel.onClose(resolve));
    a.write(Buffer.concat([Buffer.from([0, 0, 0, 5]), Buffer.from('hello')]));
    const error = await closed;
    expect(error).toBeInstanceOf(FrameError);
    expect((error as FrameError).code).toBe('frame_malformed');
    a.destroy();
  });

  it('holds messages until someone listens, and waits for the buffer to drain when it is full', async () => {
    const [a, b] = await socketPair();
    const sender = openFramedChannel(a, { deviceId: 'B', role: 'member' }).channel;
    const receiver = openFramedChannel(b, { deviceId: 'A', role: 'member' }).channel;
    const big = 'x'.repeat(4 * 1024 * 1024); // far above the socket's high-water mark
    const sends = [sender.send({ n: 1 }), sender.send({ big }), sender.send({ n: 3 })];
    await sends[0];
    const got: unknown[] = [];
    const all = new Promise<void>((resolve) =>
      receiver.onMessage((message) => {
        got.push(message);
        if (got.length === 3) resolve();
      }),
    );
    await Promise.all([...sends, all]);
    expect(got).toEqual([{ n: 1 }, { big }, { n: 3 }]);
    expect(receiver.bytesReceived()).toBe(sender.bytesSent());
    const closed = new Promise<Error | undefined>((resolve) => receiver.onClose(resolve));
    sender.close();
    expect(await closed).toBeUndefined();
    await expect(sender.send({ late: true })).rejects.toThrow(FrameError);
  });
});
