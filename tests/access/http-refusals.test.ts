import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName } from '../../shared/contract/index.ts';
import { CALL_ACCESS } from '../../shared/contract/permissions.ts';
import { allows, type Role } from '../../shared/contract/roles.ts';
import { random, writeInput } from '../changes/workload.ts';
import { type RunningApp, startApp } from '../support/app-server.ts';
import { rawRequest } from '../support/http.ts';
import { syncedTables } from '../support/replica.ts';

// Issue 12's "done when": through the HTTP door, every call of the contract is refused to a person whose roles
// lack its permission, with forbidden / forbidden_role naming it, and nothing changes: not the change log, not
// a row of any synced table. Write calls get a valid input drawn from the register (as the replay workload
// makes them), so a missing check would have written something; the others get an input of the right shape
// where it matters little, since a refused call never reads it.

let app: RunningApp;
let reader: Database.Database;
const members: Partial<Record<Role, string>> = {};

const callApi = async (name: string, input: unknown) => {
  const port = app.server.port;
  const response = await rawRequest({
    port,
    path: `/api/call/${name}`,
    method: 'POST',
    headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'x-yadocho-token': app.server.token },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: JSON.parse(response.body) };
};

const ok = async (name: string, input: unknown) => {
  const { body } = await callApi(name, input);
  if (!body.ok) throw new Error(`${name}: ${JSON.stringify(body.error)}`);
  return body.value;
};

/** Everything a refused call must leave as it was: the log and every synced table, row for row. */
const snapshot = () =>
  JSON.stringify({
    log: reader.prepare('SELECT count(*) FROM log_entry').pluck().get(),
    tables: syncedTables(reader),
    current: reader.prepare("SELECT value FROM meta WHERE key = 'current_staff_id'").pluck().get(),
  });

beforeAll(async () => {
  app = await startApp({ staticDir: null });
  const owner = await ok('staff.create', { name: '女将 山田' });
  await ok('staff.setCurrent', { id: owner.id });
  await ok('demo.load', { count: 5, seed: 3 }); // guests, stays, allergies, deals to act on
  for (const role of ['front', 'service', 'kitchen', 'banquet'] as const) {
    members[role] = (await ok('staff.create', { name: `${role} 担当`, roles: [role] })).id;
  }
  reader = new Database(app.dataFile, { readonly: true });
}, 60_000);

afterAll(async () => {
  reader?.close();
  await app?.stop();
});

describe('every call, for a role that lacks its permission', () => {
  it('is refused with forbidden_role naming the permission, and nothing changes', async () => {
    const r = random(12);
    const refusedCalls = new Set<CallName>();
    for (const role of ['front', 'service', 'kitchen', 'banquet'] as const) {
      await ok('staff.setCurrent', { id: members[role] });
      for (const name of CALL_NAMES) {
        const access = CALL_ACCESS[name];
        if (allows([role], access)) continue;
        const input = writeInput(reader, r, Date.now(), name) ?? {};
        const before = snapshot();
        const { status, body } = await callApi(name, input);
        expect(status, name).toBe(200);
        expect(body, `${role} ${name}`).toEqual({
          ok: false,
          error: { code: 'forbidden', detail: 'forbidden_role', params: { permission: access } },
        });
        expect(snapshot(), `${role} ${name} changed something`).toBe(before);
        refusedCalls.add(name);
      }
    }
    // The calls no role was refused need what every role holds (finding a guest, reading allergies) or nothing:
    // with nobody chosen at the PC, all but those open to anyone answer no_staff, changing nothing.
    const open = CALL_NAMES.filter((name) => !refusedCalls.has(name));
    const everyRole = ['owner', 'manager', 'front', 'service', 'kitchen', 'banquet'] as const;
    expect(open.filter((name) => everyRole.some((role) => !allows([role], CALL_ACCESS[name])))).toEqual([]);
    expect(refusedCalls.size).toBeGreaterThan(60);
    await ok('staff.lock', {});
    for (const name of open.filter((call) => CALL_ACCESS[call] !== 'anyone')) {
      const before = snapshot();
      const { body } = await callApi(name, writeInput(reader, r, Date.now(), name) ?? {});
      expect(body, name).toEqual({ ok: false, error: { code: 'no_staff' } });
      expect(snapshot()).toBe(before);
    }
  }, 120_000);

  it('lets a role do what its permission covers, through the same door', async () => {
    await ok('staff.setCurrent', { id: members.kitchen });
    expect((await callApi('dishes.list', {})).body.ok).toBe(true);
    const { body } = await callApi('exports.run', { format: 'csv', kind: 'guests', filter: { by: 'all' } });
    expect(body.error).toEqual({ code: 'forbidden', detail: 'forbidden_role', params: { permission: 'export' } });
  });
});
