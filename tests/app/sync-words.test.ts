// The sync screens' small pieces: the pairing code as people read and type it, the time left, and what the
// header's indicator says about the group (hidden, green, grey, amber after five minutes away, red on conflicts).

import { describe, expect, it } from 'vitest';
import {
  formatSecondsLeft,
  groupCode,
  isCode,
  normalizeCode,
  pairingUnderWay,
  secondsLeft,
  syncHealth,
} from '../../renderer/sync/sync-words.ts';
import type { SyncPeer, SyncStatus } from '../../shared/contract/sync.ts';

const NOW = Date.parse('2026-12-04T10:00:00Z');

function peer(state: SyncPeer['state'], extra: Partial<SyncPeer> = {}): SyncPeer {
  return {
    display: `ID-${state}`,
    short: 'ABCDEFG',
    name: '厨房',
    state,
    behind: 0,
    lastSeen: null,
    address: null,
    ...extra,
  };
}

function status(peers: SyncPeer[], enabled = true): SyncStatus {
  return { enabled, device: null, port: 4871, problem: null, peers, pairing: null, discovered: [] };
}

describe('the pairing code', () => {
  it('is shown in two groups of three and read back from full-width digits, spaces and dashes', () => {
    expect(groupCode('123456')).toBe('123 456');
    expect(normalizeCode('１２３ ４５６')).toBe('123456');
    expect(normalizeCode('123-456')).toBe('123456');
    expect(isCode('１２３４５６')).toBe(true);
    expect(isCode('12345')).toBe(false);
    expect(isCode('12345a')).toBe(false);
  });

  it('counts the time left down to zero, never below', () => {
    expect(secondsLeft('2026-12-04T10:01:05Z', NOW)).toBe(65);
    expect(formatSecondsLeft(65)).toBe('1:05');
    expect(secondsLeft('2026-12-04T09:59:00Z', NOW)).toBe(0);
    expect(secondsLeft(null, NOW)).toBe(0);
  });

  it('is under way until paired or closed', () => {
    const base = { role: 'inviter' as const, code: null, expiresAt: null, peer: null, reason: null };
    expect(pairingUnderWay({ ...base, state: 'waiting_for_pc' })).toBe(true);
    expect(pairingUnderWay({ ...base, state: 'paired' })).toBe(false);
    expect(pairingUnderWay({ ...base, state: 'closed', reason: 'timeout' })).toBe(false);
    expect(pairingUnderWay(null)).toBe(false);
  });
});

describe('the header’s sync indicator', () => {
  const since = () => NOW;
  it('is hidden while sync is off or this PC has no peers', () => {
    expect(syncHealth(undefined, 0, NOW, since).level).toBe('hidden');
    expect(syncHealth(status([peer('in_sync')], false), 0, NOW, since).level).toBe('hidden');
    expect(syncHealth(status([]), 3, NOW, since).level).toBe('hidden');
  });

  it('is green while every peer is in sync or being sent to, and counts what is being sent', () => {
    expect(syncHealth(status([peer('in_sync')]), 0, NOW, since)).toEqual({ level: 'ok', reason: 'in_sync' });
    expect(syncHealth(status([peer('in_sync'), peer('sending', { behind: 4 })]), 0, NOW, since)).toEqual({
      level: 'ok',
      reason: 'sending',
      count: 4,
    });
  });

  it('is neutral while a peer is away for a while, amber after five minutes, red while conflicts wait', () => {
    const recently = peer('offline', { lastSeen: new Date(NOW - 60_000).toISOString() });
    const long = peer('offline', { lastSeen: new Date(NOW - 6 * 60_000).toISOString() });
    expect(syncHealth(status([recently]), 0, NOW, since).level).toBe('neutral');
    expect(syncHealth(status([long]), 0, NOW, since)).toMatchObject({ level: 'warn', reason: 'offline' });
    // Never seen in this start: away since the screen first saw it so.
    expect(syncHealth(status([peer('offline')]), 0, NOW, () => NOW - 10 * 60_000).level).toBe('warn');
    expect(syncHealth(status([peer('update_here')]), 0, NOW, since)).toEqual({ level: 'warn', reason: 'update' });
    expect(syncHealth(status([long]), 2, NOW, since)).toEqual({ level: 'alert', reason: 'conflicts', count: 2 });
  });

  it('is neutral while a register copy travels, and says which way (not "in sync": nothing is yet)', () => {
    const copying = peer('receiving_snapshot', { snapshot: { done: 3, total: 10 } });
    expect(syncHealth(status([copying]), 0, NOW, since)).toEqual({ level: 'neutral', reason: 'copy', receiving: true });
    expect(syncHealth(status([peer('in_sync'), peer('sending_snapshot')]), 0, NOW, since)).toEqual({
      level: 'neutral',
      reason: 'copy',
      receiving: false,
    });
  });
});
