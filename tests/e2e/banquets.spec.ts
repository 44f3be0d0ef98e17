// Banquet sales, end to end in real Chromium against the real HTTP door and core (run `npm run
// build:renderer` first), as a salesperson works: an inquiry becomes a proposal, a provisional hold, a
// confirmed and a held banquet with its timeline; a second deal wanting the same hall is refused by name; a
// lost deal is found in the reports (and their CSV) by reason and competitor; a memorial service leads to the
// next anniversary's call; bad input is refused with words and changes nothing.
// Guests and halls (recorded earlier at the desk or by the manager) go in through the HTTP door.

import { readFile } from 'node:fs/promises';
import { addMonths, addYears, localDate } from '../../shared/text/dates.ts';
import { DEFAULT_TIME_ZONE } from '../../shared/text/time-zone.ts';
import { advance, fillInquiry, holdProvisionally, japaneseDay, openBanquets, takeInquiry } from './banquets.helpers.ts';
import { expect, test } from './fixtures.ts';
import { type Api, apiFor, guest, pick } from './floor.helpers.ts';
import { firstRun, open } from './guest-desk.helpers.ts';

// The inn is in Japan: the server reads "today" in the inn's zone (Tokyo by default, whatever this process's zone)
// and the browser is there too.
test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
/**
 * Today at the inn (its zone setting, Tokyo by default, whatever this process's zone): a banquet held today can
 * be marked held at once (a later one cannot be held yet).
 */
let TODAY = '';
test.beforeAll(() => {
  TODAY = localDate(Date.now(), DEFAULT_TIME_ZONE);
});

async function hall(api: Api, name: string, seated: number): Promise<string> {
  const created = await api('halls.create', {
    fields: { name, capacity: { seated, standing: seated + 20, theatre: seated + 30 } },
  });
  return created.id;
}

test('an inquiry goes to proposal, a provisional hold, confirmed and held; a clashing deal is refused by name', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const api = apiFor(page, app);
  await guest(api, '山田', '太郎', 'やまだ', 'たろう');
  await guest(api, '鈴木', '一郎', 'すずき', 'いちろう');
  await hall(api, '松の間', 60);

  const first = await takeInquiry(page, {
    organiser: 'やまだ',
    group: '山田商事 忘年会',
    date: TODAY,
    start: '18:00',
    end: '20:30',
    hall: '松の間',
    headcount: 40,
    pricePerHead: 8000,
  });
  // The estimate follows headcount × price per head.
  await expect(page.getByTestId('banquet-summary')).toContainText('¥320,000');
  await expect(page.getByTestId('banquet-summary')).toContainText('山田 太郎 様');

  await advance(page, 'proposal');
  await holdProvisionally(page);
  await expect(page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', 'provisional');
  await expect(page.getByTestId('banquet-hold-expiry')).toContainText('仮押さえ期限');

  // Another organiser wants the same hall that evening: taken as an inquiry, but the hold is refused, naming
  // the deal holding the hall, and the second deal stays where it was.
  const second = await takeInquiry(page, {
    organiser: 'すずき',
    group: '鈴木会 懇親会',
    type: '懇親会',
    date: TODAY,
    start: '19:00',
    end: '21:00',
    hall: '松の間',
    headcount: 30,
  });
  await expect(page.getByTestId('banquet-overlaps')).toContainText('山田商事 忘年会');
  await page.getByTestId('advance-provisional').click();
  await page.getByTestId('stage-submit').click();
  const refusal = page.getByTestId('stage-error');
  await expect(refusal).toContainText('松の間');
  await expect(refusal).toContainText('山田商事 忘年会');
  await expect(refusal).toContainText('山田 太郎 様・仮押さえ');
  await page.getByTestId('stage-dialog').getByRole('button', { name: 'キャンセル', exact: true }).click();
  await expect(page.getByTestId('stage-dialog')).toBeHidden();
  await expect(page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', 'inquiry');
  await expect(page.getByTestId('timeline-entry')).toHaveCount(1);
  expect((await api('banquets.get', { id: second })).banquet.stage).toBe('inquiry');

  // The hall calendar shows the hold on today's column.
  await openBanquets(page, 'calendar');
  const onCalendar = page.locator(`[data-testid="calendar-deal"][data-banquet-id="${first}"]`);
  await expect(onCalendar).toContainText('山田商事 忘年会');
  await expect(onCalendar).toHaveAttribute('data-stage', 'provisional');
  await expect(page.getByTestId('expiring-holds')).toContainText('山田商事 忘年会');
  // The day view: each hall with that day's parties in time order, with who and how many.
  await page.getByTestId('calendar-view').getByText('日', { exact: true }).click();
  const dayView = page.getByTestId('calendar-day-view');
  await expect(dayView).toHaveAttribute('data-date', TODAY);
  const pine = dayView.getByTestId('calendar-day-hall').filter({ hasText: '松の間' });
  await expect(pine).toContainText('18:00');
  await expect(pine).toContainText('山田商事 忘年会');
  await expect(pine).toContainText('40名');
  await page.getByTestId('calendar-view').getByText('週', { exact: true }).click();

  // Back to the first deal from the calendar: confirm it, and after the party mark it held.
  await onCalendar.click();
  await expect(page.getByTestId('banquet-page')).toHaveAttribute('data-banquet-id', first);
  await advance(page, 'confirmed');
  await advance(page, 'held');
  const timeline = page.getByTestId('timeline-entry');
  await expect(timeline).toHaveCount(5);
  for (const [index, stage] of ['inquiry', 'proposal', 'provisional', 'confirmed', 'held'].entries()) {
    await expect(timeline.nth(index)).toHaveAttribute('data-stage', stage);
    await expect(timeline.nth(index)).toContainText('佐藤 花子');
  }
  await expect(timeline.nth(2)).toContainText('仮押さえ期限');
  // A held banquet is final: no further moves, no edit.
  await expect(page.getByTestId('advance-lost')).toHaveCount(0);
  await expect(page.getByTestId('edit-banquet')).toHaveCount(0);
  // A year-end party held gives next year's call.
  await expect(page.getByTestId('banquet-follow-up')).toContainText(`忘年会 ${japaneseDay(addYears(TODAY, 1))}`);
});

test('a lost deal is kept with its reason and competitor and found in the reports and their CSV', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const api = apiFor(page, app);
  await guest(api, '高橋', '次郎', 'たかはし', 'じろう');
  await hall(api, '竹の間', 30);

  await takeInquiry(page, {
    organiser: 'たかはし',
    group: '高橋工業 新年会',
    type: '新年会',
    date: TODAY,
    hall: '竹の間',
    headcount: 25,
    pricePerHead: 6000,
  });
  await page.getByTestId('advance-lost').click();
  await pick(page, 'lost-reason', '価格');
  await page.getByTestId('lost-competitor').fill('ホテル花月');
  await page.getByTestId('stage-note').fill('一人あたり千円安い見積もりが出ていた');
  await page.getByTestId('stage-submit').click();
  await expect(page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', 'lost');
  await expect(page.getByTestId('banquet-lost')).toContainText('失注理由：価格・競合先：ホテル花月');

  await openBanquets(page, 'reports');
  const lost = page.getByTestId('report-lost');
  const table = page.getByTestId('report-lost-table');
  await expect(table.getByRole('row').filter({ hasText: '価格' })).toContainText('1');
  await expect(table.getByRole('row').filter({ hasText: 'ホテル花月' })).toContainText('150,000');
  // Every card draws its chart (recharts' SVG) with the data.
  for (const card of ['report-pipeline', 'report-lost', 'report-revenue', 'report-hit-rate']) {
    await expect(page.getByTestId(card).locator('.recharts-surface').first()).toBeVisible();
  }
  await expect(lost.getByRole('application').filter({ hasText: 'ホテル花月' })).toBeVisible();
  await expect(page.getByTestId('report-hit-rate-table').getByRole('row').filter({ hasText: '新年会' })).toContainText(
    '0',
  );

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-lost-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^banquet-lost-.*\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff); // Excel reads it as UTF-8
  expect(csv).toContain('区分,項目,件数,金額（円）');
  expect(csv).toContain('理由別,価格,1,150000');
  expect(csv).toContain('競合先別,ホテル花月,1,150000');
});

test('a memorial service with its date of death, once held, puts the next anniversary in the follow-ups', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const api = apiFor(page, app);
  await guest(api, '中村', '和子', 'なかむら', 'かずこ');
  await hall(api, '梅の間', 20);
  // 一周忌 a month ago (this service, held a little late); the next is 三回忌, two years after the death.
  const death = addMonths(addYears(TODAY, -1), -1);
  const sankaiki = addYears(death, 2);

  await takeInquiry(page, {
    organiser: 'なかむら',
    group: '中村家 一周忌',
    type: '法要',
    date: TODAY,
    start: '11:00',
    end: '13:00',
    hall: '梅の間',
    headcount: 12,
    deceased: '中村 誠',
    dateOfDeath: death,
  });
  await expect(page.getByTestId('banquet-summary')).toContainText('中村 誠');
  await advance(page, 'confirmed');
  await advance(page, 'held');
  await expect(page.getByTestId('banquet-follow-up').first()).toContainText(`三回忌 ${japaneseDay(sankaiki)}`);

  await openBanquets(page, 'followUps');
  await expect(page.getByTestId('follow-ups-page')).toBeVisible();
  await page.getByTestId('follow-up-range').getByText('未対応すべて').click();
  const what = (name: string) => page.getByTestId('follow-up-what').filter({ hasText: new RegExp(`^${name} `) });
  const row = page.getByTestId('follow-up-row').filter({ has: what('三回忌') });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(japaneseDay(sankaiki));
  await expect(row).toContainText('中村 和子 様');
  await expect(row).toContainText('故 中村 誠 様');
  // Later anniversaries are listed too, each once.
  await expect(what('七回忌')).toHaveCount(1);
  await expect(what('三十三回忌')).toHaveCount(1);

  // The call is made: marked done with a note, it leaves the open list.
  await row.getByTestId('follow-up-done').click();
  await page.getByTestId('follow-up-note').fill('三回忌もこちらでとのこと');
  await page.getByTestId('follow-up-done-save').click();
  await expect(what('三回忌')).toHaveCount(0);
  await expect(what('七回忌')).toHaveCount(1);
});

test('bad input is refused in words and changes nothing', async ({ page, app }) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const api = apiFor(page, app);
  await guest(api, '小林', '健', 'こばやし', 'けん');
  await hall(api, '松の間', 60);

  // End before start: the message under the end time, nothing sent.
  await openBanquets(page);
  await page.getByTestId('new-inquiry').click();
  await fillInquiry(page, {
    organiser: 'こばやし',
    group: '小林会',
    date: TODAY,
    start: '20:00',
    end: '18:00',
    headcount: 20,
  });
  await page.getByTestId('save-banquet').click();
  const form = page.getByTestId('banquet-form');
  await expect(form).toContainText('終了時刻は開始時刻より後にしてください');
  await expect(form).toBeVisible();

  // Headcount over the hall's capacity: the core refuses, the form says why.
  await form.getByTestId('banquet-end').fill('21:00');
  await form.getByTestId('banquet-halls').click({ force: true });
  await page.getByRole('option', { name: /^松の間（/ }).click();
  await page.keyboard.press('Escape');
  await form.getByTestId('banquet-headcount').fill('100');
  await page.getByTestId('save-banquet').click();
  await expect(page.getByTestId('form-error')).toContainText('定員（60名）を超えています');
  expect((await api('banquets.list', {})).banquets).toHaveLength(0);

  // A deal that fits is taken; losing it without a reason is refused by the dialog.
  await form.getByTestId('banquet-headcount').fill('50');
  await page.getByTestId('save-banquet').click();
  await expect(page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', 'inquiry');
  await page.getByTestId('advance-lost').click();
  await page.getByTestId('lost-competitor').fill('不明');
  await page.getByTestId('stage-note').fill('連絡が途絶えた');
  await page.getByTestId('stage-submit').click();
  await expect(page.getByTestId('stage-dialog')).toContainText('失注理由を選んでください');
  await expect(page.getByTestId('stage-dialog')).toBeVisible();
  const id = (await page.getByTestId('banquet-page').getAttribute('data-banquet-id')) ?? '';
  const stored = await api('banquets.get', { id });
  expect(stored.banquet.stage).toBe('inquiry');
  expect(stored.timeline).toHaveLength(1);

  // Leaving the dialog with what was typed in it asks first (FormDialog); discarded, the deal is as it was.
  await page.keyboard.press('Escape');
  await page.getByTestId('discard-changes-confirm').click();
  await expect(page.getByTestId('stage-dialog')).toBeHidden();

  // A report over more than ten years is refused, in words that say the bound.
  await openBanquets(page, 'reports');
  await page.getByTestId('report-from').fill('2000-01-01');
  await expect(page.getByTestId('report-error')).toHaveText(
    'レポートの期間は10年以内にしてください（終了日は開始日の10年後の月まで）',
  );
});
