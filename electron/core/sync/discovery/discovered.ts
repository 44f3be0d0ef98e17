import { z } from 'zod';
import { parseDeviceId } from '../device/device-id.ts';

// What discovery reports: a PC of the inn (or of another inn) says it runs sync at this address. It is a hint
// for dialing and for the 「PC・同期」 screen, never a proof: anyone on the LAN can send it, and only the TLS
// handshake with pinned keys tells who is really there. So nothing secret is in it, and everything in it is
// checked for shape before it is believed even as a hint.

export type Discovered = {
  /** The device id it claims (52 base-32 characters, device/device-id.ts). */
  device: string;
  /** The PC's name as its staff set it (フロント, 厨房…). */
  name: string;
  /** The IPv4 address the hint came from: where to dial. */
  host: string;
  /** Its sync (TLS) port. */
  port: number;
  /** The group it belongs to (the founding PC's device id), or null before it joined one. */
  group: string | null;
  /** When this PC last heard it, in `now()` milliseconds. */
  lastHeard: number;
};

/** What a PC says about itself. The device id is fixed for a running discovery; the rest may change. */
export type Advertised = { device: string; name: string; port: number; group: string | null };
export type AdvertisedUpdate = Partial<Omit<Advertised, 'device'>>;

/** A peer not heard from for this long is dropped: the beacon repeats every few seconds, mDNS is re-asked. */
export const EXPIRE_MS = 30_000;
/** More distinct devices than an inn could have: a host flooding forged hints cannot grow the table without end. */
export const MAX_PEERS = 256;

/** A canonical device id, exactly as device-id.ts writes it (a lower-case or dashed form is another string). */
export const deviceIdSchema = z.string().refine((text) => {
  const parsed = parseDeviceId(text);
  return parsed.ok && parsed.id === text;
}, 'not a canonical device id');

// The same limits as the sync settings (state-file.ts): a name of 1–40 characters, a real port.
export const nameSchema = z.string().min(1).max(40);
export const portSchema = z.number().int().min(1).max(65535);
