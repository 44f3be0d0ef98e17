import type { jaKitchenErrors } from './kitchen-errors.ja.ts';

export const enKitchenErrors: Record<keyof typeof jaKitchenErrors, string> = {
  placeholder_kitchen: '—',
};
