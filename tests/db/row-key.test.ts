import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqlRowKey } from '../../db/log/codec.ts';
import { encodeRowId } from '../../db/log/store.ts';
import { openDatabase } from '../../db/open.ts';

// The log keys a row by encodeRowId (16 bytes for a canonical UUID, the text for any other id). Statements that
// look a row's entries up by id (a card's history, a form's versions) make the same choice in SQL with
// sqlRowKey; where the two differed, a row's entries would silently not be found.

const hex = fc.constantFrom(...'0123456789abcdef');
const upper = fc.constantFrom(...'0123456789ABCDEF');
const group = (length: number, digit = hex) => fc.string({ unit: digit, minLength: length, maxLength: length });
const uuid = fc.tuple(group(8), group(4), group(4), group(4), group(12)).map((parts) => parts.join('-'));
const nearUuid = fc.oneof(
  fc.tuple(group(8, upper), group(4), group(4), group(4), group(12)).map((parts) => parts.join('-')),
  uuid.map((id) => `${id}0`),
  uuid.map((id) => id.slice(1)),
  uuid.map((id) => id.replaceAll('-', '')),
  uuid.map((id) => `${id.slice(0, 8)}${id.slice(9, 13)}-${id.slice(13)}-`),
  uuid.map((id) => `{${id.slice(1, 35)}}`),
  uuid.map((id) => id.replace(/[0-9a-f]$/, 'g')),
);
const anyId = fc.oneof(
  uuid,
  nearUuid,
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('current_staff_id', ''),
);

describe('a row id as the log keys it, in SQL', () => {
  it('is what encodeRowId gives, for canonical UUIDs, near misses and any text', () => {
    const db = openDatabase(':memory:');
    const key = db.prepare(`SELECT ${sqlRowKey('@id')}`).pluck();
    fc.assert(
      fc.property(anyId, (id) => {
        const inSql = key.get({ id }) as Buffer | string;
        const encoded = encodeRowId(id);
        if (typeof encoded === 'string') expect(inSql).toBe(encoded);
        else expect(Buffer.isBuffer(inSql) && inSql.equals(encoded)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    db.close();
  });
});
