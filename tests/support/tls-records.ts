// Reading a captured TLS byte stream at the record layer (RFC 8446 §5.1), as a passive listener can: record
// headers, and the two hellos, which travel in the clear. Everything else of TLS 1.3 is opaque ciphertext.

export const CHANGE_CIPHER_SPEC = 20;
export const ALERT = 21;
export const HANDSHAKE = 22;
export const APPLICATION_DATA = 23;
/** TLS 1.3 as supported_versions names it; the record layer's legacy version stays 0x0303 (0x0301 allowed first). */
export const TLS13 = 0x0304;
const MAX_RECORD = 2 ** 14 + 256;

export type TlsRecord = { type: number; version: number; body: Buffer };

/**
 * Splits one direction's bytes into records. Throws where a header is not a TLS record's; `partial` counts the
 * bytes of a last record that the capture ended in the middle of (a connection still open, or cut).
 */
export function parseRecords(stream: Buffer): { records: TlsRecord[]; partial: number } {
  const records: TlsRecord[] = [];
  let at = 0;
  while (at + 5 <= stream.length) {
    const type = stream[at] as number;
    const version = stream.readUInt16BE(at + 1);
    const length = stream.readUInt16BE(at + 3);
    if (![CHANGE_CIPHER_SPEC, ALERT, HANDSHAKE, APPLICATION_DATA].includes(type) || version >> 8 !== 3) {
      throw new Error(`not a TLS record header at byte ${at}: ${stream.subarray(at, at + 5).toString('hex')}`);
    }
    if (length > MAX_RECORD) throw new Error(`a TLS record of ${length} bytes at byte ${at}`);
    if (at + 5 + length > stream.length) break;
    records.push({ type, version, body: stream.subarray(at + 5, at + 5 + length) });
    at += 5 + length;
  }
  return { records, partial: stream.length - at };
}

/** The handshake message type of a plaintext handshake record (1 ClientHello, 2 ServerHello), or null. */
export const handshakeType = (record: TlsRecord): number | null =>
  record.type === HANDSHAKE ? (record.body[0] ?? null) : null;

/** What a ServerHello selected: its cipher suite, and the version of its supported_versions extension (43). */
export function readServerHello(record: TlsRecord): { cipherSuite: number; supportedVersion: number | null } {
  if (handshakeType(record) !== 2) throw new Error('not a ServerHello');
  const body = record.body;
  let at = 4 + 2 + 32; // handshake header, legacy_version, random
  at += 1 + (body[at] as number); // legacy_session_id_echo
  const cipherSuite = body.readUInt16BE(at);
  at += 2 + 1; // cipher_suite, legacy_compression_method
  const end = at + 2 + body.readUInt16BE(at);
  at += 2;
  let supportedVersion: number | null = null;
  while (at + 4 <= end) {
    const type = body.readUInt16BE(at);
    const length = body.readUInt16BE(at + 2);
    if (type === 43 && length === 2) supportedVersion = body.readUInt16BE(at + 4);
    at += 4 + length;
  }
  return { cipherSuite, supportedVersion };
}
