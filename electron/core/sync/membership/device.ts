import { createPublicKey, type KeyObject } from 'node:crypto';
import { deviceIdFromSpki, shortDeviceId } from '../device/device-id.ts';

// A device's identity as membership and pairing use it: the device id is SHA-256 of the public key's
// SubjectPublicKeyInfo (DER), in the canonical form of device/device-id.ts (52 base-32 characters). The key,
// not the certificate, is what counts ("pin the key"): two certificates over one key are one device.

export const DEVICE_ID = /^[A-Z2-7]{52}$/;

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
  return deviceIdFromSpki(spkiOf(key));
}

/** The device id of the key in a certificate PEM, or null when the PEM holds no P-256 key. */
export function deviceIdOf(certPem: string): string | null {
  const key = publicKeyOf(certPem);
  return key ? deviceIdOfKey(key) : null;
}

export { shortDeviceId };
