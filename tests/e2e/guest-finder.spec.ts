// Picking a person in a form (a companion, a stay's party, a banquet's organiser), end to end in real Chromium
// against the HTTP door and the core: someone not yet on record is registered right there, with what was typed
// in the form kept, and the picker is used from the keyboard alone.

import { openBanquets } from './banquets.helpers.ts';
import { expect, test } from './fixtures.ts';
import { apiFor, guest } from './floor.helpers.ts';
import { openNewGuest, openServiceTab } from './service.helpers.ts';

test.use({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });

test('a companion not on record is registered from the card and linked, from the keyboard alone', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  await page.getByTestId('add-companion').click();
  const search = page.getByTestId('companion-search');
  await expect(search).toBeFocused();
  await search.pressSequentially('木村 太郎');
  // Nobody of that name: the only entry offers to register them, highlighted, and Enter takes it.
  const start = page.getByTestId('companion-new-start');
  await expect(start).toContainText('該当するお客様がいません');
  await expect(start).toContainText('「木村 太郎」を新しいお客様として登録');
  await expect(page.getByTestId('companion-candidate')).toHaveCount(0);
  await search.press('Enter');

  // The name typed is in the form; the cursor waits in the reading, the one thing still missing.
  const form = page.getByTestId('companion-new');
  await expect(form.getByTestId('companion-new-familyName')).toHaveValue('木村');
  await expect(form.getByTestId('companion-new-givenName')).toHaveValue('太郎');
  const reading = form.getByTestId('companion-new-familyReading');
  await expect(reading).toBeFocused();
  await page.keyboard.type('きむら');
  await page.keyboard.press('Tab');
  await page.keyboard.type('たろう');
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('companion-chosen')).toContainText('木村 太郎');
  await expect(page.getByTestId('companion-relationship')).toBeFocused();
  await page.getByTestId('companion-relationship').selectOption('child');
  await page.getByTestId('link-companion').click();
  const companion = page.getByTestId('companion');
  await expect(companion).toContainText('木村 太郎');
  await expect(companion).toContainText('子');

  // A real guest of the register: found by the desk's search under the reading given here.
  const api = apiFor(page, app);
  const { hits } = await api('guests.search', { q: 'きむら たろう' });
  expect(hits.map((hit) => `${hit.familyName} ${hit.givenName}`)).toEqual(['木村 太郎']);
});

test('a guest on record is picked with the arrow keys and Enter, and Enter never sends the stay form', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  const api = apiFor(page, app);
  await guest(api, '木下', '一郎', 'きのした', 'いちろう');
  await guest(api, '木下', '二郎', 'きのした', 'じろう');

  await openServiceTab(page);
  await page.getByTestId('add-stay').click();
  const form = page.getByTestId('stay-form');
  await form.getByTestId('stay-rooms').fill('305');
  await form.getByTestId('stay-rooms').press('Enter');
  const search = form.getByTestId('stay-party-search');
  await search.fill('きのした');
  await expect(form.getByTestId('stay-party-candidate')).toHaveCount(2);
  const second = form.getByTestId('stay-party-candidate').nth(1);
  const secondName = (await second.locator('span').first().textContent()) ?? '';
  await search.press('ArrowDown');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');

  // Still the form, with the one chosen ticked as a member of the party, and the search empty again.
  await expect(form).toBeVisible();
  await expect(form.getByTestId('stay-party-other')).toHaveCount(1);
  await expect(form.getByRole('checkbox', { name: secondName })).toBeChecked();
  await expect(search).toHaveValue('');
  await expect(page.getByTestId('stay-row')).toHaveCount(0);

  // Escape in a search with text empties it and leaves the dialog open.
  await search.fill('きの');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(form).toBeVisible();
});

test('a new organiser is registered inside the inquiry: what was typed stays, a missing reading is refused first', async ({
  page,
  app,
}) => {
  await openNewGuest(page, app.url);
  await openBanquets(page);
  await page.getByTestId('new-inquiry').click();
  const form = page.getByTestId('banquet-form');
  // The salesperson starts with the party, then the organiser.
  await form.getByTestId('banquet-group').fill('長谷川家 法要');
  await form.getByTestId('banquet-headcount').fill('18');
  await form.getByTestId('organiser-search').fill('長谷川 誠');
  await form.getByTestId('organiser-new-start').click();

  const inline = form.getByTestId('organiser-new');
  await expect(inline.getByTestId('organiser-new-familyName')).toHaveValue('長谷川');
  await inline.getByTestId('organiser-new-phone').fill('０９０−５５５５−１２１２');
  await inline.getByTestId('organiser-new-save').click();
  // No reading: said under the field, and nobody registered.
  await expect(inline).toContainText('入力してください');
  await expect(inline.getByTestId('organiser-new-familyReading')).toHaveAttribute('aria-invalid', 'true');
  const api = apiFor(page, app);
  expect((await api('guests.search', { q: '長谷川' })).hits).toEqual([]);

  // Escape goes back to the search, not out of the dialog.
  await inline.getByTestId('organiser-new-familyReading').press('Escape');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('organiser-search')).toBeVisible();
  await form.getByTestId('organiser-search').fill('長谷川 誠');
  await form.getByTestId('organiser-new-start').click();
  await inline.getByTestId('organiser-new-phone').fill('０９０−５５５５−１２１２');
  await inline.getByTestId('organiser-new-familyReading').fill('はせがわ');
  await inline.getByTestId('organiser-new-givenReading').fill('まこと');
  await inline.getByTestId('organiser-new-save').click();

  await expect(form.getByTestId('organiser-chosen')).toHaveText('長谷川 誠 様');
  await expect(form.getByTestId('banquet-group')).toHaveValue('長谷川家 法要');
  await expect(form.getByTestId('banquet-headcount')).toHaveValue('18名');
  const { hits } = await api('guests.search', { q: '090-5555-1212' });
  expect(hits.map((hit) => hit.familyReading)).toEqual(['はせがわ']);
});
