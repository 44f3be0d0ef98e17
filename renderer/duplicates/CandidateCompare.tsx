import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Candidate, DuplicateSide, MergeField } from '../../shared/contract/duplicates.ts';
import { MERGE_FIELDS } from '../../shared/contract/duplicates.ts';
import { fullReading } from '../guests/names.ts';
import { formatDay } from '../i18n/format.ts';
import { fieldText, reasonText, sideName } from './reasons.ts';

/** One card of the pair: name, reading, phones and how much history hangs on it. */
function SideCard({ side, testId }: { side: DuplicateSide; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId} data-guest-id={side.id}>
      <Text fw={700} size="lg">
        {sideName(side)}
      </Text>
      <Text size="sm" c="dimmed">
        {fullReading(side)}
      </Text>
      <Text size="sm" mt={4}>
        {side.phones.map((phone) => phone.number).join('、') || t('duplicates.noValue')}
      </Text>
      <Group gap="xs" mt={4}>
        <Badge variant="light">{t('duplicates.stays', { count: side.stays })}</Badge>
        {side.lastVisit && (
          <Text size="xs" c="dimmed">
            {t('duplicates.lastVisit', { date: formatDay(side.lastVisit, i18n.language) })}
          </Text>
        )}
      </Group>
    </Paper>
  );
}

/** The selected pair: both cards side by side, the reasons in words, and every field with both values. */
export function CandidateCompare({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation();
  const differing = new Set<MergeField>(candidate.differing);
  return (
    <Stack gap="sm" data-testid="candidate-compare">
      <Group gap="sm">
        <Text fw={600} data-testid="candidate-reasons">
          {reasonText(t, candidate.reasons)}
        </Text>
        <Badge color="indigo" variant="outline">
          {t('duplicates.score', { score: candidate.score })}
        </Badge>
      </Group>
      <SimpleGrid cols={2}>
        <SideCard side={candidate.a} testId="side-a" />
        <SideCard side={candidate.b} testId="side-b" />
      </SimpleGrid>
      <Table verticalSpacing={4} withTableBorder>
        <Table.Tbody>
          {MERGE_FIELDS.map((field) => (
            <Table.Tr
              key={field}
              bg={differing.has(field) ? 'yellow.0' : undefined}
              data-differs={differing.has(field)}
            >
              <Table.Th w="20%">{t(`fields.${field}`)}</Table.Th>
              <Table.Td w="40%">{fieldText(t, i18n.language, candidate.a, field)}</Table.Td>
              <Table.Td w="40%">{fieldText(t, i18n.language, candidate.b, field)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
