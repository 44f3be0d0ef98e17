import type { SyncPeer, SyncStatus } from '../../../shared/contract/sync.ts';
import { formatDeviceId, shortDeviceId } from './device/device-id.ts';
import type { Discovered } from './discovery/discovered.ts';
import type { Member } from './membership/merge.ts';
import type { SyncSession } from './session.ts';
import type { SnapshotProgress } from './snapshot/coordinator.ts';
import type { SyncFile } from './state-file.ts';

// What 「PC・同期」 and the header's indicator show (sync.status): this PC, each member of the group with the
// state of its session, the pairing under way and the PCs found on the LAN. Worked out from what the sync
// service (service.ts) holds at the moment it is asked; nothing here keeps state of its own.

/** A member's session as the status reads it: only while a connection to it is up. */
export type PeerView = {
  /** The session with `deviceId`, when a connection to it is up. */
  session(deviceId: string): SyncSession | undefined;
  /** How far a register copy to or from `deviceId` has come, if one is under way. */
  snapshotProgress(deviceId: string): SnapshotProgress | null;
  /** Whether `deviceId` is being dialled now. */
  dialling(deviceId: string): boolean;
  /** This PC's schema version. */
  schema: number;
};

/** One member's state: copying a register, connecting, a schema apart, behind by N changes, in sync, offline. */
export function peerState(view: PeerView, deviceId: string): Pick<SyncPeer, 'state' | 'behind' | 'snapshot'> {
  const session = view.session(deviceId);
  if (!session) return { state: view.dialling(deviceId) ? 'connecting' : 'offline', behind: 0 };
  const copy = session.snapshotState();
  if (copy) {
    const progress = view.snapshotProgress(deviceId);
    return {
      state: copy === 'sending' ? 'sending_snapshot' : 'receiving_snapshot',
      behind: 0,
      snapshot: progress && progress.total > 0 ? progress : null,
    };
  }
  if (!session.isCaughtUpKnown()) return { state: 'connecting', behind: 0 };
  const status = session.status();
  if (status.peerSchema !== null && status.peerSchema > view.schema) return { state: 'update_here', behind: 0 };
  if (status.peerSchema !== null && status.peerSchema < view.schema) return { state: 'update_there', behind: 0 };
  const behind = session.behind();
  return { state: behind > 0 ? 'sending' : 'in_sync', behind };
}

export type StatusSources = {
  file: SyncFile;
  /** This PC's device id, once its identity is loaded. */
  deviceId: string | null;
  /** The port listened on now, if listening. */
  listeningPort: number | null;
  problem: SyncStatus['problem'];
  /** The group's other PCs. */
  members: readonly Member[];
  /** When each PC was last heard from (ms). */
  lastSeen: ReadonlyMap<string, number>;
  peers: PeerView;
  pairing: SyncStatus['pairing'];
  discovered: readonly Discovered[];
};

export function statusReport(sources: StatusSources): SyncStatus {
  const { file, deviceId } = sources;
  const inGroup = new Set(sources.members.map((member) => member.deviceId));
  return {
    enabled: file.enabled,
    device: deviceId ? { display: formatDeviceId(deviceId), short: shortDeviceId(deviceId), name: file.name } : null,
    port: sources.listeningPort ?? file.port,
    problem: file.enabled ? sources.problem : null,
    peers: sources.members.map((member) => {
      const seen = sources.lastSeen.get(member.deviceId);
      const address = file.addresses[member.deviceId];
      return {
        display: formatDeviceId(member.deviceId),
        short: shortDeviceId(member.deviceId),
        name: file.names[member.deviceId] ?? member.name,
        ...peerState(sources.peers, member.deviceId),
        lastSeen: seen === undefined ? null : new Date(seen).toISOString(),
        address: address ? `${address.host}:${address.port}` : null,
      };
    }),
    pairing: sources.pairing,
    joinedBySnapshot: file.snapshot.joined ? { at: file.snapshot.joined.at, bytes: file.snapshot.joined.bytes } : null,
    discovered: sources.discovered
      .filter((found) => found.device !== deviceId && !inGroup.has(found.device))
      .map((found) => ({
        name: found.name,
        short: shortDeviceId(found.device),
        host: found.host,
        port: found.port,
        inGroup: found.group !== null,
      })),
  };
}
