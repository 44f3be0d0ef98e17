import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

// What a person does at the desk, as small steps the guest-desk tests share.

export const TAKAHASHI = {
  familyName: '髙橋',
  givenName: '一郎',
  familyReading: 'たかはし',
  givenReading: 'いちろう',
  phone: '090-1234-5678',
  email: 'ichiro.takahashi@example.jp',
};

/** Opens the app in Japanese (the language a browser on a Japanese PC would get). */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('guest-search')).toBeVisible();
}

/**
 * First run: the welcome panel asks who works at this PC; they become the owner. Without a `pin` the inn
 * chooses to run without PINs (what most tests need: switching person asks nothing), with one it is typed
 * twice and PINs are required from then on.
 */
export async function firstRun(page: Page, name = '佐藤 花子', options: { pin?: string } = {}): Promise<void> {
  await expect(page.getByTestId('first-run')).toBeVisible();
  await page.getByTestId('first-run-name').fill(name);
  if (options.pin === undefined) await page.getByTestId('first-run-no-pins').check();
  else {
    await page.getByTestId('first-run-pin').fill(options.pin);
    await page.getByTestId('first-run-pin-again').fill(options.pin);
  }
  await page.getByTestId('first-run-submit').click();
  await expect(page.getByTestId('first-run')).toBeHidden();
  await expect(page.getByTestId('staff-switcher')).toHaveValue(name);
}

export type NewGuest = {
  familyName: string;
  givenName?: string;
  familyReading: string;
  givenReading?: string;
  phone?: string;
  email?: string;
  note?: string;
};

/** Fills the guest form by the fields' names (the contract's field names). */
export async function fillGuestForm(page: Page, guest: Partial<NewGuest>): Promise<void> {
  const form = page.getByTestId('guest-form');
  for (const field of ['familyName', 'givenName', 'familyReading', 'givenReading', 'email', 'note'] as const) {
    const value = guest[field];
    if (value !== undefined) await form.locator(`[name="${field}"]`).fill(value);
  }
  if (guest.phone !== undefined) await form.locator('[name="phones.0.number"]').fill(guest.phone);
}

/**
 * Opens the guest form and waits until it takes typing: once open, the dialog moves the focus to the family
 * name, and text typed before that moment would land in whichever field had the focus.
 */
export async function openForm(page: Page, trigger: 'header-new-guest' | 'edit-guest'): Promise<void> {
  await page.getByTestId(trigger).click();
  await expect(page.getByTestId('guest-form').locator('[name="familyName"]')).toBeFocused();
}

export async function createGuest(page: Page, guest: NewGuest): Promise<string> {
  await openForm(page, 'header-new-guest');
  await fillGuestForm(page, guest);
  await page.getByTestId('save-guest').click();
  await expect(page.getByTestId('guest-form')).toBeHidden();
  const name = [guest.familyName, guest.givenName].filter(Boolean).join(' ');
  await expect(page.getByTestId('guest-name')).toHaveText(name);
  return (await page.getByTestId('guest-card').getAttribute('data-guest-id')) ?? '';
}

/**
 * Types into the search box as a person does and, once the answer to what was typed is on screen, presses Enter
 * to open the (first) guest. Enter before the answer has come opens nothing: a person waits for the list too.
 */
export async function searchAndOpen(page: Page, query: string): Promise<void> {
  const search = page.getByTestId('guest-search');
  await search.fill(''); // the box may hold this query already (from another page): typed anew, it is searched
  await search.fill(query);
  await expect(page.getByTestId('guest-card')).toBeHidden(); // typing shows the search page
  await expect(page.getByTestId('search-outcome')).toHaveAttribute('data-shown-query', query);
  await expect(page.getByTestId('search-result').first()).toBeVisible();
  await search.press('Enter');
  await expect(page.getByTestId('guest-card')).toBeVisible();
}

export async function goHome(page: Page): Promise<void> {
  await page.getByTestId('home').click();
  await expect(page.getByTestId('guest-card')).toBeHidden();
}
