// The service floor, end to end in real Chromium against the real HTTP door and core (run
// `npm run build:renderer` first): an anaphylaxis taken at the desk reaches the day's arrivals and the
// kitchen sheet; planning a course for a returning guest flags the allergen and the repeated dish, and an
// alternative clears the allergen flag; the briefing sheet saved as a PDF carries the allergy.

import { readFile } from 'node:fs/promises';
import { addDays, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { pdfText } from '../support/pdf-text.ts';
import { japaneseDay } from './banquets.helpers.ts';
import { expect, test } from './fixtures.ts';
import { allergenId, apiFor, guest, openArrivals, pick } from './floor.helpers.ts';
import { firstRun, open, searchAndOpen } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

/** Arrivals a little ahead, so that every plan is for an upcoming stay whatever day the test runs. */
const ARRIVAL = addDays(localDate(Date.now(), DEFAULT_TIME_ZONE), 10);

test('an anaphylaxis taken at the desk is first and red in that day’s arrivals and on the kitchen sheet', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const yamada = await guest(api, '山田', '太郎', 'やまだ', 'たろう');
  const suzuki = await guest(api, '鈴木', '花子', 'すずき', 'はなこ');
  const departure = addDays(ARRIVAL, 1);
  const stay = await api('stays.create', {
    fields: { guestId: yamada, arrivalDate: ARRIVAL, departureDate: departure, rooms: ['201'], adults: 2 },
  });
  await api('stays.create', {
    fields: { guestId: suzuki, arrivalDate: ARRIVAL, departureDate: departure, rooms: ['105'], adults: 1 },
  });
  // Known from an earlier call: a mild intolerance, which must not come first once the anaphylaxis is known.
  await api('allergies.record', {
    guestId: yamada,
    allergenId: await allergenId(api, '卵'),
    severity: 'intolerance',
    tracesOk: true,
  });

  // At the desk: Mr Yamada says buckwheat could kill him.
  await searchAndOpen(page, 'やまだ');
  await page.getByTestId('service-tab').click();
  await page.getByTestId('record-allergy').click();
  await page.getByTestId('allergy-allergen').fill('そば');
  await page.getByRole('option', { name: 'そば', exact: true }).click();
  await page.getByTestId('allergy-severity').getByText('アナフィラキシー').click();
  await page.getByTestId('save-allergy').click();
  await expect(page.getByTestId('allergy-form')).toBeHidden();

  await openArrivals(page, ARRIVAL);
  await expect(page.getByTestId('total-parties')).toHaveText('2');
  await expect(page.getByTestId('total-adults')).toHaveText('3');
  await expect(page.getByTestId('total-anaphylaxis')).toHaveText('1');
  // Ordered by room: 105 before 201.
  const cards = page.getByTestId('arrival');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0).getByTestId('arrival-rooms')).toHaveText('105');
  const card = page.locator(`[data-testid="arrival"][data-stay-id="${stay.id}"]`);
  await expect(card.getByTestId('arrival-rooms')).toHaveText('201');
  const allergies = card.getByTestId('arrival-allergy');
  await expect(allergies).toHaveCount(2);
  await expect(allergies.first()).toHaveAttribute('data-severity', 'anaphylaxis');
  await expect(allergies.first()).toContainText('アナフィラキシー');
  await expect(allergies.first()).toContainText('そば');
  await expect(allergies.first()).toContainText('山田 太郎 様');
  await expect(allergies.first()).toHaveCSS('background-color', 'rgb(250, 82, 82)'); // Mantine red, filled
  await expect(allergies.nth(1)).toHaveAttribute('data-severity', 'intolerance');
  // The other party has no allergy at all.
  await expect(cards.nth(0).getByTestId('arrival-allergy')).toHaveCount(0);

  await page.getByTestId('print-kitchen').click();
  await expect(page.getByTestId('kitchen-sheet')).toBeVisible();
  await expect(page.getByTestId('header-arrivals')).toBeHidden(); // the sheet prints without the app frame
  const row = page.locator(`[data-testid="kitchen-row"][data-stay-id="${stay.id}"]`);
  const kitchenAllergies = row.getByTestId('kitchen-allergy');
  await expect(kitchenAllergies.first()).toHaveAttribute('data-severity', 'anaphylaxis');
  await expect(kitchenAllergies.first()).toContainText('そば（アナフィラキシー・コンタミ不可）');
  await expect(kitchenAllergies.first()).toHaveCSS('color', 'rgb(201, 42, 42)');
  await expect(page.getByTestId('kitchen-row')).toHaveCount(2);
});

test('planning a course for a returning guest flags the allergen and the repeated dish; an alternative clears the allergen', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const egg = await allergenId(api, '卵');
  const sesame = await allergenId(api, 'ごま');
  const lead = await guest(api, '佐藤', '一郎', 'さとう', 'いちろう');
  const wife = await guest(api, '佐藤', '恵子', 'さとう', 'けいこ');

  // The kitchen's catalogue and the course.
  const tai = await api('dishes.create', {
    fields: { name: '鯛の造り', reading: 'たいのつくり', category: 'sashimi' },
  });
  const chawanmushi = await api('dishes.create', {
    fields: { name: '茶碗蒸し', reading: 'ちゃわんむし', category: 'steamed', allergenIds: [egg] },
  });
  const gomadofu = await api('dishes.create', {
    fields: { name: '胡麻豆腐', reading: 'ごまどうふ', category: 'steamed', allergenIds: [sesame] },
  });
  await api('courses.create', { fields: { name: '季節の会席', priceYen: 15000, dishIds: [tai.id, chawanmushi.id] } });

  // Mr Sato came 200 days ago and had the sea bream.
  const earlier = addDays(localDate(Date.now(), DEFAULT_TIME_ZONE), -200);
  const past = await api('stays.create', {
    fields: {
      guestId: lead,
      arrivalDate: earlier,
      departureDate: addDays(earlier, 1),
      rooms: ['301'],
      adults: 1,
      status: 'departed',
    },
  });
  await api('served.record', { stayId: past.id, date: earlier, meal: 'dinner', dishIds: [tai.id] });
  // This time with his wife, who is allergic to egg.
  await api('allergies.record', { guestId: wife, allergenId: egg, severity: 'allergy', tracesOk: false });
  const stay = await api('stays.create', {
    fields: {
      guestId: lead,
      arrivalDate: ARRIVAL,
      departureDate: addDays(ARRIVAL, 1),
      rooms: ['302'],
      adults: 2,
      partyIds: [wife],
    },
  });

  await openArrivals(page, ARRIVAL);
  const card = page.locator(`[data-testid="arrival"][data-stay-id="${stay.id}"]`);
  await expect(card.getByTestId('arrival-visit')).toHaveText('2回目');
  await card.getByTestId('arrival-open-stay').click();
  await expect(page.getByTestId('stay-page')).toHaveAttribute('data-stay-id', stay.id);
  // What to keep off the meal, above the course picker, before a course is chosen.
  await expect(page.getByTestId('stay-allergies')).toContainText('佐藤 恵子');
  await expect(page.getByTestId('stay-allergies')).toContainText('卵');

  await pick(page, 'plan-course', '季節の会席（¥15,000）');
  const preview = page.getByTestId('menu-preview');
  const dish = (id: string) => preview.locator(`[data-testid="planned-dish"][data-dish-id="${id}"]`);
  await expect(dish(chawanmushi.id)).toHaveAttribute('data-severity', 'allergy');
  await expect(dish(chawanmushi.id).getByTestId('dish-allergy')).toContainText('卵');
  await expect(dish(chawanmushi.id).getByTestId('dish-allergy')).toContainText('佐藤 恵子 様');
  await expect(dish(tai.id)).toHaveAttribute('data-repeated', 'true');
  await expect(dish(tai.id).getByTestId('dish-repeated')).toHaveText(`前回提供: ${japaneseDay(earlier)}（夕食）`);
  await expect(dish(tai.id)).toHaveAttribute('data-severity', ''); // repeated, but safe

  // Swap the egg custard for the sesame tofu the check offers.
  await dish(chawanmushi.id).locator(`[data-testid="swap-dish"][data-alternative-id="${gomadofu.id}"]`).click();
  await expect(dish(chawanmushi.id)).toHaveCount(0);
  await expect(dish(gomadofu.id)).toHaveAttribute('data-flagged', 'false');
  await expect(preview.getByTestId('dish-allergy')).toHaveCount(0);
  await expect(preview.getByTestId('dish-anaphylaxis')).toHaveCount(0);
  await expect(dish(tai.id)).toHaveAttribute('data-repeated', 'true'); // still served before

  await page.getByTestId('confirm-menu').click();
  const planned = page.getByTestId('planned-menu');
  await expect(planned).toHaveCount(1);
  await expect(planned.getByTestId('planned-dish-name')).toHaveText(['鯛の造り', '胡麻豆腐']);
  await expect(planned.getByTestId('dish-allergy')).toHaveCount(0);
  await expect(planned.getByTestId('menu-status')).toHaveText('予定');
});

test('a dish served last time that carries the guest’s allergen is flagged as an allergen, with its severity, wherever it is listed', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const shrimp = await allergenId(api, 'えび');
  const ishihara = await guest(api, '石原', '浩', 'いしはら', 'ひろし');
  const soup = await api('dishes.create', {
    fields: { name: '海老真丈の椀', reading: 'えびしんじょうのわん', category: 'soup', allergenIds: [shrimp] },
  });
  const earlier = addDays(localDate(Date.now(), DEFAULT_TIME_ZONE), -100);
  const past = await api('stays.create', {
    fields: {
      guestId: ishihara,
      arrivalDate: earlier,
      departureDate: addDays(earlier, 1),
      rooms: ['5'],
      status: 'departed',
    },
  });
  await api('served.record', { stayId: past.id, date: earlier, meal: 'dinner', dishIds: [soup.id] });
  // The allergy was taken after that stay.
  await api('allergies.record', { guestId: ishihara, allergenId: shrimp, severity: 'anaphylaxis', tracesOk: false });
  await api('stays.create', {
    fields: { guestId: ishihara, arrivalDate: ARRIVAL, departureDate: addDays(ARRIVAL, 1), rooms: ['6'] },
  });

  await openArrivals(page, ARRIVAL);
  const avoid = page.getByTestId('arrival').getByTestId('avoid-dish');
  await expect(avoid).toHaveCount(1);
  await expect(avoid).toContainText('海老真丈の椀（アレルゲン・前回提供');
  await expect(avoid).toHaveCSS('background-color', 'rgb(250, 82, 82)'); // filled red: an anaphylaxis

  // The guest card: what was served last time, and the dish history, carry the same flag.
  await searchAndOpen(page, '石原');
  await page.getByTestId('service-tab').click();
  const flags = page.getByTestId('served-dish-allergy');
  await expect(flags).toHaveCount(2);
  await expect(flags.first()).toHaveText('アレルゲン：アナフィラキシー');
  await expect(flags.first()).toHaveAttribute('data-severity', 'anaphylaxis');
});

test('a course with a dish that can kill someone in the party is confirmed only once staff tick that they saw it; cancelling a menu asks first', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const shrimp = await allergenId(api, 'えび');
  const lead = await guest(api, '石橋', '澪', 'いしばし', 'みお');
  await api('allergies.record', { guestId: lead, allergenId: shrimp, severity: 'anaphylaxis', tracesOk: false });
  const amaebi = await api('dishes.create', {
    fields: { name: '甘海老の造り', reading: 'あまえびのつくり', category: 'sashimi', allergenIds: [shrimp] },
  });
  const kabu = await api('dishes.create', { fields: { name: '蕪蒸し', reading: 'かぶらむし', category: 'steamed' } });
  await api('courses.create', { fields: { name: '冬の会席 梅', priceYen: 10000, dishIds: [amaebi.id, kabu.id] } });
  const stay = await api('stays.create', {
    fields: { guestId: lead, arrivalDate: ARRIVAL, departureDate: addDays(ARRIVAL, 1), rooms: ['105'], adults: 1 },
  });

  await openArrivals(page, ARRIVAL);
  await page.locator(`[data-testid="arrival"][data-stay-id="${stay.id}"]`).getByTestId('arrival-open-stay').click();
  await pick(page, 'plan-course', '冬の会席 梅（¥10,000）');
  const confirm = page.getByTestId('confirm-menu');
  const acknowledge = page.getByTestId('acknowledge-anaphylaxis');
  await expect(acknowledge).toHaveAccessibleName(/アナフィラキシー.*1品（甘海老の造り）/);
  await expect(confirm).toBeDisabled();
  await acknowledge.check();
  await expect(confirm).toBeEnabled();
  await confirm.click();
  const planned = page.getByTestId('planned-menu');
  await expect(planned.getByTestId('menu-status')).toHaveText('予定');

  // 献立を取り消す asks, naming the menu; 戻る leaves it planned, 取り消す cancels it.
  await planned.getByTestId('cancel-menu').click();
  const dialog = page.getByTestId('cancel-menu-dialog');
  await expect(dialog).toContainText('冬の会席 梅');
  await page.getByTestId('cancel-menu-dialog-back').click();
  await expect(dialog).toBeHidden();
  await expect(planned.getByTestId('menu-status')).toHaveText('予定');
  await planned.getByTestId('cancel-menu').click();
  await page.getByTestId('cancel-menu-dialog-confirm').click();
  await expect(planned).toHaveCount(0);
  await expect(page.getByTestId('planned-menus')).toContainText('まだ献立はありません');
});

test('the briefing sheet saved as a PDF names the guest’s allergy', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const yamada = await guest(api, '山田', '太郎', 'やまだ', 'たろう');
  const stay = await api('stays.create', {
    fields: { guestId: yamada, arrivalDate: ARRIVAL, departureDate: addDays(ARRIVAL, 2), rooms: ['201'], adults: 2 },
  });
  await api('allergies.record', {
    guestId: yamada,
    allergenId: await allergenId(api, 'そば'),
    severity: 'anaphylaxis',
    tracesOk: false,
  });

  await openArrivals(page, ARRIVAL);
  await page.getByTestId('print-briefing').click();
  await expect(page.getByTestId('print-page')).toHaveAttribute('data-sheet', 'briefing');
  const room = page.locator(`[data-testid="sheet-room"][data-stay-id="${stay.id}"]`);
  await expect(room.getByTestId('sheet-allergy').first()).toContainText('アナフィラキシー');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-pdf').click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = await pdfText(new Uint8Array(pdf));
  expect(text).toContain('山田');
  expect(text).toContain('そば');
  expect(text).toContain('アナフィラキシー');
});

test('the kitchen keeps its catalogue and the inn its periods through the screens', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page);

  await page.getByTestId('header-menu').click();
  await page.getByTestId('catalogue-link').click();
  await expect(page.getByTestId('catalogue-page')).toBeVisible();
  // A dish with two allergens from the labelling list.
  await page.getByTestId('add-dish').click();
  const dishForm = page.getByTestId('dish-form');
  await dishForm.locator('[name="name"]').fill('天ぷら盛り合わせ');
  await dishForm.locator('[name="reading"]').fill('てんぷらもりあわせ');
  await pick(page, 'dish-category', '揚物');
  for (const allergen of ['えび', '小麦']) {
    await page.getByTestId('dish-allergens').fill(allergen);
    await page.getByRole('option', { name: allergen, exact: true }).click();
  }
  await dishForm.locator('[name="name"]').click(); // closes the allergen list, as a click elsewhere does
  await page.getByTestId('save-dish').click();
  await expect(dishForm).toBeHidden();
  const row = page.getByTestId('dish-row').filter({ hasText: '天ぷら盛り合わせ' });
  await expect(row).toContainText('えび');
  await expect(row).toContainText('小麦');
  // A dish needs a name: the form says so and nothing is saved.
  await page.getByTestId('add-dish').click();
  await page.getByTestId('save-dish').click();
  await expect(dishForm.getByText('入力してください')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dish-row')).toHaveCount(1);

  await page.getByTestId('catalogue-courses').click();
  await page.getByTestId('add-course').click();
  const courseForm = page.getByTestId('course-form');
  await courseForm.locator('[name="name"]').fill('天ぷら膳');
  await pick(page, 'course-add-dish', '天ぷら盛り合わせ（揚物）');
  await page.getByTestId('save-course').click();
  await expect(courseForm).toBeHidden();
  await expect(page.getByTestId('course-row')).toContainText('天ぷら膳');

  await page.getByTestId('header-menu').click();
  await page.getByTestId('settings-link').click();
  const years = page.getByTestId('setting-repeatDishYears');
  await years.fill('0');
  await page.getByTestId('save-settings').click();
  await expect(page.getByText('1〜30の整数で入力してください')).toBeVisible();
  await years.fill('5');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('success-notification').filter({ hasText: '設定を保存しました' })).toBeVisible();
  await expect(page.getByText('1〜30の整数で入力してください')).toBeHidden();
  const api = apiFor(page, app);
  await expect.poll(async () => (await api('settings.get', {})).repeatDishYears).toBe(5);
});
