import { describe, expect, it } from 'vitest';
import { downloaded, parseCsv } from '../exports/helpers.ts';
import { makeStaffedCore, type TestCore } from '../support/core.ts';
import { pdfText } from '../support/pdf-text.ts';

// The 宿泊者名簿 through the core's door: registers.guestRegister for the screen, registers.guestRegisterFile
// for the PDF and the CSV (then files.download), and the guest form's nationality and passport number.

const smith = {
  familyName: 'Smith',
  givenName: 'John',
  familyReading: 'smith',
  givenReading: 'john',
  phones: [{ number: '+1 415 555 0100', label: 'mobile' }],
  address: '1 Market St, San Francisco, CA, USA',
  nationality: 'us',
  passportNumber: 'ｘｂ １２３-４５６７',
};

async function november(test: TestCore) {
  const { call } = test;
  const john = await call('guests.create', { fields: smith });
  const jane = await call('guests.create', {
    fields: { familyName: 'Smith', givenName: 'Jane', familyReading: 'smith', nationality: 'GB' },
  });
  const sato = await call('guests.create', {
    fields: {
      familyName: '佐藤',
      givenName: '花子',
      familyReading: 'さとう',
      givenReading: 'はなこ',
      phones: [{ number: '090-1111-2222', label: 'mobile' }],
      postalCode: '〒１００−０００１',
      address: '東京都千代田区千代田1-1',
    },
  });
  const stay = (guestId: string, arrivalDate: string, departureDate: string, more: Record<string, unknown> = {}) =>
    call('stays.create', { fields: { guestId, arrivalDate, departureDate, rooms: ['201'], ...more } });
  const johns = await stay(john.id, '2026-11-03', '2026-11-05', { partyIds: [jane.id], adults: 2 });
  const satos = await stay(sato.id, '2026-11-30', '2026-12-01', { rooms: ['101'] });
  await stay(sato.id, '2026-11-10', '2026-11-11', { status: 'cancelled' });
  await stay(sato.id, '2026-11-12', '2026-11-13', { status: 'no_show' });
  await stay(sato.id, '2026-10-31', '2026-11-02'); // arrived the month before: in October's register
  await stay(sato.id, '2026-12-01', '2026-12-02');
  return { john, jane, sato, johns, satos };
}

describe('guests living abroad', () => {
  it('keep a nationality as its ISO code and a passport number as printed letters and digits', async () => {
    const { call } = await makeStaffedCore();
    const john = await call('guests.create', { fields: smith });
    expect(john.nationality).toBe('US');
    expect(john.passportNumber).toBe('XB1234567');
    const changed = await call('guests.update', { id: john.id, patch: { passportNumber: 'ab9876543' } });
    expect(changed.passportNumber).toBe('AB9876543');
    const history = await call('guests.history', { id: john.id });
    const passport = history.rows.find((row: { change: { field?: string } }) => row.change.field === 'passportNumber');
    expect(passport.change).toMatchObject({ from: 'XB1234567', to: 'AB9876543' });
  });

  it('refuses a nationality that is no country and a passport number with other characters', async () => {
    const { core } = await makeStaffedCore();
    const result = await core.call('guests.create', {
      fields: { ...smith, nationality: 'XX', passportNumber: 'パスポート' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'fields.nationality', code: 'nationality_invalid' }),
        expect.objectContaining({ path: 'fields.passportNumber', code: 'passport_invalid' }),
      ]),
    );
  });
});

describe('宿泊者名簿', () => {
  it('lists every guest of the stays arriving in the period, lead first, with the foreign guest’s nationality and passport', async () => {
    const test = await makeStaffedCore();
    const { john, jane, sato, johns, satos } = await november(test);
    const register = await test.call('registers.guestRegister', { from: '2026-11-01', to: '2026-11-30' });
    expect(register.stays).toBe(2);
    expect(register.rows.map((row: { guestId: string }) => row.guestId)).toEqual([john.id, jane.id, sato.id]);
    const [lead, party, japanese] = register.rows;
    expect(lead).toMatchObject({
      stayId: johns.id,
      role: 'lead',
      familyName: 'Smith',
      address: smith.address,
      phone: '+1 415 555 0100',
      arrivalDate: '2026-11-03',
      departureDate: '2026-11-05',
      abroad: true,
      nationality: 'US',
      passportNumber: 'XB1234567',
      gaps: [],
    });
    // Jane's card has her nationality but no passport, address or phone yet: the register says what is missing.
    expect(party).toMatchObject({ role: 'party', abroad: true, nationality: 'GB', passportNumber: '' });
    expect(party.gaps).toEqual(['address', 'phone', 'passportNumber']);
    expect(japanese).toMatchObject({
      stayId: satos.id,
      abroad: false,
      nationality: '',
      postalCode: '100-0001',
      phone: '090-1111-2222',
      gaps: [],
    });
  });

  it('leaves out cancelled, no-show and deleted stays, and stays arriving outside the period', async () => {
    const test = await makeStaffedCore();
    const { sato, satos } = await november(test);
    await test.call('stays.update', { id: satos.id, patch: { status: 'cancelled' } });
    const register = await test.call('registers.guestRegister', { from: '2026-11-01', to: '2026-11-30' });
    expect(register.rows.some((row: { guestId: string }) => row.guestId === sato.id)).toBe(false);
    const october = await test.call('registers.guestRegister', { from: '2026-10-31', to: '2026-10-31' });
    expect(october.rows.map((row: { arrivalDate: string }) => row.arrivalDate)).toEqual(['2026-10-31']);
  });

  it('refuses a period that ends before it starts or is longer than a year', async () => {
    const { core } = await makeStaffedCore();
    const backwards = await core.call('registers.guestRegister', { from: '2026-11-30', to: '2026-11-01' });
    expect(backwards.ok || backwards.error.issues).toEqual([expect.objectContaining({ code: 'range_invalid' })]);
    const long = await core.call('registers.guestRegister', { from: '2025-01-01', to: '2026-01-01' });
    expect(long.ok || long.error.issues).toEqual([expect.objectContaining({ code: 'range_too_long' })]);
    const year = await core.call('registers.guestRegister', { from: '2025-01-01', to: '2025-12-31' });
    expect(year.ok).toBe(true);
  });

  it('refuses a start that is not a day by naming it, whatever the end (a fault probe: the call threw instead of answering)', async () => {
    const { core } = await makeStaffedCore();
    for (const [from, to] of [
      ['', '2026-12-06'],
      ['', '1899-12-31'],
      ['2026-02-30', '2026-03-01'],
      ['昭和', 'S55.5.5'],
    ]) {
      for (const call of ['registers.guestRegister', 'registers.guestRegisterFile'] as const) {
        const input = call === 'registers.guestRegister' ? { from, to } : { from, to, format: 'csv', language: 'ja' };
        const answer = await core.call(call, input);
        expect(answer.ok ? 'ok' : answer.error.code, `${call} ${from} → ${to}`).toBe('invalid_input');
        const fields = answer.ok ? [] : (answer.error.issues ?? []).map((issue) => issue.path);
        expect(fields, `${call} ${from} → ${to}`).toContain('from');
      }
    }
  });

  it('saves as a CSV Excel opens as it is, with the nationality by name and code and the passport number', async () => {
    const test = await makeStaffedCore();
    await november(test);
    const answer = await test.call('registers.guestRegisterFile', {
      from: '2026-11-01',
      to: '2026-11-30',
      format: 'csv',
      language: 'ja',
    });
    expect(answer.rows).toBe(3);
    expect(answer.name).toBe('yadocho-宿泊者名簿-2026-11-01-2026-11-30.csv');
    const file = await downloaded(test, answer.file);
    expect(file.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parseCsv(file.bytes.toString('utf8').slice(1));
    const header = records[0] as string[];
    const john = Object.fromEntries(header.map((name, i) => [name, records[1]?.[i]]));
    expect(john).toMatchObject({
      到着日: '2026-11-03',
      出発日: '2026-11-05',
      区分: '代表',
      姓: 'Smith',
      電話: "'+1 415 555 0100",
      国籍: 'アメリカ合衆国',
      国籍コード: 'US',
      旅券番号: 'XB1234567',
    });
    expect(records[2]?.[header.indexOf('未記入')]).toBe('住所、電話、旅券番号');
  });

  it('prints as an A4 PDF in Japanese with every guest, the passport number and what is missing', async () => {
    const test = await makeStaffedCore();
    await november(test);
    const answer = await test.call('registers.guestRegisterFile', {
      from: '2026-11-01',
      to: '2026-11-30',
      format: 'pdf',
      language: 'ja',
    });
    const file = await downloaded(test, answer.file);
    expect(file.type).toBe('application/pdf');
    expect(file.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(file.bytes);
    for (const words of [
      '宿泊者名簿',
      'Smith John 様',
      '佐藤 花子 様',
      'アメリカ合衆国',
      'XB1234567',
      '2026年11月3日',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain('未記入：旅券番号');
  });

  it('keeps a merged card’s passport on the card it was merged into, so the register still shows it', async () => {
    const test = await makeStaffedCore();
    const { call } = test;
    const kept = await call('guests.create', {
      fields: { familyName: 'Smith', givenName: 'John', familyReading: 'smith' },
    });
    const merged = await call('guests.create', { fields: smith });
    await call('stays.create', {
      fields: { guestId: merged.id, arrivalDate: '2026-11-03', departureDate: '2026-11-04', rooms: ['201'] },
    });
    await call('duplicates.merge', { keptId: kept.id, mergedId: merged.id });
    const register = await call('registers.guestRegister', { from: '2026-11-01', to: '2026-11-30' });
    expect(register.rows).toEqual([
      expect.objectContaining({ guestId: kept.id, nationality: 'US', passportNumber: 'XB1234567', abroad: true }),
    ]);
  });

  it('speaks English when the screen does: headers, the country’s English name, dates on paper', async () => {
    const test = await makeStaffedCore();
    await november(test);
    const input = { from: '2026-11-01', to: '2026-11-30', language: 'en' };
    const csv = await test.call('registers.guestRegisterFile', { ...input, format: 'csv' });
    expect(csv.name).toBe('yadocho-guest-register-2026-11-01-2026-11-30.csv');
    const records = parseCsv((await downloaded(test, csv.file)).bytes.toString('utf8').slice(1));
    expect(records[0]?.slice(0, 4)).toEqual(['Arrival', 'Departure', 'Rooms', 'Role']);
    expect(records[1]).toContain('United States');
    const pdf = await test.call('registers.guestRegisterFile', { ...input, format: 'pdf' });
    const text = await pdfText((await downloaded(test, pdf.file)).bytes);
    for (const words of ['Guest register', 'Smith John', '3 Nov 2026', 'United States', 'Missing: passport']) {
      expect(text).toContain(words);
    }
  });
});
