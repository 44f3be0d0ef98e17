// The Japanese the front desk reads in its first week, end to end in real Chromium against the HTTP door and the
// core (run `npm run build:renderer` first): a value is followed directly by its particle (えびを記録しました),
// and a request taken by nobody known says so in words. tests/i18n/japanese-wording.test.ts checks the locale
// files themselves.

import { localDate } from '../../shared/text/dates.ts';
import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';
import { openNewGuest, openServiceTab, recordAllergy } from './service.helpers.ts';

// The inn is in Japan: the server (in this process) and the browser agree on what "today" is.
process.env.TZ = 'Asia/Tokyo';
test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const TODAY = localDate(Date.now());

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

test('a request taken before anyone was chosen says that nobody known took it, not a dash', async ({ page, app }) => {
  // `--demo` on a first start: the sample data goes in before anyone is chosen at this PC.
  await open(page, app.url);
  const api = apiFor(page, app);
  await api('demo.load', { count: 60, seed: 13 });
  await firstRun(page);

  const { arrivals } = await api('arrivals.forDate', { date: TODAY });
  const arrival = arrivals.find((one) => one.requests.some((request) => request.stayId === one.stay.id));
  if (!arrival) throw new Error('the sample day has no party with a request of its stay');
  const taken = arrival.requests.find((request) => request.stayId === arrival.stay.id);
  expect(taken?.takenByName).toBeNull();

  await page.goto(`${app.url.split('#')[0]}#/stay/${arrival.stay.id}`);
  const line = page.getByTestId('stay-request').filter({ hasText: taken?.text ?? '' });
  await expect(line).toContainText(/受付 担当者不明（\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}）/);
  await expect(line).not.toContainText('—');

  // The guest card's request panel says the same.
  await page.goto(`${app.url.split('#')[0]}#/guest/${arrival.stay.guestId}`);
  await openServiceTab(page);
  const request = page.getByTestId('request').filter({ hasText: taken?.text ?? '' });
  await expect(request).toContainText(/受付 \d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2} 担当者不明/);
});
