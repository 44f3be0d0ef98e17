import { BarChart } from '@mantine/charts';
import { Anchor, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ManagerOverview } from '../../shared/contract/manager.ts';
import { navigate } from '../app/route.ts';
import { BanquetReportCharts } from '../banquets/ReportsPage.tsx';
import { monthLabel } from '../banquets/report-tables.ts';
import { formatDay, locale } from '../i18n/format.ts';
import { formatYen } from '../service/format.ts';
import type { ListRequest } from './FigureList.tsx';
import { CHART_HEIGHT, CountButton, FigureCard, Stat } from './figure-parts.tsx';
import { formatChange, formatMinutes, formatShare } from './format.ts';
import {
  ALLERGY_FIGURES,
  allergiesTable,
  arrivalsTable,
  rankTable,
  requestsTable,
  revenueTable,
  STAFF_KINDS,
  staffTable,
} from './tables.ts';

// The figures of one period (運営の振り返り): stats, arrivals and returning guests, revenue, requests,
// allergies, ranks, records per staff member and the banquet report, each with its chart, CSV and list.

export function Overview({ view, open }: { view: ManagerOverview; open: (request: ListRequest) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const day = (value: string) => formatDay(value, language);
  const range = `${view.from}_${view.to}`;
  const period = { from: view.from, to: view.to };
  const { totals, previousTotals } = view;
  const banquetsYen = view.revenueByMonth.reduce((sum, row) => sum + row.banquetsYen, 0);
  const arrivals = arrivalsTable(view, t, day);
  const bucketLabel = (bucket: { from: string; to: string }) =>
    view.bucket === 'month'
      ? monthLabel(bucket.from.slice(0, 7), locale(language))
      : t('manager.period', { from: bucket.from.slice(5).replace('-', '/'), to: bucket.to.slice(5).replace('-', '/') });
  const staffTotal = view.staff.reduce((sum, person) => sum + person.total, 0);
  // 120万円 / ¥1.2M on an axis, short so the ticks fit.
  const compact = new Intl.NumberFormat(locale(language), { notation: 'compact', maximumFractionDigits: 1 });
  const yenAxis = (value: number) => t('manager.revenue.yenAxis', { amount: compact.format(value) });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" data-testid="manager-compared">
        {t('manager.comparedWith', { from: day(view.previous.from), to: day(view.previous.to) })}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat
          label={t('manager.stats.arrivals')}
          value={t('manager.arrivalsCount', { count: totals.arrivals })}
          previous={t('manager.arrivalsCount', { count: previousTotals.arrivals })}
          change={formatChange(totals.arrivals, previousTotals.arrivals)}
          onClick={() => open({ figure: 'arrivals', ...period })}
          testId="stat-arrivals"
        />
        <Stat
          label={t('manager.stats.repeatRate')}
          value={formatShare(totals.returning, totals.arrivals)}
          previous={formatShare(previousTotals.returning, previousTotals.arrivals)}
          onClick={() => open({ figure: 'returning', ...period })}
          testId="stat-repeat"
        />
        <Stat
          label={t('manager.stats.staysRevenue')}
          value={formatYen(totals.staysYen)}
          previous={formatYen(previousTotals.staysYen)}
          change={formatChange(totals.staysYen, previousTotals.staysYen)}
          onClick={() => open({ figure: 'arrivals', ...period })}
          testId="stat-revenue"
        />
        <Stat label={t('manager.stats.banquetsRevenue')} value={formatYen(banquetsYen)} testId="stat-banquets" />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <FigureCard
          title={t('manager.arrivals.title', { bucket: t(`manager.arrivals.${view.bucket}`) })}
          table={arrivals}
          fileName={`arrivals-${range}.csv`}
          testId="figure-arrivals"
        >
          <BarChart
            h={CHART_HEIGHT}
            data={view.buckets.map((bucket) => ({
              label: bucketLabel(bucket),
              firstTime: bucket.arrivals - bucket.returning,
              returning: bucket.returning,
            }))}
            dataKey="label"
            type="stacked"
            series={[
              { name: 'returning', label: t('manager.arrivals.returning'), color: 'indigo.6' },
              { name: 'firstTime', label: t('manager.arrivals.firstTime'), color: 'teal.4' },
            ]}
            yAxisProps={{ allowDecimals: false }}
            withLegend
            tooltipAnimationDuration={0}
          />
          <Table.ScrollContainer minWidth={300} maxHeight={180} mt="sm">
            <Table withRowBorders={false} verticalSpacing={2} fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('manager.arrivals.bucket')}</Table.Th>
                  <Table.Th ta="right">{t('manager.arrivals.total')}</Table.Th>
                  <Table.Th ta="right">{t('manager.arrivals.returning')}</Table.Th>
                  <Table.Th ta="right">{t('manager.arrivals.revenue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.buckets.map((bucket) => (
                  <Table.Tr key={bucket.from}>
                    <Table.Td>{bucketLabel(bucket)}</Table.Td>
                    <Table.Td ta="right">
                      <CountButton
                        value={bucket.arrivals}
                        onClick={() => open({ figure: 'arrivals', from: bucket.from, to: bucket.to })}
                        testId={`arrivals-${bucket.from}`}
                      />
                    </Table.Td>
                    <Table.Td ta="right">
                      <CountButton
                        value={bucket.returning}
                        onClick={() => open({ figure: 'returning', from: bucket.from, to: bucket.to })}
                        testId={`returning-${bucket.from}`}
                      />
                    </Table.Td>
                    <Table.Td ta="right">{formatYen(bucket.staysYen)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </FigureCard>

        <FigureCard
          title={t('manager.revenue.title')}
          table={revenueTable(view, t, locale(language))}
          fileName={`revenue-${range}.csv`}
          testId="figure-revenue"
        >
          <BarChart
            h={CHART_HEIGHT}
            data={view.revenueByMonth.map((row) => ({
              label: monthLabel(row.month, locale(language)),
              staysYen: row.staysYen,
              banquetsYen: row.banquetsYen,
            }))}
            dataKey="label"
            type="stacked"
            series={[
              { name: 'staysYen', label: t('manager.revenue.stays'), color: 'teal.6' },
              { name: 'banquetsYen', label: t('manager.revenue.banquets'), color: 'grape.5' },
            ]}
            valueFormatter={formatYen}
            yAxisProps={{ width: 80, tickFormatter: yenAxis }}
            withLegend
            tooltipAnimationDuration={0}
          />
        </FigureCard>

        <FigureCard
          title={t('manager.requests.title')}
          table={requestsTable(view, t)}
          fileName={`requests-${range}.csv`}
          testId="figure-requests"
        >
          <Table withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('manager.requests.category')}</Table.Th>
                <Table.Th ta="right">{t('manager.requests.total')}</Table.Th>
                <Table.Th ta="right">{t('manager.requests.done')}</Table.Th>
                <Table.Th ta="right">{t('manager.requests.median')}</Table.Th>
                <Table.Th ta="right">{t('manager.requests.p90')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.requests.map((row) => (
                <Table.Tr key={row.category}>
                  <Table.Td>{t(`codes.requestCategory.${row.category}`)}</Table.Td>
                  <Table.Td ta="right">
                    <CountButton
                      value={row.total}
                      onClick={() => open({ figure: 'requests', category: row.category, ...period })}
                      testId={`requests-${row.category}`}
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    <CountButton
                      value={row.done}
                      onClick={() => open({ figure: 'requests', category: row.category, status: 'done', ...period })}
                      testId={`requests-${row.category}-done`}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{formatMinutes(row.medianMinutes, t)}</Table.Td>
                  <Table.Td ta="right">{formatMinutes(row.p90Minutes, t)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </FigureCard>

        <FigureCard
          title={t('manager.allergies.title')}
          table={allergiesTable(view, t)}
          fileName={`allergies-${range}.csv`}
          testId="figure-allergies"
        >
          <SimpleGrid cols={2} spacing="xs">
            {ALLERGY_FIGURES.map((figure) => (
              <Stat
                key={figure}
                label={t(`manager.allergies.${figure}`)}
                value={t('manager.count', { count: view.allergies[figure] })}
                onClick={() => open({ figure: `allergies.${figure}`, ...period })}
                testId={`allergies-${figure}`}
              />
            ))}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="xs">
            {t('manager.allergies.asOf', { date: day(view.allergies.asOf) })}
          </Text>
        </FigureCard>
      </SimpleGrid>

      <FigureCard
        title={t('manager.rank.title')}
        table={rankTable(view, t)}
        fileName={`revenue-by-rank-${range}.csv`}
        testId="figure-rank"
      >
        {view.revenueByRank === null ? (
          <Text size="sm" c="dimmed" data-testid="rank-pending">
            {t('manager.rank.pending')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <BarChart
              h={CHART_HEIGHT}
              data={view.revenueByRank.map((row) => ({
                label: row.rank || t('manager.rank.none'),
                staysYen: row.staysYen,
              }))}
              dataKey="label"
              series={[{ name: 'staysYen', label: t('manager.rank.revenue'), color: 'teal.6' }]}
              valueFormatter={formatYen}
              yAxisProps={{ width: 80, tickFormatter: yenAxis }}
              tooltipAnimationDuration={0}
            />
            <Table withRowBorders={false} verticalSpacing={2} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('manager.rank.rank')}</Table.Th>
                  <Table.Th ta="right">{t('manager.rank.stays')}</Table.Th>
                  <Table.Th ta="right">{t('manager.rank.revenue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.revenueByRank.map((row) => (
                  <Table.Tr key={row.rank}>
                    <Table.Td>{row.rank || t('manager.rank.none')}</Table.Td>
                    <Table.Td ta="right">
                      <CountButton
                        value={row.stays}
                        onClick={() => open({ figure: 'rank', rank: row.rank, rankLabel: row.rank, ...period })}
                        testId={`rank-${row.rank || 'none'}`}
                      />
                    </Table.Td>
                    <Table.Td ta="right">{formatYen(row.staysYen)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              {t('manager.rank.current')}
            </Text>
          </SimpleGrid>
        )}
      </FigureCard>

      <FigureCard
        title={t('manager.staff.title')}
        table={staffTable(view, t)}
        fileName={`records-per-staff-${range}.csv`}
        testId="figure-staff"
      >
        <Text size="sm" c="dimmed" mb="xs">
          {t('manager.staff.note')}
        </Text>
        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('manager.staff.name')}</Table.Th>
              {STAFF_KINDS.map((kind) => (
                <Table.Th key={kind} ta="right">
                  {t(`manager.staff.${kind}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('manager.staff.total')}</Table.Th>
              <Table.Th ta="right">{t('manager.staff.share')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.staff.map((person) => (
              <Table.Tr key={person.staffId}>
                <Table.Td>{person.active ? person.name : `${person.name}${t('manager.staff.inactive')}`}</Table.Td>
                {STAFF_KINDS.map((kind) => (
                  <Table.Td key={kind} ta="right">
                    <CountButton
                      value={person[kind]}
                      onClick={() =>
                        open({ figure: 'staff', staffId: person.staffId, staffName: person.name, kind, ...period })
                      }
                      testId={`staff-${kind}-${person.name}`}
                    />
                  </Table.Td>
                ))}
                <Table.Td ta="right">{person.total.toLocaleString('ja-JP')}</Table.Td>
                <Table.Td ta="right">{formatShare(person.total, staffTotal)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </FigureCard>

      <Group justify="space-between">
        <Title order={3}>{t('manager.banquets.title')}</Title>
        <Anchor
          component="button"
          onClick={() => navigate({ name: 'banquetReports' })}
          data-testid="open-banquet-reports"
        >
          {t('manager.banquets.open')}
        </Anchor>
      </Group>
      <BanquetReportCharts report={view.banquets} />
    </Stack>
  );
}
