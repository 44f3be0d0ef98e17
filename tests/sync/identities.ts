import { createPrivateKey } from 'node:crypto';
import { deviceIdOf, type Identity } from '../../electron/core/sync/membership/device.ts';
import { PEMS } from './pems.ts';

function identity(which: keyof typeof PEMS, name: string): Identity {
  const { cert, key } = PEMS[which];
  return { deviceId: deviceIdOf(cert) as string, name, certPem: cert, privateKey: createPrivateKey(key) };
}

export const founder = identity('founder', '帳場');
export const joiner = identity('joiner', 'フロント2');
export const mallory = identity('mallory', 'フロント2');
export const kitchen = identity('kitchen', '厨房');
export const office = identity('office', '事務所');

export const peerOf = (who: Identity) => ({ deviceId: who.deviceId, certPem: who.certPem });
