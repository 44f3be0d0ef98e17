import { parse as parseUuid } from 'uuid';

// How values sit in the change log, compactly and exactly (decode(encode(v)) === v for every stored value).
//
// A field entry keeps its value as a plain SQLite value (NULL, INTEGER, REAL, TEXT), except that an id
// (a canonical lowercase UUID) is kept as its 16 bytes: no synced column holds a BLOB, so a BLOB in the log
// is always an id. An insert keeps the whole row in one entry, as a BLOB of (column number, tag, payload)
// triples: ids as 16 bytes, ISO timestamps and calendar days as varints, empty text and `[]` as one byte.
// A form is chosen only when the value reads back identical; anything else is kept as text.

export type Stored = string | number | null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const YMD = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function isUuid(value: string): boolean {
  return value.length === 36 && UUID.test(value);
}

const HEX = '[0-9a-f]';
/** isUuid as a SQLite GLOB pattern (case-sensitive, whole value), for statements that look a row up by id. */
export const UUID_GLOB = [8, 4, 4, 4, 12].map((count) => HEX.repeat(count)).join('-');

/**
 * A row id as the log keys it (encodeRowId), in SQL: `expression` is a text id. One value, so the lookup is one
 * seek on log_entry_field where `row IN (unhex(id, '-'), id)` took two.
 */
export function sqlRowKey(expression: string): string {
  return `(CASE WHEN ${expression} GLOB '${UUID_GLOB}' THEN unhex(${expression}, '-') ELSE ${expression} END)`;
}

/** A canonical UUID's 16 bytes (the hot path of every log entry: plain hex decoding, no validation). */
export function uuidToBytes(id: string): Buffer {
  return id.length === 36 ? Buffer.from(id.replaceAll('-', ''), 'hex') : Buffer.from(parseUuid(id));
}

/**
 * 16 bytes as a canonical UUID. Any 16 bytes: isUuid takes every lowercase hex id of that shape, whatever its
 * version and variant bits, so the way back must not insist on them (the uuid package's stringify throws on
 * version 0, which a faulty PC or an old import could have sent).
 */
export function bytesToUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** An ISO time with milliseconds as milliseconds since 1970, if it reads back identical (1970 or later). */
export function isoTimeMs(value: string): number | undefined {
  if (value.length !== 24 || !ISO_MS.test(value)) return undefined;
  const ms = Date.parse(value);
  return ms >= 0 && new Date(ms).toISOString() === value ? ms : undefined;
}

export function isoFromMs(ms: number): string {
  return new Date(ms).toISOString();
}

/** A calendar day (YYYY-MM-DD) as days since 1970-01-01, if it is a real day that reads back identical. */
export function dayNumber(value: string): number | undefined {
  if (value.length !== 10 || !YMD.test(value)) return undefined;
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return Number.isFinite(ms) && dayFromNumber(ms / DAY_MS) === value ? ms / DAY_MS : undefined;
}

/**
 * Days as text, each made once per process: a register's days are a few thousand (ten years of stays and meals),
 * read over and over (every serving of a regular's card, tens of thousands in a day's arrivals). A Date and two
 * strings per value were 28 µs of a first card's service side, and most of what its servings allocated.
 */
const DAY_TEXTS = new Map<number, string>();
/** Enough for any inn's days; past it (a fuzzer's random days) each is made as before and not kept. */
const DAY_TEXTS_KEPT = 50_000;

export function dayFromNumber(days: number): string {
  const kept = DAY_TEXTS.get(days);
  if (kept !== undefined) return kept;
  const text = new Date(days * DAY_MS).toISOString().slice(0, 10);
  if (Number.isInteger(days) && DAY_TEXTS.size < DAY_TEXTS_KEPT) DAY_TEXTS.set(days, text);
  return text;
}

/** A field entry's value as SQLite should keep it. */
export function encodeField(value: Stored): Stored | Buffer | bigint {
  if (typeof value === 'string' && isUuid(value)) return uuidToBytes(value);
  if (typeof value === 'number') return sqlInteger(value);
  return value;
}

/**
 * A number as it should go into a column of type ANY: a whole one as an INTEGER. better-sqlite3 binds every JS
 * number as a REAL, and an ANY column keeps a REAL as 8 bytes, where SQLite keeps the same whole number as an
 * INTEGER in 0 to 6 (0 and 1 in none, a day number in 2 or 3, a time in milliseconds in 6). A BigInt is bound as
 * an INTEGER and reads back as a number. (A typed column of a STRICT table converts by itself.)
 */
export function sqlInteger(value: number): number | bigint {
  return Number.isSafeInteger(value) ? BigInt(value) : value;
}

export function decodeField(value: unknown): Stored {
  if (value instanceof Uint8Array) return bytesToUuid(value);
  if (typeof value === 'bigint') return Number(value);
  return value as Stored;
}

const Tag = {
  Null: 0,
  Int: 1,
  Real: 2,
  Text: 3,
  Uuid: 4,
  IsoMs: 5,
  Day: 6,
  EmptyText: 7,
  EmptyList: 8,
} as const;

class Writer {
  private buffer = Buffer.allocUnsafe(256);
  length = 0;
  private ensure(extra: number) {
    if (this.length + extra <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + extra));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
  byte(value: number) {
    this.ensure(1);
    this.buffer[this.length++] = value;
  }
  /** Unsigned varint, 7 bits a byte, for integers up to 2^53. */
  varint(value: number) {
    this.ensure(8);
    let rest = value;
    while (rest >= 0x80) {
      this.buffer[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.buffer[this.length++] = rest;
  }
  zigzag(value: number) {
    this.varint(value >= 0 ? value * 2 : -value * 2 - 1);
  }
  bytes(data: Uint8Array) {
    this.ensure(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }
  float(value: number) {
    this.ensure(8);
    this.buffer.writeDoubleLE(value, this.length);
    this.length += 8;
  }
  done(): Buffer {
    return Buffer.from(this.buffer.subarray(0, this.length));
  }
}

class Reader {
  offset = 0;
  private readonly buffer: Buffer;
  constructor(buffer: Buffer) {
    this.buffer = buffer;
  }
  get atEnd() {
    return this.offset >= this.buffer.length;
  }
  byte(): number {
    const value = this.buffer[this.offset++];
    if (value === undefined) throw new Error('codec: value ends early');
    return value;
  }
  varint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > 2 ** 56) throw new Error('codec: varint too long');
    }
  }
  zigzag(): number {
    const raw = this.varint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }
  bytes(length: number): Buffer {
    if (this.offset + length > this.buffer.length) throw new Error('codec: value ends early');
    const slice = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
  float(): number {
    const value = this.buffer.readDoubleLE(this.offset);
    this.offset += 8;
    return value;
  }
}

function writeValue(out: Writer, value: Stored) {
  if (value === null) return out.byte(Tag.Null);
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) {
      out.byte(Tag.Int);
      return out.zigzag(value);
    }
    out.byte(Tag.Real);
    return out.float(value);
  }
  if (value === '') return out.byte(Tag.EmptyText);
  if (value === '[]') return out.byte(Tag.EmptyList);
  if (isUuid(value)) {
    out.byte(Tag.Uuid);
    return out.bytes(uuidToBytes(value));
  }
  const ms = isoTimeMs(value);
  if (ms !== undefined) {
    out.byte(Tag.IsoMs);
    return out.varint(ms);
  }
  const day = dayNumber(value);
  if (day !== undefined) {
    out.byte(Tag.Day);
    return out.zigzag(day);
  }
  out.byte(Tag.Text);
  const bytes = Buffer.from(value, 'utf8');
  out.varint(bytes.length);
  out.bytes(bytes);
}

function readValue(input: Reader): Stored {
  const tag = input.byte();
  switch (tag) {
    case Tag.Null:
      return null;
    case Tag.Int:
      return input.zigzag();
    case Tag.Real:
      return input.float();
    case Tag.EmptyText:
      return '';
    case Tag.EmptyList:
      return '[]';
    case Tag.Uuid:
      return bytesToUuid(input.bytes(16));
    case Tag.IsoMs:
      return isoFromMs(input.varint());
    case Tag.Day:
      return dayFromNumber(input.zigzag());
    case Tag.Text:
      return input.bytes(input.varint()).toString('utf8');
    default:
      throw new Error(`codec: unknown tag ${tag}`);
  }
}

/** A whole row (an insert): column number → stored value. */
export function encodeRow(columns: ReadonlyArray<readonly [number, Stored]>): Buffer {
  const out = new Writer();
  for (const [column, value] of columns) {
    out.varint(column);
    writeValue(out, value);
  }
  return out.done();
}

export function decodeRow(data: Buffer | Uint8Array): Array<[number, Stored]> {
  const input = new Reader(Buffer.isBuffer(data) ? data : Buffer.from(data));
  const columns: Array<[number, Stored]> = [];
  while (!input.atEnd) {
    const column = input.varint();
    columns.push([column, readValue(input)]);
  }
  return columns;
}
