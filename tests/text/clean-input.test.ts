import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCore, makeStaffedCore } from '../support/core.ts';
import { everything, syncedTables } from '../support/replica.ts';

// Whatever text a caller sends, the row and its log entry hold the same well-formed string, so the log
// rebuilds the row on another PC; and a name cannot be made to read backwards or carry invisible controls.

/** Replays the origin's whole log into an empty database: the synced tables must come out the same. */
function replaysExactly(origin: Awaited<ReturnType<typeof makeStaffedCore>>) {
  const replica = makeCore();
  const report = replica.core.changes.apply(everything(origin.core));
  expect(report.refused).toEqual([]);
  expect(syncedTables(replica.db)).toEqual(syncedTables(origin.db));
  replica.core.close();
}

describe('text as it enters the core', () => {
  it('stores one well-formed, composed text without controls or direction overrides, and the log rebuilds it', async () => {
    const origin = await makeStaffedCore();
    const guest = await origin.call('guests.create', {
      fields: {
        familyName: '山田\ud800', // a lone surrogate: what a broken client or a cut string sends
        givenName: '\u202e郎太', // RIGHT-TO-LEFT OVERRIDE: would show 太郎 reversed
        familyReading: 'やまた\u3099', // た + combining ゛: だ as some input methods send it
        note: 'アレルギー\u0000なし\u0007',
      },
    });
    expect(guest).toMatchObject({
      familyName: '山田\ufffd',
      givenName: '郎太',
      familyReading: 'やまだ',
      note: 'アレルギーなし',
    });
    // Found by the reading as the desk types it (composed).
    const hits = (await origin.call('guests.search', { q: 'やまだ' })).hits;
    expect(hits.map((hit: { id: string }) => hit.id)).toEqual([guest.id]);
    replaysExactly(origin);
  });

  it('takes a name that shows nothing (a zero-width joiner, space or BOM alone) as missing, and keeps them inside text', async () => {
    const t = await makeStaffedCore();
    for (const blank of ['\u200d', '\u200b \u200c', '\ufeff', '\u2060\u00ad']) {
      expect(
        await t.core.call('guests.create', { fields: { familyName: blank, familyReading: 'やまだ' } }),
        JSON.stringify(blank),
      ).toEqual({
        ok: false,
        error: { code: 'invalid_input', issues: [{ path: 'fields.familyName', code: 'required' }] },
      });
      expect(
        (
          await t.core.call('halls.create', {
            fields: { name: blank, capacity: { seated: 10, standing: 0, theatre: 0 } },
          })
        ).ok,
      ).toBe(false);
      expect((await t.core.call('dishes.create', { fields: { name: blank, category: 'grilled' } })).ok).toBe(false);
    }
    // Inside a name or a note they are kept: a family emoji is three people joined by zero-width joiners.
    const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}';
    const guest = await t.call('guests.create', {
      fields: { familyName: '山田', familyReading: 'やまだ', note: `${family}で来館` },
    });
    expect(guest.note).toBe(`${family}で来館`);
  });

  it('keeps row and log the same for any text a caller sends, surrogates and controls included', async () => {
    const origin = await makeStaffedCore();
    const { id } = await origin.call('guests.create', { fields: { familyName: '佐藤', familyReading: 'さとう' } });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (note) => {
        const result = await origin.core.call('guests.update', { id, patch: { note } });
        if (!result.ok) return; // too long once cleaned and folded: refused, nothing written
        const stored = (result.value as { note: string }).note;
        expect(stored).toBe(stored.normalize('NFC'));
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the check is that none is left.
        expect(stored).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069]/);
        expect(stored).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
      { numRuns: 150 },
    );
    replaysExactly(origin);
  });
});
