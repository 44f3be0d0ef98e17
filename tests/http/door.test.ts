import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../shared/contract/index.ts';
import { type RunningApp, startApp } from '../support/app-server.ts';
import { changeLogCount } from '../support/core.ts';
import { rawRequest } from '../support/http.ts';

let app: RunningApp;
let port: number;
let token: string;
let staffId: string;

function staticFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yadocho-static-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Yadocho</title>');
  return dir;
}

const callApi = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  rawRequest({
    port,
    path: `/api/call/${name}`,
    method: 'POST',
    headers: {
      host: `127.0.0.1:${port}`,
      'content-type': 'application/json',
      'x-yadocho-token': token,
      ...headers,
    },
    body: typeof input === 'string' ? input : JSON.stringify(input),
  });

beforeEach(async () => {
  app = await startApp({ staticDir: staticFolder() });
  port = app.server.port;
  token = app.server.token;
  const staff = JSON.parse((await callApi('staff.create', { name: 'フロント 鈴木' })).body);
  staffId = staff.value.id;
  await callApi('staff.setCurrent', { id: staffId });
});
afterEach(async () => {
  await app.stop();
});

describe('the HTTP door', () => {
  it('answers a call that carries the token from this server’s own page', async () => {
    const response = await callApi(
      'guests.create',
      { fields: { familyName: '林', familyReading: 'はやし' } },
      { origin: `http://127.0.0.1:${port}` },
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { familyName: '林', romaji: 'Hayashi' } });
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    for (const headers of [
      { 'x-yadocho-token': '' },
      { 'x-yadocho-token': 'guessed-token' },
      { 'x-yadocho-token': `${token}x` },
    ]) {
      const response = await callApi('guests.search', { q: 'は' }, headers);
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'unauthorized' } });
    }
  });

  it('refuses another web page (foreign Origin) even when it has the token', async () => {
    const response = await callApi('guests.search', { q: 'は' }, { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a foreign Host (DNS rebinding), for pages as well as the API', async () => {
    const api = await callApi('guests.search', { q: 'は' }, { host: `evil.example:${port}` });
    expect(api.status).toBe(403);
    const page = await rawRequest({ port, path: '/', headers: { host: `evil.example:${port}` } });
    expect(page.status).toBe(403);
    const own = await rawRequest({ port, path: '/', headers: { host: `localhost:${port}` } });
    expect(own.status).toBe(200);
    expect(own.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves nothing outside the renderer folder', async () => {
    for (const path of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      const response = await rawRequest({ port, path, headers: { host: `127.0.0.1:${port}` } });
      expect(response.body).not.toContain('root:');
    }
  });

  it('gives malformed input to every call a clear error and changes nothing', async () => {
    // Count change-log entries through a second, read-only connection to the same file.
    const Database = (await import('better-sqlite3')).default;
    const reader = new Database(app.dataFile, { readonly: true });
    const before = changeLogCount(reader);
    const malformed: unknown[] = [
      '',
      '[]',
      '"text"',
      '42',
      'null',
      { unexpected: true },
      { id: 'not-a-uuid' },
      { q: 42 },
      { fields: 'x' },
    ];
    for (const name of CALL_NAMES) {
      for (const input of malformed) {
        const response = await callApi(name, input);
        const body = JSON.parse(response.body);
        if (body.ok) {
          // an empty body is valid input for calls that take none; none of them writes a record (the
          // index rebuild recomputes derived rows only)
          expect([
            'system.info',
            'system.rebuildSearchIndex',
            'jobs.list',
            'staff.list',
            'guests.listDeleted',
            'staff.clearCurrent',
            'staff.lock',
            'settings.get',
            'allergens.list',
            'dishes.list',
            'courses.list',
            'halls.list',
            'banquets.list',
            'followUps.list',
            'conflicts.list',
            'conflicts.held',
            // the duplicate scan keeps its pairs in a derived table; the lists read
            'duplicates.scan',
            'duplicates.list',
            'duplicates.merges',
            'imports.list',
            'accessLog.list',
            // this PC's backup state and the files in its folder (none is set here)
            'backups.status',
            'backups.list',
            'backups.configure', // every setting optional: nothing given, nothing changed
            'guests.retentionReview', // reads only: the guests due for review
            'ranks.rules', // reads only: the rank rules (none yet)
            'ranks.recompute', // a job over the local, derived ranks: no record changes
            // this PC's sync state; every setting optional; closing a pairing that is not open does nothing
            'sync.status',
            'sync.configure',
            'sync.cancelPairing',
          ]).toContain(name);
          // Nobody is working here after these: the same person chooses themself again, as at the lock screen.
          if (name === 'staff.clearCurrent' || name === 'staff.lock')
            await callApi('staff.setCurrent', { id: staffId });
          continue;
        }
        // A call that takes no input, given none, answers what it would here: a backup without a folder set.
        if (name === 'backups.run' && (input === '' || input === 'null')) {
          expect(body.error.code).toBe('conflict');
          continue;
        }
        // Likewise: a pairing window asked for while this PC's sync is off.
        if (name === 'sync.invite' && (input === '' || input === 'null')) {
          expect(body.error).toMatchObject({ code: 'conflict', detail: 'sync_off' });
          continue;
        }
        expect(body.error.code, `${name} ${JSON.stringify(input)}`).toBe('invalid_input');
        if (response.status === 200) expect(body.error.issues?.length, name).toBeGreaterThan(0);
      }
    }
    expect(changeLogCount(reader)).toBe(before);
    reader.close();
  });

  it('answers broken JSON and unknown calls with their own codes', async () => {
    const broken = await callApi('guests.search', '{"q": ');
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toEqual({ ok: false, error: { code: 'invalid_input', detail: 'invalid_json' } });
    const unknown = await callApi('guests.drop', {});
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ ok: false, error: { code: 'unknown_call' } });
  });

  it('pushes a changed event to an open screen when data changes underneath it', async () => {
    const controller = new AbortController();
    const events = await fetch(`http://127.0.0.1:${port}/api/events?token=${token}`, { signal: controller.signal });
    expect(events.status).toBe(200);
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    await callApi('guests.create', { fields: { familyName: '森', familyReading: 'もり' } });
    let received = '';
    while (!received.includes('event: changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    expect(received).toContain('data: {"tables":["guests"]}');
    controller.abort();
  });

  it('refuses the event stream without the token', async () => {
    const response = await rawRequest({ port, path: '/api/events?token=nope', headers: { host: `127.0.0.1:${port}` } });
    expect(response.status).toBe(401);
  });
});
