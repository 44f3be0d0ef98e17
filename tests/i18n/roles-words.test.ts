import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en.ts';
import { ja } from '../../renderer/i18n/ja.ts';
import { PERMISSIONS, ROLES } from '../../shared/contract/roles.ts';

// A refusal names what is not allowed, in the screen's language: the core sends the permission's code, the
// message nests its words (roles.permission.*). Every permission and every role has words in both languages.

async function translator(lng: 'ja' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ lng, resources: { ja: { translation: ja }, en: { translation: en } } });
  return instance;
}

describe('the words of roles and refusals', () => {
  for (const lng of ['ja', 'en'] as const) {
    it(`${lng}: a refusal names each permission in words, and every role has a name`, async () => {
      const t = await translator(lng);
      for (const permission of PERMISSIONS) {
        const words = t.t(`roles.permission.${permission}`);
        expect(words, permission).not.toBe(`roles.permission.${permission}`);
        const message = t.t('errors.detail.forbidden_role', { permission });
        expect(message).toContain(words);
        expect(message).not.toMatch(/\$t\(|\{\{|roles\.permission/);
      }
      for (const role of ROLES) expect(t.t(`roles.role.${role}`)).not.toBe(`roles.role.${role}`);
    });
  }

  it('reads as staff would: the kitchen refused an export, a lockout until a time', async () => {
    const t = await translator('ja');
    expect(t.t('errors.detail.forbidden_role', { permission: 'export' })).toBe(
      '「書き出し」は、あなたの役割ではできません。オーナーか支配人に頼んでください。',
    );
    expect(t.t('errors.detail.staff_locked_out', { time: '18:05' })).toMatch(
      /^PINを続けて間違えたため、このPCでは18:05まで/,
    );
    const english = await translator('en');
    expect(english.t('errors.detail.forbidden_role', { permission: 'guests.contact' })).toBe(
      'Seeing phone numbers, email, addresses and birthdays is not allowed for your roles. Ask an owner or a manager.',
    );
  });
});
