import type { jaService } from './service.ja.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const enService: Widen<typeof jaService> = {
  title: 'service',
};
