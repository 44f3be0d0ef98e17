import { Alert, Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/contract/index.ts';
import type { Query } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage } from '../app/notify.ts';
import { type ImportSummary, UndoImport, UndoResult } from './UndoImport.tsx';

// The imports made on this register, newest first: which file, when, by whom, what it brought in, and whether
// it finished, was stopped or was undone. One not yet undone can be undone from here.

type UndoAnswer = CallOutput<'imports.undo'>;

function StateBadge({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const clock = useInnClock();
  if (summary.undoneAt) {
    return (
      <Stack gap={2}>
        <Badge color="gray" variant="light" size="sm" data-testid="import-state" data-state="undone">
          {t('imports.screen.history.undone')}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('imports.screen.history.undoneBy', {
            name: summary.undoneByName ?? t('common.unknownStaff'),
            when: clock.dateTime(summary.undoneAt),
          })}
        </Text>
      </Stack>
    );
  }
  return summary.finished ? (
    <Badge color="teal" variant="light" size="sm" data-testid="import-state" data-state="finished">
      {t('imports.screen.history.finished')}
    </Badge>
  ) : (
    <Badge color="orange" variant="light" size="sm" data-testid="import-state" data-state="stopped">
      {t('imports.screen.history.stopped')}
    </Badge>
  );
}

export function ImportHistory({
  imports,
  onUndone,
}: {
  imports: Query<CallOutput<'imports.list'>>;
  onUndone: () => void;
}) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const [undone, setUndone] = useState<UndoAnswer | null>(null);
  const list = imports.data?.imports ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="import-history">
      <Stack gap="sm">
        <Title order={4}>{t('imports.screen.history.title')}</Title>
        {undone && <UndoResult result={undone} />}
        {imports.error ? (
          <Alert color="red" variant="light">
            {errorMessage(imports.error)}
          </Alert>
        ) : !imports.data ? (
          <Loader size="sm" />
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="import-history-empty">
            {t('imports.screen.history.none')}
          </Text>
        ) : (
          <Table striped verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.screen.history.file')}</Table.Th>
                <Table.Th>{t('imports.screen.history.when')}</Table.Th>
                <Table.Th>{t('imports.screen.history.who')}</Table.Th>
                <Table.Th>{t('imports.screen.history.counts')}</Table.Th>
                <Table.Th>{t('imports.screen.history.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((summary) => (
                <Table.Tr key={summary.id} data-testid="import-history-row" data-import={summary.id}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{summary.fileName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{clock.dateTime(summary.createdAt)}</Table.Td>
                  <Table.Td>{summary.staffName ?? t('common.unknownStaff')}</Table.Td>
                  <Table.Td data-testid="import-history-counts">
                    {summary.sales
                      ? t('imports.screen.history.salesLine', { stays: summary.sales.stays })
                      : t('imports.screen.history.countsLine', {
                          guests: summary.counts.newGuests,
                          stays: summary.counts.stays,
                          allergies: summary.counts.allergies,
                        })}
                  </Table.Td>
                  <Table.Td>
                    <StateBadge summary={summary} />
                  </Table.Td>
                  <Table.Td>
                    {!summary.undoneAt && (
                      <UndoImport
                        summary={summary}
                        onUndone={(result) => {
                          setUndone(result);
                          onUndone();
                        }}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
