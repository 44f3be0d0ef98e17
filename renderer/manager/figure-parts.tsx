import { Button, Card, Group, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { csvText } from '../../shared/text/csv.ts';
import { saveBlob } from '../api/files.ts';
import type { FigureTable } from './tables.ts';

// The pieces every figure of the manager's page is built from: a card with its CSV, a stat, a count that
// opens the records behind it.

export const CHART_HEIGHT = 220;

export function saveCsv(fileName: string, table: FigureTable) {
  saveBlob(new Blob([csvText([table.header, ...table.rows])], { type: 'text/csv;charset=utf-8' }), fileName);
}

export function FigureCard({
  title,
  table,
  fileName,
  testId,
  children,
}: {
  title: string;
  table: FigureTable;
  fileName: string;
  testId: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => saveCsv(fileName, table)}
          data-testid={`${testId}-csv`}
        >
          {t('manager.saveCsv')}
        </Button>
      </Group>
      {children}
    </Card>
  );
}

/** A count that opens its list: a plain number to read, underlined to say it can be clicked. */
export function CountButton({ value, onClick, testId }: { value: number; onClick: () => void; testId: string }) {
  return (
    <UnstyledButton onClick={onClick} data-testid={testId} style={{ textDecoration: 'underline dotted' }}>
      {value.toLocaleString('ja-JP')}
    </UnstyledButton>
  );
}

export function Stat({
  label,
  value,
  previous,
  change,
  onClick,
  testId,
}: {
  label: string;
  value: string;
  previous?: string;
  change?: string;
  onClick?: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const body = (
    <Card withBorder radius="md" padding="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" data-testid={`${testId}-value`}>
        {value}
      </Text>
      {previous !== undefined && (
        <Text size="xs" c="dimmed">
          {t('manager.previous', { value: previous })}
          {change ? ` / ${t('manager.change', { value: change })}` : ''}
        </Text>
      )}
    </Card>
  );
  return onClick ? (
    <UnstyledButton onClick={onClick} aria-label={label}>
      {body}
    </UnstyledButton>
  ) : (
    body
  );
}
