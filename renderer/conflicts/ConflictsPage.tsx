import { Alert, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract/index.ts';
import { errorMessage } from '../app/notify.ts';
import { ConflictCard } from './ConflictCard.tsx';
import { useConflicts } from './conflicts-context.tsx';
import { HeldChanges } from './HeldChanges.tsx';

/** A section's body until its call answers: a spinner, or the error in words. */
function Pending({ error }: { error: CallError | undefined }) {
  if (error) return <Alert color="red">{errorMessage(error)}</Alert>;
  return (
    <Center py="md">
      <Loader size="sm" />
    </Center>
  );
}

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap="sm" data-testid={testId}>
      <Title order={3}>{title}</Title>
      {children}
    </Stack>
  );
}

/**
 * 競合・保留: what merging the PCs' records could not settle (each conflict in words, both sides, links to the
 * records and the decision), and the changes kept aside (why, and applying one from a clock far ahead).
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  const { conflicts, held, refetch } = useConflicts();
  // Read again on opening: a change kept aside is no table, so no event announced it (see conflicts-context).
  useEffect(() => {
    refetch();
  }, [refetch]);
  const open = conflicts.data?.conflicts;
  const waiting = held.data?.held;
  return (
    <Stack data-testid="conflicts-page">
      <Paper withBorder radius="md" p="md">
        <Title order={2}>{t('conflicts.title')}</Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('conflicts.lead')}
        </Text>
      </Paper>
      <Section title={t('conflicts.conflictsTitle', { count: open?.length ?? 0 })} testId="conflicts-section">
        {!open ? (
          <Pending error={conflicts.error} />
        ) : open.length === 0 ? (
          <Text c="dimmed">{t('conflicts.noConflicts')}</Text>
        ) : (
          open.map((conflict) => <ConflictCard key={conflict.id} conflict={conflict} />)
        )}
      </Section>
      <Section title={t('conflicts.heldTitle', { count: waiting?.length ?? 0 })} testId="held-section">
        {!waiting ? <Pending error={held.error} /> : <HeldChanges held={waiting} />}
      </Section>
    </Stack>
  );
}
