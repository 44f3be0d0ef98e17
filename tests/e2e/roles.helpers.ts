import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

// Staff, roles and PINs as the owner handles them: the staff manager, the switcher's PIN prompt, the lock screen.

export type RoleLabel = 'オーナー' | '支配人' | 'フロント' | 'サービス（仲居・客室係）' | '調理場' | '宴会営業';

export async function openStaffManager(page: Page): Promise<void> {
  await page.getByTestId('header-menu').click();
  await page.getByTestId('manage-staff').click();
  await expect(page.getByTestId('staff-manager')).toBeVisible();
}

/** Adds a colleague with exactly these roles (the form starts with the day-to-day ones ticked) and a PIN. */
export async function addStaff(page: Page, name: string, roles: RoleLabel[], pin?: string): Promise<void> {
  const form = page.getByTestId('add-staff-form');
  await form.getByTestId('new-staff-name').fill(name);
  const boxes = form.getByTestId('new-staff-roles').getByRole('checkbox');
  for (const box of await boxes.all()) {
    const label = await box.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '');
    await box.setChecked(roles.includes(label as RoleLabel));
  }
  if (pin !== undefined) await form.getByTestId('new-staff-pin').fill(pin);
  await form.getByTestId('add-staff').click();
  await expect(staffRow(page, name)).toBeVisible();
}

export function staffRow(page: Page, name: string) {
  return page.getByTestId('staff-row').filter({ has: page.locator(`input[value="${name}"]`) });
}

/** Chooses a person in the header's switcher; with PINs required, the prompt opens and asks theirs. */
export async function chooseInSwitcher(page: Page, name: string): Promise<void> {
  await page.getByTestId('staff-switcher').click();
  await page.getByRole('option', { name, exact: true }).click();
}

/** Switches to a person with their PIN, typed and sent with Enter as at the desk. */
export async function switchWithPin(page: Page, name: string, pin: string): Promise<void> {
  await chooseInSwitcher(page, name);
  const field = page.getByTestId('pin-prompt-pin');
  await expect(field).toBeFocused();
  await field.fill(pin);
  await field.press('Enter');
  await expect(page.getByTestId('pin-prompt')).toBeHidden();
  await expect(page.getByTestId('staff-switcher')).toHaveValue(name);
}
