import { createPrivateKey } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { SyncStatus } from '../../../shared/contract/sync.ts';
import type { RestoreHook } from '../backups/service.ts';
import type { Logger } from '../context.ts';
import { deskFirst } from '../desk-first.ts';
import { DESK_QUIET_MS, deskPacing, SYNC_MAX_WAIT_MS } from './desk-first.ts';
import { parseDeviceId } from './device/device-id.ts';
import { type LoadedIdentity, loadOrCreateDeviceIdentity } from './device/identity.ts';
import { createDialer } from './dialer.ts';
import { type Discovery, startDiscovery } from './discovery/discovery.ts';
import { createSyncHub, type SyncHub } from './hub.ts';
import { createMemberLinks } from './member-links.ts';
import { learnFromMembers, membersFrame as memberList } from './members-gossip.ts';
import type { Identity } from './membership/device.ts';
import { keepOnRevoke, type Merged, mergeOps } from './membership/merge.ts';
import { createGroup, type MembershipOp, opId, signRevoke } from './membership/ops.ts';
import { createPairingFlow } from './pairing-flow.ts';
import type { SyncLog } from './session-terms.ts';
import { createSnapshotCoordinator } from './snapshot/coordinator.ts';
import { DEFAULT_SYNC_PORT, type PeerAddress, readSyncFile, type SyncFile, writeSyncFile } from './state-file.ts';
import { type PeerView, statusReport } from './status-report.ts';
import { connectToPeer, type SyncListener, startSyncListener } from './transport/tls.ts';

// LAN sync on this PC (docs/sync-protocol.md): the device identity, the TLS listener, dialing the group's
// other PCs, the member list, pairing, and the hub whose sessions carry the log. It runs in the core's worker
// beside the core, so a long catch-up never holds the window's thread. Everything it keeps is this PC's own
// (state-file.ts, device/identity.ts), in the sync folder beside the database. The open connections to the
// other PCs are kept by member-links.ts.

export type SyncServiceOptions = {
  /** The sync folder (keys, certificate, sync.json): `<database>.sync`. */
  folder: string;
  /** Where the sync port listens: every interface on the inn's LAN; tests use 127.0.0.1. */
  host?: string;
  /** The port, unless sync.configure chose another (npm run serve --sync-port). */
  port?: number;
  /** How often an unreachable member is dialled again, at most. */
  redialMs?: number;
  /** Finding the other PCs on the LAN (discovery/): on unless turned off (tests that must not broadcast). */
  discovery?: boolean;
};

export function createSyncService(options: {
  settings: SyncServiceOptions;
  log: SyncLog;
  clock: () => number;
  logger: Logger;
  /** Whether the register holds guests of its own (not sample data): joining a group then merges them. */
  hasGuests: () => boolean;
  /**
   * The first join by snapshot: the register (its file is copied for a new PC) and the worker's restore hook
   * (a copy received is swapped in as a restore is). Without them every join is a replay.
   */
  snapshot?: { db: Database; restore: RestoreHook | undefined; busy?: () => boolean };
  /** When staff's last call came (performance.now()): other PCs' messages wait while the desk works. */
  lastCallAt?: () => number;
}) {
  const { settings, log, clock, logger } = options;
  const deskPaused = deskFirst({
    lastCallAt: options.lastCallAt ?? (() => 0),
    quietMs: DESK_QUIET_MS,
    maxWaitMs: SYNC_MAX_WAIT_MS,
  });
  // A staff call that arrives while a batch is applied waits for one small part of it.
  const pacing = deskPacing({ lastCallAt: options.lastCallAt ?? (() => 0) });
  const folder = settings.folder;
  const file: SyncFile = readSyncFile(folder, {
    name: hostname().slice(0, 40) || 'PC',
    port: settings.port ?? DEFAULT_SYNC_PORT,
  });
  if (settings.port !== undefined) file.port = settings.port;
  let identity: LoadedIdentity | null = null;
  let signer: Identity | null = null;
  let merged: Merged = mergeOps(file.ops);
  let listener: SyncListener | null = null;
  let problem: SyncStatus['problem'] = null;
  let hub: SyncHub | null = null;
  let timer: NodeJS.Timeout | null = null;
  let discovery: Discovery | null = null;
  let closed = false;
  const redialMs = settings.redialMs ?? 5_000;
  const snapshots = options.snapshot
    ? createSnapshotCoordinator({
        db: options.snapshot.db,
        log,
        folder,
        file,
        save: () => writeSyncFile(folder, file),
        hasOwnGuests: options.hasGuests,
        restore: options.snapshot.restore,
        busy: options.snapshot.busy,
        clock,
        logger,
      })
    : null;
  // A swap of a received copy that the previous core began is finished here, before any session starts.
  snapshots?.start();

  const save = () => writeSyncFile(folder, file);
  const me = () => identity?.deviceId ?? '';
  /** The group's other PCs; none once this PC was removed from the group. */
  const members = () =>
    identity && merged.revoked.includes(identity.deviceId)
      ? []
      : merged.members.filter((member) => member.deviceId !== me());
  const isMember = (deviceId: string) => members().some((member) => member.deviceId === deviceId);

  // The first status and the first configure can come at once (the header's indicator asks as the screen opens):
  // both wait for one identity, or both would write the key files and one rename would fail.
  let loadingIdentity: Promise<LoadedIdentity> | undefined;
  const ensureIdentity = (): Promise<LoadedIdentity> => {
    if (identity) return Promise.resolve(identity);
    loadingIdentity ??= loadIdentity().finally(() => {
      loadingIdentity = undefined;
    });
    return loadingIdentity;
  };
  const loadIdentity = async (): Promise<LoadedIdentity> => {
    identity = await loadOrCreateDeviceIdentity(join(folder, 'device'), { name: file.name });
    if (identity.replaced)
      logger.warn('sync: this PC’s key was damaged; it has a new identity and must be paired again');
    signer = {
      deviceId: identity.deviceId,
      name: file.name,
      certPem: identity.certPem,
      privateKey: createPrivateKey(identity.keyPem),
    };
    hub = createSyncHub({
      log,
      device: identity.deviceId,
      now: clock,
      snapshot: snapshots?.session,
      pacing,
    });
    return identity;
  };

  const links = createMemberLinks({
    me,
    isMember,
    hub: () => hub,
    closing: () => closed,
    clock,
    deskPaused,
    logger,
    membersFrame: () => memberList(file, listener?.port ?? null),
    onMembers(peer, channel, message) {
      if (learnFromMembers(file, me(), peer, channel.remoteAddress, message)) save();
      addOps(message.ops as MembershipOp[]);
    },
  });

  const pairing = createPairingFlow({
    now: clock,
    onPaired(outcome) {
      addOps(outcome.ops);
      if (outcome.role === 'joiner') {
        file.addresses[outcome.inviter] = outcome.address;
        save();
        // Join the group's sessions at once: dial the PC that let this one in.
        dialer.now(outcome.inviter);
        setTimeout(() => void dialAll(), 300).unref?.();
      }
    },
  });

  /** Takes membership operations in (pairing, gossip, a revocation made here); true when the list changed. */
  const addOps = (ops: readonly MembershipOp[]): boolean => {
    const known = new Set(file.ops.map((op) => opId(op)));
    const fresh = ops.filter((op) => !known.has(opId(op)));
    if (fresh.length === 0) return false;
    const next = mergeOps([...file.ops, ...fresh]);
    // Ops that do not belong to this group (or are forged) are not kept: they would only be rejected again.
    const rejected = new Set(next.rejected.map((entry) => entry.op));
    file.ops = [...file.ops, ...fresh.filter((op) => !rejected.has(op))];
    merged = mergeOps(file.ops);
    save();
    discovery?.update({ group: merged.group });
    // A removed PC gets nothing more of the inn's data: its session ends now, and the transport refuses it from
    // now on (admit asks the member list).
    links.dropNonMembers();
    links.gossip();
    // Anything else open to a removed PC (a connection under way) is cut by the transport.
    setTimeout(() => listener?.refresh(), 500).unref?.();
    if (identity && merged.revoked.includes(identity.deviceId)) {
      logger.warn('sync: this PC was removed from the group; sync is off');
      file.enabled = false;
      save();
      void stop();
    }
    return true;
  };

  const admit = (deviceId: string): 'member' | 'pairing' | false => {
    if (!file.enabled) return false;
    if (isMember(deviceId)) return 'member';
    // Asked again for open channels whenever the member list changes (transport refresh): the PC being
    // paired keeps its channel until its pairing ends.
    if ((pairing.admitsNewPc() || pairing.pairingWith(deviceId)) && !merged.revoked.includes(deviceId))
      return 'pairing';
    return false;
  };

  const dialer = createDialer({
    clock,
    redialMs,
    isMember,
    onChannel: (channel) => links.accept(channel, me()),
  });

  const dialAll = async () => {
    if (!file.enabled || !identity || closed) return;
    const targets = members()
      .filter((member) => !links.has(member.deviceId) && file.addresses[member.deviceId])
      .map((member) => ({ deviceId: member.deviceId, address: file.addresses[member.deviceId] as PeerAddress }));
    await dialer.dialAll(identity, targets);
  };

  // Starting and stopping take turns. Two quick toggles (a double click, two screens, another program) would
  // otherwise interleave: a stop that ran while a start was still opening the listener and discovery found
  // nothing to close, and both then ran on with sync off, announcing this PC on the LAN. Each step waits for
  // the one before it, whatever that one's outcome, so the last toggle decides.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = (step: () => Promise<void>): Promise<void> => {
    const run = turn.then(step);
    turn = run.catch(() => {});
    return run;
  };

  const startNow = async () => {
    const self = await ensureIdentity();
    if (listener || closed) return;
    // A core reopened on a swapped-in register (a restore, a joining copy) starts while the previous core's
    // listener may still be letting its port go: a port in use is tried a few times before it is reported.
    for (let attempt = 1; ; attempt++) {
      try {
        listener = await startSyncListener({
          identity: self,
          host: settings.host ?? '0.0.0.0',
          port: file.port,
          admit: (deviceId) => admit(deviceId),
          onPeer: (channel) => {
            if (channel.role === 'pairing') return pairing.inviterChannel(channel, signer as Identity, file.ops);
            links.accept(channel, channel.deviceId);
          },
        });
        problem = null;
        break;
      } catch (error) {
        problem = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'port_in_use' : 'listen_failed';
        if (problem === 'port_in_use' && attempt < 5 && !closed) {
          await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
          continue;
        }
        logger.warn(`sync: the sync port ${file.port} could not listen (${problem})`);
        break;
      }
    }
    if (closed) {
      await listener?.close();
      listener = null;
      return;
    }
    // Listening on loopback only (several PCs on one machine, tests) there is no LAN to be found on.
    if (settings.discovery !== false && listener && !isLoopback(settings.host ?? '0.0.0.0')) {
      discovery ??= await startDiscovery({
        device: self.deviceId,
        name: file.name,
        port: listener.port,
        group: merged.group,
        logger,
      });
    }
    timer ??= setInterval(() => {
      hub?.tick();
      pairing.tick();
      void dialAll();
    }, 1_000);
    timer.unref?.();
    void dialAll();
  };

  const stopNow = async () => {
    if (timer) clearInterval(timer);
    timer = null;
    await discovery?.stop();
    discovery = null;
    links.closeAll();
    await listener?.close();
    listener = null;
  };

  const start = () => inTurn(startNow);
  const stop = () => inTurn(stopNow);

  const peers: PeerView = {
    session: (deviceId) => (links.has(deviceId) ? hub?.session(deviceId) : undefined),
    snapshotProgress: (deviceId) => snapshots?.progress(deviceId) ?? null,
    dialling: (deviceId) => dialer.isDialling(deviceId),
    schema: log.schema,
  };
  const status = async (): Promise<SyncStatus> => {
    if (!identity && (file.enabled || file.ops.length > 0)) await ensureIdentity();
    return statusReport({
      file,
      deviceId: identity?.deviceId ?? null,
      listeningPort: listener?.port ?? null,
      problem,
      members: members(),
      lastSeen: links.lastSeen,
      peers,
      pairing: pairing.status(),
      discovered: discovery?.peers() ?? [],
    });
  };

  const requireOn = () => {
    if (!file.enabled) throw new CallFailure('conflict', 'sync_off');
  };

  if (file.enabled) void start();

  return {
    status,
    /** Something was written here: push it to the peers now. */
    localChanged() {
      hub?.localChanged();
    },
    async configure(patch: { enabled?: boolean; name?: string; port?: number }): Promise<SyncStatus> {
      const portChanged = patch.port !== undefined && patch.port !== file.port;
      if (patch.name !== undefined) {
        file.name = patch.name;
        // Pairing from now on says the new name, and the group hears it at once.
        if (signer) signer.name = patch.name;
      }
      if (patch.port !== undefined) file.port = patch.port;
      if (patch.enabled !== undefined) file.enabled = patch.enabled;
      save();
      if (!file.enabled || portChanged) await stop();
      if (file.enabled) await start();
      if (patch.name !== undefined) {
        links.gossip();
        discovery?.update({ name: file.name });
      }
      return status();
    },
    async invite(): Promise<SyncStatus> {
      requireOn();
      if (pairing.active()) throw new CallFailure('conflict', 'pairing_under_way');
      await ensureIdentity();
      // The first PC to add another founds the group: its own signed entry starts the member list.
      if (merged.group === null) addOps([createGroup(signer as Identity, clock())]);
      pairing.openInvite();
      return status();
    },
    async join(address: { host: string; port: number }, mergeRegister: boolean): Promise<SyncStatus> {
      requireOn();
      if (pairing.active()) throw new CallFailure('conflict', 'pairing_under_way');
      if (members().length > 0) throw new CallFailure('conflict', 'already_in_group');
      if (!mergeRegister && options.hasGuests()) throw new CallFailure('conflict', 'register_not_empty');
      const self = await ensureIdentity();
      pairing.startJoining(address);
      connectToPeer({
        identity: self,
        host: address.host,
        port: address.port,
        admit: () => 'pairing',
        timeoutMs: 5_000,
      }).then(
        (channel) => pairing.joinerChannel(channel, signer as Identity),
        () => pairing.joinFailed('unreachable'),
      );
      return status();
    },
    async enterCode(code: string): Promise<SyncStatus> {
      if (!pairing.typeCode(code)) throw new CallFailure('conflict', 'no_pairing');
      return status();
    },
    async confirm(accept: boolean): Promise<SyncStatus> {
      if (!pairing.confirm(accept)) throw new CallFailure('conflict', 'no_pairing');
      return status();
    },
    async cancelPairing(): Promise<SyncStatus> {
      pairing.cancel();
      return status();
    },
    async remove(device: string, reason: string): Promise<SyncStatus> {
      requireOn();
      const parsed = parseDeviceId(device);
      if (!parsed.ok) throw new CallFailure('invalid_input', `device_id_${parsed.reason}`);
      if (!isMember(parsed.id)) throw new CallFailure('not_found', 'not_a_member');
      await ensureIdentity();
      const op = signRevoke(
        signer as Identity,
        merged.group as string,
        { deviceId: parsed.id, reason, keep: keepOnRevoke(file.ops, parsed.id) },
        clock(),
      );
      addOps([op]);
      return status();
    },
    async close() {
      closed = true;
      snapshots?.close();
      pairing.cancel();
      await stop();
    },
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export type SyncService = ReturnType<typeof createSyncService>;
