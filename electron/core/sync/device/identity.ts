import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';
import { deviceIdFromSpki } from './device-id.ts';

// This PC's long-lived identity for LAN sync: an ECDSA P-256 key and a self-signed certificate that carries it
// through TLS. Other PCs pin the key (its device id), so the certificate is only an envelope: no CA, and its
// 20 years of validity just keep TLS libraries from calling it expired.
//
// The key is the one secret a PC has. On POSIX its folder is 0700 and both files 0600; both are written to a
// temporary file and renamed, so a crash mid-write leaves the old file or the new one, never half a key.

export type DeviceIdentity = { deviceId: string; name: string; keyPem: string; certPem: string };

export type LoadedIdentity = DeviceIdentity & {
  /** A new identity was made now (first start, or the old one was unusable). */
  created: boolean;
  /** An identity existed but was damaged and was replaced: this PC must be paired again. */
  replaced: boolean;
};

const KEY_FILE = 'key.pem';
const CERT_FILE = 'cert.pem';
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
const VALID_YEARS = 20;
/** Another PC's clock may run behind this one's: the certificate is valid from a day before it was made. */
const BACKDATE_MS = 24 * 60 * 60 * 1000;
const EC_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

export async function loadOrCreateDeviceIdentity(
  folder: string,
  options: { name: string; now?: () => Date },
): Promise<LoadedIdentity> {
  const now = options.now ?? (() => new Date());
  await preparePrivateFolder(folder);
  const keyPath = join(folder, KEY_FILE);
  const certPath = join(folder, CERT_FILE);

  const [keyPem, certPem] = await Promise.all([readIfExists(keyPath), readIfExists(certPath)]);
  if (keyPem === undefined && certPem === undefined) {
    return { ...(await createIdentity(folder, options.name, now())), created: true, replaced: false };
  }
  const existing = keyPem !== undefined && certPem !== undefined ? checkPair(keyPem, certPem) : undefined;
  if (existing) return { ...existing, created: false, replaced: false };

  // An unreadable key, a lone file, or a certificate for another key. The private key cannot be recovered from
  // anything else, and guessing which of two mismatched files is "right" could leave two PCs with one id: set
  // both aside (never deleted: someone may want to look at them) and start afresh. The other PCs no longer know
  // this one; pairing again is the way back.
  const stamp = fileStamp(now());
  for (const path of [keyPath, certPath]) await moveAside(path, `${path}.broken-${stamp}`);
  return { ...(await createIdentity(folder, options.name, now())), created: true, replaced: true };
}

/** The device id a certificate's public key stands for. */
export function deviceIdOfCertificate(certPem: string | Buffer): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return deviceIdFromSpki(spki);
}

/** The identity stored in a key and certificate, if they are well formed and belong together. */
function checkPair(keyPem: string, certPem: string): DeviceIdentity | undefined {
  let key: KeyObject;
  let cert: X509Certificate;
  try {
    key = createPrivateKey(keyPem);
    cert = new X509Certificate(certPem);
  } catch {
    return undefined;
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return undefined;
  if (!cert.checkPrivateKey(key)) return undefined;
  return { deviceId: deviceIdOfCertificate(certPem), name: commonName(certPem), keyPem, certPem };
}

async function createIdentity(folder: string, name: string, at: Date): Promise<DeviceIdentity> {
  // WebCrypto, because @peculiar/x509 signs with it; Node's globalThis.crypto is that, backed by OpenSSL.
  const webcrypto = globalThis.crypto;
  const keys = await webcrypto.subtle.generateKey(EC_ALGORITHM, true, ['sign', 'verify']);
  const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey));
  const deviceId = deviceIdFromSpki(spki);
  const notAfter = new Date(at.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALID_YEARS);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      // JSON form, not "CN=…" text: a PC's name may hold commas, equals signs or Japanese.
      name: [{ CN: [name] }],
      notBefore: new Date(at.getTime() - BACKDATE_MS),
      notAfter,
      keys,
      signingAlgorithm: SIGNING_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
        // The id is derived from the key anyway; written here too so a person inspecting the file can see it.
        new x509.SubjectAlternativeNameExtension([{ type: 'url', value: `urn:yadocho:device:${deviceId}` }]),
      ],
    },
    webcrypto,
  );
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const keyPem = x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
  const certPem = cert.toString('pem');
  // The certificate first: a crash between the two renames leaves a lone certificate, which the next start
  // treats as damaged, never a key without the certificate the other PCs were shown.
  await writePrivateFile(join(folder, CERT_FILE), certPem);
  await writePrivateFile(join(folder, KEY_FILE), keyPem);
  return { deviceId, name, keyPem, certPem };
}

function commonName(certPem: string): string {
  return new x509.X509Certificate(certPem).subjectName.getField('CN')[0] ?? '';
}

async function preparePrivateFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: FOLDER_MODE });
  // mkdir's mode is filtered by the umask, and an existing folder may be wider: set it either way.
  if (process.platform !== 'win32') await chmod(folder, FOLDER_MODE);
}

async function writePrivateFile(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  await rm(temporary, { force: true });
  const handle = await open(temporary, 'wx', FILE_MODE);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (process.platform !== 'win32') await chmod(temporary, FILE_MODE);
  await rename(temporary, path);
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    // Unreadable for another reason (a directory in its place, permissions): treated like a damaged file.
    return '';
  }
}

async function moveAside(path: string, target: string): Promise<void> {
  try {
    await rename(path, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** 2026-05-01T09:30:00.123Z → 20260501T093000123Z: sortable, and valid in Windows file names. */
function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}
