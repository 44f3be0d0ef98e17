import { Alert, Box, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// The foot of every record form: the message of a refused save (a clash, a capacity, a lost connection),
// a hint when fields above carry messages, and cancel / save. One place, so every form says it the same way.
// It sticks to the bottom of its dialog (FormDialog): however long the form, the buttons and the message stay
// in view while the fields scroll.

export function FormFooter({
  formError,
  hasFieldErrors = false,
  saving,
  saveLabel,
  saveTestId,
  saveColor,
  errorTestId = 'form-error',
  onCancel,
  mt,
}: {
  formError: string | null;
  hasFieldErrors?: boolean;
  saving: boolean;
  saveLabel: string;
  saveTestId: string;
  /** A save that undoes or ends something (取り消す, 失注) says so in its colour. */
  saveColor?: string;
  errorTestId?: string;
  onCancel(): void;
  mt?: string;
}) {
  const { t } = useTranslation();
  return (
    <Box
      pos="sticky"
      bottom={0}
      pt="xs"
      pb="md"
      bg="var(--mantine-color-body)"
      style={{ zIndex: 2 }}
      mt={mt}
      data-testid="form-footer"
    >
      {formError && (
        <Alert color="red" data-testid={errorTestId} role="alert" mb="xs">
          {formError}
        </Alert>
      )}
      <Group justify="flex-end">
        {hasFieldErrors && (
          <Text c="red" size="sm" role="alert" mr="auto">
            {t('form.fixErrors')}
          </Text>
        )}
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" color={saveColor} data-testid={saveTestId} loading={saving}>
          {saveLabel}
        </Button>
      </Group>
    </Box>
  );
}
