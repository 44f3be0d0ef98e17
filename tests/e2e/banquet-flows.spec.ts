// The banquet screens as a salesperson and the manager use them between the first call and the party, end to
// end in real Chromium against the real HTTP door and core (run `npm run build:renderer` first): the halls
// screen; changing a deal's day, time, headcount and price; the guests attending; the course checked against
// their allergies; extending a provisional hold; and moving about the hall calendar.
// What the desk or the kitchen recorded earlier (guests, allergies, dishes, courses, halls) goes in through the
// HTTP door, as another PC would have put it there; what is checked is done through the screens.
// Days are counted from today on this machine (the server and the browser share its zone), and every party is
// planned in the future, as real ones are.

import type { Page } from '@playwright/test';
import { addDays, localDate } from '../../shared/text/dates.ts';
import { holdProvisionally, japaneseDay, openBanquets } from './banquets.helpers.ts';
import { expect, test } from './fixtures.ts';
import { type Api, allergenId, apiFor, guest } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', viewport: { width: 1366, height: 768 } });

const today = () => localDate(Date.now(), 'Asia/Tokyo');

/** The Monday of the week holding `date`: the hall calendar's week runs Monday to Sunday. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return addDays(date, -((weekday + 6) % 7));
}

async function hall(api: Api, name: string, seated: number, sortOrder = 0): Promise<string> {
  const created = await api('halls.create', {
    fields: { name, capacity: { seated, standing: seated + 20, theatre: 0 }, sortOrder },
  });
  return created.id;
}

async function deal(
  api: Api,
  fields: { organiserId: string; groupName: string; date: string; hallIds: string[]; headcount: number } & Partial<{
    courseId: string;
    pricePerHeadYen: number;
    attendeeIds: string[];
    startTime: string;
  }>,
): Promise<string> {
  const created = await api('banquets.create', {
    fields: {
      type: 'social',
      startTime: '18:00',
      endTime: '20:00',
      ...fields,
    },
  });
  return created.banquet.id;
}

/** The deal's page as staff reach it: the pipeline, then its row. */
async function openDeal(page: Page, id: string): Promise<void> {
  await openBanquets(page);
  await page.locator(`[data-testid="banquet-row"][data-banquet-id="${id}"]`).click();
  await expect(page.getByTestId('banquet-page')).toHaveAttribute('data-banquet-id', id);
}

test('a hall is added with its capacities, edited, offered to inquiries, and withdrawn and restored', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  await hall(api, '松の間', 60, 1);

  await openBanquets(page, 'halls');
  await page.getByTestId('add-hall').click();
  const form = page.getByTestId('hall-form');
  await form.getByTestId('hall-name').fill('桜の間');
  await form.getByTestId('hall-capacity-seated').fill('40');
  await form.getByTestId('hall-capacity-standing').fill('70');
  // シアター left at 0: the hall does not offer that layout.
  await form.getByTestId('hall-combinable').click({ force: true });
  await page.getByRole('option', { name: '松の間', exact: true }).click();
  await page.keyboard.press('Escape'); // closes the list, not the dialog
  await form.getByLabel('表示順').fill('2');
  await form.getByTestId('save-hall').click();
  await expect(form).toBeHidden();

  const rows = page.getByTestId('hall-row');
  // A row by its hall's own name (the other row names it too, as a hall it opens into).
  const row = (name: string) => rows.filter({ has: page.getByText(name, { exact: true }) });
  const sakura = row('桜の間');
  await expect(rows).toHaveCount(2);
  await expect(sakura).toContainText('着席 40名');
  await expect(sakura).toContainText('立食 70名');
  await expect(sakura).toContainText('シアター 不可');
  await expect(sakura).toContainText('つなげて使える：松の間');
  // The combination reads the same from the other side.
  await expect(row('松の間')).toContainText('つなげて使える：桜の間');
  await expect(rows.nth(0)).toContainText('松の間'); // 表示順 1 before 2

  // Enlarged after a refit: more seats, a theatre layout, and first on the list.
  await sakura.getByRole('button', { name: '編集', exact: true }).click();
  await expect(form.getByTestId('hall-name')).toHaveValue('桜の間');
  await form.getByTestId('hall-capacity-seated').fill('55');
  await form.getByTestId('hall-capacity-theatre').fill('90');
  await form.getByLabel('表示順').fill('0');
  await form.getByTestId('save-hall').click();
  await expect(form).toBeHidden();
  await expect(rows.nth(0)).toContainText('桜の間');
  await expect(rows.nth(0)).toContainText('着席 55名');
  await expect(rows.nth(0)).toContainText('シアター 90名');

  // A new inquiry offers it with the seats of the chosen layout.
  const offered = async (names: string[]) => {
    await openBanquets(page);
    await page.getByTestId('new-inquiry').click();
    await page.getByTestId('banquet-halls').click({ force: true });
    await expect(page.getByRole('option')).toHaveText(names);
    await page.keyboard.press('Escape');
    await page.getByTestId('banquet-form').getByRole('button', { name: 'キャンセル', exact: true }).click();
    await expect(page.getByTestId('banquet-form')).toBeHidden();
  };
  await offered(['桜の間（着席 55名）', '松の間（着席 60名）']);

  // Withdrawn (closed for repairs), it is struck through and no longer offered; restored, it is again.
  await openBanquets(page, 'halls');
  await row('桜の間').getByTestId('withdraw-hall').click();
  await expect(row('桜の間')).toHaveAttribute('data-withdrawn', 'true');
  await expect(row('桜の間')).toContainText('取り下げ済');
  await offered(['松の間（着席 60名）']);
  await openBanquets(page, 'halls');
  await row('桜の間').getByTestId('restore-hall').click();
  await expect(row('桜の間')).toHaveAttribute('data-withdrawn', 'false');
  await offered(['桜の間（着席 55名）', '松の間（着席 60名）']);
});

test('a deal moved to another day, time and headcount at a new price shows so on its page and in the pipeline', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const organiser = await guest(api, '山田', '太郎', 'やまだ', 'たろう');
  const pine = await hall(api, '松の間', 60);
  const planned = addDays(today(), 20);
  const moved = addDays(today(), 27);
  const id = await deal(api, {
    organiserId: organiser,
    groupName: '山田商事 忘年会',
    date: planned,
    hallIds: [pine],
    headcount: 30,
    pricePerHeadYen: 8000,
  });

  await openDeal(page, id);
  const summary = page.getByTestId('banquet-summary');
  await expect(summary).toContainText(japaneseDay(planned));
  await expect(summary).toContainText('30名');
  await expect(summary).toContainText('¥240,000');

  await page.getByTestId('edit-banquet').click();
  const form = page.getByTestId('banquet-form');
  await form.getByTestId('banquet-date').fill(moved);
  await form.getByTestId('banquet-start').fill('17:30');
  await form.getByTestId('banquet-end').fill('20:30');
  await form.getByTestId('banquet-headcount').fill('35');
  await form.getByTestId('banquet-price').fill('9000');
  // The estimate, never typed by hand, follows headcount × price per head.
  await expect(form.getByTestId('banquet-estimate')).toHaveValue('¥315,000');
  await page.getByTestId('save-banquet').click();
  await expect(form).toBeHidden();

  await expect(summary).toContainText(japaneseDay(moved));
  await expect(summary).not.toContainText(japaneseDay(planned));
  await expect(summary).toContainText('17:30');
  await expect(summary).toContainText('20:30');
  await expect(summary).toContainText('35名');
  await expect(summary).toContainText('¥9,000');
  await expect(summary).toContainText('¥315,000');

  await openBanquets(page);
  const row = page.locator(`[data-testid="banquet-row"][data-banquet-id="${id}"]`);
  await expect(row).toContainText(japaneseDay(moved));
  await expect(row).toContainText('17:30');
  await expect(row).toContainText('35名');
  await expect(row).toContainText('¥315,000');
});

test('attendees are added in the deal form and the course is checked against their allergies, by dish', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const organiser = await guest(api, '山田', '太郎', 'やまだ', 'たろう');
  const suzuki = await guest(api, '鈴木', '一郎', 'すずき', 'いちろう');
  const takahashi = await guest(api, '高橋', '次郎', 'たかはし', 'じろう');
  await guest(api, '中村', '和子', 'なかむら', 'かずこ');
  const shrimp = await allergenId(api, 'えび');
  const egg = await allergenId(api, '卵');
  await api('allergies.record', { guestId: suzuki, allergenId: shrimp, severity: 'anaphylaxis', tracesOk: false });
  await api('allergies.record', { guestId: takahashi, allergenId: egg, severity: 'allergy', tracesOk: true });
  const bream = await api('dishes.create', { fields: { name: '鯛の造り', category: 'sashimi' } });
  const tempura = await api('dishes.create', {
    fields: { name: '海老の天ぷら', category: 'fried', allergenIds: [shrimp] },
  });
  const custard = await api('dishes.create', {
    fields: { name: '茶碗蒸し', category: 'steamed', allergenIds: [egg] },
  });
  const sesame = await api('dishes.create', { fields: { name: '胡麻豆腐', category: 'appetizer' } });
  const seasonal = await api('courses.create', {
    fields: { name: '季節の会席', priceYen: 12000, dishIds: [bream.id, tempura.id, custard.id] },
  });
  await api('courses.create', { fields: { name: '精進会席', priceYen: 9000, dishIds: [sesame.id, bream.id] } });
  const pine = await hall(api, '松の間', 60);
  const id = await deal(api, {
    organiserId: organiser,
    groupName: '山田商事 歓迎会',
    date: addDays(today(), 14),
    hallIds: [pine],
    headcount: 20,
    courseId: seasonal.id,
    pricePerHeadYen: 12000,
  });

  // The organiser has no allergy on record: nothing to warn of yet.
  await openDeal(page, id);
  const check = page.getByTestId('banquet-allergy-check');
  await expect(check.getByTestId('banquet-no-allergy')).toBeVisible();
  await expect(check.locator('[data-testid="planned-dish"][data-flagged="true"]')).toHaveCount(0);
  await expect(check.getByTestId('dish-anaphylaxis')).toHaveCount(0);

  // Two guests attending, found by their readings.
  await page.getByTestId('edit-banquet').click();
  const form = page.getByTestId('banquet-form');
  for (const reading of ['すずき', 'たかはし']) {
    await form.getByTestId('attendee-search').fill(reading);
    await form.getByTestId('attendee-candidate').first().click();
  }
  await expect(form.getByTestId('attendee')).toHaveText(['鈴木 一郎', '高橋 次郎']);
  await page.getByTestId('save-banquet').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('banquet-attendees')).toHaveText('鈴木 一郎 様・高橋 次郎 様');

  // The course's dishes carrying their allergens are named, with whose allergy and how severe.
  const dish = (name: string) => check.getByTestId('planned-dish').filter({ hasText: name });
  await expect(dish('海老の天ぷら')).toHaveAttribute('data-severity', 'anaphylaxis');
  await expect(dish('海老の天ぷら').getByTestId('dish-anaphylaxis')).toHaveText(
    'アナフィラキシー：鈴木 一郎 様 — えび',
  );
  await expect(dish('茶碗蒸し')).toHaveAttribute('data-severity', 'allergy');
  const eggLine = dish('茶碗蒸し').getByTestId('dish-allergy');
  await expect(eggLine).toContainText('アレルギー');
  await expect(eggLine).toContainText('卵');
  await expect(eggLine).toContainText('高橋 次郎 様');
  await expect(dish('鯛の造り')).toHaveAttribute('data-flagged', 'false');
  // The worst first: the dish that could kill someone heads the list.
  await expect(check.getByTestId('planned-dish-name').first()).toHaveText('海老の天ぷら');

  // The attendees are there when the deal is opened again; 鈴木 様 cancels and is taken off.
  await page.getByTestId('edit-banquet').click();
  await expect(form.getByTestId('attendee')).toHaveText(['鈴木 一郎', '高橋 次郎']);
  await form.getByTestId('attendee').filter({ hasText: '鈴木 一郎' }).locator('button').click();
  await expect(form.getByTestId('attendee')).toHaveText(['高橋 次郎']);
  await page.getByTestId('save-banquet').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('banquet-attendees')).toHaveText('高橋 次郎 様');
  await expect(check.getByTestId('dish-anaphylaxis')).toHaveCount(0);
  await expect(check).not.toContainText('鈴木');
  await expect(dish('海老の天ぷら')).toHaveAttribute('data-flagged', 'false');
  await expect(dish('茶碗蒸し')).toHaveAttribute('data-severity', 'allergy');

  // Another course without egg: the check clears.
  await page.getByTestId('edit-banquet').click();
  await form.getByTestId('banquet-course').click();
  await page.getByRole('option', { name: '精進会席（¥9,000）', exact: true }).click();
  await page.getByTestId('save-banquet').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('banquet-summary')).toContainText('精進会席');
  await expect(check).toContainText('コースの料理に該当するアレルゲンはありません');
  await expect(check.getByTestId('dish-allergy')).toHaveCount(0);
  await expect(check.getByTestId('planned-dish').filter({ hasText: '茶碗蒸し' })).toHaveCount(0);
});

test('a provisional hold is extended; an expiry after the party is refused in words and the hold stays', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const organiser = await guest(api, '高橋', '次郎', 'たかはし', 'じろう');
  const bamboo = await hall(api, '竹の間', 30);
  const party = addDays(today(), 20);
  const id = await deal(api, {
    organiserId: organiser,
    groupName: '高橋工業 新年会',
    date: party,
    hallIds: [bamboo],
    headcount: 25,
  });

  await openDeal(page, id);
  await holdProvisionally(page);
  await expect(page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', 'provisional');
  const expiry = page.getByTestId('banquet-hold-expiry');
  await expect(expiry).toContainText(`仮押さえ期限 ${japaneseDay(addDays(today(), 7))}`);

  // The organiser needs a few more days to decide.
  const extend = page.getByTestId('advance-provisional');
  await expect(extend).toHaveText('期限を延長');
  await extend.click();
  const dialog = page.getByTestId('stage-dialog');
  await expect(dialog.getByTestId('hold-expires')).toHaveValue(addDays(today(), 14));
  await dialog.getByTestId('hold-expires').fill(addDays(today(), 10));
  await dialog.getByTestId('stage-submit').click();
  await expect(dialog).toBeHidden();
  await expect(expiry).toContainText(`仮押さえ期限 ${japaneseDay(addDays(today(), 10))}`);
  await expect(page.getByTestId('timeline-entry').last()).toContainText(japaneseDay(addDays(today(), 10)));

  // A hold past the party day holds nothing: refused, in words, and the hold is as it was.
  await extend.click();
  await dialog.getByTestId('hold-expires').fill(addDays(party, 1));
  await dialog.getByTestId('stage-submit').click();
  await expect(dialog.getByTestId('stage-error')).toHaveText('仮押さえの期限は宴会の日までにしてください');
  await dialog.getByRole('button', { name: 'キャンセル', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(expiry).toContainText(`仮押さえ期限 ${japaneseDay(addDays(today(), 10))}`);
  expect((await api('banquets.get', { id })).banquet.holdExpiresOn).toBe(addDays(today(), 10));

  // The party day itself is the last day a hold may run to.
  await extend.click();
  await dialog.getByTestId('hold-expires').fill(party);
  await dialog.getByTestId('stage-submit').click();
  await expect(dialog).toBeHidden();
  await expect(expiry).toContainText(`仮押さえ期限 ${japaneseDay(party)}`);
});

test('the hall calendar moves by week and by day, back to today, and to a picked date, each deal on its day', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page);
  const api = apiFor(page, app);
  const organiser = await guest(api, '中村', '和子', 'なかむら', 'かずこ');
  const pine = await hall(api, '松の間', 60, 0);
  const bamboo = await hall(api, '竹の間', 30, 1);
  const thisWeek = mondayOf(today());
  const nextWeek = addDays(thisWeek, 7);
  // Tuesday next week in 松の間; Thursday the week after in 竹の間: both after today, whatever today is.
  const tuesday = addDays(nextWeek, 1);
  const thursday = addDays(nextWeek, 10);
  const first = await deal(api, {
    organiserId: organiser,
    groupName: '中村家 歓迎会',
    date: tuesday,
    hallIds: [pine],
    headcount: 20,
  });
  const second = await deal(api, {
    organiserId: organiser,
    groupName: '町内会 懇親会',
    date: thursday,
    hallIds: [bamboo],
    headcount: 15,
    startTime: '12:00',
  });

  const calendar = page.getByTestId('calendar-page');
  const chip = (id: string) => page.locator(`[data-testid="calendar-deal"][data-banquet-id="${id}"]`);
  /** The cell of a hall on a day of the week shown: the day's column under its heading. */
  const cell = async (hallId: string, day: string) => {
    // The week's headings come with the week's deals, a moment after the range changes: wait for the day's.
    await expect(page.locator(`[data-testid="calendar-day"][data-date="${day}"]`)).toHaveCount(1);
    const days = await page.getByTestId('calendar-day').evaluateAll((heads) => heads.map((h) => h.dataset.date));
    const column = days.indexOf(day);
    expect(column).toBeGreaterThanOrEqual(0);
    return page.locator(`[data-testid="calendar-hall"][data-hall-id="${hallId}"] > td`).nth(column + 1);
  };
  const showsWeek = async (monday: string) => {
    await expect(calendar).toHaveAttribute('data-from', monday);
    await expect(page.getByTestId('calendar-range')).toContainText(japaneseDay(monday));
    await expect(page.getByTestId('calendar-range')).toContainText(japaneseDay(addDays(monday, 6)));
  };

  await openBanquets(page, 'calendar');
  await showsWeek(thisWeek);
  await expect(page.getByTestId('calendar-deal')).toHaveCount(0);

  await page.getByTestId('calendar-next').click();
  await showsWeek(nextWeek);
  await expect(page.getByTestId('calendar-deal')).toHaveCount(1);
  await expect(await cell(pine, tuesday)).toContainText('中村家 歓迎会');
  await expect((await cell(pine, tuesday)).getByTestId('calendar-deal')).toHaveAttribute('data-banquet-id', first);

  await page.getByTestId('calendar-next').click();
  await showsWeek(addDays(nextWeek, 7));
  await expect(page.getByTestId('calendar-deal')).toHaveCount(1);
  await expect(await cell(bamboo, thursday)).toContainText('12:00');
  await expect(await cell(bamboo, thursday)).toContainText('町内会 懇親会');

  await page.getByTestId('calendar-previous').click();
  await showsWeek(nextWeek);
  await expect(chip(first)).toBeVisible();
  await expect(chip(second)).toHaveCount(0);

  await page.getByTestId('calendar-today').click();
  await showsWeek(thisWeek);
  await expect(page.getByTestId('calendar-deal')).toHaveCount(0);

  // A date typed in: the week holding it.
  await page.getByTestId('calendar-date-input').fill(thursday);
  await showsWeek(addDays(nextWeek, 7));
  await expect(await cell(bamboo, thursday)).toContainText('町内会 懇親会');

  // The day view steps a day at a time.
  await page.getByTestId('calendar-view').getByText('日', { exact: true }).click();
  const dayView = page.getByTestId('calendar-day-view');
  await expect(dayView).toHaveAttribute('data-date', thursday);
  await expect(page.getByTestId('calendar-range')).toHaveText(new RegExp(`^${japaneseDay(thursday)}`));
  await expect(dayView.getByTestId('calendar-day-hall').filter({ hasText: '竹の間' })).toContainText('町内会 懇親会');
  await page.getByTestId('calendar-next').click();
  await expect(dayView).toHaveAttribute('data-date', addDays(thursday, 1));
  await expect(dayView).not.toContainText('町内会 懇親会');
  await page.getByTestId('calendar-previous').click();
  await expect(dayView).toHaveAttribute('data-date', thursday);
  await expect(dayView).toContainText('町内会 懇親会');
  await page.getByTestId('calendar-date-input').fill(tuesday);
  await expect(dayView).toHaveAttribute('data-date', tuesday);
  await expect(dayView.getByTestId('calendar-day-hall').filter({ hasText: '松の間' })).toContainText('中村家 歓迎会');
  await page.getByTestId('calendar-today').click();
  await expect(dayView).toHaveAttribute('data-date', today());
  await expect(dayView).not.toContainText('中村家 歓迎会');

  // A deal's chip leads to its page.
  await page.getByTestId('calendar-view').getByText('週', { exact: true }).click();
  await page.getByTestId('calendar-next').click();
  await chip(first).click();
  await expect(page.getByTestId('banquet-page')).toHaveAttribute('data-banquet-id', first);
});
