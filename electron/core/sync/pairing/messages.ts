import { z } from 'zod';
import { opSchema } from '../membership/ops.ts';

// The pairing messages, as they travel over the already-encrypted TLS channel between the new PC (joiner)
// and a member (inviter). Every message received is checked against these schemas before anything reads it;
// one that does not fit closes the window with 'protocol'.
//
//   joiner → inviter  commit      H(nonceJ ‖ spkiJ ‖ "yadocho-pair-v1"), and the joiner's name
//   inviter → joiner  nonce       nonceI, and the inviter's name
//   joiner → inviter  reveal      nonceJ (the inviter checks it against the commitment)
//   joiner → inviter  result      whether the code the person typed matched the joiner's own
//   inviter → joiner  membership  the signed membership list, now with the joiner added by the inviter
//   either way        close       why this side closed the window

/** How long a window stays open, from 「PCを追加」 on the inviter and from the start on the joiner. */
export const PAIR_WINDOW_MS = 2 * 60_000;
/** Wrong codes typed on the joiner before the window closes on both sides. */
export const MAX_TRIES = 3;

export const CLOSE_REASONS = ['timeout', 'wrong_code', 'cancelled', 'protocol', 'commitment'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

const hex32 = z.string().regex(/^[0-9a-f]{64}$/);
const name = z.string().min(1).max(64);

export const commitMessage = z.object({ type: z.literal('commit'), commitment: hex32, name }).strict();
export const nonceMessage = z.object({ type: z.literal('nonce'), nonce: hex32, name }).strict();
export const revealMessage = z.object({ type: z.literal('reveal'), nonce: hex32 }).strict();
export const resultMessage = z.object({ type: z.literal('result'), ok: z.boolean() }).strict();
export const membershipMessage = z
  .object({ type: z.literal('membership'), ops: z.array(opSchema).min(1).max(1000) })
  .strict();
export const closeMessage = z.object({ type: z.literal('close'), reason: z.enum(CLOSE_REASONS) }).strict();

/** What a joiner may receive. */
export const toJoiner = z.discriminatedUnion('type', [nonceMessage, membershipMessage, closeMessage]);
/** What an inviter may receive. */
export const toInviter = z.discriminatedUnion('type', [commitMessage, revealMessage, resultMessage, closeMessage]);

export type ToJoiner = z.infer<typeof toJoiner>;
export type ToInviter = z.infer<typeof toInviter>;
export type PairMessage = ToJoiner | ToInviter;

/** The peer as the TLS transport knows it: its device id and its certificate. */
export type Peer = { deviceId: string; certPem: string };
