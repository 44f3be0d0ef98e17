import type { GuestFields } from '../../../shared/contract/guests.ts';

/** Contract field → column. The only place the two spellings meet. */
export const COLUMN_OF: Record<keyof GuestFields, string> = {
  familyName: 'family_name',
  givenName: 'given_name',
  familyReading: 'family_reading',
  givenReading: 'given_reading',
  phones: 'phones',
  email: 'email',
  postalCode: 'postal_code',
  address: 'address',
  birthday: 'birthday',
  organization: 'organization',
  note: 'note',
  marketingConsent: 'marketing_consent',
  nationality: 'nationality',
  passportNumber: 'passport_number',
};

export function toColumns(fields: Partial<GuestFields>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined) values[COLUMN_OF[field as keyof GuestFields]] = value;
  }
  return values;
}
