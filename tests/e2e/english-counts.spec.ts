// Counted words in English, end to end in real Chromium against the HTTP door and the core (run
// `npm run build:renderer` first): a returning guest with one earlier visit, one open request and a one-night stay
// for one adult, whose dinner has one dish with an allergen, reads "1 visit", "1 open request", "1 night",
// "1 adult, 0 children" and "Allergens in 1 dish" wherever staff meet them, never "1 nights" or "visit(s)".
// tests/i18n/plurals.test.ts checks the locale files for the same rule.

import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { expect, test } from './fixtures.ts';
import { allergenId, apiFor, guest, openArrivals } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';
import { openServiceTab } from './service.helpers.ts';

// The server's today is the inn's (its zone setting, Tokyo by default) whatever this process's zone.
test.use({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' });

const TODAY = localDate(Date.now(), DEFAULT_TIME_ZONE);
/** Arrivals a little ahead, so that the menu is for an upcoming stay whatever day the test runs. */
const ARRIVAL = addDays(TODAY, 10);

test('one of each reads in the singular, and more in the plural, on the card, the stay and the arrivals', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, 'Hanako Sato');
  await expect(page.getByTestId('header-arrivals')).toHaveText('Arrivals'); // the English UI
  const api = apiFor(page, app);
  const egg = await allergenId(api, '卵');
  const lead = await guest(api, '石原', '浩', 'いしはら', 'ひろし');
  await api('allergies.record', { guestId: lead, allergenId: egg, severity: 'allergy', tracesOk: false });
  const custard = await api('dishes.create', { fields: { name: '茶碗蒸し', category: 'steamed', allergenIds: [egg] } });
  const bream = await api('dishes.create', { fields: { name: '鯛の造り', category: 'sashimi' } });
  const course = await api('courses.create', { fields: { name: '季節の会席', dishIds: [bream.id, custard.id] } });
  const earlier = addDays(TODAY, -200);
  await api('stays.create', {
    fields: {
      guestId: lead,
      arrivalDate: earlier,
      departureDate: addDays(earlier, 2),
      rooms: ['301'],
      adults: 2,
      children: 1,
      status: 'departed',
    },
  });
  const stay = await api('stays.create', {
    fields: { guestId: lead, arrivalDate: ARRIVAL, departureDate: addDays(ARRIVAL, 1), rooms: ['201'], adults: 1 },
  });
  await api('menus.plan', { stayId: stay.id, date: ARRIVAL, meal: 'dinner', courseId: course.id });
  await api('requests.record', { guestId: lead, stayId: stay.id, category: 'meals', text: 'Dinner at 19:00' });

  // The guest card: one earlier visit, one open request; the stays list each stay with its own counts.
  await page.goto(`${app.url.split('#')[0]}#/guest/${lead}`);
  await expect(page.getByTestId('alert-requests')).toHaveText('1 open request');
  await openServiceTab(page);
  await expect(page.getByTestId('visit-count')).toHaveText('1 visit');
  const upcoming = page.locator(`[data-testid="stay-row"][data-stay-id="${stay.id}"]`);
  await expect(upcoming).toContainText('1 night');
  await expect(upcoming).toContainText('1 adult, 0 children');
  const past = page.getByTestId('stay-row').filter({ hasText: '301' });
  await expect(past).toContainText('2 nights');
  await expect(past).toContainText('2 adults, 1 child');
  await expect(page.getByTestId('stays-panel')).not.toContainText(/\b1 nights\b|\b1 adults\b|\(s\)/);

  // The stay page: the summary line and the planned dinner's flag.
  await upcoming.getByTestId('stay-link').click();
  await expect(page.getByTestId('stay-page')).toHaveAttribute('data-stay-id', stay.id);
  await expect(page.getByTestId('stay-summary')).toContainText('1 night, 1 adult, 0 children');
  await expect(page.getByTestId('planned-menu')).toContainText('Allergens in 1 dish');
  await expect(page.getByTestId('planned-menu')).not.toContainText('1 dishes');

  // The day's arrivals say the same.
  await openArrivals(page, ARRIVAL);
  const card = page.locator(`[data-testid="arrival"][data-stay-id="${stay.id}"]`);
  await expect(card).toContainText('1 adult, 0 children');
  await expect(card).toContainText('1 night');
  await expect(card).toContainText('Allergens in 1 dish');
  await expect(card).not.toContainText(/\b1 nights\b|\b1 adults\b|\b1 dishes\b/);
});
