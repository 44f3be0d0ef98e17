import type { SyncMessage } from './messages.ts';
import { createSyncSession, type SyncSession } from './session.ts';
import type { ApplyPacing, SessionLimits, SessionSnapshot, SessionStatus, SyncLog } from './session-terms.ts';

// This PC's sync sessions, one per connected peer. The hub is where sessions meet: a batch one peer sent is
// pushed on to the others (a third PC's entries are forwarded, so a PC that only ever reaches one other still
// gets everything), and a local write is pushed to all. The transport (transport/tls.ts) or the simulation
// hands each connection to `attach`; nothing here knows about sockets.

export type PeerLink = {
  send(message: SyncMessage): void;
  close(): void;
};

export function createSyncHub(options: {
  log: SyncLog;
  device: string;
  now(): number;
  limits?: Partial<SessionLimits>;
  /** The first join by snapshot (snapshot/coordinator.ts); without it every join is a replay. */
  snapshot?: SessionSnapshot;
  /** How received batches are applied in parts (desk-first.ts `deskPacing`); without it, whole. */
  pacing?: ApplyPacing;
  /** Told when a session ends (the screens' state changes). */
  onSessionClosed?(peer: string, reason: string): void;
}) {
  const sessions = new Map<string, SyncSession>();

  const pumpAll = (except?: string) => {
    for (const [peer, session] of sessions) if (peer !== except) session.pump();
  };

  return {
    /** A connection to a paired PC is up: one session over it, replacing any older one with that PC. */
    attach(peer: string, link: PeerLink): SyncSession {
      sessions.get(peer)?.lost();
      const session = createSyncSession({
        log: options.log,
        device: options.device,
        peer,
        now: options.now,
        limits: options.limits,
        snapshot: options.snapshot,
        pacing: options.pacing,
        send: (message) => link.send(message),
        onApplied: () => pumpAll(peer),
        onClosed: (reason) => {
          if (sessions.get(peer) === session) sessions.delete(peer);
          if (reason !== 'connection_lost') link.close();
          options.onSessionClosed?.(peer, reason);
        },
      });
      sessions.set(peer, session);
      session.start();
      return session;
    },
    /** A message from a peer's connection; a promise while it waits for a batch applied in parts. */
    receive(peer: string, message: unknown): Promise<void> | undefined {
      return sessions.get(peer)?.receive(message);
    },
    /** The connection to a peer dropped. */
    detach(peer: string) {
      sessions.get(peer)?.lost();
    },
    /** Something was written here: push it to every peer now (live push). */
    localChanged() {
      pumpAll();
    },
    tick() {
      // Transactions kept aside because their PC's clock ran ahead are applied once this clock catches up.
      options.log.retryHeld();
      for (const session of [...sessions.values()]) session.tick();
    },
    session: (peer: string) => sessions.get(peer),
    peers: () => [...sessions.keys()],
    /** Each session's state; `known`: the peer's holdings are in, so `behind` means something. */
    status(): Array<SessionStatus & { behind: number; known: boolean }> {
      return [...sessions.values()].map((session) => ({
        ...session.status(),
        behind: session.behind(),
        known: session.isCaughtUpKnown(),
      }));
    },
    closeAll() {
      for (const session of [...sessions.values()]) session.close();
    },
  };
}

export type SyncHub = ReturnType<typeof createSyncHub>;
