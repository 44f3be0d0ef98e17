import i18next from 'i18next';
import type { Issue } from '../../shared/contract/index.ts';
import { formatCount } from './text-limit.ts';

/**
 * The translated message of a field's issue (errors.field.*), with the values it names: the limit of a too
 * long text written as staff read numbers ("2,000文字以内で入力してください").
 */
export function fieldErrorText(error: Pick<Issue, 'code' | 'params'>): string {
  const key = `errors.field.${error.code}`;
  if (!i18next.exists(key)) return i18next.t('errors.field.invalid');
  const max = Number(error.params?.max);
  return i18next.t(key, Number.isFinite(max) ? { ...error.params, max: formatCount(max) } : (error.params ?? {}));
}
