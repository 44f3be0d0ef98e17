// Field issues (of the contract's schema checked here, or of the core's answer) → messages under the fields.

import type { z } from 'zod';
import { type Issue, toIssues } from '../../shared/contract/index.ts';
import { CallErrorException } from '../api/client.ts';
import { fieldErrorText } from '../app/field-error-text.ts';
import { type FieldError, type FieldErrors, fieldErrors } from '../guests/form-model.ts';

export type { FieldError, FieldErrors };
export { fieldErrorText };

/** Puts the cursor in the first field with a message (after the render that shows the messages). */
export function focusFirstError(form: HTMLFormElement | null, errors: FieldErrors): void {
  const first = Object.keys(errors)[0];
  if (first) requestAnimationFrame(() => form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
}

/** The translated message of a field's issue, or undefined when the field has none. */
export function fieldMessage(errors: FieldErrors, path: string): string | undefined {
  const error = errors[path];
  return error ? fieldErrorText(error) : undefined;
}

/**
 * The errors without those of `paths`: a field's message goes as soon as the person changes that field, rather
 * than stay red over what they have just put right. The same object when none of them had one.
 */
export function withoutError(errors: FieldErrors, ...paths: string[]): FieldErrors {
  if (!paths.some((path) => path in errors)) return errors;
  const next = { ...errors };
  for (const path of paths) delete next[path];
  return next;
}

/** The issues of a failed call, as field errors; undefined when the failure is not about fields. */
export function callFieldErrors(error: unknown): FieldErrors | undefined {
  const issues: Issue[] | undefined = error instanceof CallErrorException ? error.error.issues : undefined;
  return issues?.length ? fieldErrors(issues) : undefined;
}

/** Checks an input with the call's own schema first, so the form refuses exactly what the core would. */
export function checkWith<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: fieldErrors(toIssues(parsed.error.issues)) };
}
