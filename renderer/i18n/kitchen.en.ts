import type { jaKitchen } from './kitchen.ja.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enKitchen: Widen<typeof jaKitchen> = {
  title: 'kitchen',
};
