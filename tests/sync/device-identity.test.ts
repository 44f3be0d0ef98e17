import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDeviceId } from '../../electron/core/sync/device/device-id.ts';
import { deviceIdOfCertificate, loadOrCreateDeviceIdentity } from '../../electron/core/sync/device/identity.ts';

const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'yadocho-identity-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const posix = process.platform !== 'win32';

describe('device identity', () => {
  it('is created in a private folder, as private files, and loads the same the second time', async () => {
    const folder = join(scratch(), 'sync', 'identity');
    const first = await loadOrCreateDeviceIdentity(folder, { name: 'フロント' });
    expect(first).toMatchObject({ created: true, replaced: false, name: 'フロント' });
    expect(parseDeviceId(first.deviceId)).toEqual({ ok: true, id: first.deviceId });
    expect(readdirSync(folder).sort()).toEqual(['cert.pem', 'key.pem']);
    if (posix) {
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(join(folder, 'key.pem')).mode & 0o777).toBe(0o600);
      expect(statSync(join(folder, 'cert.pem')).mode & 0o777).toBe(0o600);
    }

    const second = await loadOrCreateDeviceIdentity(folder, { name: 'another name' });
    expect(second).toEqual({ ...first, created: false, replaced: false });
  });

  it('has a certificate for its own key, valid for 20 years, naming the PC and its device id', async () => {
    const now = new Date('2026-04-01T00:00:00Z');
    const identity = await loadOrCreateDeviceIdentity(scratch(), { name: 'Kitchen, 1F', now: () => now });
    expect(deviceIdOfCertificate(identity.certPem)).toBe(identity.deviceId);
    expect(deviceIdOfCertificate(Buffer.from(identity.certPem))).toBe(identity.deviceId);
    const cert = new X509Certificate(identity.certPem);
    expect(cert.subject).toContain('Kitchen');
    expect(cert.subjectAltName).toBe(`URI:urn:yadocho:device:${identity.deviceId}`);
    expect(new Date(cert.validTo).getUTCFullYear()).toBe(2046);
    expect(new Date(cert.validFrom).getTime()).toBeLessThan(now.getTime());
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(identity.name).toBe('Kitchen, 1F');
  });

  it('sets a damaged key aside and makes a new identity, saying it replaced one', async () => {
    const folder = scratch();
    const old = await loadOrCreateDeviceIdentity(folder, { name: 'Front' });
    const damaged = old.keyPem.slice(0, 60);
    writeFileSync(join(folder, 'key.pem'), damaged);
    const now = new Date('2026-05-01T09:30:00.123Z');
    const fresh = await loadOrCreateDeviceIdentity(folder, { name: 'Front', now: () => now });
    expect(fresh).toMatchObject({ created: true, replaced: true });
    expect(fresh.deviceId).not.toBe(old.deviceId);
    expect(readFileSync(join(folder, 'key.pem.broken-20260501T093000123Z'), 'utf8')).toBe(damaged);
    expect(readFileSync(join(folder, 'cert.pem.broken-20260501T093000123Z'), 'utf8')).toBe(old.certPem);
    expect(deviceIdOfCertificate(readFileSync(join(folder, 'cert.pem')))).toBe(fresh.deviceId);
    const again = await loadOrCreateDeviceIdentity(folder, { name: 'Front' });
    expect(again).toMatchObject({ deviceId: fresh.deviceId, created: false, replaced: false });
  });

  it('does not keep a certificate that belongs to another key', async () => {
    const folder = scratch();
    const mine = await loadOrCreateDeviceIdentity(folder, { name: 'Front' });
    const other = await loadOrCreateDeviceIdentity(scratch(), { name: 'Office' });
    writeFileSync(join(folder, 'cert.pem'), other.certPem);
    const fresh = await loadOrCreateDeviceIdentity(folder, { name: 'Front' });
    expect(fresh).toMatchObject({ created: true, replaced: true });
    expect([mine.deviceId, other.deviceId]).not.toContain(fresh.deviceId);
  });

  it('makes a new identity when only one of the two files is left', async () => {
    const folder = scratch();
    const old = await loadOrCreateDeviceIdentity(folder, { name: 'Front' });
    rmSync(join(folder, 'cert.pem'));
    const fresh = await loadOrCreateDeviceIdentity(folder, { name: 'Front' });
    expect(fresh).toMatchObject({ created: true, replaced: true });
    expect(fresh.deviceId).not.toBe(old.deviceId);
    expect(readdirSync(folder).filter((name) => name.startsWith('key.pem.broken-'))).toHaveLength(1);
  });
});
