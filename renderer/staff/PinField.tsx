import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PIN_MAX_DIGITS, PIN_PATTERN } from '../../shared/contract/roles.ts';

/**
 * A PIN as typed at the desk: hidden, digits on a phone's keypad, nothing remembered by the browser. Enter
 * submits the form it is in.
 */
export function PinField(props: Omit<PasswordInputProps, 'type'>) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('access.pin.label')}
      placeholder={t('access.pin.placeholder')}
      inputMode="numeric"
      autoComplete="off"
      maxLength={PIN_MAX_DIGITS}
      w={240}
      {...props}
    />
  );
}

/** A PIN as the core reads it: full-width digits from an IME become ASCII, 4 to 8 digits. */
export function pinLooksRight(pin: string): boolean {
  return PIN_PATTERN.test(pin.normalize('NFKC').trim());
}
