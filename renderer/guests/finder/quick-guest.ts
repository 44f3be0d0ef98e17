import type { CallInput } from '../../../shared/contract/index.ts';
import { foldWidth } from '../../../shared/text/width.ts';
import { checkCreate, emptyValues, type FieldErrors } from '../form-model.ts';
import { prefillFromQuery } from '../prefill.ts';

/** What the inline form asks: the name and its reading (what the register needs), and a phone if it is at hand. */
export type QuickGuestValues = {
  familyName: string;
  givenName: string;
  familyReading: string;
  givenReading: string;
  phone: string;
};

export const QUICK_FIELDS = ['familyName', 'givenName', 'familyReading', 'givenReading'] as const;

const PHONE_LIKE = /^[+\d\s\-−‐–—ー()]+$/;

/**
 * The form filled from what was typed in the search: a name goes to the name, kana to the reading
 * (as the desk's own "new guest" does), digits to the phone.
 */
export function quickValuesFrom(query: string): QuickGuestValues {
  const blank: QuickGuestValues = { familyName: '', givenName: '', familyReading: '', givenReading: '', phone: '' };
  const text = foldWidth(query).trim();
  if (PHONE_LIKE.test(text) && (text.match(/\d/g)?.length ?? 0) >= 4) return { ...blank, phone: text };
  const prefill = prefillFromQuery(query);
  return {
    ...blank,
    familyName: prefill.familyName ?? '',
    givenName: prefill.givenName ?? '',
    familyReading: prefill.familyReading ?? '',
    givenReading: prefill.givenReading ?? '',
  };
}

/** Checked by the contract's own schema, as the full guest form is: the same rules, the same messages. */
export function checkQuickGuest(
  values: QuickGuestValues,
): { ok: true; fields: CallInput<'guests.create'>['fields'] } | { ok: false; errors: FieldErrors } {
  const { phone, ...names } = values;
  const phones = phone.trim() ? [{ number: phone, label: 'mobile' as const }] : [];
  const checked = checkCreate({ ...emptyValues, ...names, phones });
  if (!checked.ok) return { ok: false, errors: renamePhoneErrors(checked.errors) };
  return { ok: true, fields: checked.value };
}

/** The one phone row's messages belong to the one phone field. */
export function renamePhoneErrors(errors: FieldErrors): FieldErrors {
  const renamed: FieldErrors = {};
  for (const [path, code] of Object.entries(errors)) {
    const key = path.startsWith('phones') ? 'phone' : path;
    if (!(key in renamed)) renamed[key] = code;
  }
  return renamed;
}
