import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Stay } from '../../shared/contract/stays.ts';
import { useQuery } from '../api/hooks.ts';
import { PartyAllergies } from '../arrivals/PartyAllergies.tsx';
import { FLOOR_TABLES } from '../kitchen/display.ts';

/**
 * The party's allergies above the course picker: whoever plans the meal sees what to keep off it before
 * choosing, not only as flags after. The same lines as the arrivals card, current on the arrival day.
 */
export function StayAllergies({ stay }: { stay: Stay }) {
  const { t } = useTranslation();
  const arrival = useQuery('arrivals.forDate', { date: stay.arrivalDate, stayId: stay.id }, FLOOR_TABLES);
  const allergies = arrival.data?.arrivals[0]?.allergies;
  if (!allergies) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="stay-allergies">
      <Stack gap="xs">
        <Title order={4}>{t('kitchen.stay.partyAllergies')}</Title>
        {allergies.length > 0 ? (
          <PartyAllergies allergies={allergies} />
        ) : (
          <Text size="sm" c="dimmed" data-testid="stay-no-allergies">
            {t('kitchen.stay.noAllergies')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
