import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

// What this layer assumes of a device's identity, kept in one file so it can follow the device-key layer:
// a device id is SHA-256 of the public key's SubjectPublicKeyInfo (DER), written as 64 lowercase hex digits.
// The key, not the certificate, is what counts ("pin the key"): two certificates over one key are one device.

export const DEVICE_ID = /^[0-9a-f]{64}$/;

/** A PC as this layer needs it: its device id, its name for people, its certificate and its signing key. */
export type Identity = {
  deviceId: string;
  name: string;
  certPem: string;
  privateKey: KeyObject;
};

/** The public key in a certificate (or public-key) PEM, or null when it is not an ECDSA P-256 key. */
export function publicKeyOf(certPem: string): KeyObject | null {
  try {
    const key = createPublicKey(certPem);
    if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return null;
    return key;
  } catch {
    return null;
  }
}

export function spkiOf(key: KeyObject): Buffer {
  return key.export({ type: 'spki', format: 'der' });
}

export function deviceIdOfKey(key: KeyObject): string {
  return createHash('sha256').update(spkiOf(key)).digest('hex');
}

/** The device id of the key in a certificate PEM, or null when the PEM holds no P-256 key. */
export function deviceIdOf(certPem: string): string | null {
  const key = publicKeyOf(certPem);
  return key ? deviceIdOfKey(key) : null;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * Seven base-32 characters (35 bits) of the device id, for a person to compare between two screens
 * ("フロント2 (ABCDEFG)"). A check for people, not a secret and not collision-proof on its own: the pairing
 * code carries the cryptographic weight. Until the device-key layer settles its display form (groups with
 * check characters), this is the default; the pairing machines take another one as an option.
 */
export function shortDeviceId(deviceId: string): string {
  const bytes = Buffer.from(deviceId.slice(0, 10), 'hex');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 7) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}
