import { z } from 'zod';
import { type Advertised, deviceIdSchema, nameSchema, portSchema } from './discovered.ts';

// The UDP beacon's datagram: one small JSON object, the same fields as the mDNS TXT record.
//   { v: 1, app: 'yadocho-sync', device, name, port, group }
// Unknown fields are ignored rather than refused, so a later version can add one without going unseen by PCs
// that were not updated yet; a change older PCs must not misread takes a new `v`.

/** The beacon's UDP port, one above the sync port (state-file.ts DEFAULT_SYNC_PORT 4871). */
export const BEACON_PORT = 4872;
/** A beacon is about 150 bytes; anything larger is not ours and is dropped before it is parsed. */
export const MAX_DATAGRAM_BYTES = 1024;
export const BEACON_APP = 'yadocho-sync';

export const beaconSchema = z.object({
  v: z.literal(1),
  app: z.literal(BEACON_APP),
  device: deviceIdSchema,
  name: nameSchema,
  port: portSchema,
  group: deviceIdSchema.nullable(),
});
export type Beacon = z.infer<typeof beaconSchema>;

export function encodeBeacon(fields: Advertised): Buffer {
  const beacon: Beacon = {
    v: 1,
    app: BEACON_APP,
    device: fields.device,
    name: fields.name,
    port: fields.port,
    group: fields.group,
  };
  return Buffer.from(JSON.stringify(beacon), 'utf8');
}

/**
 * Reads a datagram heard on the beacon port. Null for anything to ignore: oversize, not JSON, another
 * application or version, a field out of shape, or this PC's own beacon (broadcasts come back to the sender).
 */
export function parseBeacon(datagram: Uint8Array, ownDevice: string): Advertised | null {
  if (datagram.byteLength > MAX_DATAGRAM_BYTES) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(datagram.buffer, datagram.byteOffset, datagram.byteLength).toString('utf8'));
  } catch {
    return null;
  }
  const parsed = beaconSchema.safeParse(json);
  if (!parsed.success || parsed.data.device === ownDevice) return null;
  const { device, name, port, group } = parsed.data;
  return { device, name, port, group };
}
