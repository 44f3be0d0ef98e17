// The guest form's values and how they become a create input or an update patch. Validation is the contract's
// own zod schema, so the form refuses exactly what the core would refuse, with the same field codes.

import {
  type GuestCard,
  type GuestField,
  guestCreateFieldsSchema,
  guestFieldsSchema,
  type PHONE_LABELS,
} from '../../shared/contract/guests.ts';
import { type CallInput, type Issue, toIssues } from '../../shared/contract/index.ts';

export type PhoneLabel = (typeof PHONE_LABELS)[number];
export type PhoneValue = { number: string; label: PhoneLabel };

export type FormValues = {
  familyName: string;
  givenName: string;
  familyReading: string;
  givenReading: string;
  phones: PhoneValue[];
  email: string;
  postalCode: string;
  address: string;
  birthday: string;
  organization: string;
  note: string;
  marketingConsent: boolean;
  nationality: string;
  passportNumber: string;
};

export type TextField = Exclude<keyof FormValues, 'phones' | 'marketingConsent'>;

/** A field's issue: its code (errors.field.*) and the values its message names (the limit of a too long text). */
export type FieldError = { code: string; params?: Record<string, string> };

/** Field path (e.g. "email", "phones.0.number") → that field's issue. */
export type FieldErrors = Record<string, FieldError>;

export const emptyValues: FormValues = {
  familyName: '',
  givenName: '',
  familyReading: '',
  givenReading: '',
  phones: [],
  email: '',
  postalCode: '',
  address: '',
  birthday: '',
  organization: '',
  note: '',
  marketingConsent: false,
  nationality: '',
  passportNumber: '',
};

export function valuesOf(card: GuestCard): FormValues {
  return {
    familyName: card.familyName,
    givenName: card.givenName,
    familyReading: card.familyReading,
    givenReading: card.givenReading,
    phones: card.phones.map((phone) => ({ ...phone })),
    email: card.email,
    postalCode: card.postalCode,
    address: card.address,
    birthday: card.birthday,
    organization: card.organization,
    note: card.note,
    marketingConsent: card.marketingConsent,
    nationality: card.nationality,
    passportNumber: card.passportNumber,
  };
}

/**
 * Issues of the core or of the schema → field errors. The core's paths start with the input's key
 * ("fields.phones.0.number", "patch.email"); the form's paths do not.
 */
export function fieldErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.replace(/^(fields|patch)\.?/, '');
    if (!(path in errors))
      errors[path] = issue.params ? { code: issue.code, params: issue.params } : { code: issue.code };
  }
  return errors;
}

type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function checkCreate(values: FormValues): Checked<CallInput<'guests.create'>['fields']> {
  const parsed = guestCreateFieldsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(toIssues(parsed.error.issues)) };
  return { ok: true, value: parsed.data };
}

function same(a: unknown, b: unknown): boolean {
  return typeof a === 'object' || typeof b === 'object' ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}

/** Only the fields that differ from the card, normalized as the core stores them. An empty patch means no change. */
export function checkUpdate(values: FormValues, card: GuestCard): Checked<CallInput<'guests.update'>['patch']> {
  const parsed = guestFieldsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(toIssues(parsed.error.issues)) };
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(parsed.data) as Array<[GuestField, unknown]>) {
    if (!same(value, card[field])) patch[field] = value;
  }
  return { ok: true, value: patch as CallInput<'guests.update'>['patch'] };
}
