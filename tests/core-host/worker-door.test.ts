import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { type AppOptions, type RunningApp, startApp } from '../support/app-server.ts';
import { FINE_SLICES } from '../support/core.ts';
import { type EventStream, openEventStream, rawRequest } from '../support/http.ts';
import { count, expectConsistent } from '../support/register.ts';

// The core in its worker thread behind the HTTP door, as `npm run serve` runs it, on a real SQLite file: calls
// are answered while a long job runs, progress reaches the event stream, a cancel leaves a consistent
// register, a crashed worker answers what it owed with `internal` and is started again, and shutdown
// closes the database cleanly. Order of completion is asserted, never a duration.

const CRASHING_WORKER = new URL('./crashing-worker.ts', import.meta.url);

let app: RunningApp | undefined;
let events: EventStream | undefined;
afterEach(async () => {
  events?.close();
  await app?.stop();
  app = undefined;
  events = undefined;
});

/** The app on a new register whose owner is chosen at this PC (calls other than the first run's need someone). */
async function start(options: AppOptions = {}) {
  app = await startApp({ staticDir: null, jobs: FINE_SLICES, ...options });
  events = await openEventStream(app.server.port, app.server.token);
  const owner = (await post('staff.create', { name: '女将 山田' })) as { value: { id: string } };
  await post('staff.setCurrent', { id: owner.value.id });
  return { app, events };
}

/** A call through the HTTP door, as the browser makes it; resolves with the Result. */
async function post(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  const server = (app as RunningApp).server;
  const response = await rawRequest({
    port: server.port,
    path: `/api/call/${name}`,
    method: 'POST',
    headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/json', 'x-yadocho-token': server.token },
    body: JSON.stringify(input),
  });
  return JSON.parse(response.body);
}

const progressOf = (event: { event: string; data: unknown }) =>
  event.event === 'progress' ? (event.data as JobProgress) : undefined;

/** The job's first progress event with `done` at least `done`, seen on the event stream. */
const reached = (stream: EventStream, done: number) =>
  stream.next((event) => {
    const progress = progressOf(event);
    return progress?.state === 'running' && progress.done >= done;
  });

describe('the core in its worker, behind the HTTP door', () => {
  it('answers a search while sample data loads, before the load is done', async () => {
    const { events } = await start();
    const finished: string[] = [];
    const loading = post('demo.load', { count: 300, seed: 1 }).then((result) => {
      finished.push('demo.load');
      return result;
    });
    await reached(events, 10);
    const search = await post('guests.search', { q: 'さ' });
    finished.push('guests.search');
    expect(search.ok).toBe(true);
    expect(await loading).toEqual({ ok: true, value: { created: 300 } });
    expect(finished).toEqual(['guests.search', 'demo.load']);
  });

  it('sends the job’s progress on the event stream, up to a final `done`', async () => {
    const { events } = await start();
    await post('demo.load', { count: 20, seed: 2 });
    const done = await events.next((event) => progressOf(event)?.state === 'done');
    const progress = events.events.flatMap((event) => progressOf(event) ?? []);
    expect(new Set(progress.map((p) => p.job)).size).toBe(1);
    expect(progress[0]).toMatchObject({ kind: 'demo.load', state: 'running', done: 0, total: 40 });
    const steps = progress.map((p) => p.done);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(done.data).toMatchObject({ kind: 'demo.load', state: 'done', done: 40, total: 40 });
    // The tables it wrote are announced too, so open screens refetch.
    await events.next((event) => event.event === 'changed');
  });

  it('stops a job on jobs.cancel: its call answers `cancelled`, and the register stays consistent', async () => {
    const { app, events } = await start();
    const loading = post('demo.load', { count: 400, seed: 3 });
    const running = progressOf(await reached(events, 30)) as JobProgress;
    expect(await post('jobs.cancel', { job: running.job })).toEqual({ ok: true, value: { cancelling: true } });
    expect(await loading).toEqual({ ok: false, error: { code: 'cancelled' } });
    await events.next((event) => progressOf(event)?.state === 'cancelled');
    const reader = new Database(app.dataFile, { readonly: true });
    try {
      const guests = count(reader, 'SELECT count(*) AS n FROM guests');
      expect(guests).toBeGreaterThanOrEqual(30);
      expect(guests).toBeLessThan(400);
      expectConsistent(reader);
    } finally {
      reader.close();
    }
    expect(await post('jobs.list', {})).toEqual({ ok: true, value: { jobs: [] } });
  });

  it('refuses input nested thousands deep as invalid input, where copying it to the worker overflowed', async () => {
    await start();
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const server = (app as RunningApp).server;
    const send = (body: string) =>
      rawRequest({
        port: server.port,
        path: '/api/call/guests.search',
        method: 'POST',
        headers: {
          host: `127.0.0.1:${server.port}`,
          'content-type': 'application/json',
          'x-yadocho-token': server.token,
        },
        body,
      });
    for (const levels of [5_000, 100_000]) {
      const answer = await send(`{"q":${deep(levels)}}`);
      expect(JSON.parse(answer.body), `${levels} levels`).toEqual({
        ok: false,
        error: { code: 'invalid_input', detail: 'input_too_deep' },
      });
    }
    // A shallow wrong input is still checked by the contract, and the door goes on answering.
    expect(JSON.parse((await send(`{"q":${deep(3)}}`)).body).error.code).toBe('invalid_input');
    expect(await post('guests.search', { q: 'やま' })).toEqual({ ok: true, value: { hits: [] } });
  });

  it('answers the calls a crashed worker owed with `internal`, and starts it again', async () => {
    const { app, events } = await start({ entry: CRASHING_WORKER });
    const loading = post('demo.load', { count: 2000, seed: 4 });
    const running = progressOf(await reached(events, 5)) as JobProgress;
    const crash = app.core.call('system.info', {}, { crash: true });
    expect(await crash).toEqual({ ok: false, error: { code: 'internal' } });
    expect(await loading).toEqual({ ok: false, error: { code: 'internal' } });
    // Screens are told the job is over, or its bar would stay.
    await events.next((event) => progressOf(event)?.job === running.job && progressOf(event)?.state === 'failed');
    // A new worker on the same file: what committed before the crash is there, and writes work.
    const info = (await post('system.info', {})) as { ok: boolean; value: { guestCount: number } };
    expect(info.ok).toBe(true);
    expect(info.value.guestCount).toBeGreaterThanOrEqual(5);
    expect(info.value.guestCount).toBeLessThan(2000);
    // Into a register that has guests now, by the owner still chosen at this PC.
    expect(await post('demo.load', { count: 5, seed: 5 })).toEqual({ ok: true, value: { created: 5 } });
  });

  it('gives up after too many crashes, says so, and answers every call `internal`', async () => {
    const { app } = await start({ entry: CRASHING_WORKER, maxRestarts: 1 });
    const stopped = new Promise<string>((resolve) => app.core.onStopped(resolve));
    expect(await app.core.call('system.info', {}, { crash: true })).toEqual({ ok: false, error: { code: 'internal' } });
    expect((await post('system.info', {})).ok).toBe(true);
    expect(await app.core.call('system.info', {}, { crash: true })).toEqual({ ok: false, error: { code: 'internal' } });
    expect(await stopped).toMatch(/stopped 2 times/);
    expect(await post('system.info', {})).toEqual({ ok: false, error: { code: 'internal' } });
  });

  it('closes the database cleanly at shutdown, even in the middle of an index rebuild', async () => {
    const { app, events } = await start();
    await post('demo.load', { count: 60, seed: 6 });
    // Its HTTP answer cannot be sent once the server has closed; what matters is the file.
    const rebuilding = post('system.rebuildSearchIndex', {}).catch(() => undefined);
    await events.next((event) => progressOf(event)?.kind === 'search.rebuild' && progressOf(event)?.done === 10);
    await app.server.close();
    await app.core.close();
    await rebuilding;
    expect(existsSync(`${app.dataFile}-wal`)).toBe(false); // the last connection closed and checkpointed
    const reader = new Database(app.dataFile, { readonly: true });
    try {
      expect(reader.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'search_term%'").pluck().all()).toEqual([
        'search_term',
      ]);
      expectConsistent(reader);
    } finally {
      reader.close();
    }
  });
});
