import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

// What a salesperson does on the banquet screens, as small steps the banquet tests share.

/** 2026年12月10日 as the screens write a day (the weekday follows in brackets). */
export function japaneseDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** The header's 「宴会」, then one of the banquet screens by its tab. */
export async function openBanquets(
  page: Page,
  tab: 'pipeline' | 'calendar' | 'followUps' | 'reports' | 'halls' = 'pipeline',
): Promise<void> {
  await page.getByTestId('header-banquets').click();
  await expect(page.getByTestId('banquet-screens')).toBeVisible();
  if (tab !== 'pipeline') await page.getByTestId(`banquet-nav-${tab}`).click();
}

export type Inquiry = {
  organiser: string;
  group: string;
  type?: string;
  date: string;
  start?: string;
  end?: string;
  hall?: string;
  headcount: number;
  pricePerHead?: number;
  deceased?: string;
  dateOfDeath?: string;
};

/** Fills the new-inquiry dialog (it must be open) the way staff do, without saving. */
export async function fillInquiry(page: Page, inquiry: Inquiry): Promise<void> {
  const form = page.getByTestId('banquet-form');
  await form.getByTestId('organiser-search').fill(inquiry.organiser);
  await form.getByTestId('organiser-candidate').first().click();
  await expect(form.getByTestId('organiser-chosen')).toBeVisible();
  await form.getByTestId('banquet-group').fill(inquiry.group);
  if (inquiry.type) {
    await form.getByTestId('banquet-type').click();
    await page.getByRole('option', { name: inquiry.type, exact: true }).click();
  }
  await form.getByTestId('banquet-date').fill(inquiry.date);
  await form.getByTestId('banquet-start').fill(inquiry.start ?? '18:00');
  await form.getByTestId('banquet-end').fill(inquiry.end ?? '20:00');
  if (inquiry.hall) {
    await form.getByTestId('banquet-halls').click({ force: true });
    await page.getByRole('option', { name: new RegExp(`^${inquiry.hall}（`) }).click();
    await page.keyboard.press('Escape'); // closes the hall list, not the dialog
    await expect(form).toBeVisible();
  }
  await form.getByTestId('banquet-headcount').fill(String(inquiry.headcount));
  if (inquiry.pricePerHead !== undefined) await form.getByTestId('banquet-price').fill(String(inquiry.pricePerHead));
  if (inquiry.deceased !== undefined) await form.getByTestId('banquet-deceased').fill(inquiry.deceased);
  if (inquiry.dateOfDeath !== undefined) await form.getByTestId('banquet-death').fill(inquiry.dateOfDeath);
}

/** Takes an inquiry from the pipeline and lands on the new deal's page; returns its id. */
export async function takeInquiry(page: Page, inquiry: Inquiry): Promise<string> {
  await openBanquets(page);
  await page.getByTestId('new-inquiry').click();
  await fillInquiry(page, inquiry);
  await page.getByTestId('save-banquet').click();
  await expect(page.getByTestId('banquet-form')).toBeHidden();
  await expect(page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', 'inquiry');
  await expect(page.getByTestId('banquet-title')).toHaveText(inquiry.group);
  return (await page.getByTestId('banquet-page').getAttribute('data-banquet-id')) ?? '';
}

/** A stage move that needs no more than a click (提案する, 確定, 実施済み). */
export async function advance(page: Page, stage: 'proposal' | 'confirmed' | 'held'): Promise<void> {
  await page.getByTestId(`advance-${stage}`).click();
  await expect(page.getByTestId('banquet-stage')).toHaveAttribute('data-stage', stage);
}

/** 仮押さえ with the expiry the dialog proposes (a week ahead). */
export async function holdProvisionally(page: Page): Promise<void> {
  await page.getByTestId('advance-provisional').click();
  await expect(page.getByTestId('stage-dialog')).toBeVisible();
  await page.getByTestId('stage-submit').click();
}
