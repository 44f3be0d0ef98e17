// The inn's clock on screen, end to end in real Chromium: a browser set to New York still shows the times of
// an inn in Tokyo (the default zone), and after the settings page changes the inn's zone, the same record
// shows the new zone's time. The browser's zone comes from Playwright (timezoneId), never from process.env.TZ.

import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest } from './floor.helpers.ts';
import { firstRun, open, searchAndOpen } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'America/New_York' });

/** What the screen should say for a moment in a zone (the app's Japanese date-and-time style). */
const shown = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('ja-JP', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));

test('a browser in New York shows the inn’s times, and follows the zone the settings page sets', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const kimura = await guest(api, '木村', '花子', 'きむら', 'はなこ');
  const request = await api('requests.record', {
    guestId: kimura,
    standing: true,
    category: 'room',
    text: '枕を低いものに',
  });

  await searchAndOpen(page, 'きむら');
  await page.getByTestId('service-tab').click();
  const row = page.getByTestId('request').filter({ hasText: '枕を低いものに' });
  // Tokyo and New York are 13 or 14 hours apart: the two never read the same.
  await expect(row).toContainText(`受付 ${shown(request.takenAt, DEFAULT_TIME_ZONE)}`);
  await expect(row).not.toContainText(shown(request.takenAt, 'America/New_York'));

  await page.getByTestId('header-menu').click();
  await page.getByTestId('settings-link').click();
  const zone = page.getByTestId('setting-timeZone');
  await expect(zone).toHaveValue('Asia/Tokyo');

  // A zone nobody knows is refused in words, and the inn keeps its zone.
  await zone.fill('Mars/Olympus_Mons');
  await page.getByTestId('save-time-zone').click();
  await expect(
    page.getByText('知られていないタイムゾーンです。Asia/Tokyo のような名前で入力してください'),
  ).toBeVisible();

  await zone.fill('Europe/London');
  await page.keyboard.press('Escape'); // close the suggestions
  await page.getByTestId('save-time-zone').click();
  await expect(page.getByText('タイムゾーンをEurope/Londonにしました')).toBeVisible();

  await page.goBack();
  await expect(page.getByTestId('guest-card')).toBeVisible();
  await page.getByTestId('service-tab').click();
  await expect(row).toContainText(`受付 ${shown(request.takenAt, 'Europe/London')}`);
});
