// How a guest's name is shown: family name first, then a space, then the given name.

import { familyFirst } from '../../shared/text/person-name.ts';

type Named = { familyName: string; givenName: string; familyReading?: string; givenReading?: string };

export function fullName(guest: Named): string {
  return familyFirst(guest.familyName, guest.givenName);
}

export function fullReading(guest: Named): string {
  return familyFirst(guest.familyReading, guest.givenReading);
}
