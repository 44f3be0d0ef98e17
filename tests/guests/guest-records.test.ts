import { describe, expect, it } from 'vitest';
import { changeLogCount, makeCore, makeStaffedCore } from '../support/core.ts';

const hanako = { familyName: '佐藤', givenName: '花子', familyReading: 'さとう', givenReading: 'はなこ' };

describe('guest records', () => {
  it('records every changed field once, with who changed it, and shows from → to in the history', async () => {
    const { call, staffId } = await makeStaffedCore();
    const guest = await call('guests.create', {
      fields: { ...hanako, phones: [{ number: '090-1111-2222', label: 'mobile' }] },
    });
    await call('guests.update', { id: guest.id, patch: { note: '窓側の部屋を希望', givenName: '花子' } });
    await call('guests.update', { id: guest.id, patch: { note: '窓側・禁煙' } });
    const { rows } = await call('guests.history', { id: guest.id });
    const notes = rows.filter((r: { change: { field?: string } }) => r.change.field === 'note');
    // The new guest's empty note says nothing; each edit reads from → to, newest first.
    expect(notes.map((r: { change: { from: unknown; to: unknown } }) => [r.change.from, r.change.to])).toEqual([
      ['窓側の部屋を希望', '窓側・禁煙'],
      ['', '窓側の部屋を希望'],
    ]);
    expect(notes[0].staffId).toBe(staffId);
    expect(notes[0].staffName).toBe('女将 山田');
    // givenName did not change: no row for the second write
    expect(rows.filter((r: { change: { field?: string } }) => r.change.field === 'givenName')).toHaveLength(1);
    const phones = rows.find((r: { change: { field?: string } }) => r.change.field === 'phones');
    expect(phones.change).toEqual({
      kind: 'guestField',
      field: 'phones',
      from: null,
      to: [{ number: '090-1111-2222', label: 'mobile' }],
    });
  });

  it('deletes as a tombstone that can be undone, and keeps it in the history', async () => {
    const { call } = await makeStaffedCore();
    const guest = await call('guests.create', { fields: hanako });
    const deleted = await call('guests.delete', { id: guest.id });
    expect(deleted.deletedAt).not.toBeNull();
    expect((await call('guests.listDeleted', {})).guests.map((g: { id: string }) => g.id)).toEqual([guest.id]);
    const restored = await call('guests.restore', { id: guest.id });
    expect(restored.deletedAt).toBeNull();
    expect(restored.familyName).toBe('佐藤');
    const kinds = (await call('guests.history', { id: guest.id })).rows.map(
      (r: { change: { kind: string } }) => r.change.kind,
    );
    expect(kinds.slice(0, 2)).toEqual(['guestRestored', 'guestDeleted']);
  });

  it('refuses a write when nobody is chosen at this PC, and changes nothing', async () => {
    const { core, db } = makeCore();
    const before = changeLogCount(db);
    const result = await core.call('guests.create', { fields: hanako });
    expect(result).toEqual({ ok: false, error: { code: 'no_staff' } });
    expect(changeLogCount(db)).toBe(before);
  });

  it('gives field-level codes for every bad field at once', async () => {
    const { core } = await makeStaffedCore();
    const result = await core.call('guests.create', {
      fields: {
        familyName: ' ',
        familyReading: '佐藤',
        phones: [{ number: '12-34', label: 'mobile' }],
        email: 'sato@',
        birthday: '2026-02-30',
        postalCode: '12-345',
      },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'fields.familyName', code: 'required' },
        { path: 'fields.familyReading', code: 'reading_not_kana' },
        { path: 'fields.phones.0.number', code: 'phone_invalid' },
        { path: 'fields.email', code: 'email_invalid' },
        { path: 'fields.birthday', code: 'birthday_invalid' },
        { path: 'fields.postalCode', code: 'postal_invalid' },
      ]),
    );
  });

  it('stores what was typed, tidied: full-width digits, 〒 and spaces folded', async () => {
    const { call } = await makeStaffedCore();
    const guest = await call('guests.create', {
      fields: {
        ...hanako,
        postalCode: '〒１５４０００１',
        // As staff type it: stay dates accept 1980/4/1, so the birthday does too.
        birthday: '1980/4/1',
        email: ' hanako@example.jp ',
      },
    });
    expect(guest.postalCode).toBe('154-0001');
    expect(guest.birthday).toBe('1980-04-01');
    expect(guest.email).toBe('hanako@example.jp');
    expect(guest.romaji).toBe('Sato Hanako');
  });

  it('reads a postcode as an IME gives it, with any dash, as addresses.byPostcode reads it', async () => {
    const { call } = await makeStaffedCore();
    // U+2212 minus, the long vowel mark, a full-width minus, spaces: each was a 7-digit postcode typed at a desk.
    for (const typed of ['〒１００−０００１', '100ー0001', '１００－０００１', '〒 100 - 0001']) {
      const guest = await call('guests.create', { fields: { ...hanako, postalCode: typed } });
      expect(guest.postalCode).toBe('100-0001');
    }
  });

  it('links companions both ways, with the relationship read from each side', async () => {
    const { call } = await makeStaffedCore();
    const parent = await call('guests.create', { fields: hanako });
    const child = await call('guests.create', { fields: { ...hanako, givenName: '太郎', givenReading: 'たろう' } });
    const card = await call('guests.linkCompanion', {
      guestId: parent.id,
      companionId: child.id,
      relationship: 'child',
    });
    expect(card.companions).toMatchObject([{ guestId: child.id, relationship: 'child' }]);
    const other = await call('guests.get', { id: child.id });
    expect(other.companions).toMatchObject([{ guestId: parent.id, relationship: 'parent' }]);
    await call('guests.unlinkCompanion', { guestId: child.id, linkId: card.companions[0].linkId });
    expect((await call('guests.get', { id: parent.id })).companions).toEqual([]);
  });

  it('answers expected failures with stable codes', async () => {
    const { core, call } = await makeStaffedCore();
    const guest = await call('guests.create', { fields: hanako });
    const missing = '01900000-0000-7000-8000-000000000000';
    expect(await core.call('guests.get', { id: missing })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.call('guests.restore', { id: guest.id })).toMatchObject({
      error: { code: 'conflict', detail: 'guest_not_deleted' },
    });
    expect(
      await core.call('guests.linkCompanion', { guestId: guest.id, companionId: guest.id, relationship: 'friend' }),
    ).toMatchObject({
      error: { code: 'invalid_input', detail: 'companion_is_self' },
    });
    expect(await core.call('no.such.call', {})).toEqual({ ok: false, error: { code: 'unknown_call' } });
  });
});
