import { z } from 'zod';
import { isKanaReading } from '../text/kana.ts';
import { foldWidth } from '../text/width.ts';

// Field schemas shared by several domains. A custom message is a field code (errors.field.*).

export const id = z.uuid({ error: 'invalid_id' });

export const isoTimestamp = z.string();

/** Text a person typed: trimmed, width-folded (full-width letters and digits become ASCII, half-width kana full-width), bounded. */
export function text(max: number) {
  return z
    .string({ error: 'invalid_type' })
    .transform((value) => foldWidth(value).trim())
    .pipe(z.string().max(max, { error: 'too_long' }));
}

export function requiredText(max: number) {
  return z
    .string({ error: 'required' })
    .transform((value) => foldWidth(value).trim())
    .pipe(z.string().min(1, { error: 'required' }).max(max, { error: 'too_long' }));
}

export const empty = z.object({}).strict();

/** A kana reading (of a guest's or a staff member's name): hiragana or katakana of any width, or empty. */
export function reading(max: number) {
  return text(max).refine((value) => value === '' || isKanaReading(value), { error: 'reading_not_kana' });
}
