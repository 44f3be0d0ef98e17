import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks before an action staff cannot simply take back: what will happen, in words, and a button that names the
 * action (「取り消す」, not 「はい」) beside 「戻る」, which does nothing.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  action,
  busy = false,
  onConfirm,
  onClose,
  testId,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  /** The button that acts, named for what it does. */
  action: string;
  busy?: boolean;
  onConfirm(): void;
  onClose(): void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered data-testid={testId}>
      <Stack>
        <Text>{children}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid={`${testId}-back`}>
            {t('common.back')}
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm} data-testid={`${testId}-confirm`}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
