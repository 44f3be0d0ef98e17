// One way of writing Japanese across every screen and sheet: a guest's name and 様 (shared/text/person-name.ts
// says the rule), no space between an interpolated value and the particle after it, and the notices staff read
// most, rendered by i18next as the app renders them. The renderer's own e2e specs check the same words on screen.

import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { sheetWords } from '../../electron/sheets/words.ts';
import { en } from '../../renderer/i18n/en.ts';
import { ja } from '../../renderer/i18n/ja.ts';
import { withSama } from '../../shared/text/person-name.ts';
import { flatten, type Tree } from '../support/locale-tree.ts';

// ja includes the sheets' words (SERVICE_LABELS.ja under sheet.*), so the PDF maker's templates are scanned too.
const messages = flatten(ja as Tree);

/** Particles that follow a name, a date or a number directly in running Japanese. */
const PARTICLE = '(?:を|が|の|に|へ|と|で|も|は|や|から|まで|より)';

function offending(pattern: RegExp): string[] {
  return [...messages].filter(([, text]) => pattern.test(text)).map(([key, text]) => `${key}: ${text}`);
}

async function translator() {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'ja', resources: { ja: { translation: ja }, en: { translation: en } } });
  return instance;
}

describe('Japanese wording', () => {
  it('writes 様 after an interpolated name one way only: one half-width space, then 様', () => {
    // 「{{name}}様」 and 「{{name}}　様」 are the other two forms a Japanese screen may use; this app uses one.
    expect(offending(/\}\}(?:様|[\s\u3000]{2,}様|\u3000様)/)).toEqual([]);
    expect([...messages.values()].filter((text) => /\}\} 様/.test(text)).length).toBeGreaterThan(5);
  });

  it('puts no space between an interpolated value and the particle after it', () => {
    expect(offending(new RegExp(`\\}\\}[\\s\\u3000]+${PARTICLE}`))).toEqual([]);
  });

  it('the screens and the printed sheets write a guest with 様 alike', async () => {
    const t = await translator();
    expect(withSama('石原 浩')).toBe('石原 浩 様');
    expect(t.t('kitchen.common.guestSama', { name: '石原 浩' })).toBe(withSama('石原 浩'));
    expect(t.t('banquet.common.sama', { name: '石原 浩' })).toBe(withSama('石原 浩'));
    expect(t.t('conflicts.record.guest', { name: '石原 浩' })).toBe(withSama('石原 浩'));
    expect(sheetWords('ja').guest('石原 浩')).toBe(withSama('石原 浩'));
    expect(sheetWords('en').guest('石原 浩')).toBe('石原 浩');
  });

  it('reads the notices staff meet in their first week as a person would write them', async () => {
    const t = await translator();
    expect(t.t('service.allergies.recordedNotice', { name: 'えび' })).toBe('えびを記録しました');
    expect(t.t('service.allergies.retractForm.body', { name: 'えび' })).toMatch(/^えびの記録を取り消します/);
    expect(t.t('guest.deletedNotice', { name: '石原 浩' })).toBe('石原 浩 様を削除しました');
    expect(t.t('kitchen.arrivals.roomShared', { rooms: '201', name: '石原 浩', from: '11/26', to: '11/27' })).toBe(
      '相部屋：201を石原 浩 様（11/26〜11/27）と共有',
    );
    expect(t.t('sheet.birthdayOn', { name: '石原 浩', date: '11月26日' })).toBe('石原 浩 様 お誕生日 11月26日');
  });
});
