// The address from the postcode, end to end in real Chromium against the real HTTP door and core (run
// `npm run build:renderer` first): the desk types 〒 and the prefecture, city and town follow, from Japan
// Post's data shipped with the app; what staff typed themselves is never replaced without a click.

import { expect, test } from './fixtures.ts';
import { fillGuestForm, firstRun, open, openForm } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('typing 〒１００−０００１ fills 東京都千代田区千代田, and the staff go on typing after it', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  await openForm(page, 'header-new-guest');
  await fillGuestForm(page, { familyName: '山本', familyReading: 'やまもと' });
  const form = page.getByTestId('guest-form');
  const postcode = form.locator('[name="postalCode"]');
  const address = form.locator('[name="address"]');

  // Typed as an IME gives it: 〒, full-width digits, a full-width minus.
  await postcode.pressSequentially('〒１００−０００１');
  await expect(address).toHaveValue('東京都千代田区千代田');
  await expect(page.getByTestId('postcode-note')).toHaveText(
    '〒100-0001から住所を入れました。番地・建物名を続けて入力してください。',
  );

  // Tab to the address and type on: the lot number goes after the town, not over it.
  await postcode.press('Tab');
  await expect(address).toBeFocused();
  await page.keyboard.type('1-1 皇居');
  await expect(address).toHaveValue('東京都千代田区千代田1-1 皇居');

  await page.getByTestId('save-guest').click();
  await expect(page.getByTestId('guest-form')).toBeHidden();
  await expect(page.getByTestId('guest-address')).toHaveText('〒100-0001東京都千代田区千代田1-1 皇居');

  // The staff's own address stays when the postcode changes later: the form offers, and only a click replaces.
  await openForm(page, 'edit-guest');
  await expect(page.getByTestId('postcode-note')).toBeHidden(); // the saved postcode is not looked up again
  await postcode.fill('060-0000');
  const offer = page.getByTestId('postcode-fill');
  await expect(offer).toHaveText('住所を入れる: 北海道札幌市中央区');
  await expect(address).toHaveValue('東京都千代田区千代田1-1 皇居');
  await offer.click();
  await expect(address).toHaveValue('北海道札幌市中央区');
  await address.focus();
  await page.keyboard.type('大通西1丁目');
  await page.getByTestId('save-guest').click();
  await expect(page.getByTestId('guest-form')).toBeHidden();
  await expect(page.getByTestId('guest-address')).toHaveText('〒060-0000北海道札幌市中央区大通西1丁目');
});

test('a postcode of several towns offers them to choose; an unknown one is said plainly', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  await openForm(page, 'header-new-guest');
  const form = page.getByTestId('guest-form');
  const postcode = form.locator('[name="postalCode"]');
  const address = form.locator('[name="address"]');

  // Two prefectures share 498-0000: nothing is filled until one is chosen.
  await postcode.fill('4980000');
  const choose = page.getByTestId('postcode-choose');
  await expect(page.getByText('〒498-0000には町域が2件あります。選ぶと住所に入ります。')).toBeVisible();
  await expect(address).toHaveValue('');
  await choose.selectOption({ label: '三重県桑名郡木曽岬町' });
  await expect(address).toHaveValue('三重県桑名郡木曽岬町');

  // 66 towns of 清須市 share 452-0961: the city goes in at once (it replaces only what a lookup put there).
  await postcode.fill('452-0961');
  await expect(address).toHaveValue('愛知県清須市');
  await choose.selectOption({ label: '愛知県清須市春日夢の森' });
  await expect(address).toHaveValue('愛知県清須市春日夢の森');

  await postcode.fill('999-9999');
  await expect(page.getByTestId('postcode-note')).toHaveText(
    '〒999-9999は郵便番号データにありません。番号を確かめるか、住所を手で入力してください。',
  );
  await expect(address).toHaveValue('愛知県清須市春日夢の森');
});
