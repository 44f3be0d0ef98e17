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
