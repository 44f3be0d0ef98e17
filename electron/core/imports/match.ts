import { kanaKey } from '../../../shared/text/kana.ts';
import { foldKanjiVariants } from '../../../shared/text/kanji-variants.ts';
import { phoneDigits } from '../../../shared/text/phone.ts';
import { foldWidth } from '../../../shared/text/width.ts';
import type { CoreContext } from '../context.ts';
import type { CleanGuest } from './cleanse.ts';

// Who a ledger row is. A ledger kept one line per visit names the same person on many lines, and an inn
// importing a second ledger names guests it already holds. Two records are taken for one person only when
// their name (variant kanji and width folded) and reading (kana folded) are the same and nothing they hold
// says otherwise: different phone numbers, or different birthdays, make two people. Anything less certain
// (a similar name, a changed phone) is left to 名寄せ, where staff decide: an import never merges on a guess.

export type Identity = {
  /** Name and reading, folded: only records with the same key can be one person. */
  key: string;
  /** Phone digits, distinct (a few per person; an array, for 64,000 persons of a ledger held at once). */
  phones: readonly string[];
  birthday: string;
  email: string;
};

export function identityOf(guest: {
  familyName: string;
  givenName: string;
  familyReading: string;
  givenReading: string;
  phones: readonly string[];
  birthday: string;
  email: string;
}): Identity {
  const name = foldKanjiVariants(foldWidth(`${guest.familyName}${guest.givenName}`))
    .replace(/\s+/g, '')
    .toLowerCase();
  const reading = kanaKey(`${guest.familyReading}${guest.givenReading}`).toLowerCase();
  return {
    key: `${name}|${reading}`,
    phones: [...new Set(guest.phones.map(phoneDigits).filter((digits) => digits.length > 0))],
    birthday: guest.birthday,
    email: guest.email.toLowerCase(),
  };
}

/** Nothing either holds says they are two people. */
export function compatible(a: Identity, b: Identity): boolean {
  if (a.key !== b.key) return false;
  if (a.birthday && b.birthday && a.birthday !== b.birthday) return false;
  if (a.phones.length > 0 && b.phones.length > 0 && !a.phones.some((digits) => b.phones.includes(digits))) return false;
  return true;
}

/** Something both hold says they are one: a phone, the birthday, the email. */
export function confirmed(a: Identity, b: Identity): boolean {
  return (
    a.phones.some((digits) => b.phones.includes(digits)) ||
    (a.birthday !== '' && a.birthday === b.birthday) ||
    (a.email !== '' && a.email === b.email)
  );
}

const holdsNothing = (identity: Identity) =>
  identity.phones.length === 0 && identity.birthday === '' && identity.email === '';

export type ExistingGuest = { id: string; name: string; identity: Identity };

/** The register's guests by identity key, read once per import (one pass over the guests table). */
export function existingGuests(ctx: CoreContext): Map<string, ExistingGuest[]> {
  const rows = ctx.db
    .prepare(
      `SELECT id, family_name, given_name, family_reading, given_reading, phones, birthday, email
         FROM guests WHERE deleted_at IS NULL`,
    )
    .all() as Array<{
    id: string;
    family_name: string;
    given_name: string;
    family_reading: string;
    given_reading: string;
    phones: string;
    birthday: string;
    email: string;
  }>;
  const byKey = new Map<string, ExistingGuest[]>();
  for (const row of rows) {
    const phones = (JSON.parse(row.phones) as Array<{ number: string }>).map((phone) => phone.number);
    const identity = identityOf({
      familyName: row.family_name,
      givenName: row.given_name,
      familyReading: row.family_reading,
      givenReading: row.given_reading,
      phones,
      birthday: row.birthday,
      email: row.email,
    });
    const list = byKey.get(identity.key) ?? [];
    list.push({ id: row.id, name: `${row.family_name} ${row.given_name}`.trim(), identity });
    byKey.set(identity.key, list);
  }
  return byKey;
}

/**
 * The one existing guest a ledger person is: the only compatible guest with the same key, confirmed by a
 * phone, birthday or email both hold, or with nothing on either side that could (a re-import of the same
 * bare ledger finds its own guests). Two or more compatible guests: none, staff decide in 名寄せ.
 */
export function findExisting(
  identity: Identity,
  byKey: ReadonlyMap<string, readonly ExistingGuest[]>,
): ExistingGuest | null {
  const candidates = (byKey.get(identity.key) ?? []).filter((guest) => compatible(identity, guest.identity));
  if (candidates.length !== 1) return null;
  const [guest] = candidates as [ExistingGuest];
  if (confirmed(identity, guest.identity)) return guest;
  return holdsNothing(identity) && holdsNothing(guest.identity) ? guest : null;
}

/** What a later line of the same person adds: phones it has that the first did not, blanks it fills. */
export function absorb(person: CleanGuest, later: CleanGuest): void {
  for (const phone of later.phones) {
    if (!person.phones.some((known) => phoneDigits(known) === phoneDigits(phone))) person.phones.push(phone);
  }
  for (const field of ['postalCode', 'address', 'birthday', 'email', 'organization'] as const) {
    if (person[field] === '' && later[field] !== '') person[field] = later[field];
  }
  if (later.note !== '' && !person.note.includes(later.note)) {
    person.note = person.note === '' ? later.note : `${person.note}\n${later.note}`;
  }
}
