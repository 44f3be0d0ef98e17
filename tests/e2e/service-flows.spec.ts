// The service floor's second-day flows, end to end in real Chromium against the HTTP door and the core: an
// allergy retracted, restored and confirmed again; a planned menu served and the guest's reactions recorded,
// then seen where the next menu is planned; a stay edited and a request cancelled; the arrivals page walked day
// by day. Data the kitchen or the desk recorded earlier goes in through the HTTP door; what is checked is done
// through the screens.

import { addDays, localDate } from '../../shared/text/dates.ts';
import { japaneseDay } from './banquets.helpers.ts';
import { expect, test } from './fixtures.ts';
import { allergenId, apiFor, guest, openArrivals, pick } from './floor.helpers.ts';
import { firstRun, open, searchAndOpen } from './guest-desk.helpers.ts';
import { allergyRecord, openNewGuest, openServiceTab, recordAllergy } from './service.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const TODAY = localDate(Date.now(), 'Asia/Tokyo');

test('an allergy retracted with its reason leaves the alerts, is restored from all records, and is confirmed again', async ({
  page,
  app,
}) => {
  const guestId = await openNewGuest(page, app.url);
  const api = apiFor(page, app);
  // Recorded two years ago: past the inn's period (12 months), so it asks to be confirmed at check-in.
  await api('allergies.record', {
    guestId,
    allergenId: await allergenId(api, 'えび'),
    severity: 'anaphylaxis',
    tracesOk: false,
    confirmedAt: addDays(TODAY, -730),
  });
  await page.reload();
  await openServiceTab(page);
  await recordAllergy(page, '卵', 'アレルギー');
  const shrimp = allergyRecord(page, 'えび');
  await expect(shrimp.getByTestId('allergy-reconfirm')).toHaveText('要再確認');
  await expect(page.getByTestId('service-alerts').getByTestId('alert-reconfirm').first()).toBeVisible();

  // 確認: the guest said it again today; the mark goes and the record names today and who asked.
  await shrimp.getByTestId('allergy-confirm').click();
  await expect(shrimp.getByTestId('allergy-reconfirm')).toHaveCount(0);
  await expect(shrimp).toContainText(`確認 ${japaneseDay(TODAY)}`);
  await expect(shrimp).toContainText('佐藤 花子');
  await expect(page.getByTestId('service-alerts').getByTestId('alert-reconfirm')).toHaveCount(0);

  // 取消 asks why, and refuses without a reason.
  const egg = allergyRecord(page, '卵');
  await egg.getByTestId('allergy-retract').click();
  const retract = page.getByTestId('retract-form');
  await page.getByTestId('confirm-retract').click();
  await expect(retract).toContainText('入力してください');
  await page.getByTestId('retract-reason').fill('本人の勘違いと確認');
  await page.getByTestId('confirm-retract').click();
  await expect(retract).toBeHidden();
  const alerts = page.getByTestId('service-alerts').getByTestId('alert-allergy');
  await expect(alerts).toHaveCount(1);
  await expect(alerts.first()).toContainText('えび');
  await expect(page.getByTestId('allergy-record')).toHaveCount(1);

  // All records: the retracted one, with who, when and why; 元に戻す brings it back as current.
  await page.getByTestId('allergy-show-all').click();
  const retracted = allergyRecord(page, '卵');
  await expect(retracted).toHaveAttribute('data-state', 'retracted');
  await expect(retracted.getByTestId('allergy-retracted')).toContainText('佐藤 花子：本人の勘違いと確認');
  await retracted.getByTestId('allergy-restore').click();
  await expect(allergyRecord(page, '卵')).toHaveAttribute('data-state', 'current');
  await expect(alerts).toHaveCount(2);
  await expect(alerts.nth(1)).toContainText('卵');
});

test('cancelling a stay asks first, with a button that names the move, and 戻る leaves it booked', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const lead = await guest(api, '森', '和夫', 'もり', 'かずお');
  const stay = await api('stays.create', {
    fields: { guestId: lead, arrivalDate: TODAY, departureDate: addDays(TODAY, 1), rooms: ['201'], adults: 1 },
  });
  await searchAndOpen(page, 'もり かずお');
  await openServiceTab(page);
  await page.getByTestId('stay-link').first().click();
  await expect(page.getByTestId('stay-page')).toHaveAttribute('data-stay-id', stay.id);

  await page.getByTestId('stay-cancel').click();
  await expect(page.getByTestId('confirm-status-confirm')).toHaveText('キャンセルにする');
  await expect(page.getByTestId('confirm-status-back')).toHaveText('戻る');
  await page.getByTestId('confirm-status-back').click();
  await expect(page.getByTestId('stay-status')).toHaveAttribute('data-status', 'booked');
  await page.getByTestId('stay-cancel').click();
  await page.getByTestId('confirm-status-confirm').click();
  await expect(page.getByTestId('stay-status')).toHaveAttribute('data-status', 'cancelled');
});

test('a planned menu is served, the guest’s reactions are recorded, and the next plan shows them', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const lead = await guest(api, '森', '和夫', 'もり', 'かずお');
  const tai = await api('dishes.create', {
    fields: { name: '鯛の造り', reading: 'たいのつくり', category: 'sashimi' },
  });
  const kabu = await api('dishes.create', { fields: { name: '蕪蒸し', reading: 'かぶらむし', category: 'steamed' } });
  await api('courses.create', { fields: { name: '月の会席', priceYen: 12000, dishIds: [tai.id, kabu.id] } });
  const stay = await api('stays.create', {
    fields: { guestId: lead, arrivalDate: TODAY, departureDate: addDays(TODAY, 1), rooms: ['201'], adults: 1 },
  });

  await searchAndOpen(page, 'もり かずお');
  await openServiceTab(page);
  await page.getByTestId('stay-link').first().click();
  await expect(page.getByTestId('stay-page')).toHaveAttribute('data-stay-id', stay.id);
  await pick(page, 'plan-course', '月の会席（¥12,000）');
  await page.getByTestId('confirm-menu').click();
  const menu = page.getByTestId('planned-menu');
  await expect(menu.getByTestId('menu-status')).toHaveText('予定');

  // Served as planned: one click, and the dishes are what the guest had.
  await menu.getByTestId('serve-menu').click();
  await expect(menu.getByTestId('menu-status')).toHaveText('提供済');
  await expect(menu).toHaveAttribute('data-status', 'served');
  const served = page.getByTestId('served-dish');
  await expect(served).toHaveCount(2);
  const sashimi = served.filter({ hasText: '鯛の造り' });
  const steamed = served.filter({ hasText: '蕪蒸し' });
  await sashimi.getByTestId('react-praised').click();
  await expect(sashimi).toHaveAttribute('data-reaction', 'praised');
  await steamed.getByTestId('react-left').click();
  await expect(steamed).toHaveAttribute('data-reaction', 'left');
  // A second press clears a reaction given by mistake, and a third gives it again.
  await steamed.getByTestId('react-left').click();
  await expect(steamed).toHaveAttribute('data-reaction', '');
  await steamed.getByTestId('react-left').click();
  await expect(steamed).toHaveAttribute('data-reaction', 'left');

  // Next visit: planning the same course shows what he thought of each dish.
  const next = addDays(TODAY, 30);
  const nextStay = await api('stays.create', {
    fields: { guestId: lead, arrivalDate: next, departureDate: addDays(next, 1), rooms: ['201'], adults: 1 },
  });
  await openArrivals(page, next);
  await page.locator(`[data-testid="arrival"][data-stay-id="${nextStay.id}"]`).getByTestId('arrival-open-stay').click();
  await pick(page, 'plan-course', '月の会席（¥12,000）');
  const preview = page.getByTestId('menu-preview');
  const dish = (id: string) => preview.locator(`[data-testid="planned-dish"][data-dish-id="${id}"]`);
  // What he left is a warning; what he praised is no reason to change the plan, only that it was served before.
  await expect(dish(kabu.id).getByTestId('dish-reaction')).toHaveText(`${japaneseDay(TODAY)}: 残された`);
  await expect(dish(tai.id).getByTestId('dish-reaction')).toHaveCount(0);
  await expect(dish(tai.id).getByTestId('dish-repeated')).toContainText(japaneseDay(TODAY));

  // The card's dish history keeps both reactions.
  await searchAndOpen(page, 'もり かずお');
  await openServiceTab(page);
  const rows = page.getByTestId('dish-history-row');
  await expect(rows.filter({ hasText: '鯛の造り' })).toContainText('好評');
  await expect(rows.filter({ hasText: '蕪蒸し' })).toContainText('残された');
});

test('a stay edited shows its new nights and room, in the history too; a cancelled request leaves the open ones and can be reopened', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  await openServiceTab(page);
  const arrival = addDays(TODAY, 14);
  await page.getByTestId('add-stay').click();
  const form = page.getByTestId('stay-form');
  await form.locator('[name="arrivalDate"]').fill(arrival);
  await form.locator('[name="departureDate"]').fill(addDays(arrival, 1));
  await form.getByTestId('stay-rooms').fill('202');
  await form.getByTestId('stay-rooms').press('Enter');
  await page.getByTestId('save-stay').click();
  await expect(form).toBeHidden();
  const stay = page.getByTestId('stay-row');
  await expect(stay).toContainText('1泊');

  // Two nights more, another room: the row says so, and the history tells from → to.
  await stay.getByTestId('edit-stay').click();
  await form.locator('[name="departureDate"]').fill(addDays(arrival, 3));
  await form.getByTestId('stay-rooms').fill('305');
  await form.getByTestId('stay-rooms').press('Enter');
  await page.getByTestId('save-stay').click();
  await expect(form).toBeHidden();
  await expect(stay).toContainText('3泊');
  await expect(stay).toContainText('305');
  await page.getByTestId('history-tab').click();
  const departure = page.getByTestId('history-entry').filter({ hasText: '出発日' }).filter({ hasText: '→' });
  await expect(departure).toContainText(japaneseDay(addDays(arrival, 1)));
  await expect(departure).toContainText(japaneseDay(addDays(arrival, 3)));

  // Two requests; one is cancelled: it leaves the open count, stays listed as 取消, and can be reopened.
  await openServiceTab(page);
  for (const text of ['枕を高めに', '夕食は19時から']) {
    await page.getByTestId('quick-request').click();
    await page.getByTestId('request-category-room').click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('quick-request-panel')).toBeHidden();
  }
  await expect(page.getByTestId('alert-requests')).toHaveText('未対応の要望 2件');
  const pillow = page.getByTestId('request').filter({ hasText: '枕を高めに' });
  await pillow.getByTestId('request-cancel').click();
  await expect(pillow).toHaveAttribute('data-status', 'cancelled');
  await expect(pillow.getByTestId('request-status')).toHaveText('取消');
  await expect(page.getByTestId('alert-requests')).toHaveText('未対応の要望 1件');
  await pillow.getByTestId('request-reopen').click();
  await expect(pillow).toHaveAttribute('data-status', 'open');
  await expect(page.getByTestId('alert-requests')).toHaveText('未対応の要望 2件');
});

test('the arrivals page walks day by day, back to today, and to a typed day, showing each day’s parties', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const days = [TODAY, addDays(TODAY, 1), addDays(TODAY, 2)];
  const names = ['今井', '上田', '大野'];
  const readings = ['いまい', 'うえだ', 'おおの'];
  for (const [index, day] of days.entries()) {
    const id = await guest(api, names[index] as string, '様', readings[index] as string, '');
    await api('stays.create', {
      fields: { guestId: id, arrivalDate: day, departureDate: addDays(day, 1), rooms: [`10${index + 1}`], adults: 1 },
    });
  }

  await page.getByTestId('header-arrivals').click();
  const arrivals = page.getByTestId('arrival');
  const date = page.getByTestId('arrivals-date');
  await expect(date).toContainText(japaneseDay(TODAY));
  await expect(arrivals).toHaveCount(1);
  await expect(arrivals).toContainText('今井');

  await page.getByTestId('arrivals-next').click();
  await expect(date).toContainText(japaneseDay(days[1] as string));
  await expect(arrivals).toContainText('上田');
  await page.getByTestId('arrivals-next').click();
  await expect(arrivals).toContainText('大野');
  await page.getByTestId('arrivals-next').click();
  await expect(page.getByTestId('no-arrivals')).toBeVisible();
  await page.getByTestId('arrivals-previous').click();
  await expect(arrivals).toContainText('大野');

  await page.getByTestId('arrivals-today').click();
  await expect(date).toContainText(japaneseDay(TODAY));
  await expect(arrivals).toContainText('今井');

  await page.getByTestId('arrivals-date-input').fill(days[1] as string);
  await page.getByTestId('arrivals-date-input').press('Enter');
  await expect(arrivals).toHaveCount(1);
  await expect(arrivals).toContainText('上田');
});
