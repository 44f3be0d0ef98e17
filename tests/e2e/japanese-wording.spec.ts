// The Japanese the front desk reads in its first week, end to end in real Chromium against the HTTP door and the
// core (run `npm run build:renderer` first): a value is followed directly by its particle (えびを記録しました),
// a request taken by nobody known says so in words, the seasons of a catalogue come 春夏秋冬, and a chart's yen
// axis writes man units as 200万円. tests/i18n/japanese-wording.test.ts checks the locale files themselves.

import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { openBanquets } from './banquets.helpers.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest, pick } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';
import { openNewGuest, openServiceTab, recordAllergy } from './service.helpers.ts';

// The inn is in Japan: the server reads "today" in the inn's zone (Tokyo by default), the browser is there too.
test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const TODAY = localDate(Date.now(), DEFAULT_TIME_ZONE);

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

test('sample data on a first start names who took each request, the sample inn’s people, never a dash', async ({
  page,
  app,
}) => {
  // `--demo` on a first start: the sample data goes in before anyone is chosen, and brings the inn's people.
  await open(page, app.url);
  const api = apiFor(page, app);
  await api('demo.load', { count: 60, seed: 13 });
  await page.reload();
  await expect(page.getByTestId('first-run')).toHaveCount(0);
  await page.getByTestId('staff-switcher').click();
  await page.getByRole('option', { name: '佐藤 花子' }).click();
  await expect(page.getByTestId('staff-switcher')).toHaveValue('佐藤 花子');

  const { arrivals } = await api('arrivals.forDate', { date: TODAY });
  const arrival = arrivals.find((one) => one.requests.some((request) => request.stayId === one.stay.id));
  if (!arrival) throw new Error('the sample day has no party with a request of its stay');
  const taken = arrival.requests.find((request) => request.stayId === arrival.stay.id);
  expect(taken?.takenByName).toMatch(/^(女将 山田|佐藤 花子|鈴木 健太)$/);

  await page.goto(`${app.url.split('#')[0]}#/stay/${arrival.stay.id}`);
  const line = page.getByTestId('stay-request').filter({ hasText: taken?.text ?? '' });
  await expect(line).toContainText(`受付 ${taken?.takenByName}（`);
  await expect(line).not.toContainText('—');
});

test('the seasons of dishes and courses come in the order of the year, 春夏秋冬', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  // Entered in no particular order, as a kitchen adds them through the year.
  const seasons = ['夏', '秋', '冬', '春'];
  const dishIds: string[] = [];
  for (const season of seasons) {
    const dish = await api('dishes.create', { fields: { name: `茶碗蒸し（${season}）`, category: 'steamed' } });
    dishIds.push(dish.id);
  }
  for (const [index, season] of seasons.entries()) {
    await api('courses.create', {
      fields: { name: `${season}の会席 梅`, priceYen: 12000, dishIds: [dishIds[index] as string] },
    });
  }

  await page.getByTestId('header-menu').click();
  await page.getByTestId('catalogue-link').click();
  await page.getByTestId('catalogue-dishes').click();
  // The catalogue keeps a name's brackets half-width, as it folds every name it stores.
  await expect(page.getByTestId('dish-row').getByText(/^茶碗蒸し/)).toHaveText([
    '茶碗蒸し(春)',
    '茶碗蒸し(夏)',
    '茶碗蒸し(秋)',
    '茶碗蒸し(冬)',
  ]);
  await page.getByTestId('catalogue-courses').click();
  await expect(page.getByTestId('course-row').getByText(/の会席 梅$/)).toHaveText([
    '春の会席 梅',
    '夏の会席 梅',
    '秋の会席 梅',
    '冬の会席 梅',
  ]);

  // Planning a menu starts from the meal's own season and goes on in the year's order (a December dinner:
  // 冬, then 春夏秋), never 夏秋春冬.
  const lead = await guest(api, '石原', '浩', 'いしはら', 'ひろし');
  const day = addDays(TODAY, 5);
  const stay = await api('stays.create', {
    fields: { guestId: lead, arrivalDate: day, departureDate: addDays(TODAY, 6), rooms: ['201'], adults: 1 },
  });
  const year = ['春', '夏', '秋', '冬'];
  const now = Math.floor(((Number(day.slice(5, 7)) - 1 + 10) % 12) / 3); // 3–5月 spring … 12–2月 winter
  const fromNow = [...year.slice(now), ...year.slice(0, now)];
  await page.goto(`${app.url.split('#')[0]}#/stay/${stay.id}`);
  await page.getByTestId('plan-course').click();
  await expect(page.getByRole('option')).toHaveText(fromNow.map((season) => `${season}の会席 梅（¥12,000）`));
  await pick(page, 'plan-course', `${fromNow[0]}の会席 梅（¥12,000）`);
});

test('a yen axis writes man units with 円 after them; exact amounts keep ¥', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const organiser = await guest(api, '石原', '浩', 'いしはら', 'ひろし');
  await api('banquets.create', {
    fields: {
      organiserId: organiser,
      type: 'bonenkai',
      date: addDays(TODAY, 20),
      startTime: '18:00',
      endTime: '20:00',
      headcount: 40,
      pricePerHeadYen: 50_000,
      estimateYen: 2_000_000,
    },
  });

  await openBanquets(page, 'reports');
  // The chart's words are SVG text: the stages, the counts and the value axis (200万円 at the top).
  const words = page.getByTestId('report-pipeline').locator('.recharts-surface text');
  await expect(words.filter({ hasText: '200万円' }).first()).toBeVisible();
  const labels = await words.allTextContents();
  for (const label of labels.filter((text) => text.includes('万'))) expect(label).toMatch(/^\d+(?:\.\d)?万円$/);
  expect(labels.filter((label) => label.includes('¥'))).toEqual([]);
  // The table's exact amounts are as they were.
  await expect(page.getByTestId('report-pipeline-table')).toContainText('2,000,000');
});
