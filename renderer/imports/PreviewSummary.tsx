import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportCounts } from '../../shared/contract/imports.ts';
import { ruleLabel } from './labels.ts';

// What an import will record, in counts a person can check against the ledger before anything is written, and
// which cleansing rules changed how many cells.

const SHOWN: (keyof ImportCounts)[] = [
  'newGuests',
  'matchedGuests',
  'repeatRows',
  'stays',
  'allergies',
  'setAside',
  'changes',
];

/** The counts of a preview or of a finished import, one tile each. */
export function ImportCountTiles({ counts }: { counts: ImportCounts }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="import-counts">
      {SHOWN.map((kind) => (
        <Paper
          key={kind}
          withBorder
          radius="sm"
          px="sm"
          py={6}
          data-testid="import-count"
          data-kind={kind}
          data-count={counts[kind]}
          bg={kind === 'setAside' && counts.setAside > 0 ? 'yellow.0' : undefined}
        >
          <Text size="sm" fw={kind === 'newGuests' ? 700 : 500}>
            {t(`imports.screen.counts.${kind}`, { count: counts[kind] })}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

export function ChangeSummary({ summary }: { summary: { rule: string; count: number }[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" data-testid="change-summary">
      <Stack gap="xs">
        <Title order={5}>{t('imports.screen.summary.title')}</Title>
        {summary.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('imports.screen.summary.none')}
          </Text>
        ) : (
          <Group gap="xs">
            {summary.map((item) => (
              <Text
                key={item.rule}
                size="sm"
                px="xs"
                bg="gray.1"
                style={{ borderRadius: 4 }}
                data-testid="change-summary-item"
                data-rule={item.rule}
              >
                {t('imports.screen.summary.item', { rule: ruleLabel(item.rule), count: item.count })}
              </Text>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
