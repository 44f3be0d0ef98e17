// The open deals as a salesperson works through them, end to end in real Chromium against the HTTP door:
// nearest date first, and a party whose day has passed, still confirmed, heads the list with a prompt to
// close it (held, or lost or cancelled), on the list and on its page.

import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { openBanquets } from './banquets.helpers.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('open deals come nearest first; one whose day has passed, unclosed, leads with a prompt to close it', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const organiser = await guest(api, '田中', '一郎', 'たなか', 'いちろう');
  const today = localDate(Date.now(), DEFAULT_TIME_ZONE);
  const hall = await api('halls.create', {
    fields: { name: '松の間', capacity: { seated: 40, standing: 60, theatre: 70 } },
  });
  const deal = async (groupName: string, days: number) => {
    const created = await api('banquets.create', {
      fields: {
        organiserId: organiser,
        groupName,
        type: 'social',
        date: addDays(today, days),
        startTime: '18:00',
        endTime: '20:00',
        headcount: 20,
        hallIds: [hall.id],
      },
    });
    return created.banquet.id;
  };
  await deal('秋の懇親会', 60);
  const past = await deal('営業部 送別会', -3);
  await api('banquets.advance', { id: past, stage: 'confirmed' });
  await deal('同窓会', 7);

  await openBanquets(page);
  const rows = page.getByTestId('banquet-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('営業部 送別会');
  await expect(rows.nth(1)).toContainText('同窓会');
  await expect(rows.nth(2)).toContainText('秋の懇親会');
  await expect(rows.nth(0).getByTestId('banquet-overdue')).toHaveText('開催日を過ぎています');
  await expect(page.getByTestId('banquet-overdue')).toHaveCount(1);

  await rows.nth(0).click();
  await expect(page.getByTestId('banquet-overdue-prompt')).toContainText('開催済みにするか');
});
