import { afterEach, describe, expect, it } from 'vitest';
import { type HttpServer, startHttpServer } from '../../electron/http/server.ts';
import { rawRequest } from '../support/http.ts';
import { type AccessTest, accessCore } from './helpers.ts';

// Through the HTTP door, as the browser and other systems reach the core: each sheet PDF it makes is recorded
// once, a sheet it refuses is not, and a card fetched twice in a row is one look.

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function door(t: AccessTest) {
  server = await startHttpServer({ core: t.core, logger: { info() {}, warn() {}, error() {} } });
  const { port, token } = server;
  const headers = { host: `127.0.0.1:${port}`, 'x-yadocho-token': token };
  return {
    sheet: (path: string) => rawRequest({ port, path, headers }),
    call: async (name: string, input: unknown) =>
      JSON.parse(
        (
          await rawRequest({
            port,
            path: `/api/call/${name}`,
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          })
        ).body,
      ),
  };
}

describe('the access log through the HTTP door', () => {
  it('records one entry for each sheet PDF it makes, about the stay’s guest or the whole day', async () => {
    const t = await accessCore();
    const http = await door(t);
    const one = await http.sheet(`/api/sheets/briefing.pdf?date=2026-12-03&stayId=${t.stay}`);
    expect(one.status).toBe(200);
    expect(one.headers['content-type']).toBe('application/pdf');
    const day = await http.sheet('/api/sheets/kitchen.pdf?date=2026-12-03&lang=en');
    expect(day.status).toBe(200);

    const [kitchen, briefing, ...rest] = await t.entries();
    expect(rest).toEqual([]);
    expect(briefing).toMatchObject({
      action: 'sheet_printed',
      staff: { id: t.okami },
      guest: { id: t.guest },
      pc: { here: true },
      detail: { sheet: 'briefing', date: '2026-12-03', stayId: t.stay, via: 'pdf' },
    });
    expect(kitchen).toMatchObject({ guest: null, detail: { sheet: 'kitchen', date: '2026-12-03', via: 'pdf' } });
  });

  it('records nothing for a sheet it refuses', async () => {
    const t = await accessCore();
    const http = await door(t);
    expect((await http.sheet('/api/sheets/kitchen.pdf?date=2026-13-40')).status).toBe(400);
    expect((await http.sheet('/api/sheets/briefing.pdf?date=2026-12-03&stayId=nope')).status).toBe(400);
    expect(await t.entries()).toEqual([]);
  });

  it('records a card fetched again at once as one look', async () => {
    const t = await accessCore();
    const http = await door(t);
    for (let i = 0; i < 3; i++) expect((await http.call('guests.get', { id: t.guest })).ok).toBe(true);
    const list = await http.call('accessLog.list', {});
    expect(list.value.entries).toHaveLength(1);
    expect(list.value.entries[0]).toMatchObject({ action: 'card_opened', guest: { id: t.guest } });
  });
});
