// Days as the desk types and reads them, end to end in real Chromium against the real HTTP door and core (run
// `npm run build:renderer` first): a birthday typed in its era (S55.5.5) shows on the card and in the history
// the same way, with the era where the inn wants it; a stay or a banquet planned before today asks once more.

import { addDays, localDate } from '../../shared/text/dates.ts';
import { fillInquiry, japaneseDay, openBanquets } from './banquets.helpers.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest } from './floor.helpers.ts';
import { createGuest, firstRun, open, openForm } from './guest-desk.helpers.ts';
import { openNewGuest, openServiceTab } from './service.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const today = () => localDate(Date.now(), 'Asia/Tokyo');

test('a birthday typed as S55.5.5 shows with its era on the card and in the history, until the inn turns it off', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  await createGuest(page, { familyName: '中村', givenName: '裕子', familyReading: 'なかむら', givenReading: 'ゆうこ' });

  // An era date outside its era is refused by name; the typed text stays for correcting.
  await openForm(page, 'edit-guest');
  const form = page.getByTestId('guest-form');
  await form.locator('[name="birthday"]').fill('平成31年5月1日');
  await page.getByTestId('save-guest').click();
  await expect(form).toContainText('その元号の期間にない日付です');
  await expect(form.locator('[name="birthday"]')).toHaveValue('平成31年5月1日');

  await form.locator('[name="birthday"]').fill('Ｓ５５．５．５');
  await page.getByTestId('save-guest').click();
  await expect(form).toBeHidden();
  const birthday = page.getByTestId('guest-birthday');
  await expect(birthday).toContainText('1980年5月5日（昭和55年・');
  await expect(birthday).toContainText('歳）');

  // The history writes the day as the card does, never as 1980-05-05.
  await page.getByTestId('history-tab').click();
  const line = page.getByTestId('history-entry').filter({ has: page.getByTestId('history-birthday') });
  await expect(line.getByTestId('history-birthday')).toHaveText('1980年5月5日（昭和55年）');
  await expect(page.getByTestId('history')).not.toContainText('1980-05-05');

  // The inn turns the era off: the card and the history show the Western date alone.
  const url = page.url();
  await page.getByTestId('header-menu').click();
  await page.getByTestId('settings-link').click();
  const era = page.getByTestId('setting-showJapaneseEra');
  await expect(era).toBeChecked();
  await era.click({ force: true });
  await expect(page.getByTestId('success-notification').filter({ hasText: '和暦の表示を保存しました' })).toBeVisible();
  await expect(era).not.toBeChecked();
  const api = apiFor(page, app);
  expect((await api('settings.get', {})).showJapaneseEra).toBe(false);

  await page.goto(url);
  await expect(birthday).toContainText('1980年5月5日（');
  await expect(birthday).not.toContainText('昭和');
  await page.getByTestId('history-tab').click();
  await expect(line.getByTestId('history-birthday')).toHaveText('1980年5月5日');
});

test('a stay booked for a past day warns and saves only on a second, explicit press, keeping what was typed', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  await openServiceTab(page);
  const arrival = addDays(today(), -30);

  await page.getByTestId('add-stay').click();
  const form = page.getByTestId('stay-form');
  await form.locator('[name="arrivalDate"]').fill(arrival);
  await form.locator('[name="departureDate"]').fill(addDays(arrival, 2));
  await form.getByTestId('stay-rooms').fill('201');
  await form.getByTestId('stay-rooms').press('Enter');
  await page.getByTestId('save-stay').click();

  const warning = form.getByTestId('past-date-warning');
  await expect(warning).toContainText('到着日');
  await expect(warning).toContainText('今日より前です');
  await expect(form).toBeVisible();
  await expect(form.locator('[name="arrivalDate"]')).toHaveValue(arrival);
  const api = apiFor(page, app);
  const guestId = (await page.getByTestId('guest-card').getAttribute('data-guest-id')) ?? '';
  expect((await api('guests.service', { id: guestId })).stays).toHaveLength(0);

  // Saving again asks again; only the explicit 過去の日付で保存 saves it.
  await page.getByTestId('save-stay').click();
  await expect(warning).toBeVisible();
  expect((await api('guests.service', { id: guestId })).stays).toHaveLength(0);
  await form.getByTestId('confirm-past-date').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('stay-row')).toHaveCount(1);
  await expect(page.getByTestId('stay-row')).toContainText('2泊');

  // Recorded as history (departed), a past stay needs no second press.
  await page.getByTestId('add-stay').click();
  await form.locator('[name="arrivalDate"]').fill(addDays(arrival, -60));
  await form.locator('[name="departureDate"]').fill(addDays(arrival, -59));
  await form.getByTestId('stay-rooms').fill('305');
  await form.getByTestId('stay-rooms').press('Enter');
  await form.getByTestId('stay-status').click();
  await page.getByRole('option', { name: '出発済', exact: true }).click();
  await page.getByTestId('save-stay').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('stay-row')).toHaveCount(2);
});

test('a banquet inquiry for a past day warns before it is taken', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const api = apiFor(page, app);
  await guest(api, '小林', '誠', 'こばやし', 'まこと');
  const past = addDays(today(), -7);

  await openBanquets(page);
  await page.getByTestId('new-inquiry').click();
  await fillInquiry(page, { organiser: 'こばやし', group: '小林会', date: past, headcount: 20 });
  await page.getByTestId('save-banquet').click();
  const form = page.getByTestId('banquet-form');
  await expect(form.getByTestId('past-date-warning')).toContainText(`宴会日（${japaneseDay(past)}）は今日より前です`);
  await expect(form.getByTestId('banquet-group')).toHaveValue('小林会');
  expect((await api('banquets.list', {})).banquets).toHaveLength(0);

  await form.getByTestId('confirm-past-date').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', 'inquiry');
  expect((await api('banquets.list', {})).banquets.map((deal) => deal.date)).toEqual([past]);
});
