import { describe, expect, it } from 'vitest';
import { FINE_SLICES, makeStaffedCore, reopenCore } from '../support/core.ts';

// Foreign guests at the desk: a name in Latin letters may be read in Latin letters, is shown and found as it is
// written, whatever the case typed; a Japanese name still needs its reading in kana.

const smith = { familyName: 'Smith', givenName: 'Anna', familyReading: 'smith', givenReading: 'anna' };

describe('a name written in Latin letters', () => {
  it('takes a Latin reading, shows it as written and is found by its spelling in any case', async () => {
    const { call } = await makeStaffedCore();
    const card = await call('guests.create', { fields: smith });
    expect(card.romaji).toBe('Smith Anna');
    const muller = await call('guests.create', {
      fields: { familyName: 'Müller', givenName: 'Seán', familyReading: 'Müller', givenReading: 'Seán' },
    });
    await call('guests.create', { fields: { familyName: '住田', familyReading: 'すみた' } });

    const found = async (q: string) =>
      ((await call('guests.search', { q })).hits as Array<{ id: string }>).map((h) => h.id);
    for (const q of ['smith', 'Smith', 'SMITH', 'smi', 'smith anna', 'anna smith', 'Ａｎｎａ']) {
      expect(await found(q), q).toEqual([card.id]);
    }
    for (const q of ['müller', 'Muller', 'MÜLLER', 'sean', 'muller sean']) {
      expect(await found(q), q).toContain(muller.id);
    }
    const obrien = await call('guests.create', { fields: { familyName: "O'Brien", familyReading: "O'Brien" } });
    for (const q of ["o'brien", 'obrien', "O'B"]) expect(await found(q), q).toContain(obrien.id);
    // A kana name is still found by its kana and its romaji; the Latin reading did not take its keys.
    expect((await found('すみ')).length).toBe(1);
    expect(await found('sumita')).not.toContain(card.id);
  });

  it('may still be read in katakana, as many inns write foreign names', async () => {
    const { call } = await makeStaffedCore();
    const card = await call('guests.create', { fields: { familyName: 'Smith', familyReading: 'スミス' } });
    expect(card.romaji).toBe('Sumisu');
    expect((await call('guests.search', { q: 'smith' })).hits.map((h: { id: string }) => h.id)).toEqual([card.id]);
    expect((await call('guests.search', { q: 'すみす' })).hits.map((h: { id: string }) => h.id)).toEqual([card.id]);
  });
});

describe('a name in kanji or kana', () => {
  it('refuses a Latin reading, on create and on an update of either the name or the reading, recording nothing', async () => {
    const { core, call, db } = await makeStaffedCore();
    const entries = () => db.prepare('SELECT count(*) FROM log_entry').pluck().get();
    const before = entries();
    expect(await core.call('guests.create', { fields: { familyName: '山田', familyReading: 'yamada' } })).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'fields.familyReading', code: 'reading_needs_kana' }] },
    });
    expect(entries()).toBe(before);

    const yamada = await call('guests.create', { fields: { familyName: '山田', familyReading: 'やまだ' } });
    const latin = await call('guests.create', { fields: smith });
    const refused = { code: 'invalid_input', issues: [{ path: 'patch.familyReading', code: 'reading_needs_kana' }] };
    expect(await core.call('guests.update', { id: yamada.id, patch: { familyReading: 'Yamada' } })).toEqual({
      ok: false,
      error: refused,
    });
    // The name changed to kanji while its reading stays Latin: the same rule, said on the reading.
    expect(await core.call('guests.update', { id: latin.id, patch: { familyName: '須見' } })).toEqual({
      ok: false,
      error: refused,
    });
    expect((await call('guests.get', { id: latin.id })).familyName).toBe('Smith');
    // Both changed together is fine.
    const renamed = await call('guests.update', { id: latin.id, patch: { familyName: '須見', familyReading: 'すみ' } });
    expect(renamed.familyReading).toBe('すみ');
  });

  it('refuses a reading that is neither kana nor Latin letters', async () => {
    const { core } = await makeStaffedCore();
    const result = await core.call('guests.create', { fields: { familyName: 'Smith', familyReading: 'smith123' } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'fields.familyReading', code: 'reading_not_kana' }] },
    });
  });
});

describe('an index made with older search keys', () => {
  it('is rebuilt as a job when the core opens, after which the guests it missed are found', async () => {
    const { core, call, db } = await makeStaffedCore({ jobs: FINE_SLICES });
    const card = await call('guests.create', { fields: smith });
    // As a database of the previous version left it: the name's rows were made case-sensitive, and the
    // meta says so.
    db.prepare(
      "UPDATE search_term SET term = upper(substr(term, 1, 1)) || substr(term, 2) WHERE term LIKE 'smith%'",
    ).run();
    db.prepare("UPDATE meta SET value = '1' WHERE key = 'search_keys_version'").run();
    expect((await call('guests.search', { q: 'smith' })).hits).toEqual([]);
    core.close();

    const reopened = reopenCore({ core, db }, { jobs: FINE_SLICES });
    // The rebuild is background upkeep: it says when it is done (asking meanwhile would make it wait for the desk).
    await new Promise<void>((resolve) =>
      reopened.onProgress((progress) => {
        if (progress.kind === 'search.rebuild' && progress.state === 'done') resolve();
      }),
    );
    const result = await reopened.call('guests.search', { q: 'smith' });
    expect(result.ok && (result.value as { hits: Array<{ id: string }> }).hits.map((hit) => hit.id)).toEqual([card.id]);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'search_keys_version'").pluck().get()).toBe('2');
    reopened.close();
  });
});
