import type { SyncPairing, SyncPeer, SyncStatus } from '../../shared/contract/sync.ts';

// Small pure pieces of the sync screens: the pairing code as people read and type it, the time left in a
// pairing window, and how the group is doing as the header's indicator says it.

/** Whether a pairing is under way (not yet paired or closed): the screens then read the status every second. */
export function pairingUnderWay(pairing: SyncPairing | null | undefined): boolean {
  return !!pairing && pairing.state !== 'closed' && pairing.state !== 'paired';
}

/** The six-digit code in two groups of three, as people read it aloud: 「123 456」. */
export function groupCode(code: string): string {
  return /^\d{6}$/.test(code) ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** What a person typed as the code: full-width digits read as digits, spaces and dashes dropped. */
export function normalizeCode(typed: string): string {
  return typed
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\s\u3000\-‐－ー—–]/g, '');
}

/** Six digits, once normalized: the only input worth a try. */
export function isCode(typed: string): boolean {
  return /^\d{6}$/.test(normalizeCode(typed));
}

/** Whole seconds left until `expiresAt` (0 once past it, or when there is no deadline). */
export function secondsLeft(expiresAt: string | null, now: number): number {
  if (!expiresAt) return 0;
  const at = Date.parse(expiresAt);
  return Number.isNaN(at) ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** 「1:05」: minutes and seconds left. */
export function formatSecondsLeft(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A peer offline longer than this makes the header's indicator amber. */
export const OFFLINE_WARN_MS = 5 * 60_000;

export type SyncHealth =
  | { level: 'hidden' }
  | { level: 'alert'; reason: 'conflicts'; count: number }
  | { level: 'warn'; reason: 'offline'; peer: SyncPeer }
  | { level: 'warn'; reason: 'update' }
  | { level: 'neutral'; reason: 'waiting' }
  | { level: 'neutral'; reason: 'copy'; receiving: boolean }
  | { level: 'ok'; reason: 'in_sync' }
  | { level: 'ok'; reason: 'sending'; count: number };

/**
 * How the group is doing, for the header: nothing while sync is off or the PC has no peers; red while
 * conflicts wait; amber while a PC needs an update or has been offline for more than five minutes (since
 * `offlineSince` when it was never seen in this start); neutral while PCs are being reached; green otherwise.
 */
export function syncHealth(
  status: SyncStatus | undefined,
  conflicts: number,
  now: number,
  offlineSince: (peer: SyncPeer) => number,
): SyncHealth {
  if (!status?.enabled || status.peers.length === 0) return { level: 'hidden' };
  if (conflicts > 0) return { level: 'alert', reason: 'conflicts', count: conflicts };
  if (status.peers.some((peer) => peer.state === 'update_here' || peer.state === 'update_there')) {
    return { level: 'warn', reason: 'update' };
  }
  const away = status.peers.filter((peer) => peer.state === 'offline' || peer.state === 'connecting');
  const long = away.find(
    (peer) => now - (peer.lastSeen ? Date.parse(peer.lastSeen) : offlineSince(peer)) > OFFLINE_WARN_MS,
  );
  if (long) return { level: 'warn', reason: 'offline', peer: long };
  if (away.length > 0) return { level: 'neutral', reason: 'waiting' };
  // A register copy on its way (a first join): not in sync yet, and nothing to count in changes.
  const copying = status.peers.filter(
    (peer) => peer.state === 'receiving_snapshot' || peer.state === 'sending_snapshot',
  );
  if (copying.length > 0) {
    return { level: 'neutral', reason: 'copy', receiving: copying.some((peer) => peer.state === 'receiving_snapshot') };
  }
  const behind = status.peers.reduce((sum, peer) => sum + peer.behind, 0);
  return behind > 0 ? { level: 'ok', reason: 'sending', count: behind } : { level: 'ok', reason: 'in_sync' };
}
