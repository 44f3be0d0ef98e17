import { z } from 'zod';
import { opSchema } from './membership/ops.ts';
import type { PeerAddress, SyncFile } from './state-file.ts';

// The group's gossip beside the protocol (service.ts): on every connection, and again whenever the member list
// or this PC's name changes, each PC sends the member list as it holds it, where it listens, its name, and where
// it last reached the others. A new PC learns the group's addresses from it; a removed PC learns it was removed.

export const membersMessage = z.object({
  t: z.literal('members'),
  ops: z.array(opSchema).max(10_000),
  /** The port this PC listens on, so the receiver can dial it back at the address it came from. */
  port: z.number().int().min(1).max(65535).nullable(),
  /** The sender's name as its staff set it now. */
  name: z.string().min(1).max(40),
  addresses: z.record(z.string(), z.object({ host: z.string().max(253), port: z.number().int() })),
});
export type MembersMessage = z.infer<typeof membersMessage>;

/** This PC's member list message. */
export function membersFrame(file: SyncFile, listeningPort: number | null) {
  return {
    t: 'members' as const,
    ops: file.ops,
    port: listeningPort,
    name: file.name,
    addresses: file.addresses,
  };
}

/**
 * What a member's list says of the sender (its name, and its port at the address it came from) and of third
 * PCs this one has never reached, kept in the sync file. Answers whether the file changed (to be saved).
 */
export function learnFromMembers(
  file: SyncFile,
  me: string,
  peer: string,
  remoteAddress: string | null | undefined,
  message: MembersMessage,
): boolean {
  let changed = false;
  if (file.names[peer] !== message.name) {
    file.names[peer] = message.name;
    changed = true;
  }
  if (message.port !== null && remoteAddress) {
    const host = remoteAddress.replace(/^::ffff:/, '');
    const known = file.addresses[peer];
    if (!known || known.host !== host || known.port !== message.port) {
      file.addresses[peer] = { host, port: message.port };
      changed = true;
    }
  }
  // Addresses of third PCs: a hint for PCs this one has never reached (a new PC learns the group's).
  for (const [device, address] of Object.entries(message.addresses)) {
    if (device === me || file.addresses[device]) continue;
    file.addresses[device] = address as PeerAddress;
    changed = true;
  }
  return changed;
}
