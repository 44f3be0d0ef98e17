import { z } from 'zod';
import { empty, requiredText } from './common.ts';
import { call } from './define.ts';

// LAN sync between the inn's PCs (docs/sync-protocol.md, docs/sync-pairing.md): this PC's identity, the
// group's PCs and how each is doing, and pairing. These calls change no record: sync's own state (keys,
// members, addresses) is this PC's, kept beside the database, and what sync brings in is written by the apply
// path under the staff who recorded it on the other PC.

/** How a paired PC is doing, from here (sync.peer.* in the locale files). */
export const SYNC_PEER_STATES = [
  'in_sync',
  'sending',
  'connecting',
  'offline',
  'update_there',
  'update_here',
  /** A first join by snapshot: this PC sends that new PC a copy of its register, or receives one from it. */
  'sending_snapshot',
  'receiving_snapshot',
] as const;
export type SyncPeerState = (typeof SYNC_PEER_STATES)[number];

/** Why a pairing window closed (sync.pairing.closed.* in the locale files). */
export const PAIRING_CLOSE_REASONS = [
  'timeout',
  'wrong_code',
  'cancelled',
  'protocol',
  'commitment',
  'unreachable',
  'refused',
] as const;

export const syncDeviceSchema = z.object({
  /** The device id as people read it aloud: 8 groups of 7 characters, the last of every other group a check. */
  display: z.string(),
  /** Its first seven characters, for lists. */
  short: z.string(),
  name: z.string(),
});

export const syncPeerSchema = syncDeviceSchema.extend({
  state: z.enum(SYNC_PEER_STATES),
  /** Changes this PC holds that the peer has not confirmed (0 when in sync or never connected). */
  behind: z.number().int().nonnegative(),
  /** When this PC last heard from the peer (ISO), or null if never. */
  lastSeen: z.string().nullable(),
  /** Where it was last reached: "192.168.1.12:4871". */
  address: z.string().nullable(),
  /** While a register copy travels (sending_snapshot, receiving_snapshot): bytes so far, of how many. */
  snapshot: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullish(),
});
export type SyncPeer = z.infer<typeof syncPeerSchema>;

const pairingPeer = z.object({ name: z.string(), short: z.string() }).nullable();

export const syncPairingSchema = z.discriminatedUnion('role', [
  z.object({
    /** This PC is in the group and lets another in: it shows the code. */
    role: z.literal('inviter'),
    state: z.enum(['waiting_for_pc', 'code_shown', 'waiting_for_confirmation', 'paired', 'closed']),
    code: z.string().nullable(),
    expiresAt: z.string().nullable(),
    peer: pairingPeer,
    reason: z.enum(PAIRING_CLOSE_REASONS).nullable(),
  }),
  z.object({
    /** This PC joins: the person types the code the other PC shows. */
    role: z.literal('joiner'),
    state: z.enum(['connecting', 'waiting_for_pc', 'entering_code', 'waiting_for_confirmation', 'paired', 'closed']),
    triesLeft: z.number().int().nonnegative(),
    expiresAt: z.string().nullable(),
    peer: pairingPeer,
    reason: z.enum(PAIRING_CLOSE_REASONS).nullable(),
  }),
]);
export type SyncPairing = z.infer<typeof syncPairingSchema>;

export const syncStatusSchema = z.object({
  /** Whether this PC syncs: its port listens and it reaches the others. Off until someone turns it on. */
  enabled: z.boolean(),
  /** Null only while the key pair is being made on the first start. */
  device: syncDeviceSchema.nullable(),
  port: z.number().int(),
  /** Why the port does not listen although sync is on (sync.problem.* in the locale files). */
  problem: z.enum(['port_in_use', 'listen_failed']).nullable(),
  /** The other PCs of the group (this one not included). Empty: this PC is not in a group yet. */
  peers: z.array(syncPeerSchema),
  pairing: syncPairingSchema.nullable(),
  /** This PC joined its group by a copy of a member's register (not by replaying the log): when, how large. */
  joinedBySnapshot: z.object({ at: z.string(), bytes: z.number().int().nonnegative() }).nullish(),
  /**
   * PCs with sync on that this PC heard on the LAN (mDNS and the UDP beacon), members left out: what the join
   * form offers, so nobody has to know an address. A hint only: pairing and TLS say who a PC really is.
   */
  discovered: z.array(
    z.object({
      name: z.string(),
      short: z.string(),
      host: z.string(),
      port: z.number().int(),
      /** It is in a group already (so it can let this PC in). */
      inGroup: z.boolean(),
    }),
  ),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const host = z
  .string({ error: 'invalid_type' })
  .trim()
  .min(1, { error: 'required' })
  .max(253, { error: 'too_long' })
  .regex(/^[A-Za-z0-9.:%-]+$/, { error: 'host_invalid' });
const port = z
  .number({ error: 'invalid_type' })
  .int({ error: 'port_invalid' })
  .min(1024, { error: 'port_invalid' })
  .max(65535, { error: 'port_invalid' });

export const syncCalls = {
  'sync.status': call({
    summary:
      'This PC’s sync: on or off, its device id and name, the port, the group’s other PCs (in sync, N changes to send, offline since …, needs updating) and any pairing under way.',
    writes: false,
    input: empty,
    output: syncStatusSchema,
  }),
  'sync.configure': call({
    summary:
      'Turn sync on or off, name this PC as the others show it, or change its sync port (1024–65535). This PC’s own settings, not synced.',
    writes: false,
    input: z
      .object({
        enabled: z.boolean({ error: 'invalid_type' }).optional(),
        name: requiredText(40).optional(),
        port: port.optional(),
      })
      .strict(),
    output: syncStatusSchema,
  }),
  'sync.invite': call({
    summary:
      '「PCを追加」 on a PC of the group (or the first PC, which founds the group): opens a two-minute window in which one new PC may connect; its six-digit code then shows in sync.status.',
    writes: false,
    input: empty,
    output: syncStatusSchema,
  }),
  'sync.join': call({
    summary:
      'On the new PC: connect to a PC of the group that has its window open (its address, from discovery or typed), to pair. A register that already holds guests joins only with mergeRegister: its guests then go to every PC.',
    writes: false,
    input: z.object({ host, port, mergeRegister: z.boolean({ error: 'invalid_type' }).optional() }).strict(),
    output: syncStatusSchema,
  }),
  'sync.enterCode': call({
    summary:
      'On the new PC: the six-digit code the other PC shows. A wrong code uses one of three tries; the third closes the window on both PCs.',
    writes: false,
    input: z.object({ code: z.string({ error: 'invalid_type' }).max(20, { error: 'too_long' }) }).strict(),
    output: syncStatusSchema,
  }),
  'sync.confirm': call({
    summary:
      'On the PC that showed the code, after the new PC accepted it: add that PC (by the name and short id shown) to the group, or refuse it.',
    writes: false,
    input: z.object({ accept: z.boolean({ error: 'invalid_type' }) }).strict(),
    output: syncStatusSchema,
  }),
  'sync.cancelPairing': call({
    summary: 'Close the pairing window on this PC (and tell the other PC).',
    writes: false,
    input: empty,
    output: syncStatusSchema,
  }),
  'sync.remove': call({
    summary:
      'Remove a PC from the group (a stolen or retired laptop): a revocation signed by this PC that every PC takes, and that wins over any later addition. The removed PC is cut off at once.',
    writes: false,
    input: z
      .object({
        /** The device id in any form people write it (groups, dashes, case). */
        device: z.string({ error: 'invalid_type' }).trim().min(1, { error: 'required' }).max(100),
        reason: z.string({ error: 'invalid_type' }).trim().max(200, { error: 'too_long' }).optional(),
      })
      .strict(),
    output: syncStatusSchema,
  }),
};
