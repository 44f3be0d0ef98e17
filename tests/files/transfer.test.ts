import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileStore } from '../../electron/core/files/store.ts';
import { FILE_CHUNK_BYTES, MAX_UPLOAD_BYTES } from '../../shared/contract/files.ts';
import { CallFailure } from '../../shared/contract/result.ts';
import { type RunningApp, startApp } from '../support/app-server.ts';
import { rawRequest } from '../support/http.ts';

// A file the person picks goes to the core in chunks over the ordinary contract, and a file the core makes
// comes back the same way, so both doors (IPC, HTTP) carry them. These tests send through the real HTTP door,
// whose body limit the chunk size must respect, and check the store keeps every byte in order.

let app: RunningApp;
const callApi = async (name: string, input: unknown) => {
  const port = app.server.port;
  const response = await rawRequest({
    port,
    path: `/api/call/${name}`,
    method: 'POST',
    headers: {
      host: `127.0.0.1:${port}`,
      'content-type': 'application/json',
      'x-yadocho-token': app.server.token,
    },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: JSON.parse(response.body) };
};

describe('files over the HTTP door', () => {
  beforeEach(async () => {
    app = await startApp({ staticDir: null });
  });
  afterEach(async () => {
    await app.stop();
  });

  it('takes a file in full-size chunks, a resent chunk once, and refuses a chunk that skips ahead', async () => {
    const file = randomBytes(FILE_CHUNK_BYTES * 2 + 1234);
    const chunkAt = (offset: number) => file.subarray(offset, offset + FILE_CHUNK_BYTES).toString('base64');
    const first = await callApi('files.upload', { name: '台帳.csv', size: file.length, offset: 0, chunk: chunkAt(0) });
    expect(first.status).toBe(200);
    expect(first.body.value).toMatchObject({ received: FILE_CHUNK_BYTES, complete: false });
    const upload = first.body.value.upload;

    // The answer to the first chunk was "lost": the screen sends it again, and nothing is taken twice.
    const again = await callApi('files.upload', {
      upload,
      name: '台帳.csv',
      size: file.length,
      offset: 0,
      chunk: chunkAt(0),
    });
    expect(again.body.value).toMatchObject({ received: FILE_CHUNK_BYTES, complete: false });

    const skipped = await callApi('files.upload', {
      upload,
      name: '台帳.csv',
      size: file.length,
      offset: FILE_CHUNK_BYTES * 2,
      chunk: chunkAt(FILE_CHUNK_BYTES * 2),
    });
    expect(skipped.body.error).toMatchObject({ code: 'invalid_input', detail: 'upload_out_of_order' });

    for (const offset of [FILE_CHUNK_BYTES, FILE_CHUNK_BYTES * 2]) {
      const answer = await callApi('files.upload', {
        upload,
        name: '台帳.csv',
        size: file.length,
        offset,
        chunk: chunkAt(offset),
      });
      expect(answer.body.ok).toBe(true);
    }
    const late = await callApi('files.upload', {
      upload,
      name: '台帳.csv',
      size: file.length,
      offset: 0,
      chunk: chunkAt(0),
    });
    expect(late.body.error).toMatchObject({ code: 'not_found', detail: 'upload_expired' });
  });

  it('refuses a file over the limit before taking any of it, saying how large a file may be', async () => {
    const answer = await callApi('files.upload', {
      name: 'huge.xlsx',
      size: MAX_UPLOAD_BYTES + 1,
      offset: 0,
      chunk: Buffer.from('PK').toString('base64'),
    });
    expect(answer.body.error).toMatchObject({
      code: 'invalid_input',
      detail: 'file_too_large',
      params: { maxMb: '100' },
    });
  });

  it('refuses a chunk larger than the chunk size, and text that is not base64', async () => {
    const big = await callApi('files.upload', {
      name: 'a.csv',
      size: FILE_CHUNK_BYTES + 3,
      offset: 0,
      chunk: randomBytes(FILE_CHUNK_BYTES + 3).toString('base64'),
    });
    expect(big.body.ok).toBe(false);
    const garbled = await callApi('files.upload', { name: 'a.csv', size: 3, offset: 0, chunk: '氏名,電話' });
    expect(garbled.body.error.code).toBe('invalid_input');
  });

  it('answers not_found for a file the core does not hold', async () => {
    const answer = await callApi('files.download', { file: '019a0000-0000-7000-8000-000000000000', offset: 0 });
    expect(answer.body.error).toMatchObject({ code: 'not_found', detail: 'file_expired' });
  });
});

describe('the file store', () => {
  it('gives back exactly the bytes sent, however they were cut into chunks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 5000 }), fc.integer({ min: 1, max: 700 }), (bytes, cut) => {
        const store = createFileStore();
        const file = Buffer.from(bytes);
        let upload: string | undefined;
        let offset = 0;
        do {
          const piece = file.subarray(offset, offset + cut);
          const answer = store.receive({
            upload,
            name: 'x',
            size: file.length,
            offset,
            chunk: piece.toString('base64'),
          });
          upload = answer.upload;
          offset = answer.received;
        } while (offset < file.length);
        expect(store.uploaded(upload as string).bytes.equals(file)).toBe(true);

        const made = store.put({ name: 'out.csv', type: 'text/csv', bytes: file, madeFor: null });
        const back: Buffer[] = [];
        let at: number | null = 0;
        while (at !== null) {
          const chunk = store.chunk(made, at, null);
          back.push(Buffer.from(chunk.chunk, 'base64'));
          at = chunk.nextOffset;
        }
        expect(Buffer.concat(back).equals(file)).toBe(true);
        // Asked past its end, a download says so in its own words, not an upload's.
        expect(() => store.chunk(made, file.length + 1, null)).toThrow(/download_out_of_order/);
      }),
      { numRuns: 60 },
    );
  });

  it('forgets files unused for an hour', () => {
    let now = 0;
    const store = createFileStore(() => now);
    const made = store.put({ name: 'a.csv', type: 'text/csv', bytes: Buffer.from('a'), madeFor: null });
    now += 61 * 60 * 1000;
    store.put({ name: 'b.csv', type: 'text/csv', bytes: Buffer.from('b'), madeFor: null }); // a sweep runs on every new file
    expect(() => store.chunk(made, 0, null)).toThrow(CallFailure);
  });
});
