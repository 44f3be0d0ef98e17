import type { Logger } from '../context.ts';
import { nextTurn } from '../desk-first.ts';
import { createInbox } from './desk-first.ts';
import type { SyncHub } from './hub.ts';
import { type MembersMessage, membersMessage } from './members-gossip.ts';
import type { PeerChannel } from './transport/frames.ts';

// The open connections to the group's other PCs, one per member: what arrives on each is queued (the heavy
// messages wait for the desk, desk-first.ts) and handed to the hub's session for that PC, or, for a member
// list, to the service. The service decides who is a member and owns the hub; this file only keeps the links.
//
// Two PCs may dial each other at the same moment. Both then keep the connection dialled by the PC with the
// smaller device id, so they agree on one without a word.

type Link = { channel: PeerChannel; dialledBy: string; lastSeen: number };

/**
 * Messages whose handling is long work in the core's thread: they give way to staff. A batch to apply; and an
 * acknowledgement, which makes room in the window, so the pump reads the next batch from the log, encodes it and
 * encrypts it, all in this thread (a PC sending its whole log answers one every few milliseconds).
 */
const HEAVY = new Set<unknown>(['txs', 'ack']);

export type MemberLinksOptions = {
  /** This PC's device id ('' before its identity is loaded). */
  me: () => string;
  isMember: (deviceId: string) => boolean;
  /** The sessions: none until the identity is loaded. */
  hub: () => SyncHub | null;
  /** True once the core is closing: a message whose turn comes later is dropped, the database may be gone. */
  closing: () => boolean;
  clock: () => number;
  /** Resolves when the desk has been quiet long enough for heavy work (desk-first.ts). */
  deskPaused: () => Promise<void>;
  logger: Logger;
  /** This PC's member-list frame, sent first on every link and again when the list changes. */
  membersFrame: () => unknown;
  /** A member list received from a peer (already checked against its schema). */
  onMembers: (peer: string, channel: PeerChannel, message: MembersMessage) => void;
};

export function createMemberLinks(options: MemberLinksOptions) {
  const { me, isMember, hub, clock, logger } = options;
  const links = new Map<string, Link>();
  /** When each member was last heard from, kept after its link closes: "offline since" on the screen. */
  const lastSeen = new Map<string, number>();

  const accept = (channel: PeerChannel, dialledBy: string) => {
    const peer = channel.deviceId;
    const sessions = hub();
    if (!sessions || !isMember(peer)) return channel.close();
    const existing = links.get(peer);
    const preferred = me() < peer ? me() : peer;
    if (existing) {
      if (existing.dialledBy === preferred || dialledBy !== preferred) return channel.close();
      existing.channel.close();
    }
    const link: Link = { channel, dialledBy, lastSeen: clock() };
    links.set(peer, link);
    lastSeen.set(peer, clock());
    const inbox = createInbox(
      (message) => (HEAVY.has((message as { t?: unknown } | null)?.t) ? options.deskPaused() : nextTurn()),
      (message) => {
        if (options.closing()) return;
        // A connection replaced by a newer one to the same PC: what it still brought belongs to the old session.
        if (links.get(peer) !== link) return;
        if ((message as { t?: unknown } | null)?.t === 'members') {
          // A malformed member list is ignored (the next one, or the next connection, brings it again).
          const members = membersMessage.safeParse(message);
          if (members.success) options.onMembers(peer, channel, members.data);
          return;
        }
        // A batch applied in parts: the next message waits until it is done, then takes its own turn.
        return hub()?.receive(peer, message);
      },
      (error) => {
        // The sync folder cannot be written (a full disk, a file held by antivirus), the database refused:
        // this connection ends and is dialled again; the core and the desk's calls go on.
        logger.error('sync: a message from another PC could not be handled; the connection is closed', error);
        channel.close();
      },
    );
    channel.onMessage((message) => {
      link.lastSeen = clock();
      lastSeen.set(peer, link.lastSeen);
      inbox.push(message);
    });
    channel.onClose(() => {
      inbox.close();
      if (links.get(peer) !== link) return;
      links.delete(peer);
      hub()?.detach(peer);
    });
    void channel.send(options.membersFrame()).catch(() => {});
    sessions.attach(peer, {
      send: (message) => void channel.send(message).catch(() => {}),
      close: () => channel.close(),
    });
  };

  return {
    /** A TLS channel to a member, dialled by `dialledBy` (this PC or the peer): kept, or closed as a duplicate. */
    accept,
    has: (deviceId: string) => links.has(deviceId),
    lastSeen: lastSeen as ReadonlyMap<string, number>,
    /** Sends this PC's member list on every open link (the list or this PC's name changed). */
    gossip() {
      for (const link of links.values()) void link.channel.send(options.membersFrame()).catch(() => {});
    },
    /**
     * Ends the session of every PC no longer a member, now. Each is sent the member list once, so that it
     * learns it was removed and turns its sync off, and then its connection is closed.
     */
    dropNonMembers() {
      for (const [device, link] of links) {
        if (isMember(device)) continue;
        links.delete(device);
        hub()?.detach(device);
        void link.channel
          .send(options.membersFrame())
          .catch(() => {})
          .finally(() => setTimeout(() => link.channel.close(), 100).unref?.());
      }
    },
    /**
     * Sync stops: every session ends with its connection (a register copy being sent stops and frees its file).
     * The sessions are detached first: the channels' own close comes after the links are gone.
     */
    closeAll() {
      for (const [peer, link] of links) {
        hub()?.detach(peer);
        link.channel.close();
      }
      links.clear();
    },
  };
}

export type MemberLinks = ReturnType<typeof createMemberLinks>;
