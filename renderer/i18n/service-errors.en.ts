import type { jaServiceErrors } from './service-errors.ja.ts';

export const enServiceErrors: Record<keyof typeof jaServiceErrors, string> = {
  placeholder_service: '—',
};
