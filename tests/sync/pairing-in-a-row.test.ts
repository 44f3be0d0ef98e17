import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openCore } from '../../electron/core-host/open-core.ts';
import { inSync, pairPcs, type SyncCaller, type SyncStatusView, until } from '../support/pair-pcs.ts';

// A manager adds two PCs one after the other, as fast as the screens allow: the second pairing must not be
// cut by the end of the first (its channel was closed a moment after pairing, and once the window's channel
// was the next PC's). Three cores in this process, each with its own file and sync port on loopback.

const root = mkdtempSync(join(tmpdir(), 'yadocho-pair-row-'));
const opened: Array<ReturnType<typeof openCore>> = [];
afterAll(async () => {
  for (const pc of opened) pc.close();
  await new Promise((resolve) => setTimeout(resolve, 100));
  rmSync(root, { recursive: true, force: true });
});

async function startPc(name: string, port: number) {
  const pc = openCore({ file: join(root, `${name}.sqlite`), sync: { port, host: '127.0.0.1' } });
  opened.push(pc);
  const call: SyncCaller = async (callName, input = {}) => {
    const result = await pc.core.call(callName, input);
    if (!result.ok) throw new Error(`${name} ${callName}: ${JSON.stringify(result.error)}`);
    return result.value as never;
  };
  const staff = await call<{ id: string }>('staff.create', { name: `${name}の担当` });
  await call('staff.setCurrent', { id: staff.id });
  await call('sync.configure', { enabled: true, name });
  return { call, port };
}

it('pairs a second PC right after the first, and all three reach each other', { timeout: 60_000 }, async () => {
  const base = 20_000 + Math.floor(Math.random() * 20_000);
  const front = await startPc('front', base);
  const kitchen = await startPc('kitchen', base + 1);
  const banquet = await startPc('banquet', base + 2);
  await pairPcs(front.call, kitchen.call, front.port);
  // No pause: the next window opens, and the next PC connects, while the first pairing's channel is still
  // being closed (within the moment pairing-flow.ts leaves it open for the last message).
  await front.call('sync.invite');
  await banquet.call('sync.join', { host: '127.0.0.1', port: front.port });
  await until(
    'the banquet PC connected',
    () => banquet.call<SyncStatusView>('sync.status'),
    (s) => s.pairing?.state === 'entering_code',
  );
  // Past the moment the first pairing's channel is closed: the second PC's must still be open.
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect((await banquet.call<SyncStatusView>('sync.status')).pairing).toMatchObject({
    state: 'entering_code',
    reason: null,
  });
  const shown = await until(
    'the code for the banquet PC',
    () => front.call<SyncStatusView>('sync.status'),
    (s) => s.pairing?.state === 'code_shown',
  );
  await banquet.call('sync.enterCode', { code: shown.pairing?.code });
  await until(
    'the front desk to ask',
    () => front.call<SyncStatusView>('sync.status'),
    (s) => s.pairing?.state === 'waiting_for_confirmation',
  );
  await front.call('sync.confirm', { accept: true });
  await until(
    'the banquet PC paired',
    () => banquet.call<SyncStatusView>('sync.status'),
    (s) => s.pairing?.state === 'paired',
  );
  for (const pc of [front, kitchen, banquet]) {
    const status = await until(
      'every PC in sync with both others',
      () => pc.call<SyncStatusView>('sync.status'),
      (s) => inSync(s, 2),
    );
    expect(status.peers.map((peer) => peer.name).sort()).toHaveLength(2);
  }
});
