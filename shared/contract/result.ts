import { z } from 'zod';

// Every call answers with a Result. An expected failure is a value with a stable code the renderer
// translates (errors.code.* in the locale files); a bug becomes `internal` and a log line.
export const ERROR_CODES = [
  'invalid_input', // the input failed the call's schema; `issues` says which field and why
  'not_found', // the id names nothing (or nothing that is not deleted, where that matters)
  'conflict', // the request contradicts what is recorded (e.g. restoring a guest that is not deleted)
  'no_staff', // a write needs the person working at this PC, and none is chosen
  'cancelled', // a long job was stopped by jobs.cancel (or at shutdown) before it finished
  'unknown_call', // the call name is not in the contract
  'unauthorized', // HTTP door: missing or wrong token
  // Not allowed. The HTTP door: a foreign Host or Origin (no detail). The core (docs/roles.md): the person's
  // roles lack the call's permission (detail `forbidden_role`, params.permission), a PIN is needed or wrong
  // (`pin_required`, `pin_wrong` with params.attemptsLeft), the person is locked out on this PC
  // (`staff_locked_out` with params.until, ISO, and params.time, the inn's HH:mm), or a staff rule refuses
  // (`pin_not_set`, `pin_needed_first`, `last_owner`, `owner_only`, `roles_not_held`).
  'forbidden',
  'internal', // a bug: logged with details, shown as a generic message
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const issueSchema = z.object({
  path: z.string(), // dotted field path, e.g. "fields.phones.0.number"
  code: z.string(), // a key under errors.field.* in the locale files
  /** Values the field's message names: `max` for a text too long (too_long) or a list too long (too_many). */
  params: z.record(z.string(), z.string()).optional(),
});
export type Issue = z.infer<typeof issueSchema>;

export const callErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  detail: z.string().optional(), // a key under errors.detail.*, for a more precise message
  issues: z.array(issueSchema).optional(),
  /** Values the detail's message names (the deal a hall clash is with): interpolated by the translation. */
  params: z.record(z.string(), z.string()).optional(),
  /**
   * `conflict` / `edited_since`: the fields this edit changes that someone changed after the form was opened,
   * with both values (as stored: lists as JSON text, flags as 0/1), who changed it and when. `version` is the
   * record's version now: send it again to keep your values after all.
   */
  changes: z
    .array(
      z.object({
        table: z.string(),
        id: z.string(),
        column: z.string(),
        yours: z.unknown(),
        theirs: z.unknown(),
        staffName: z.string().nullable(),
        at: z.string(),
      }),
    )
    .optional(),
  version: z.number().optional(),
});
export type CallError = z.infer<typeof callErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, detail?: string, issues?: Issue[]): { ok: false; error: CallError } {
  const error: CallError = { code };
  if (detail) error.detail = detail;
  if (issues) error.issues = issues;
  return { ok: false, error };
}

/** An expected failure thrown inside a handler; the dispatcher turns it into a Result. */
export class CallFailure extends Error {
  readonly error: CallError;
  constructor(code: ErrorCode, detail?: string, issues?: Issue[], params?: Record<string, string>) {
    super(detail ? `${code}: ${detail}` : code);
    this.error = fail(code, detail, issues).error;
    if (params) this.error.params = params;
  }
}

// Zod's own issue kinds, mapped to our field codes when a schema did not name one itself.
const ZOD_CODE_TO_FIELD_CODE: Record<string, string> = {
  invalid_type: 'invalid_type',
  too_small: 'required',
  too_big: 'too_long',
  invalid_format: 'invalid_format',
  invalid_value: 'invalid_choice',
  unrecognized_keys: 'unknown_field',
};

/**
 * Turns zod issues into field issues. A message we set ourselves in a schema is already a field code. A bound
 * that was passed carries its limit, so the message can say it ("2,000文字以内で…"), not only that it was passed.
 */
export function toIssues(zodIssues: ReadonlyArray<z.core.$ZodIssue>): Issue[] {
  return zodIssues.map((issue) => {
    const own = /^[a-z_]+$/.test(issue.message) ? issue.message : undefined;
    const field: Issue = {
      path: issue.path.map(String).join('.'),
      code: own ?? ZOD_CODE_TO_FIELD_CODE[issue.code] ?? 'invalid',
    };
    if (issue.code === 'too_big' && (issue.origin === 'string' || issue.origin === 'array')) {
      field.params = { max: String(issue.maximum) };
    }
    // A number out of its range says which bound and what it is: not "too long", nor "required" for -1.
    if (!own && (issue.code === 'too_big' || issue.code === 'too_small') && issue.origin === 'number') {
      field.code = issue.code === 'too_big' ? 'number_too_large' : 'number_too_small';
      field.params = {
        [issue.code === 'too_big' ? 'max' : 'min']: String(issue.code === 'too_big' ? issue.maximum : issue.minimum),
      };
    }
    // A check of our own that names its bound (a stay's longest length) passes it on as the message's params.
    if (issue.code === 'custom' && issue.params) {
      field.params = Object.fromEntries(Object.entries(issue.params).map(([key, value]) => [key, String(value)]));
    }
    return field;
  });
}
