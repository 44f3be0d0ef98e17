import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../shared/contract/allergies.ts';
import type { Conflict } from '../../shared/contract/conflicts.ts';
import { useQuery } from '../api/hooks.ts';
import { routeHref } from '../app/route.ts';
import { fullName } from '../guests/names.ts';
import { allergenName, SEVERITY_COLOR } from '../service/format.ts';
import { ConflictFrame, OpenButton, Side } from './ConflictFrame.tsx';
import { DecideButton } from './DecideButton.tsx';
import type { AllergyDuplicate } from './detail.ts';
import { useWhoAndWhen } from './use-who-and-when.ts';

const ALLERGY_TABLES = ['allergies', 'allergens', 'guests', 'staff'] as const;

/**
 * 「同じアレルゲンの記録が2件あります（重い方：アナフィラキシー）」: two PCs each recorded the allergen while apart.
 * Both records stay current (every screen shows both, the more severe first) until staff correct or retract
 * one on the guest card, or decide that both stand.
 */
export function AllergyConflict({ conflict, detail }: { conflict: Conflict; detail: AllergyDuplicate }) {
  const { t, i18n } = useTranslation();
  const whoAndWhen = useWhoAndWhen();
  const guest = useQuery('guests.get', { id: detail.guestId }, ALLERGY_TABLES);
  const allergies = useQuery('allergies.forGuest', { guestId: detail.guestId }, ALLERGY_TABLES);
  const records = detail.records.map((side) => ({
    side,
    record: allergies.data?.allergies.find((allergy) => allergy.id === side.id),
  }));
  const named = records.find(({ record }) => record)?.record;
  const allergen = named ? allergenName(named, i18n.language) : '…';
  const count = detail.records.length;

  return (
    <ConflictFrame
      conflict={conflict}
      title={t('conflicts.allergy.title', { count, severest: t(`codes.severity.${detail.severest}`) })}
      subject={
        <Anchor href={routeHref({ name: 'guest', id: detail.guestId })} fw={600} data-testid="conflict-guest">
          {t('conflicts.allergy.subject', {
            guest: guest.data ? t('conflicts.record.guest', { name: fullName(guest.data) }) : '…',
            allergen,
          })}
        </Anchor>
      }
      hint={t('conflicts.allergy.hint')}
      actions={
        <>
          <OpenButton route={{ name: 'guest', id: detail.guestId }} label={t('conflicts.allergy.openGuest')} />
          <DecideButton
            conflictId={conflict.id}
            choice="both"
            label={t('conflicts.allergy.keepBoth')}
            consequence={t('conflicts.allergy.keepBothConfirm', { allergen, count })}
            testId="decide-both"
          />
        </>
      }
    >
      {records.map(({ side, record }) => (
        <Side key={side.id}>
          <Group gap="xs">
            <Badge color={SEVERITY_COLOR[side.severity as Severity] ?? 'gray'} tt="none">
              {t(`codes.severity.${side.severity}`)}
            </Badge>
            {record && (
              <Text size="sm">
                {record.tracesOk ? t('service.allergies.tracesOk') : t('service.allergies.tracesNotOk')}
              </Text>
            )}
          </Group>
          {record?.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {record.note}
            </Text>
          )}
          {record && (
            <Text size="xs" c="dimmed">
              {whoAndWhen(record.recordedBy, record.recordedAt)}
            </Text>
          )}
        </Side>
      ))}
    </ConflictFrame>
  );
}
