import { displayRomaji } from '../../../shared/text/romaji.ts';

type NameColumns = {
  id: string;
  family_name: string;
  given_name: string;
  family_reading: string;
  given_reading: string;
};

/** The name fields every guest summary shows, with passport-style romaji derived from the readings. */
export function displayName(row: NameColumns) {
  const romaji = [row.family_reading, row.given_reading]
    .filter(Boolean)
    .map((reading) => displayRomaji(reading))
    .join(' ');
  return {
    id: row.id,
    familyName: row.family_name,
    givenName: row.given_name,
    familyReading: row.family_reading,
    givenReading: row.given_reading,
    romaji,
  };
}
