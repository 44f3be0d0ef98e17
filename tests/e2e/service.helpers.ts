import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { createGuest, firstRun, open } from './guest-desk.helpers.ts';

// What staff do on the guest card's service side (宿泊・食事), as small steps the service tests share.

export const KIMURA = {
  familyName: '木村',
  givenName: '花子',
  familyReading: 'きむら',
  givenReading: 'はなこ',
  phone: '090-2222-3333',
};

/** First run, one guest, and their card open: where every service test starts. */
export async function openNewGuest(page: Page, url: string): Promise<string> {
  await open(page, url);
  await firstRun(page, '佐藤 花子');
  return createGuest(page, KIMURA);
}

export async function openServiceTab(page: Page): Promise<void> {
  await page.getByTestId('service-tab').click();
  await expect(page.getByTestId('service-panel')).toBeVisible();
}

/** Chooses an allergen in the dialog's catalogue picker by typing part of its name, as staff do. */
export async function chooseAllergen(page: Page, typed: string, option: string): Promise<void> {
  const form = page.getByTestId('allergy-form');
  await form.getByTestId('allergy-allergen').click();
  await form.getByTestId('allergy-allergen').fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(form.getByTestId('allergy-allergen')).toHaveValue(option);
}

export async function chooseSeverity(page: Page, label: string): Promise<void> {
  await page.getByTestId('allergy-form').getByTestId('allergy-severity').getByText(label, { exact: true }).click();
}

/** Records an allergy from the catalogue with the "アレルギーを記録" dialog. */
export async function recordAllergy(page: Page, allergen: string, severity: string): Promise<void> {
  await page.getByTestId('record-allergy').click();
  await expect(page.getByTestId('allergy-form')).toBeVisible();
  await chooseAllergen(page, allergen, allergen);
  await chooseSeverity(page, severity);
  await page.getByTestId('save-allergy').click();
  await expect(page.getByTestId('allergy-form')).toBeHidden();
}

/** The current allergy records shown in the panel (superseded and retracted ones only with "すべての記録"). */
export function allergyRecord(page: Page, name: string) {
  return page
    .getByTestId('allergy-record')
    .filter({ has: page.getByTestId('allergy-name').getByText(name, { exact: true }) });
}

/**
 * Counts, in the page, what a person did from now on: each press of the mouse, each key press that types no
 * character (Enter, Tab, the arrows, Escape…) and each run of typing into one field, as one interaction
 * each. Only trusted events count: what Playwright's mouse and keyboard did, in whatever helper, and never
 * what the app dispatched itself. A step added to the UI's path shows in the count, however it is written.
 */
export async function countInteractions(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const counter = window as unknown as { interactionCount: number };
    counter.interactionCount = 0;
    let typingInto: EventTarget | null = null;
    const interaction = () => {
      counter.interactionCount += 1;
      typingInto = null;
    };
    window.addEventListener('pointerdown', (event) => event.isTrusted && interaction(), true);
    window.addEventListener(
      'keydown',
      (event) => {
        // A character is part of the typing below; a modifier is part of the key it goes with.
        const typesNothing = event.key.length > 1 && !['Shift', 'Control', 'Alt', 'Meta'].includes(event.key);
        if (event.isTrusted && typesNothing) interaction();
      },
      true,
    );
    window.addEventListener(
      'input',
      (event) => {
        // Typing (InputEvent), not the input event a click on a checkbox also fires.
        if (!event.isTrusted || !(event instanceof InputEvent) || event.target === typingInto) return;
        counter.interactionCount += 1;
        typingInto = event.target;
      },
      true,
    );
  });
  return () => page.evaluate(() => (window as unknown as { interactionCount: number }).interactionCount);
}
