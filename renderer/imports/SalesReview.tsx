import { Badge, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/contract/index.ts';
import { formatDay } from '../i18n/format.ts';
import { formatYen } from '../service/format.ts';
import { reasonLabel } from './labels.ts';

// The sales file matched against the register: how many rows found their stay, and each row with its result.
// The rows to look at (unreadable, several stays, none) come first, as the core sends them; a matched row shows
// the stay and its amount now and after the import.

type Preview = CallOutput<'imports.salesPreview'>;
type Row = Preview['rows'][number];

const STATUS_COLOR: Record<Row['status'], string> = {
  matched: 'teal',
  ambiguous: 'orange',
  not_found: 'gray',
  invalid: 'red',
};

export function SalesReview({ preview }: { preview: Preview }) {
  const { t, i18n } = useTranslation();
  const day = (value: string) => (value ? formatDay(value, i18n.language) : '');
  const counts: Array<[keyof Preview['counts'], string, string]> = [
    ['matched', 'teal', 'matched'],
    ['ambiguous', 'orange', 'ambiguous'],
    ['notFound', 'gray', 'not_found'],
    ['invalid', 'red', 'invalid'],
  ];
  const statusText = (row: Row) =>
    row.status === 'invalid'
      ? reasonLabel(row.reason ?? '')
      : t(`imports.screen.sales.status.${row.status}`, { count: row.candidates });
  return (
    <Paper withBorder radius="md" p="md" data-testid="sales-review">
      <Stack gap="sm">
        <Title order={4}>{t('imports.screen.sales.reviewTitle')}</Title>
        <Group gap="sm">
          {counts.map(([key, color, status]) => (
            <Badge key={key} color={color} variant="light" size="lg" data-testid={`sales-count-${status}`}>
              {t(`imports.screen.sales.counts.${key}`)}: {preview.counts[key]}
            </Badge>
          ))}
        </Group>
        <Text size="sm" data-testid="sales-changes">
          {t('imports.screen.sales.changes', { count: preview.counts.stays })}
        </Text>
        {preview.counts.matched < preview.counts.rows && (
          <Text size="sm" c="dimmed">
            {t('imports.screen.sales.notWritten')}
          </Text>
        )}
        <ScrollArea.Autosize mah={480}>
          <Table withTableBorder striped verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('imports.screen.sales.column.line')}</Table.Th>
                <Table.Th>{t('imports.screen.sales.column.status')}</Table.Th>
                <Table.Th>{t('imports.screen.sales.column.date')}</Table.Th>
                <Table.Th>{t('imports.screen.sales.column.name')}</Table.Th>
                <Table.Th>{t('imports.screen.sales.column.room')}</Table.Th>
                <Table.Th>{t('imports.screen.sales.column.amount')}</Table.Th>
                <Table.Th>{t('imports.screen.sales.column.stay')}</Table.Th>
                <Table.Th>{t('imports.screen.sales.column.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.line} data-testid="sales-row" data-line={row.line} data-status={row.status}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[row.status]} variant="light">
                      {statusText(row)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{day(row.date)}</Table.Td>
                  <Table.Td>{row.name}</Table.Td>
                  <Table.Td>{row.rooms.join('・')}</Table.Td>
                  <Table.Td>{row.amountYen === null ? '' : formatYen(row.amountYen)}</Table.Td>
                  <Table.Td>
                    {row.stay &&
                      t('imports.screen.sales.stayLine', {
                        name: row.stay.guestName,
                        from: day(row.stay.arrivalDate),
                        to: day(row.stay.departureDate),
                      })}
                  </Table.Td>
                  <Table.Td data-testid="sales-row-change">
                    {row.stay &&
                      t('imports.screen.sales.change', {
                        from: formatYen(row.stay.oldAmountYen),
                        to: formatYen(row.stay.newAmountYen),
                      })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}
