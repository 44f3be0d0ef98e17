import { z } from 'zod';
import { isCalendarDate, isWithinRange, normalizeDateInput } from '../text/dates.ts';
import { readEraDate } from '../text/eras.ts';
import { isKanaReading } from '../text/kana.ts';
import { isLatinReading, mayReadInLatin } from '../text/latin.ts';
import { foldWidth } from '../text/width.ts';

// Field schemas shared by several domains. A custom message is a field code (errors.field.*).

export const id = z.uuid({ error: 'invalid_id' });

/** Text a person typed: trimmed, width-folded (full-width letters and digits become ASCII, half-width kana full-width), bounded. */
export function text(max: number) {
  return z
    .string({ error: 'invalid_type' })
    .transform((value) => foldWidth(value).trim())
    .pipe(z.string().max(max, { error: 'too_long' }));
}

/** Only invisible characters: spaces, and format characters such as a zero-width joiner or space (\p{Cf}). */
const INVISIBLE_ONLY = /^[\p{Cf}\s]*$/u;

export function requiredText(max: number) {
  return (
    z
      .string({ error: 'required' })
      // A name that shows nothing (a lone zero-width joiner) is as missing as an empty one; in other text those
      // characters stay, where they join an emoji or a script's letters.
      .transform((value) => {
        const trimmed = foldWidth(value).trim();
        return INVISIBLE_ONLY.test(trimmed) ? '' : trimmed;
      })
      .pipe(z.string().min(1, { error: 'required' }).max(max, { error: 'too_long' }))
  );
}

export const empty = z.object({}).strict();

/** A kana reading (of a guest's or a staff member's name): hiragana or katakana of any width, or empty. */
/** A reading: kana, or Latin letters (a foreign name read as written; see readingFitsName for which names). */
export function reading(max: number) {
  return text(max).refine((value) => value === '' || isKanaReading(value) || isLatinReading(value), {
    error: 'reading_not_kana',
  });
}

/** A reading in Latin letters is for a name without kanji or kana; a Japanese name is read in kana. */
export function readingFitsName(name: string, value: string): boolean {
  return value === '' || isKanaReading(value) || mayReadInLatin(name);
}

/**
 * A day as staff type it (2026-04-01, 2026/4/1, 2026.4.1, 2026年4月1日, in an era: 昭和55年5月5日, S55.5.5,
 * R元.5.1; in ASCII or full-width) made 'YYYY-MM-DD'; text that is none of these stays as typed, trimmed, for
 * the field's own rule to refuse. An era date that is no day of its era (平成31年5月1日) is refused here, as
 * `date_outside_era`, so the person learns why a real-looking day was refused. Every date field reads what
 * was typed through this one step, so a form accepted in one date field is accepted in all of them.
 */
export function typedDay(error: string) {
  return z.string({ error }).transform((value, ctx) => {
    const folded = foldWidth(value);
    if (readEraDate(folded)?.kind === 'outside') {
      ctx.addIssue({ code: 'custom', message: 'date_outside_era', input: value });
      return z.NEVER;
    }
    return normalizeDateInput(folded);
  });
}

/** Why a normalized day is refused: not a day at all, or outside the app's range (1900 to 2100). */
export function dayProblem(value: string, invalid = 'date_invalid'): string | null {
  if (!isCalendarDate(value)) return invalid;
  if (!isWithinRange(value)) return 'date_out_of_range';
  return null;
}

/** A calendar day between 1900-01-01 and 2100-12-31, typed in any form typedDay reads; stored as 'YYYY-MM-DD'. */
export function calendarDate() {
  return typedDay('date_invalid').superRefine((value, ctx) => {
    const problem = dayProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  });
}

/** Whole yen, never negative. */
export const yen = z
  .number({ error: 'invalid_type' })
  .int({ error: 'yen_invalid' })
  .min(0, { error: 'yen_invalid' })
  .max(1_000_000_000, { error: 'yen_invalid' });

export function count(max: number) {
  return z
    .number({ error: 'invalid_type' })
    .int({ error: 'count_invalid' })
    .min(0, { error: 'count_invalid' })
    .max(max, { error: 'count_invalid' });
}

/** A person-entered id list without repeats. */
export function idList(max: number) {
  return z
    .array(id, { error: 'invalid_type' })
    .max(max, { error: 'too_many' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'duplicate' });
}

/**
 * The version of a record as a screen read it (every record a form edits carries one). An edit that sends it
 * back is refused with `conflict` / `edited_since` when a field it changes was changed since, here or on
 * another PC; the error shows both values, and sending the new version keeps yours.
 */
export const basedOnVersion = z.number({ error: 'invalid_type' }).int().nonnegative().optional();

/** The version a read answers with a record a form edits: send it back as `version` with the edit. */
export const recordVersion = z.number();
