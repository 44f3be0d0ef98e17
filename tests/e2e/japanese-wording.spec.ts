// The Japanese the front desk reads in its first week, end to end in real Chromium against the HTTP door and the
// core (run `npm run build:renderer` first): a value is followed directly by its particle (えびを記録しました).
// tests/i18n/japanese-wording.test.ts checks the locale files themselves.

import { expect, test } from './fixtures.ts';
import { openNewGuest, openServiceTab, recordAllergy } from './service.helpers.ts';

// The inn is in Japan: the server (in this process) and the browser agree on what "today" is.
process.env.TZ = 'Asia/Tokyo';
test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('an allergen is followed directly by its particle in the notice and the retract dialog', async ({ page, app }) => {
  await openNewGuest(page, app.url);
  await openServiceTab(page);
  await recordAllergy(page, 'えび', 'アレルギー');
  await expect(page.getByTestId('success-notification').filter({ hasText: '記録しました' })).toHaveText(
    'えびを記録しました',
  );

  await page.getByTestId('allergy-retract').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('えびの記録を取り消します。');
  await expect(dialog).not.toContainText('えび の');
});
