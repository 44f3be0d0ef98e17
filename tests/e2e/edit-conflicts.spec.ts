// Two screens editing one record (a guest, the settings, a stay), end to end in real Chromium through the HTTP
// door: the second save is refused with a panel showing both values and who changed them, and staff choose per
// field what to keep.

import type { Page } from '@playwright/test';
import { addDays, localDate } from '../../shared/text/dates.ts';
import { expect, test } from './fixtures.ts';
import { apiFor } from './floor.helpers.ts';
import { createGuest, fillGuestForm, firstRun, open, openForm, TAKAHASHI } from './guest-desk.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

const TODAY = localDate(Date.now(), 'Asia/Tokyo');

async function openCard(page: Page, url: string, id: string): Promise<void> {
  await open(page, url);
  await page.evaluate((guestId) => {
    window.location.hash = `#/guest/${guestId}`;
  }, id);
  await expect(page.getByTestId('guest-card')).toHaveAttribute('data-guest-id', id);
}

test('the second of two screens saving one field gets both values and keeps its own when asked', async ({
  page,
  app,
  context,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const id = await createGuest(page, TAKAHASHI);
  const other = await context.newPage();
  await openCard(other, app.url, id);

  // Both screens open the edit form on the same version of the guest.
  await openForm(page, 'edit-guest');
  await openForm(other, 'edit-guest');

  await fillGuestForm(page, { note: '窓側の部屋を希望' });
  await page.locator('[name="phones.0.number"]').fill('080-1111-2222');
  await page.getByTestId('save-guest').click();
  await expect(page.getByTestId('guest-form')).toBeHidden();

  await fillGuestForm(other, { note: '和室を希望' });
  await other.locator('[name="phones.0.number"]').fill('070-3333-4444');
  await other.getByTestId('save-guest').click();
  const panel = other.getByTestId('conflict-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('ほかの人が同じ項目を変更しました');
  const note = panel.getByTestId('conflict-note');
  await expect(note.getByTestId('conflict-yours')).toHaveText('和室を希望');
  await expect(note.getByTestId('conflict-theirs')).toHaveText('窓側の部屋を希望');
  await expect(note.getByTestId('conflict-by')).toContainText('佐藤 花子');
  const phones = panel.getByTestId('conflict-phones');
  await expect(phones.getByTestId('conflict-yours')).toHaveText('070-3333-4444 (携帯)');
  await expect(phones.getByTestId('conflict-theirs')).toHaveText('080-1111-2222 (携帯)');
  await expect(other.getByTestId('guest-form')).toBeVisible(); // nothing was saved, nothing was lost

  // Saving waits until every field has a choice.
  await other.getByTestId('keep-mine-note').check();
  await expect(other.getByTestId('conflict-save')).toBeDisabled();
  await other.getByTestId('take-theirs-phones').check();
  await other.getByTestId('conflict-save').click();
  await expect(other.getByTestId('guest-form')).toBeHidden();

  for (const screen of [other, page]) {
    await expect(screen.getByTestId('guest-note')).toHaveText('和室を希望');
    await expect(screen.getByTestId('guest-phones')).toContainText('080-1111-2222');
    await expect(screen.getByTestId('guest-phones')).not.toContainText('070-3333-4444');
  }
});

test('a field the other screen did not touch saves without a conflict', async ({ page, app, context }) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const id = await createGuest(page, TAKAHASHI);
  const other = await context.newPage();
  await openCard(other, app.url, id);
  await openForm(page, 'edit-guest');
  await openForm(other, 'edit-guest');

  await fillGuestForm(page, { note: '窓側の部屋を希望' });
  await page.getByTestId('save-guest').click();
  await expect(page.getByTestId('guest-form')).toBeHidden();

  await fillGuestForm(other, { email: 'ichiro@example.jp' });
  await other.getByTestId('save-guest').click();
  await expect(other.getByTestId('guest-form')).toBeHidden();
  await expect(other.getByTestId('guest-note')).toHaveText('窓側の部屋を希望');
  await expect(other.getByTestId('guest-email')).toHaveText('ichiro@example.jp');
});

test('the settings page shows a period changed on another screen and takes theirs when asked', async ({
  page,
  app,
  context,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const other = await context.newPage();
  await open(other, app.url);
  for (const screen of [page, other]) {
    await screen.evaluate(() => {
      window.location.hash = '#/settings';
    });
    await expect(screen.getByTestId('settings-page')).toBeVisible();
  }

  // Typed on the second screen before the first saves: kept on screen when the first's change arrives, and
  // saving shows both instead of undoing theirs.
  await other.getByTestId('setting-repeatDishYears').fill('7');
  await page.getByTestId('setting-repeatDishYears').fill('5');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('success-notification').filter({ hasText: '設定を保存しました' })).toBeVisible();
  await expect(other.getByTestId('setting-repeatDishYears')).toHaveValue('7');
  await other.getByTestId('save-settings').click();
  const row = other.getByTestId('conflict-panel').getByTestId('conflict-repeatDishYears');
  await expect(row.getByTestId('conflict-yours')).toHaveText('7');
  await expect(row.getByTestId('conflict-theirs')).toHaveText('5');
  await other.getByTestId('take-theirs-repeatDishYears').check();
  await other.getByTestId('conflict-save').click();
  await expect(other.getByTestId('conflict-panel')).toBeHidden();
  await expect(other.getByTestId('setting-repeatDishYears')).toHaveValue('5');
});

test('the stay dialog opens on the stay as recorded now, and a save over an edit made meanwhile shows both', async ({
  page,
  app,
}) => {
  await open(page, app.url);
  await firstRun(page, '佐藤 花子');
  const guestId = await createGuest(page, TAKAHASHI);
  const api = apiFor(page, app);
  const arrival = addDays(TODAY, 10);
  const created = await api('stays.create', {
    fields: { guestId, arrivalDate: arrival, departureDate: addDays(arrival, 2), rooms: ['201'], note: '記念日' },
  });
  await page.getByTestId('service-tab').click();
  await expect(page.getByTestId('stay-row')).toHaveAttribute('data-stay-id', created.id);

  // The card's copy falls behind (its refetch still on the way) while another screen changes the note: the
  // dialog reads the stay as it opens, so it starts from what is recorded, not from the card's copy.
  await page.route('**/api/call/guests.service', (route) => route.abort());
  await api('stays.update', { id: created.id, patch: { note: '記念日・ケーキ' }, version: created.version });
  await page.getByTestId('edit-stay').click();
  const form = page.getByTestId('stay-form');
  await expect(form.locator('[name="note"]')).toHaveValue('記念日・ケーキ');
  await page.unroute('**/api/call/guests.service');

  // Changed again elsewhere while the dialog is open: saving the same field shows both values.
  const now = await api('stays.get', { id: created.id });
  await api('stays.update', { id: created.id, patch: { note: '記念日・花束' }, version: now.version });
  await form.locator('[name="note"]').fill('記念日・ケーキと花束');
  await page.getByTestId('save-stay').click();
  const note = page.getByTestId('conflict-panel').getByTestId('conflict-note');
  await expect(note.getByTestId('conflict-yours')).toHaveText('記念日・ケーキと花束');
  await expect(note.getByTestId('conflict-theirs')).toHaveText('記念日・花束');
});
