// The short "register them here" form of the guest pickers (a companion, a party member, an organiser): what it
// takes from the search text, and that it checks with the contract's own rules, so what it sends is what
// guests.create accepts.

import { describe, expect, it } from 'vitest';
import { checkQuickGuest, quickValuesFrom } from '../../renderer/guests/finder/quick-guest.ts';
import { guestCreateFieldsSchema } from '../../shared/contract/guests.ts';

const blank = { familyName: '', givenName: '', familyReading: '', givenReading: '', phone: '' };

describe('what the search text fills in', () => {
  it('a name goes to the name, kana to the reading, a phone to the phone', () => {
    expect(quickValuesFrom('長谷川 誠')).toEqual({ ...blank, familyName: '長谷川', givenName: '誠' });
    expect(quickValuesFrom('はせがわ　まこと')).toEqual({
      ...blank,
      familyReading: 'はせがわ',
      givenReading: 'まこと',
    });
    expect(quickValuesFrom('０９０−５５５５−１２１２')).toEqual({ ...blank, phone: '090−5555−1212' });
  });

  it('anything else fills nothing: better an empty field than a wrong one', () => {
    expect(quickValuesFrom('Smith & Co.')).toEqual(blank);
    expect(quickValuesFrom('12')).toEqual(blank);
  });
});

describe('checked as guests.create checks', () => {
  it('sends only what the contract knows, the phone as a mobile number', () => {
    const checked = checkQuickGuest({
      familyName: '長谷川',
      givenName: '誠',
      familyReading: 'ハセガワ',
      givenReading: '',
      phone: '090-5555-1212',
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(guestCreateFieldsSchema.safeParse(checked.fields).success).toBe(true);
    expect(checked.fields.familyReading).toBe('ハセガワ');
    expect(checked.fields.phones).toEqual([{ number: '090-5555-1212', label: 'mobile' }]);
  });

  it('names the field that is wrong, the phone row as the one phone field', () => {
    const checked = checkQuickGuest({ ...blank, familyName: '長谷川', phone: 'abc' });
    expect(checked).toEqual({
      ok: false,
      errors: { familyReading: { code: 'required' }, phone: { code: 'phone_invalid' } },
    });
  });
});
