import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import type { CallError } from '../../shared/contract/index.ts';
import { isCalendarDate } from '../../shared/text/dates.ts';
import { CallErrorException, inDesktopApp } from '../api/client.ts';
import { formatDay } from '../i18n/format.ts';
import { fieldErrorText } from './field-error-text.ts';

/** Params as a person reads them: a day the core sends as 2026-12-10 reads 2026年12月10日(木). */
function readableParams(params: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([key, value]) => [
      key,
      isCalendarDate(value) ? formatDay(value, i18next.language) : value,
    ]),
  );
}

/** The translated message of a failed call: its detail when we have words for it, else its code. */
export function errorMessage(error: CallError | unknown): string {
  const callError: CallError =
    error instanceof CallErrorException
      ? error.error
      : error && typeof error === 'object' && 'code' in error
        ? (error as CallError)
        : { code: 'internal' };
  // About the connection itself, a browser tab (npm run serve) needs other words than the desktop app: there
  // is no app to open again, but there is the address serve printed.
  const browserKey = `errors.browser.${callError.detail ?? callError.code}`;
  if (!inDesktopApp() && i18next.exists(browserKey)) return i18next.t(browserKey);
  const detailKey = `errors.detail.${callError.detail}`;
  if (callError.detail && i18next.exists(detailKey)) return i18next.t(detailKey, readableParams(callError.params));
  // Forms show field issues under their fields; elsewhere (staff dialogs) the first one is the message.
  const issue = callError.issues?.[0];
  if (issue && i18next.exists(`errors.field.${issue.code}`)) return fieldErrorText(issue);
  return i18next.t(`errors.code.${callError.code}`);
}

/** Shows a failed call's translated error, or `message` where the screen has better words for it. */
export function notifyError(error: unknown, message?: string): void {
  if (!(error instanceof CallErrorException)) console.error(error);
  notifications.show({
    color: 'red',
    title: i18next.t('errors.title'),
    message: message ?? errorMessage(error),
    autoClose: 8000,
    'data-testid': 'error-notification',
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 2500, 'data-testid': 'success-notification' });
}

/**
 * Runs a call for a button: on failure shows the translated error and resolves to undefined. A job the person
 * stopped themselves (`cancelled`) is no error: the progress bar says it was stopped.
 */
export async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CallErrorException && error.error.code === 'cancelled')) notifyError(error);
    return undefined;
  }
}
