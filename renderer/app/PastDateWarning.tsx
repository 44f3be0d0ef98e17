import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../i18n/format.ts';
import type { PastDate } from './past-date.ts';

/** What a form shows instead of saving a planned day before today: why, and a second, explicit save. */
export function PastDateWarning({ past, saving, onConfirm }: { past: PastDate; saving: boolean; onConfirm(): void }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="orange" data-testid="past-date-warning" role="alert">
      <Stack gap="xs">
        <Text size="sm">{t(past.key, { date: formatDay(past.date, i18n.language) })}</Text>
        <Text size="sm">{t('dates.past.confirmHint')}</Text>
        <Group justify="flex-end">
          <Button variant="light" color="orange" loading={saving} onClick={onConfirm} data-testid="confirm-past-date">
            {t('dates.past.confirm')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
