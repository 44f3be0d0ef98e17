// Field issues (of the contract's schema checked here, or of the core's answer) → messages under the fields.

import i18next from 'i18next';
import type { z } from 'zod';
import { type Issue, toIssues } from '../../shared/contract/index.ts';
import { CallErrorException } from '../api/client.ts';
import { type FieldErrors, fieldErrors } from '../guests/form-model.ts';

export type { FieldErrors };

/** Puts the cursor in the first field with a message (after the render that shows the messages). */
export function focusFirstError(form: HTMLFormElement | null, errors: FieldErrors): void {
  const first = Object.keys(errors)[0];
  if (first) requestAnimationFrame(() => form?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus());
}

/** The translated message of a field code (errors.field.*), or undefined when the field has none. */
export function fieldMessage(errors: FieldErrors, path: string): string | undefined {
  const code = errors[path];
  if (!code) return undefined;
  const key = `errors.field.${code}`;
  return i18next.exists(key) ? i18next.t(key) : i18next.t('errors.field.invalid');
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
