// How a guest's name is shown: family name first, then a space, then the given name.

type Named = { familyName: string; givenName: string; familyReading?: string; givenReading?: string };

export function fullName(guest: Named): string {
  return [guest.familyName, guest.givenName].filter(Boolean).join(' ');
}

export function fullReading(guest: Named): string {
  return [guest.familyReading, guest.givenReading].filter(Boolean).join(' ');
}
