import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictCalls } from '../../shared/contract/conflicts.ts';
import { textLimit } from '../../shared/contract/limits.ts';
import { call } from '../api/client.ts';
import { LimitedTextarea } from '../app/LimitedText.tsx';
import { attempt, notifySuccess } from '../app/notify.ts';
import { useStaff } from '../staff/staff-context.tsx';
import { useConflicts } from './conflicts-context.tsx';

type DecideProps = {
  conflictId: string;
  /** What conflicts.decide records: the timeline entry that stands, or 'kept' / 'both'. */
  choice: string;
  label: string;
  /** What the decision will do, in words, shown before it is recorded. */
  consequence: string;
  testId: string;
};

/** The contract's limit of a decision's note: past it the counter says so (nothing typed is cut off). */
const NOTE_LIMIT = textLimit(conflictCalls['conflicts.decide'].input.shape.note);

/**
 * A decision on a conflict, asked for once more before it is recorded: it reaches every PC under the name of
 * whoever is working here, so the dialog says what it does and under whose name, and takes a note.
 */
export function DecideButton({ conflictId, choice, label, consequence, testId }: DecideProps) {
  const { t } = useTranslation();
  const staff = useStaff();
  const { refetch } = useConflicts();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const current = staff.data?.staff.find((member) => member.id === staff.data?.currentStaffId);

  const decide = async () => {
    setBusy(true);
    const trimmed = note.trim();
    const done = await attempt(() =>
      call('conflicts.decide', { id: conflictId, choice, ...(trimmed ? { note: trimmed } : {}) }),
    );
    setBusy(false);
    if (!done) return;
    setOpen(false);
    notifySuccess(t('conflicts.decide.done'));
    refetch();
  };

  return (
    <>
      <Button size="xs" color="orange" variant="light" onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('conflicts.decide.title')} centered>
        <Stack gap="sm" data-testid="decide-dialog">
          <Text fw={600}>{label}</Text>
          <Text size="sm">{consequence}</Text>
          {current ? (
            <Text size="sm" c="dimmed" data-testid="decide-by">
              {t('conflicts.decide.by', { name: current.name })}
            </Text>
          ) : (
            <Alert color="red" variant="light">
              {t('conflicts.decide.noStaff')}
            </Alert>
          )}
          <LimitedTextarea
            max={NOTE_LIMIT}
            maxRows={6}
            label={t('conflicts.decide.note')}
            placeholder={t('conflicts.decide.notePlaceholder')}
            value={note}
            autosize
            minRows={2}
            onChange={(event) => setNote(event.currentTarget.value)}
            data-testid="decide-note"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={busy} disabled={!current} onClick={decide} data-testid="decide-confirm">
              {t('conflicts.decide.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
