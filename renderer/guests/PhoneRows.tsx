import { ActionIcon, Button, Group, Input, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PHONE_LABELS } from '../../shared/contract/guests.ts';
import type { PhoneLabel, PhoneValue } from './form-model.ts';

const MAX_PHONES = 5; // the contract's limit

type Props = {
  phones: PhoneValue[];
  onChange(phones: PhoneValue[]): void;
  /** The translated message of a field path (phones, phones.0.number), if it has an error. */
  errorOf(path: string): string | undefined;
};

/** Phone numbers: one row each, a number and what kind of phone it is. A blank row is ignored on save. */
export function PhoneRows({ phones, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const labels = PHONE_LABELS.map((label) => ({ value: label, label: t(`phoneLabels.${label}`) }));
  const update = (index: number, change: Partial<PhoneValue>) =>
    onChange(phones.map((phone, i) => (i === index ? { ...phone, ...change } : phone)));

  return (
    <Input.Wrapper label={t('fields.phones')} error={errorOf('phones')}>
      <Stack gap="xs" mt={4}>
        {phones.map((phone, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              name={`phones.${index}.number`}
              aria-label={`${t('fields.phones')} ${index + 1}`}
              placeholder="090-1234-5678"
              inputMode="tel"
              value={phone.number}
              onChange={(event) => update(index, { number: event.currentTarget.value })}
              error={errorOf(`phones.${index}.number`)}
              style={{ flex: 1 }}
            />
            <NativeSelect
              name={`phones.${index}.label`}
              aria-label={t('form.phoneLabel')}
              data={labels}
              value={phone.label}
              onChange={(event) => update(index, { label: event.currentTarget.value as PhoneLabel })}
              error={errorOf(`phones.${index}.label`)}
              w={120}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              mt={2}
              data-testid="remove-phone"
              aria-label={t('form.removePhone')}
              title={t('form.removePhone')}
              onClick={() => onChange(phones.filter((_, i) => i !== index))}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            data-testid="add-phone"
            disabled={phones.length >= MAX_PHONES}
            onClick={() => onChange([...phones, { number: '', label: 'mobile' }])}
          >
            + {t('form.addPhone')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
