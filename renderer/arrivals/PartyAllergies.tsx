import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Arrival } from '../../shared/contract/arrivals.ts';
import { allergenName, SEVERITY_COLOR } from '../service/format.ts';

type PartyAllergy = Arrival['allergies'][number];

/** `onColor`: the details sit on the filled red block, where grey would not read. */
function Details({ allergy, onColor = false }: { allergy: PartyAllergy; onColor?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Text span size="sm">
        {allergy.tracesOk ? t('sheet.tracesOk') : t('sheet.tracesNotOk')}
      </Text>
      {allergy.reconfirmDue && (
        <Badge color="grape" variant="filled" size="sm" data-testid="reconfirm-due">
          {t('sheet.reconfirm')}
        </Badge>
      )}
      {allergy.note && (
        <Text span size="sm" c={onColor ? 'white' : 'dimmed'} fw={onColor ? 600 : undefined}>
          {allergy.note}
        </Text>
      )}
    </>
  );
}

/**
 * The party's allergies, most severe first (the core orders them). An anaphylaxis is a filled red block with
 * the guest, the allergen and the word, so it cannot be overlooked; the rest are coloured lines.
 */
export function PartyAllergies({ allergies }: { allergies: readonly PartyAllergy[] }) {
  const { t, i18n } = useTranslation();
  const severe = allergies.filter((allergy) => allergy.severity === 'anaphylaxis');
  const others = allergies.filter((allergy) => allergy.severity !== 'anaphylaxis');
  return (
    <Stack gap={6} data-testid="arrival-allergies">
      {severe.map((allergy) => (
        <Alert
          key={allergy.id}
          color="red"
          variant="filled"
          p="xs"
          data-testid="arrival-allergy"
          data-severity={allergy.severity}
        >
          <Group gap="xs" wrap="wrap">
            <Text fw={800} size="lg">
              {t('codes.severity.anaphylaxis')}
            </Text>
            <Text fw={800} size="lg">
              {allergenName(allergy, i18n.language)}
            </Text>
            <Text fw={600}>{t('kitchen.common.guestSama', { name: allergy.guestName })}</Text>
            <Details allergy={allergy} onColor />
          </Group>
        </Alert>
      ))}
      {others.map((allergy) => (
        <Group key={allergy.id} gap="xs" wrap="wrap" data-testid="arrival-allergy" data-severity={allergy.severity}>
          <Badge color={SEVERITY_COLOR[allergy.severity]} variant="light" tt="none">
            {t(`codes.severity.${allergy.severity}`)}
          </Badge>
          <Text fw={700}>{allergenName(allergy, i18n.language)}</Text>
          <Text size="sm">{t('kitchen.common.guestSama', { name: allergy.guestName })}</Text>
          <Details allergy={allergy} />
        </Group>
      ))}
    </Stack>
  );
}
