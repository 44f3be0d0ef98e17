import type { z } from 'zod';

// The longest text a field of the contract takes, read from its own schema, so a form's counter and the core's
// refusal can never disagree about the number. Fields are built by text(max) / requiredText(max) (common.ts):
// a string, trimmed and width-folded, piped into a bounded string; a field may be optional, nullable or refined.

type Def = { type: string; innerType?: Schema; out?: Schema; in?: Schema };
type Schema = { _zod: { def: Def } } & { maxLength?: number | null };

/** The maximum length of a text field's schema, or undefined when it has none. */
export function textLimit(schema: z.ZodType): number | undefined {
  let current = schema as unknown as Schema | undefined;
  for (let depth = 0; current && depth < 10; depth += 1) {
    const def = current._zod.def;
    if (def.type === 'string') return current.maxLength ?? undefined;
    current = def.type === 'pipe' ? def.out : def.innerType;
  }
  return undefined;
}

/** The limit of every text field of an object schema's shape, by field name (undefined for other fields). */
export function textLimits<K extends string>(shape: Record<K, z.ZodType>): Record<K, number | undefined> {
  const limits = {} as Record<K, number | undefined>;
  for (const key of Object.keys(shape) as K[]) limits[key] = textLimit(shape[key]);
  return limits;
}
