import i18next from 'i18next';
import { useState } from 'react';
import { CallErrorException } from '../api/client.ts';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import type { useEditConflict } from '../app/use-edit-conflict.ts';
import { type FieldErrors, fieldErrors } from '../guests/form-model.ts';
import { fieldMessage } from '../service/field-errors.ts';

/**
 * A small form's save: field issues of the call go under their fields (paths without "fields."/"patch."),
 * an edit refused as edited since goes to the form's conflict panel (`edit`), anything else is one message in
 * the form, where the person is looking.
 */
export function useCallForm(edit?: ReturnType<typeof useEditConflict>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const errorOf = (path: string): string | undefined => fieldMessage(errors, path);

  /** Runs the call; resolves to its value, or undefined after showing why it failed. */
  const run = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setErrors({});
    setFormError(null);
    edit?.clear();
    setSaving(true);
    try {
      return await work();
    } catch (error) {
      const issues = error instanceof CallErrorException ? error.error.issues : undefined;
      if (issues?.length) setErrors(fieldErrors(issues));
      else if (!edit?.caught(error)) setFormError(errorMessage(error));
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  /** A catalogue dialog's save: create or update, then say so by the record's name and close. */
  const save = async <T>(work: () => Promise<T>, nameOf: (saved: T) => string, onSaved: () => void) => {
    const saved = await run(work);
    if (saved === undefined) return;
    notifySuccess(i18next.t('kitchen.catalogue.savedNotice', { name: nameOf(saved) }));
    onSaved();
  };

  const reset = () => {
    setErrors({});
    setFormError(null);
  };

  return { errors, errorOf, formError, saving, run, save, reset, setErrors };
}
