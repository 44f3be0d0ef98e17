import { describe, expect, it } from 'vitest';
import { makeStaffedCore } from '../support/core.ts';

// The inn's time zone is a setting (Asia/Tokyo unless changed): the core's "today" follows it, whatever zone
// the process runs in, and a name no runtime knows is refused with a field message, keeping the old zone.

/** 23:30 UTC on 15 June: already 16 June in Tokyo, still 15 June in New York. */
const INSTANT = Date.parse('2026-06-15T23:30:00Z');

async function innAt(instant: number) {
  const test = await makeStaffedCore({ clock: () => instant });
  const guest = await test.call('guests.create', { fields: { familyName: '山田', familyReading: 'やまだ' } });
  const { allergens } = await test.call('allergens.list', {});
  const egg = allergens.find((a: { nameJa: string }) => a.nameJa === '卵').id as string;
  /** An allergy recorded without a date is confirmed "today": the inn's day, as the core sees it. */
  const confirmedToday = async () =>
    (await test.call('allergies.record', { guestId: guest.id, allergenId: egg, severity: 'allergy', tracesOk: false }))
      .confirmedAt as string;
  return { ...test, confirmedToday };
}

describe('the inn’s time zone', () => {
  it('is Asia/Tokyo until changed, and the inn’s day is Tokyo’s', async () => {
    const inn = await innAt(INSTANT);
    expect((await inn.call('settings.get', {})).timeZone).toBe('Asia/Tokyo');
    expect(await inn.confirmedToday()).toBe('2026-06-16');
  });

  it('moves "today" with the setting', async () => {
    const inn = await innAt(INSTANT);
    const { version } = await inn.call('settings.get', {});
    const saved = await inn.call('settings.update', { patch: { timeZone: 'America/New_York' }, version });
    expect(saved.timeZone).toBe('America/New_York');
    expect(await inn.confirmedToday()).toBe('2026-06-15');
  });

  it('saves a zone in its canonical spelling', async () => {
    const inn = await innAt(INSTANT);
    const { version } = await inn.call('settings.get', {});
    const saved = await inn.call('settings.update', { patch: { timeZone: ' europe/london ' }, version });
    expect(saved.timeZone).toBe('Europe/London');
  });

  it('refuses a zone nobody knows, with a field message, and keeps the one in force', async () => {
    const inn = await innAt(INSTANT);
    const { version } = await inn.call('settings.get', {});
    for (const timeZone of ['Mars/Olympus_Mons', '+09:00', 'JST-9', '']) {
      const result = await inn.core.call('settings.update', { patch: { timeZone }, version });
      expect(result).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'invalid_input',
          issues: [expect.objectContaining({ path: 'patch.timeZone', code: 'time_zone_invalid' })],
        }),
      });
    }
    expect((await inn.call('settings.get', {})).timeZone).toBe('Asia/Tokyo');
    expect(await inn.confirmedToday()).toBe('2026-06-16');
  });

  it('refuses a birthday after the inn’s today, in the inn’s zone', async () => {
    const inn = await innAt(INSTANT);
    const create = (birthday: string) =>
      inn.core.call('guests.create', { fields: { familyName: '佐藤', familyReading: 'さとう', birthday } });
    expect(await create('2026-06-17')).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'fields.birthday', code: 'birthday_invalid' }] },
    });
    expect((await create('2026-06-16')).ok).toBe(true);
    const { version } = await inn.call('settings.get', {});
    await inn.call('settings.update', { patch: { timeZone: 'America/New_York' }, version });
    expect((await create('2026-06-16')).ok).toBe(false);
  });

  it('reads a stored zone this runtime does not know as Tokyo, and keeps the other settings', async () => {
    const inn = await innAt(INSTANT);
    const { version } = await inn.call('settings.get', {});
    await inn.call('settings.update', { patch: { allergyReconfirmMonths: 6 }, version });
    // As another PC's newer runtime might have written it.
    inn.db
      .prepare("INSERT INTO settings (id, value, created_at, updated_at) VALUES ('timeZone', ?, '', '')")
      .run(JSON.stringify('Mars/Olympus_Mons'));
    expect(await inn.call('settings.get', {})).toMatchObject({ timeZone: 'Asia/Tokyo', allergyReconfirmMonths: 6 });
    expect(await inn.confirmedToday()).toBe('2026-06-16');
  });
});
