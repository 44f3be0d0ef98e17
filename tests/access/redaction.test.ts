import { describe, expect, it } from 'vitest';
import { CONTACT_FIELDS } from '../../shared/contract/roles.ts';
import { makeStaffedCore } from '../support/core.ts';

// The kitchen and the floor see a guest's name, allergies and requests, not how to reach them: the core blanks
// phones, email, postcode, address and birthday in what it answers them, leaves those changes out of the
// history, finds nobody by a phone number they type, and refuses the calls that exist to read contact data.

async function innWithGuest() {
  const test = await makeStaffedCore(); // the owner, chosen
  const guest = await test.call('guests.create', {
    fields: {
      familyName: '石原',
      givenName: '浩',
      familyReading: 'いしはら',
      givenReading: 'ひろし',
      phones: [{ number: '090-1234-5678', label: 'mobile' }],
      email: 'ishihara@example.jp',
      postalCode: '150-0001',
      address: '東京都渋谷区神宮前1-2-3',
      birthday: '1980-05-05',
      note: '窓側の部屋を希望',
    },
  });
  const updated = await test.call('guests.update', {
    id: guest.id,
    patch: { phones: [{ number: '03-1234-5678', label: 'home' }], note: '静かな部屋' },
  });
  const kitchen = await test.call('staff.create', { name: '板長 佐藤', roles: ['kitchen'] });
  const front = await test.call('staff.create', { name: 'フロント 鈴木', roles: ['front'] });
  return { ...test, guest: updated, kitchen, front };
}

describe('contact details', () => {
  it('find nobody for the kitchen by the start of an email, while a name still finds its guest', async () => {
    const { call, guest, kitchen } = await innWithGuest();
    // The owner gives him an email that starts like no name; the kitchen then searches.
    await call('guests.update', { id: guest.id, patch: { email: 'qzhiro77@example.jp' }, version: guest.version });
    await call('staff.setCurrent', { id: kitchen.id });
    for (const q of ['qzhiro77', 'qzhiro', 'qzh']) expect((await call('guests.search', { q })).hits, q).toEqual([]);
    for (const q of ['いしはら', 'ishihara', '石原']) {
      expect(
        (await call('guests.search', { q })).hits.map((hit: { id: string }) => hit.id),
        q,
      ).toEqual([guest.id]);
    }
  });

  it('appear nowhere in what the kitchen and the floor may read: deals, the calendar, arrivals, the stay', async () => {
    const { call, guest, kitchen } = await innWithGuest();
    const nakai = await call('staff.create', { name: '仲居 田中', roles: ['service'] });
    const deal = await call('banquets.create', {
      fields: {
        organiserId: guest.id,
        type: 'bonenkai',
        date: '2026-12-10',
        startTime: '18:00',
        endTime: '20:00',
        headcount: 20,
      },
    });
    const stay = await call('stays.create', {
      fields: { guestId: guest.id, arrivalDate: '2026-12-10', departureDate: '2026-12-11', rooms: ['201'] },
    });
    const traces = ['03-1234-5678', '0312345678', 'ishihara@example.jp', '150-0001', '神宮前', '1980-05-05'];
    for (const person of [kitchen, nakai]) {
      await call('staff.setCurrent', { id: person.id });
      const answers = [
        await call('banquets.get', { id: deal.banquet.id }),
        await call('banquets.list', {}),
        await call('banquets.calendar', { from: '2026-12-01', to: '2026-12-31' }),
        await call('followUps.list', { guestId: guest.id }),
        await call('arrivals.forDate', { date: '2026-12-10' }),
        await call('stays.get', { id: stay.id }),
        await call('guests.service', { id: guest.id }),
      ];
      const text = JSON.stringify(answers);
      expect(text).toContain('石原');
      for (const trace of traces) expect(text, `${person.name}: ${trace}`).not.toContain(trace);
    }
  });

  it('are blank on the card, in search hits and out of the history for the kitchen', async () => {
    const { call, guest, kitchen } = await innWithGuest();
    await call('staff.setCurrent', { id: kitchen.id });
    const card = await call('guests.get', { id: guest.id });
    expect(card).toMatchObject({ familyName: '石原', note: '静かな部屋', phones: [], email: '', postalCode: '' });
    expect(card).toMatchObject({ address: '', birthday: '' });
    const { hits } = await call('guests.search', { q: 'いしはら' });
    expect(hits).toEqual([expect.objectContaining({ id: guest.id, familyName: '石原', phone: '', email: '' })]);
    const { rows } = await call('guests.history', { id: guest.id });
    const fields = rows.flatMap((row: { change: { kind: string; field?: string } }) =>
      row.change.kind === 'guestField' ? [row.change.field] : [],
    );
    expect(fields).toContain('note');
    expect(fields.filter((field: string) => (CONTACT_FIELDS as readonly string[]).includes(field))).toEqual([]);
    expect(JSON.stringify(rows)).not.toMatch(/1234-5678|example\.jp|神宮前/);
  });

  it('find nobody when the kitchen types a phone number or an email', async () => {
    const { call, kitchen, front } = await innWithGuest();
    await call('staff.setCurrent', { id: kitchen.id });
    expect((await call('guests.search', { q: '03-1234-5678' })).hits).toEqual([]);
    expect((await call('guests.search', { q: 'ishihara@' })).hits).toEqual([]);
    await call('staff.setCurrent', { id: front.id });
    expect((await call('guests.search', { q: '03-1234-5678' })).hits).toHaveLength(1);
  });

  it('are shown to the front desk, whose work they are', async () => {
    const { call, guest, front } = await innWithGuest();
    await call('staff.setCurrent', { id: front.id });
    const card = await call('guests.get', { id: guest.id });
    expect(card).toMatchObject({ phones: [{ number: '03-1234-5678' }], email: 'ishihara@example.jp' });
    expect(card).toMatchObject({ postalCode: '150-0001', birthday: '1980-05-05' });
    const { hits } = await call('guests.search', { q: 'いしはら' });
    expect(hits[0].phone).toBe('03-1234-5678');
  });

  it('cannot be read by the kitchen through calls made for them: export, postcode lookup, duplicates', async () => {
    const { core, call, kitchen } = await innWithGuest();
    await call('staff.setCurrent', { id: kitchen.id });
    for (const [name, input, permission] of [
      ['exports.run', { format: 'csv', kind: 'guests', filter: { by: 'all' } }, 'export'],
      ['addresses.byPostcode', { postcode: '1500001' }, 'guests.edit'],
      ['duplicates.list', {}, 'duplicates.merge'],
    ] as const) {
      expect(await core.call(name, input)).toEqual({
        ok: false,
        error: { code: 'forbidden', detail: 'forbidden_role', params: { permission } },
      });
    }
  });

  it('are blank for the service floor too, who record requests and allergies on the same card', async () => {
    const { call, guest } = await innWithGuest();
    const nakai = await call('staff.create', { name: '仲居 田中', roles: ['service'] });
    await call('staff.setCurrent', { id: nakai.id });
    const card = await call('guests.get', { id: guest.id });
    expect(card).toMatchObject({ familyName: '石原', phones: [], email: '', address: '', birthday: '' });
    const request = await call('requests.record', {
      guestId: guest.id,
      standing: true,
      category: 'room',
      text: '枕を追加',
    });
    expect(request).toMatchObject({ text: '枕を追加' });
  });
});
