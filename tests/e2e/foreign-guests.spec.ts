// A foreign guest at the desk, end to end in real Chromium against the HTTP door and the core: a name in Latin
// letters is read in Latin letters and found by its spelling; a Japanese name still asks for kana.

import { expect, test } from './fixtures.ts';
import { createGuest, fillGuestForm, firstRun, goHome, open, openForm } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('Smith read "smith" is recorded and found; 山田 read "yamada" is refused with a message saying why', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const id = await createGuest(page, {
    familyName: 'Smith',
    givenName: 'Anna',
    familyReading: 'smith',
    givenReading: 'anna',
  });
  await expect(page.getByTestId('guest-reading')).toHaveText('smith anna');
  await expect(page.getByTestId('guest-romaji')).toHaveText('Smith Anna');

  await goHome(page);
  for (const query of ['smith', 'SMITH', 'Smi']) {
    await page.getByTestId('guest-search').fill(query);
    await expect(page.getByTestId('search-result')).toHaveCount(1);
    await expect(page.getByTestId('search-result')).toHaveAttribute('data-guest-id', id);
  }

  await openForm(page, 'header-new-guest');
  await fillGuestForm(page, { familyName: '山田', familyReading: 'yamada' });
  await page.getByTestId('save-guest').click();
  const form = page.getByTestId('guest-form');
  await expect(form).toContainText('漢字・かなのお名前のよみは、ひらがなかカタカナで入力してください');
  await expect(form.locator('[name="familyReading"]')).toHaveAttribute('aria-invalid', 'true');
  await form.locator('[name="familyReading"]').fill('やまだ');
  await page.getByTestId('save-guest').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('guest-name')).toHaveText('山田');
});
