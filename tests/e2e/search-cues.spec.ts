// The search results as the desk reads them, end to end in real Chromium against the HTTP door: among the
// 中村 the one arriving today is first and marked so, with her allergy and her last visit on the row.

import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { expect, test } from './fixtures.ts';
import { allergenId, apiFor, guest } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('the guest arriving today leads her namesakes, marked with today, her allergy and her last visit', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const today = localDate(Date.now(), DEFAULT_TIME_ZONE);
  const haruka = await guest(api, '中村', 'はるか', 'なかむら', 'はるか');
  const lastYear = addDays(today, -300);
  await api('stays.create', {
    fields: {
      guestId: haruka,
      arrivalDate: lastYear,
      departureDate: addDays(lastYear, 1),
      rooms: ['8'],
      status: 'departed',
    },
  });
  await api('stays.create', {
    fields: { guestId: haruka, arrivalDate: today, departureDate: addDays(today, 1), rooms: ['12'] },
  });
  await api('allergies.record', {
    guestId: haruka,
    allergenId: await allergenId(api, 'そば'),
    severity: 'anaphylaxis',
    tracesOk: false,
  });
  for (const given of ['一郎', '二郎', '三郎', '四郎', '五郎']) await guest(api, '中村', given, 'なかむら', 'じろう');

  await page.getByTestId('guest-search').fill('中村');
  const rows = page.getByTestId('search-result');
  await expect(rows).toHaveCount(6);
  await expect(rows.first()).toHaveAttribute('data-guest-id', haruka);
  await expect(rows.first().getByTestId('hit-today')).toHaveText('本日到着');
  await expect(rows.first().getByTestId('hit-allergy')).toHaveText('アレルギー：アナフィラキシー');
  const [y, m, d] = lastYear.split('-').map(Number);
  await expect(rows.first().getByTestId('hit-last-visit')).toContainText(`前回 ${y}年${m}月${d}日`);
  await expect(page.getByTestId('hit-today')).toHaveCount(1);
});
