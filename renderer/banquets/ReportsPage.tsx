import { BarChart } from '@mantine/charts';
import { Alert, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BanquetReport } from '../../shared/contract/banquets.ts';
import { addMonths, isCalendarDate } from '../../shared/text/dates.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { errorMessage } from '../app/notify.ts';
import { locale } from '../i18n/format.ts';
import { formatYen } from '../service/format.ts';
import { toCsv } from './csv.ts';
import { BANQUET_TABLES } from './display.ts';
import { downloadText } from './download.ts';
import {
  hitRateTable,
  lostTable,
  monthLabel,
  percent,
  pipelineTable,
  type ReportTable,
  revenueTable,
} from './report-tables.ts';

const CHART_HEIGHT = 240;

/**
 * ¥1,200,000 on an axis, short so the ticks fit: 120万円 in Japanese (an amount in man units takes 円 after it,
 * never ¥ before), ¥1.2M in English. Exact amounts keep ¥1,200,000 everywhere (formatYen).
 */
function yenAxis(language: string, t: TFunction) {
  const compact = new Intl.NumberFormat(locale(language), { notation: 'compact', maximumFractionDigits: 1 });
  return (value: number) => t('banquet.reports.yenAxis', { amount: compact.format(value) });
}

type Formatters = Record<string, (value: number) => string>;

/** The tooltip: each series in its own unit (件 for counts, yen for values, % for the hit rate). */
function tooltipFor(labels: Record<string, string>, formatters: Formatters) {
  return {
    content: ({ label, payload }: { label?: unknown; payload?: readonly { dataKey?: unknown; value?: unknown }[] }) => {
      if (!payload?.length) return null;
      return (
        <Paper withBorder shadow="sm" p="xs" radius="sm">
          <Text size="sm" fw={700}>
            {String(label ?? '')}
          </Text>
          {payload.map((item) => {
            const key = String(item.dataKey ?? '');
            const value = typeof item.value === 'number' ? item.value : Number(item.value) || 0;
            return (
              <Text key={key} size="sm">
                {labels[key] ?? key}: {(formatters[key] ?? String)(value)}
              </Text>
            );
          })}
        </Paper>
      );
    },
  };
}

function ReportCard({
  title,
  table,
  filename,
  testId,
  children,
}: {
  title: string;
  table: ReportTable;
  filename: string;
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
          onClick={() => downloadText(filename, toCsv(table.header, table.rows))}
          data-testid={`${testId}-csv`}
        >
          {t('banquet.reports.saveCsv')}
        </Button>
      </Group>
      {children}
      <Table.ScrollContainer minWidth={300} maxHeight={180} mt="sm">
        <Table withRowBorders={false} verticalSpacing={2} fz="xs" data-testid={`${testId}-table`}>
          <Table.Thead>
            <Table.Tr>
              {table.header.map((head, index) => (
                <Table.Th key={head} ta={index === 0 || (testId === 'report-lost' && index === 1) ? 'left' : 'right'}>
                  {head}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row) => (
              <Table.Tr key={row.slice(0, 2).join('|')}>
                {row.map((cell, index) => (
                  <Table.Td key={table.header[index]} ta={typeof cell === 'number' || cell === null ? 'right' : 'left'}>
                    {cell === null ? '—' : typeof cell === 'number' ? cell.toLocaleString('ja-JP') : cell}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** The four report cards with their charts and CSV; the manager's view (renderer/manager/) shows them too. */
export function BanquetReportCharts({ report }: { report: BanquetReport }) {
  const { t, i18n } = useTranslation();
  const axisYen = yenAxis(i18n.language, t);
  const count = (value: number) => t('banquet.reports.countValue', { count: value });
  const labels = {
    count: t('banquet.reports.count'),
    valueYen: t('banquet.reports.valueYen'),
    rate: t('banquet.reports.hitRate'),
  };
  const range = `${report.from}_${report.to}`;
  const pipeline = report.pipeline.map((row) => ({
    label: t(`banquet.codes.stage.${row.stage}`),
    count: row.count,
    valueYen: row.valueYen,
  }));
  const byReason = report.lostByReason.map((row) => ({
    label: t(`banquet.codes.lostReason.${row.reason}`),
    count: row.count,
    valueYen: row.valueYen,
  }));
  const byCompetitor = report.lostByCompetitor.slice(0, 10).map((row) => ({
    label: row.competitor || t('banquet.reports.unknownCompetitor'),
    count: row.count,
    valueYen: row.valueYen,
  }));
  const revenue = report.revenueByMonth.map((row) => ({
    label: monthLabel(row.month, locale(i18n.language)),
    valueYen: row.valueYen,
  }));
  const hitRate = report.hitRateByType.map((row) => ({
    label: t(`banquet.codes.type.${row.type}`),
    // No decided deal of a type is no rate, not 0 %: the bar is left out (the table says —).
    rate: percent(row.rate),
  }));
  const counts = tooltipFor(labels, { count, valueYen: formatYen });

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <ReportCard
        title={t('banquet.reports.pipelineTitle')}
        table={pipelineTable(report, t)}
        filename={`banquet-pipeline-${range}.csv`}
        testId="report-pipeline"
      >
        <BarChart
          h={CHART_HEIGHT}
          data={pipeline}
          dataKey="label"
          series={[
            { name: 'count', label: labels.count, color: 'indigo.6' },
            { name: 'valueYen', label: labels.valueYen, color: 'teal.5', yAxisId: 'right' },
          ]}
          yAxisProps={{ allowDecimals: false }}
          withRightYAxis
          rightYAxisProps={{ tickFormatter: axisYen, width: 70 }}
          withLegend
          tooltipProps={counts}
          tooltipAnimationDuration={0}
        />
      </ReportCard>
      <ReportCard
        title={t('banquet.reports.lostTitle')}
        table={lostTable(report, t)}
        filename={`banquet-lost-${range}.csv`}
        testId="report-lost"
      >
        <SimpleGrid cols={2} spacing="xs">
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('banquet.reports.byReason')}
            </Text>
            <BarChart
              h={CHART_HEIGHT}
              data={byReason}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 130, interval: 0 }}
              xAxisProps={{ allowDecimals: false }}
              series={[{ name: 'count', label: labels.count, color: 'red.6' }]}
              tooltipProps={counts}
            />
          </Stack>
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('banquet.reports.byCompetitor')}
            </Text>
            <BarChart
              h={CHART_HEIGHT}
              data={byCompetitor}
              dataKey="label"
              orientation="vertical"
              yAxisProps={{ width: 130, interval: 0 }}
              xAxisProps={{ allowDecimals: false }}
              series={[{ name: 'count', label: labels.count, color: 'orange.6' }]}
              tooltipProps={counts}
            />
          </Stack>
        </SimpleGrid>
      </ReportCard>
      <ReportCard
        title={t('banquet.reports.revenueTitle')}
        table={revenueTable(report, t, locale(i18n.language))}
        filename={`banquet-revenue-${range}.csv`}
        testId="report-revenue"
      >
        <BarChart
          h={CHART_HEIGHT}
          data={revenue}
          dataKey="label"
          series={[{ name: 'valueYen', label: labels.valueYen, color: 'teal.6' }]}
          yAxisProps={{ tickFormatter: axisYen, width: 70 }}
          tooltipProps={tooltipFor(labels, { valueYen: formatYen })}
        />
      </ReportCard>
      <ReportCard
        title={t('banquet.reports.hitRateTitle')}
        table={hitRateTable(report, t)}
        filename={`banquet-hit-rate-${range}.csv`}
        testId="report-hit-rate"
      >
        <BarChart
          h={CHART_HEIGHT}
          data={hitRate}
          dataKey="label"
          series={[{ name: 'rate', label: labels.rate, color: 'grape.6' }]}
          yAxisProps={{ domain: [0, 100], tickFormatter: (value: number) => `${value}%` }}
          tooltipProps={tooltipFor(labels, { rate: (value) => `${value}%` })}
        />
      </ReportCard>
    </SimpleGrid>
  );
}

/** The first day of the month eleven months back: with today's month, twelve whole months on the charts. */
export function defaultFrom(now: string): string {
  return `${addMonths(now, -11).slice(0, 7)}-01`;
}

/** レポート: pipeline by stage, lost by reason and competitor, revenue by month, hit rate by type. */
export function ReportsPage() {
  const { t } = useTranslation();
  const now = useInnClock().today();
  const [from, setFrom] = useState(defaultFrom(now));
  // Three months ahead: deals still in the pipeline are mostly for banquets to come.
  const [to, setTo] = useState(addMonths(now, 3));
  const valid = isCalendarDate(from) && isCalendarDate(to);
  const query = useQuery('banquets.report', valid ? { from, to } : null, BANQUET_TABLES);
  return (
    <Stack gap="md" data-testid="reports-page">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('banquet.reports.title')}</Title>
        <Group gap="xs" align="flex-end">
          <TextInput
            type="date"
            label={t('banquet.reports.from')}
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            data-testid="report-from"
          />
          <TextInput
            type="date"
            label={t('banquet.reports.to')}
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
            data-testid="report-to"
          />
        </Group>
      </Group>
      {query.error && (
        <Alert color="red" data-testid="report-error">
          {errorMessage(query.error)}
        </Alert>
      )}
      {query.data && <BanquetReportCharts report={query.data} />}
    </Stack>
  );
}
