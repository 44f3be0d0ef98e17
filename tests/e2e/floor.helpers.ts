import type { Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/index.ts';
import type { AppFixture } from './fixtures.ts';
import { expect } from './fixtures.ts';

// Set-up for the service-floor tests: data the kitchen or the desk recorded earlier (dishes, courses, past
// stays, what was served) goes in through the HTTP door, as another PC would have put it there. What the
// tests check is then done through the screens.

export type Api = <N extends CallName>(name: N, input: CallInput<N>) => Promise<CallOutput<N>>;

/** Calls the core through POST /api/call/<name> with the launch token from the app's address (#token=…). */
export function apiFor(page: Page, app: AppFixture): Api {
  const url = new URL(app.url);
  const token = /token=([^&]+)/.exec(url.hash)?.[1] ?? '';
  return async (name, input) => {
    const response = await page.request.post(`${url.origin}/api/call/${name}`, {
      headers: { 'x-yadocho-token': decodeURIComponent(token), 'content-type': 'application/json' },
      data: input,
    });
    const body = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${name} failed: ${JSON.stringify(body.error)}`);
    return body.value as CallOutput<typeof name>;
  };
}

/** The catalogue allergen with this Japanese name (the seeded labelling list). */
export async function allergenId(api: Api, nameJa: string): Promise<string> {
  const { allergens } = await api('allergens.list', {});
  const found = allergens.find((allergen) => allergen.nameJa === nameJa);
  if (!found) throw new Error(`no allergen ${nameJa}`);
  return found.id;
}

export async function guest(
  api: Api,
  familyName: string,
  givenName: string,
  familyReading: string,
  givenReading: string,
): Promise<string> {
  const card = await api('guests.create', { fields: { familyName, givenName, familyReading, givenReading } });
  return card.id;
}

/** Opens the day's arrivals as staff do: the header's 本日の到着, then the date. */
export async function openArrivals(page: Page, date: string): Promise<void> {
  await page.getByTestId('header-arrivals').click();
  await expect(page.getByTestId('arrivals-page')).toBeVisible();
  await page.getByTestId('arrivals-date-input').fill(date);
  await expect(page.getByTestId('arrivals-page')).toHaveAttribute('data-date', date);
}

/** Picks an option of a Mantine Select (searchable or not) by its visible label. */
export async function pick(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: label, exact: true }).click();
}
