import { describe, expect, it } from 'vitest';
import { makeCore } from '../support/core.ts';

// A file the core makes (an export, the 宿泊者名簿, a disclosure) downloads only for the person whose call made
// it: the desk prints the register without the export permission, and a file id seen over a shoulder or in a
// log opens nothing for anyone else.

async function inn() {
  const test = makeCore({ clock: () => Date.parse('2026-12-03T10:00:00+09:00') });
  const owner = (await test.call('staff.create', { name: '女将 山田' })).id as string;
  await test.call('staff.setCurrent', { id: owner });
  const front = (await test.call('staff.create', { name: 'フロント 鈴木', roles: ['front'] })).id as string;
  const cook = (await test.call('staff.create', { name: '板長 佐藤', roles: ['kitchen'] })).id as string;
  const guest = await test.call('guests.create', {
    fields: { familyName: '高橋', givenName: '一郎', familyReading: 'たかはし', givenReading: 'いちろう' },
  });
  await test.call('stays.create', {
    fields: { guestId: guest.id, arrivalDate: '2026-12-03', departureDate: '2026-12-04', rooms: ['201'], adults: 1 },
  });
  const choose = (id: string) => test.call('staff.setCurrent', { id });
  return { ...test, owner, front, cook, choose };
}

const month = { from: '2026-12-01', to: '2026-12-31' };

describe('files the core made', () => {
  it('the desk makes the 宿泊者名簿 as CSV and downloads it', async () => {
    const t = await inn();
    await t.choose(t.front);
    const made = await t.call('registers.guestRegisterFile', { ...month, format: 'csv', language: 'ja' });
    const chunk = await t.call('files.download', { file: made.file, offset: 0 });
    expect(Buffer.from(chunk.chunk, 'base64').toString('utf8')).toContain('高橋');
  });

  it('a file answers as gone to anyone but the person it was made for', async () => {
    const t = await inn();
    const exported = await t.call('exports.run', {
      kinds: ['guests'],
      format: 'csv',
      filter: { by: 'all' },
      language: 'ja',
    });
    await t.choose(t.front);
    expect(await t.core.call('files.download', { file: exported.file, offset: 0 })).toEqual({
      ok: false,
      error: { code: 'not_found', detail: 'file_expired' },
    });
    await t.choose(t.owner);
    expect(await t.core.call('files.download', { file: exported.file, offset: 0 })).toMatchObject({ ok: true });
  });

  it('the kitchen may not make the register, so has no file to download', async () => {
    const t = await inn();
    await t.choose(t.cook);
    expect(await t.core.call('registers.guestRegisterFile', { ...month, format: 'pdf', language: 'ja' })).toMatchObject(
      { ok: false, error: { code: 'forbidden', params: { permission: 'registers.print' } } },
    );
  });
});
