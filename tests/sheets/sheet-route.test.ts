import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sheetWords } from '../../electron/sheets/words.ts';
import { type RunningApp, startApp } from '../support/app-server.ts';
import { rawRequest } from '../support/http.ts';
import { pdfPages, pdfText } from '../support/pdf-text.ts';

// GET /api/sheets/{briefing,kitchen}.pdf over the real HTTP door, on a real core with a real SQLite file.

const DAY = '2026-11-23';
let app: RunningApp;

async function call(name: string, input: unknown) {
  const result = await app.core.call(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  // biome-ignore lint/suspicious/noExplicitAny: tests read call results loosely, as in tests/support/core.ts.
  return result.value as any;
}

const sheet = (path: string, headers: Record<string, string> = { 'x-yadocho-token': app.server.token }) =>
  fetch(`${app.server.url}${path}`, { headers });

/** 佐藤 一郎 (room 301) with an anaphylaxis to えび, and 田中 (room 205) with nothing to watch for. */
async function arrivalDay() {
  const staff = await call('staff.create', { name: 'フロント 鈴木' });
  await call('staff.setCurrent', { id: staff.id });
  const guest = (familyName: string, givenName: string, familyReading: string) =>
    call('guests.create', { fields: { familyName, givenName, familyReading } });
  const sato = await guest('佐藤', '一郎', 'さとう');
  const tanaka = await guest('田中', '健', 'たなか');
  const { allergens } = await call('allergens.list', {});
  const shrimp = allergens.find((a: { nameJa: string }) => a.nameJa === 'えび');
  await call('allergies.record', { guestId: sato.id, allergenId: shrimp.id, severity: 'anaphylaxis', tracesOk: false });
  const stay = await call('stays.create', {
    fields: { guestId: sato.id, arrivalDate: DAY, departureDate: '2026-11-24', rooms: ['301'] },
  });
  await call('stays.create', {
    fields: { guestId: tanaka.id, arrivalDate: DAY, departureDate: '2026-11-25', rooms: ['205'] },
  });
  return { satoStay: stay.id as string };
}

beforeEach(async () => {
  app = await startApp({ staticDir: null });
});
afterEach(async () => {
  await app.stop();
});

describe('the printed sheets over HTTP', () => {
  it('refuses a request without the token, or from another web page, and gives no PDF', async () => {
    const refused: Record<string, string>[] = [{}, { 'x-yadocho-token': 'guessed' }];
    for (const headers of refused) {
      const response = await sheet(`/api/sheets/briefing.pdf?date=${DAY}`, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(await response.json()).toEqual({ ok: false, error: { code: 'unauthorized' } });
    }
    const foreign = await rawRequest({
      port: app.server.port,
      path: `/api/sheets/kitchen.pdf?date=${DAY}`,
      headers: {
        host: `127.0.0.1:${app.server.port}`,
        origin: 'http://evil.example',
        'x-yadocho-token': app.server.token,
      },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['content-type']).toContain('application/json');
  });

  it('answers a bad query with 400 invalid_input naming the field', async () => {
    for (const query of ['', '?date=2026-02-30', '?date=tomorrow', '?date=2026-11-23&stayId=nope']) {
      const response = await sheet(`/api/sheets/briefing.pdf${query}`);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.ok).toBe(false);
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.issues[0].path).toBe(query.includes('stayId') ? 'stayId' : 'date');
    }
    const language = await sheet(`/api/sheets/kitchen.pdf?date=${DAY}&lang=fr`);
    expect(language.status).toBe(400);
    expect(await language.json()).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'lang', code: 'invalid_choice' }] },
    });
  });

  it('passes on a failed arrivals call as the same JSON error, with no PDF', async () => {
    const unknown = '01900000-0000-7000-8000-999999999999';
    const response = await sheet(`/api/sheets/briefing.pdf?date=${DAY}&stayId=${unknown}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ ok: false, error: { code: 'not_found', detail: 'stay_not_found' } });
  });

  it('refuses the sheets to a role that may not see arrivals, with 403 and the reason, and gives no PDF', async () => {
    await arrivalDay();
    const sales = await call('staff.create', { name: '宴会 田村', roles: ['banquet'] });
    await call('staff.setCurrent', { id: sales.id });
    const response = await sheet(`/api/sheets/kitchen.pdf?date=${DAY}`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'forbidden', detail: 'forbidden_role', params: { permission: 'arrivals.read' } },
    });
  });

  it('knows only its two sheets and only GET', async () => {
    expect((await sheet(`/api/sheets/invoice.pdf?date=${DAY}`)).status).toBe(404);
    const post = await fetch(`${app.server.url}/api/sheets/briefing.pdf?date=${DAY}`, {
      method: 'POST',
      headers: { 'x-yadocho-token': app.server.token },
    });
    expect(post.status).toBe(405);
  });

  it('gives the day’s briefing as a PDF download whose text has the allergy', async () => {
    await arrivalDay();
    const response = await sheet(`/api/sheets/briefing.pdf?date=${DAY}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="yadocho-briefing-${DAY}.pdf"`);
    const pages = await pdfPages(new Uint8Array(await response.arrayBuffer()));
    expect(pages).toHaveLength(2);
    const sato = pages.find((page) => page.includes('301')) ?? '';
    expect(sato).toContain('佐藤 一郎 様');
    expect(sato).toContain('アナフィラキシー');
    expect(sato).toContain('えび（佐藤 一郎 様）');
    expect(pages.find((page) => page.includes('205'))).toContain('田中 健 様');
  });

  it('prints one stay’s briefing, and the kitchen sheet in English', async () => {
    const { satoStay } = await arrivalDay();
    const one = await sheet(`/api/sheets/briefing.pdf?date=${DAY}&stayId=${satoStay}`);
    expect(one.status).toBe(200);
    const pages = await pdfPages(new Uint8Array(await one.arrayBuffer()));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('301');

    const kitchen = await sheet(`/api/sheets/kitchen.pdf?date=${DAY}&lang=en`);
    expect(kitchen.status).toBe(200);
    expect(kitchen.headers.get('content-disposition')).toBe(`attachment; filename="yadocho-kitchen-${DAY}.pdf"`);
    const text = (await pdfText(new Uint8Array(await kitchen.arrayBuffer()))).replace(/\s+/g, '');
    expect(text).toContain('Kitchensheet');
    expect(text).toContain('Shrimp:Anaphylaxis');
    expect(text).toContain('301');
    expect(text).toContain('205');
  });

  it('stamps the footer on the inn’s clock, in the zone the settings name', async () => {
    await arrivalDay();
    const { version } = await call('settings.get', {});
    // UTC+14: five hours ahead of Tokyo, so a footer on Tokyo's (or this process's) clock would not match.
    await call('settings.update', { patch: { timeZone: 'Pacific/Kiritimati' }, version });
    const words = sheetWords('ja');
    const before = words.printedAt(new Date(), 'Pacific/Kiritimati');
    const response = await sheet(`/api/sheets/briefing.pdf?date=${DAY}`);
    const after = words.printedAt(new Date(), 'Pacific/Kiritimati');
    expect(response.status).toBe(200);
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    // The moment falls between the two readings: one of them, to the minute.
    expect([`${before} 印刷`, `${after} 印刷`].some((footer) => text.includes(footer))).toBe(true);
  });
});
