import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../support/app-server.ts';
import { changeLogCount } from '../support/core.ts';
import { rawRequest } from '../support/http.ts';

// Edits that know what they changed, through the HTTP door: two screens editing one guest (the second gets a
// conflict with both values, who and when, and wins by sending again with the new version), and a write sent
// twice with one request id (recorded once, answered alike).

let app: RunningApp;
let reader: Database.Database;

// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field below.
type Loose = any;

async function callApi(name: string, input: unknown, requestId?: string): Promise<{ status: number; body: Loose }> {
  const port = app.server.port;
  const response = await rawRequest({
    port,
    path: `/api/call/${name}`,
    method: 'POST',
    headers: {
      host: `127.0.0.1:${port}`,
      'content-type': 'application/json',
      'x-yadocho-token': app.server.token,
      ...(requestId === undefined ? {} : { 'x-yadocho-request-id': requestId }),
    },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: JSON.parse(response.body) };
}

async function value(name: string, input: unknown): Promise<Loose> {
  const { body } = await callApi(name, input);
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.value;
}

async function chooseStaff(name: string): Promise<void> {
  const staff = await value('staff.create', { name });
  await value('staff.setCurrent', { id: staff.id });
}

beforeEach(async () => {
  app = await startApp({ staticDir: null });
  reader = new Database(app.dataFile, { readonly: true });
  await chooseStaff('フロント 鈴木');
});
afterEach(async () => {
  reader.close();
  await app.stop();
});

describe('two screens editing one guest', () => {
  it('gives the second a conflict with both values and who changed it; sending the new version wins', async () => {
    const guest = await value('guests.create', { fields: { familyName: '林', familyReading: 'はやし' } });
    const screen1 = await value('guests.get', { id: guest.id });
    const screen2 = await value('guests.get', { id: guest.id });
    expect(screen2.version).toBe(screen1.version);

    const saved1 = await value('guests.update', {
      id: guest.id,
      patch: { note: '窓側希望' },
      version: screen1.version,
    });
    expect(saved1.version).toBeGreaterThan(screen1.version);

    await chooseStaff('仲居 佐藤'); // the second screen is someone else's
    const before = changeLogCount(reader);
    const refused = await callApi('guests.update', {
      id: guest.id,
      patch: { note: '和室希望' },
      version: screen2.version,
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'conflict', detail: 'edited_since' } });
    expect(refused.body.error.changes).toEqual([
      {
        table: 'guests',
        id: guest.id,
        column: 'note',
        yours: '和室希望',
        theirs: '窓側希望',
        staffName: 'フロント 鈴木',
        at: expect.any(String),
      },
    ]);
    expect(refused.body.error.version).toBe(saved1.version);
    expect(changeLogCount(reader)).toBe(before); // refused: nothing recorded

    const kept = await value('guests.update', {
      id: guest.id,
      patch: { note: '和室希望' },
      version: refused.body.error.version,
    });
    expect(kept.note).toBe('和室希望');
    expect((await value('guests.get', { id: guest.id })).note).toBe('和室希望');
  });

  it('shows a list field (phones) as stored on both sides', async () => {
    const guest = await value('guests.create', { fields: { familyName: '森', familyReading: 'もり' } });
    const opened = await value('guests.get', { id: guest.id });
    await value('guests.update', {
      id: guest.id,
      patch: { phones: [{ number: '090-1111-2222', label: 'mobile' }] },
      version: opened.version,
    });
    const refused = await callApi('guests.update', {
      id: guest.id,
      patch: { phones: [{ number: '03-3333-4444', label: 'home' }] },
      version: opened.version,
    });
    const [change] = refused.body.error.changes;
    expect(change.column).toBe('phones');
    expect(JSON.parse(change.theirs)).toEqual([{ number: '090-1111-2222', label: 'mobile' }]);
    expect(JSON.parse(change.yours)).toEqual([{ number: '03-3333-4444', label: 'home' }]);
  });

  it('saves a field the first screen did not touch, without a conflict', async () => {
    const guest = await value('guests.create', { fields: { familyName: '林', familyReading: 'はやし' } });
    const opened = await value('guests.get', { id: guest.id });
    await value('guests.update', { id: guest.id, patch: { note: '窓側希望' }, version: opened.version });
    const other = await value('guests.update', {
      id: guest.id,
      patch: { email: 'hayashi@example.jp' },
      version: opened.version,
    });
    expect(other).toMatchObject({ note: '窓側希望', email: 'hayashi@example.jp' });
  });
});

describe('request ids', () => {
  it('records a write sent twice with one id once, and answers both alike', async () => {
    const input = { fields: { familyName: '林', familyReading: 'はやし' } };
    const first = await callApi('guests.create', input, 'retry-7f3a');
    expect(first.body.ok).toBe(true);
    const recorded = changeLogCount(reader);
    const again = await callApi('guests.create', input, 'retry-7f3a');
    expect(again.body).toEqual(first.body);
    expect(changeLogCount(reader)).toBe(recorded);
    expect((await value('guests.search', { q: 'はやし' })).hits).toHaveLength(1);
  });

  it('refuses the same id on another call, recording nothing', async () => {
    const guest = await callApi('guests.create', { fields: { familyName: '林', familyReading: 'はやし' } }, 'id-1');
    const recorded = changeLogCount(reader);
    const reused = await callApi('guests.update', { id: guest.body.value.id, patch: { note: 'x' } }, 'id-1');
    expect(reused.body).toEqual({ ok: false, error: { code: 'conflict', detail: 'request_id_reused' } });
    expect(changeLogCount(reader)).toBe(recorded);
  });

  it('refuses an id that is too long or not printable ASCII', async () => {
    for (const id of ['x'.repeat(101), 'with space', 'caf\u00e9', '']) {
      const response = await callApi('guests.search', { q: 'は' }, id);
      expect(response.status, JSON.stringify(id)).toBe(400);
      expect(response.body).toEqual({ ok: false, error: { code: 'invalid_input', detail: 'invalid_request_id' } });
    }
    expect((await callApi('guests.search', { q: 'は' }, 'x'.repeat(100))).body.ok).toBe(true);
  });
});
