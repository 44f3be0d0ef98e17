import type { CallName, CallOutput } from '../../../shared/contract/index.ts';
import { CONTACT_FIELDS } from '../../../shared/contract/roles.ts';
import type { Grant } from './check.ts';

// Contact details hidden from a person without `guests.contact` (the kitchen, the floor): the calls that
// answer with a guest's phones, email, postcode, address, birthday, nationality or passport number answer with them blank, and the history
// leaves out the changes of those fields. Applied by the dispatcher to the answer, before the output schema,
// so no handler can forget it. Calls that exist only to read contact data (exports, duplicates, the postcode
// lookup) need a permission the kitchen and the floor do not hold, and are refused outright.

type Redactors = { [N in CallName]?: (value: CallOutput<N>) => CallOutput<N> };

const contactFields = new Set<string>(CONTACT_FIELDS);

type Card = CallOutput<'guests.get'>;
const card = (value: Card): Card => ({
  ...value,
  phones: [],
  email: '',
  postalCode: '',
  address: '',
  birthday: '',
  nationality: '',
  passportNumber: '',
});

const REDACTORS: Redactors = {
  'guests.get': card,
  'guests.create': card,
  'guests.update': card,
  'guests.delete': card,
  'guests.restore': card,
  'guests.linkCompanion': card,
  'guests.unlinkCompanion': card,
  'guests.search': (value) => ({ hits: value.hits.map((hit) => ({ ...hit, phone: '', email: '' })) }),
  'guests.similar': (value) => ({ guests: value.guests.map((guest) => ({ ...guest, phone: '', birthday: '' })) }),
  'guests.history': (value) => ({
    ...value,
    rows: value.rows.filter((row) => !(row.change.kind === 'guestField' && contactFields.has(row.change.field))),
  }),
};

/**
 * Contact details under any other name a call answers with: a deal's organiser's phone, the phone of a follow-up
 * call. Every answer to a person without guests.contact is walked for these keys (and the card's own), so a call
 * added later that carries a phone under one of them cannot hand it to the kitchen by being forgotten above.
 */
const CONTACT_KEYS = new Set<string>([...CONTACT_FIELDS, 'phone', 'organiserPhone', 'guestPhone']);

function blankContactKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const blanked = blankContactKeys(item);
      if (blanked !== item) changed = true;
      return blanked;
    });
    return changed ? items : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let copy: Record<string, unknown> | null = null;
  for (const [key, field] of Object.entries(value)) {
    let next = field;
    if (CONTACT_KEYS.has(key)) {
      if (typeof field === 'string') next = '';
      else if (Array.isArray(field)) next = [];
    } else {
      next = blankContactKeys(field);
    }
    if (next !== field) {
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = next;
    }
  }
  return copy ?? value;
}

/** The answer as the person may see it. */
export function redact(name: CallName, value: unknown, grant: Grant): unknown {
  if (grant.can('guests.contact')) return value;
  const redactor = REDACTORS[name] as ((value: unknown) => unknown) | undefined;
  return blankContactKeys(redactor ? redactor(value) : value);
}
