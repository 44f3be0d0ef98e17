import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type HttpServer, startHttpServer } from '../../electron/http/server.ts';
import { makeStaffedCore, type TestCore } from '../support/core.ts';
import { rawExchange, rawRequest } from '../support/http.ts';

// What the HTTP door makes of a request's shape, over real sockets, as another system on this PC would send
// it: two Host headers, a content type that only begins like JSON, JSON in another charset, and a client that
// hangs up halfway through its body.

let test: TestCore;
let server: HttpServer;
const logged: Array<{ level: 'info' | 'warn' | 'error'; text: string }> = [];
const logger = {
  info: (...args: unknown[]) => logged.push({ level: 'info', text: args.map(String).join(' ') }),
  warn: (...args: unknown[]) => logged.push({ level: 'warn', text: args.map(String).join(' ') }),
  error: (...args: unknown[]) => logged.push({ level: 'error', text: args.map(String).join(' ') }),
};

beforeEach(async () => {
  test = await makeStaffedCore();
  server = await startHttpServer({ core: test.core, logger });
});
afterEach(async () => {
  await server.close();
  test.core.close();
  test.db.close();
  logged.length = 0;
});

const host = () => `127.0.0.1:${server.port}`;

const search = (contentType: string, body = '{"q":"は"}') =>
  rawRequest({
    port: server.port,
    path: '/api/call/guests.search',
    method: 'POST',
    headers: { host: host(), 'content-type': contentType, 'x-yadocho-token': server.token },
    body,
  });

describe('the HTTP door, on the shape of a request', () => {
  it('refuses two Host headers with 400, even when both name this server', async () => {
    const body = '{"q":"は"}';
    const request = (hosts: string[]) =>
      [
        'POST /api/call/guests.search HTTP/1.1',
        ...hosts.map((name) => `Host: ${name}`),
        'Content-Type: application/json',
        `X-Yadocho-Token: ${server.token}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n');
    const one = await rawExchange(server.port, request([host()]));
    expect(one).toMatch(/^HTTP\/1\.1 200 /);
    for (const hosts of [
      [host(), host()],
      [host(), `evil.example:${server.port}`],
    ]) {
      const answer = await rawExchange(server.port, request(hosts));
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      // The body comes chunked: its one chunk is the whole Result.
      expect(answer).toContain(
        JSON.stringify({ ok: false, error: { code: 'invalid_input', detail: 'duplicate_host' } }),
      );
    }
    const page = await rawExchange(
      server.port,
      ['GET / HTTP/1.1', `Host: ${host()}`, `Host: ${host()}`, 'Connection: close', '', ''].join('\r\n'),
    );
    expect(page).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('takes application/json in any case, with parameters, and nothing that only begins like it', async () => {
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON;charset="UTF-8"',
      'application/json ; charset=utf8',
    ]) {
      const answer = await search(type);
      expect(answer.status, type).toBe(200);
      expect(JSON.parse(answer.body), type).toMatchObject({ ok: true });
    }
    for (const type of ['application/jsonp', 'application/json-patch+json', 'application/jsonx; charset=utf-8', '']) {
      const answer = await search(type);
      expect(answer.status, type).toBe(415);
      expect(JSON.parse(answer.body), type).toEqual({
        ok: false,
        error: { code: 'invalid_input', detail: 'json_required' },
      });
    }
  });

  it('refuses JSON in another charset (Shift_JIS from an older system would be read as garbage)', async () => {
    const answer = await search('application/json; charset=Shift_JIS');
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'invalid_input', detail: 'utf8_required' } });
  });

  it('answers a request target no URL can be made of with 400, not 500', async () => {
    for (const target of ['http://[/', 'http://a:b:c/']) {
      const answer = await rawExchange(
        server.port,
        [`GET ${target} HTTP/1.1`, `Host: ${host()}`, 'Connection: close', '', ''].join('\r\n'),
      );
      expect(answer, target).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain(JSON.stringify({ ok: false, error: { code: 'invalid_input', detail: 'invalid_url' } }));
    }
    expect(logged.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('closes a kept-alive connection after a body too large, so the next request is not read from its rest', async () => {
    const big = `{"q":"${'あ'.repeat(400_000)}"}`; // 1.2 MB, over the door's 1 MB
    const request = (body: string, path = '/api/call/guests.search') =>
      [
        `POST ${path} HTTP/1.1`,
        `Host: ${host()}`,
        'Content-Type: application/json',
        `X-Yadocho-Token: ${server.token}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        '',
        body,
      ].join('\r\n');
    // Both requests on one connection, as a client that reuses connections sends them; the socket must end.
    const answer = await rawExchange(server.port, request(big) + request('{}', '/api/call/system.info'));
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(answer).toContain(JSON.stringify({ ok: false, error: { code: 'invalid_input', detail: 'body_too_large' } }));
    // A new connection is answered.
    expect((await search('application/json')).status).toBe(200);
  });

  it('refuses a body whose bytes are not UTF-8 (Shift_JIS sent unlabelled), rather than store 鈴木 as ���', async () => {
    const sjisSuzuki = Buffer.from([0x97, 0xe9, 0x96, 0xd8]); // 鈴木 in Shift_JIS
    const body = Buffer.concat([
      Buffer.from('{"fields":{"familyName":"'),
      sjisSuzuki,
      Buffer.from('","familyReading":"すずき"}}'),
    ]);
    const answer = await rawRequest({
      port: server.port,
      path: '/api/call/guests.create',
      method: 'POST',
      headers: { host: host(), 'content-type': 'application/json', 'x-yadocho-token': server.token },
      body,
    });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'invalid_input', detail: 'utf8_required' } });
    expect(test.db.prepare('SELECT count(*) FROM guests').pluck().get()).toBe(0);
    // The same name in UTF-8, with a byte order mark before it as some Windows tools write, is taken.
    const utf8 = await rawRequest({
      port: server.port,
      path: '/api/call/guests.create',
      method: 'POST',
      headers: { host: host(), 'content-type': 'application/json', 'x-yadocho-token': server.token },
      body: Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('{"fields":{"familyName":"鈴木","familyReading":"すずき"}}'),
      ]),
    });
    expect(JSON.parse(utf8.body)).toMatchObject({ ok: true, value: { familyName: '鈴木' } });
  });

  it('logs a client that hangs up halfway through its body as information, not as an error', async () => {
    await new Promise<void>((done, fail) => {
      const socket = connect({ host: '127.0.0.1', port: server.port }, () => {
        socket.write(
          [
            'POST /api/call/guests.search HTTP/1.1',
            `Host: ${host()}`,
            'Content-Type: application/json',
            `X-Yadocho-Token: ${server.token}`,
            'Content-Length: 1000',
            '',
            '{"q":',
          ].join('\r\n'),
        );
        // Gone before the other 995 bytes: the server has started reading the body by then.
        setTimeout(() => {
          socket.destroy();
          done();
        }, 100);
      });
      socket.on('error', fail);
    });
    await vi.waitFor(() => expect(logged.length).toBeGreaterThan(0), { timeout: 5_000 });
    expect(logged.filter((line) => line.level !== 'info')).toEqual([]);
    expect(logged[0]?.text).toContain('closed the connection');
    // The door goes on answering.
    expect((await search('application/json')).status).toBe(200);
  });
});
