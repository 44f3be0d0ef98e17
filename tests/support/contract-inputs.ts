import { z } from 'zod';
import { type CallName, contract } from '../../shared/contract/index.ts';

// Inputs for every call of the contract, drawn from the call's own input schema (as JSON Schema) by a
// seeded random source: mostly shaped as the schema says, with ids that name real rows, dates staff would
// type and text staff would not; and, at any depth, now and then a value of the wrong kind, out of range or
// missing. A fault tester's inputs, so that a test can ask of every call what the contract promises: an
// answer or a translated refusal, never `internal`.

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  additionalProperties?: boolean | Schema;
};

export type Random = () => number;

/** Rows that exist, by kind of id: what an id field is filled with most of the time. */
export type IdPool = { any: string[]; byField: Map<string, string[]> };

const schemas = new Map<string, Schema>();
export function inputSchema(name: CallName): Schema {
  let schema = schemas.get(name);
  if (!schema) {
    schema = z.toJSONSchema(contract[name].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Schema;
    schemas.set(name, schema);
  }
  return schema;
}

// Text as it arrives from keyboards, input methods, pasted spreadsheets and hostile programs.
const TEXTS = [
  '',
  ' ',
  'a',
  '山田',
  'やまだ',
  'ヤマダ',
  'ﾔﾏﾀﾞ',
  'Smith',
  'smith',
  "O'Brien",
  '髙橋',
  '𠮷野',
  '０９０−１２３４−５６７８',
  '090-1234-5678',
  '100-0001',
  '〒１００ー０００１',
  'えび',
  '本日',
  'a\u0000b',
  'x\uD800y',
  '\uDC00',
  'e\u0301',
  '\u202Eevil',
  '\u200B',
  '<script>alert(1)</script>',
  "'; DROP TABLE guests; --",
  '%_\\',
  '\n\t\r',
  'null',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
];
const DATES = [
  'today',
  'tomorrow',
  'yesterday',
  '2026-02-29',
  '2028-02-29',
  '2026-02-30',
  '2026-13-01',
  '2026/4/1',
  '２０２６年４月１日',
  '昭和55年5月5日',
  'S55.5.5',
  'R6.4.1',
  '1899-12-31',
  '1900-01-01',
  '2100-12-31',
  '2101-01-01',
  '9999-12-31',
  '0000-01-01',
  '2026-12-05T10:00:00.000Z',
  '2026-12-05T25:61:00Z',
  '',
];
const JUNK: unknown[] = [null, 0, -1, 1.5, 1e308, -1e308, 2 ** 53, '', 'x', true, [], {}, [null], { a: 1 }];

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export function createInputs(random: Random, ids: IdPool) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;

  const idFor = (key: string): string => {
    if (chance(0.1)) return chance(0.5) ? '00000000-0000-7000-8000-000000000000' : crypto.randomUUID();
    const own = ids.byField.get(key);
    return own && own.length > 0 && chance(0.7) ? pick(own) : ids.any.length > 0 ? pick(ids.any) : crypto.randomUUID();
  };

  const dateText = (): string => {
    const text = pick(DATES);
    if (text === 'today') return isoDay(0);
    if (text === 'tomorrow') return isoDay(1);
    if (text === 'yesterday') return isoDay(-1);
    if (chance(0.4)) return isoDay(Math.floor(random() * 800) - 400);
    return text;
  };

  const text = (schema: Schema): string => {
    if (chance(0.05)) return 'あ'.repeat(Math.max(1, (schema.maxLength ?? 200) + Math.floor(random() * 3)));
    let value = pick(TEXTS);
    if (chance(0.2)) value = `${value}${pick(TEXTS)}`;
    return value;
  };

  const number = (schema: Schema, integer: boolean): number => {
    const low = schema.minimum ?? schema.exclusiveMinimum ?? (integer ? -1000 : -1000);
    const high = schema.maximum ?? schema.exclusiveMaximum ?? 1_000_000;
    const edge = pick([low, high, 0, 1, low + 1, high - 1]);
    const inside = low + random() * Math.min(high - low, 1e9);
    const value = chance(0.5) ? edge : inside;
    return integer ? Math.round(value) : value;
  };

  const generate = (schema: Schema, key: string, depth: number): unknown => {
    // At any depth, now and then a value the schema does not allow.
    if (depth > 0 && chance(0.03)) return pick(JUNK);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return pick(schema.enum);
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices) return generate(pick(choices), key, depth);
    if (schema.allOf?.[0]) return generate(schema.allOf[0], key, depth);
    const type = Array.isArray(schema.type) ? pick(schema.type) : schema.type;
    switch (type) {
      case 'object': {
        const out: Record<string, unknown> = {};
        const required = new Set(schema.required ?? []);
        for (const [name, property] of Object.entries(schema.properties ?? {})) {
          if (required.has(name) ? chance(0.97) : chance(0.5)) out[name] = generate(property, name, depth + 1);
        }
        if (chance(0.02)) out.unexpected = 'field';
        return out;
      }
      case 'array': {
        if (schema.prefixItems) return schema.prefixItems.map((item, i) => generate(item, `${key}.${i}`, depth + 1));
        const low = schema.minItems ?? 0;
        const high = Math.min(schema.maxItems ?? 4, low + 4);
        const length = low + Math.floor(random() * (high - low + 1));
        return Array.from({ length }, () => generate(schema.items ?? {}, key, depth + 1));
      }
      case 'string':
        if (schema.format === 'uuid' || /(^id|Id|Ids)$/.test(key)) return idFor(key);
        if (/date|Date|birthday|Birthday|day$|Day$|At$|from$|to$|From$|To$|month|Month/.test(key)) return dateText();
        return text(schema);
      case 'integer':
        return number(schema, true);
      case 'number':
        return number(schema, false);
      case 'boolean':
        return chance(0.5);
      case 'null':
        return null;
      default:
        return chance(0.5) ? text(schema) : pick(JUNK);
    }
  };

  return {
    /** One input for `name`: the top level is always an object, as every call takes one. */
    input(name: CallName): unknown {
      if (chance(0.01)) return pick(JUNK);
      return generate(inputSchema(name), '', 0);
    },
  };
}
