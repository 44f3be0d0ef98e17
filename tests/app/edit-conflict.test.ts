import { describe, expect, it } from 'vitest';
import { CallErrorException } from '../../renderer/api/client.ts';
import { applyChoices, decodeStored, editConflictOf, fieldOfColumn } from '../../renderer/app/edit-conflict.ts';

// The renderer's reading of a `conflict` / `edited_since` answer, and "take theirs" applied to a form's values.

const change = (column: string, yours: unknown, theirs: unknown) => ({
  table: 'guests',
  id: 'g',
  column,
  yours,
  theirs,
  staffName: '佐藤 花子',
  at: '2026-04-01T09:00:00.000Z',
});

describe('edit conflicts in the renderer', () => {
  it('finds the conflict in a refused edit, and nothing in other failures', () => {
    const refused = new CallErrorException({
      code: 'conflict',
      detail: 'edited_since',
      changes: [change('note', 'a', 'b')],
      version: 7,
    });
    expect(editConflictOf(refused)).toEqual({ changes: [change('note', 'a', 'b')], version: 7 });
    expect(editConflictOf(new CallErrorException({ code: 'conflict', detail: 'guest_deleted' }))).toBeNull();
    expect(editConflictOf(new Error('x'))).toBeNull();
  });

  it('reads stored values in the form’s shapes: lists from JSON text, flags from 0/1', () => {
    expect(fieldOfColumn('marketing_consent')).toBe('marketingConsent');
    expect(decodeStored('[{"number":"090","label":"home"}]', [])).toEqual([{ number: '090', label: 'home' }]);
    expect(decodeStored(1, false)).toBe(true);
    expect(decodeStored(0, true)).toBe(false);
    expect(decodeStored(12000, '')).toBe(12000);
    expect(decodeStored(null, null)).toBeNull();
    expect(decodeStored(null, '')).toBe('');
  });

  it('puts their value in the fields chosen so and leaves the others as typed', () => {
    const values = { note: 'mine', phones: [{ number: '070', label: 'mobile' }], marketingConsent: false };
    const conflict = {
      version: 9,
      changes: [
        change('note', 'mine', 'theirs'),
        change('phones', '[]', '[{"number":"080","label":"mobile"}]'),
        change('marketing_consent', 0, 1),
      ],
    };
    const next = applyChoices(values, conflict, {
      'guests.g.note': 'mine',
      'guests.g.phones': 'theirs',
      'guests.g.marketing_consent': 'theirs',
    });
    expect(next).toEqual({ note: 'mine', phones: [{ number: '080', label: 'mobile' }], marketingConsent: true });
  });
});
