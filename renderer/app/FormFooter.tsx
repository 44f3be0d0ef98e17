import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// The foot of every record form: the message of a refused save (a clash, a capacity, a lost connection),
// a hint when fields below carry messages, and cancel / save. One place, so every form says it the same way.

export function FormFooter({
  formError,
  hasFieldErrors = false,
  saving,
  saveLabel,
  saveTestId,
  onCancel,
  mt,
}: {
  formError: string | null;
  hasFieldErrors?: boolean;
  saving: boolean;
  saveLabel: string;
  saveTestId: string;
  onCancel(): void;
  mt?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {formError && (
        <Alert color="red" data-testid="form-error" role="alert">
          {formError}
        </Alert>
      )}
      <Group justify="flex-end" mt={mt}>
        {hasFieldErrors && (
          <Text c="red" size="sm" role="alert" mr="auto">
            {t('form.fixErrors')}
          </Text>
        )}
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" data-testid={saveTestId} loading={saving}>
          {saveLabel}
        </Button>
      </Group>
    </>
  );
}
