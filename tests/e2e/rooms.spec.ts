// One party per room and night, end to end in real Chromium against the HTTP door and the core: the stay
// dialog names the party already in the room and saves nothing until staff choose to share it; the
// arrivals page then shows both parties in the room, as shared.

import { addDays, localDate } from '../../shared/text/dates.ts';
import { japaneseDay } from './banquets.helpers.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest, openArrivals } from './floor.helpers.ts';
import { openNewGuest, openServiceTab } from './service.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

// Days ahead of today: a booking for a day already past would first ask to confirm the past date.
const BOOKED = addDays(localDate(Date.now(), 'Asia/Tokyo'), 17);
const NEXT = addDays(BOOKED, 1);

test('a room already booked that night is named with its party; the stay saves only once staff share the room', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  const api = apiFor(page, app);
  const yamada = await guest(api, '山田', '太郎', 'やまだ', 'たろう');
  await api('stays.create', {
    fields: { guestId: yamada, arrivalDate: BOOKED, departureDate: addDays(BOOKED, 2), rooms: ['201'] },
  });

  await openServiceTab(page);
  await page.getByTestId('add-stay').click();
  const form = page.getByTestId('stay-form');
  await form.locator('[name="arrivalDate"]').fill(NEXT);
  await form.locator('[name="departureDate"]').fill(addDays(NEXT, 2));
  await form.getByTestId('stay-rooms').fill('201');
  await form.getByTestId('stay-rooms').press('Enter');
  await page.getByTestId('save-stay').click();

  const taken = form.getByTestId('room-taken');
  await expect(taken).toContainText('お部屋「201」には');
  await expect(taken).toContainText('山田 太郎 様のご予約があります');
  await expect(taken).toContainText(japaneseDay(BOOKED));
  await expect(form).toBeVisible();
  await expect(page.getByTestId('stay-row')).toHaveCount(0);

  await taken.getByTestId('save-shared-room').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('stay-row')).toHaveCount(1);

  // Opened again, the stay shows the choice: the room is shared on purpose.
  await page.getByTestId('edit-stay').click();
  await expect(form.getByTestId('stay-shared-room')).toBeChecked();
  await page.getByRole('button', { name: 'キャンセル' }).click();
  await expect(form).toBeHidden();

  // The night both parties are in 201: each card names the other, as a shared room, and nothing in red.
  await openArrivals(page, NEXT);
  const arrival = page.getByTestId('arrival');
  await expect(arrival).toHaveCount(1);
  await expect(arrival.getByTestId('arrival-room-shared')).toContainText('相部屋：201を山田 太郎 様');
  await expect(page.getByTestId('arrival-room-clash')).toHaveCount(0);
});
