import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

// The screen the desk works on: a 1366×768 notebook. What a dialog must keep in view is checked against it.

export const NOTEBOOK = { width: 1366, height: 768 };

/**
 * The element is wholly on screen: its box inside the window, and not clipped by a scrolled-away part of its
 * dialog (toBeInViewport asks the browser what is actually visible, scroll containers included).
 */
export async function expectWhollyInView(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'the element has a box').not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  await expect(locator).toBeInViewport({ ratio: 1 });
}
