import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimilarGuest } from '../../shared/contract/guests.ts';
import { reasonText } from '../duplicates/reasons.ts';
import { formatDay } from '../i18n/format.ts';
import { RankBadge } from '../ranks/RankBadge.tsx';
import { SeverityBadge } from '../service/SeverityBadge.tsx';
import { fullName, fullReading } from './names.ts';

// Before a new guest is recorded: the guests already on record who are probably that person (guests.similar), so
// the desk takes the regular's card, with its allergies and history, instead of making a second one. Each row
// says what the two share (「電話番号と読みが一致」); staff take one of them, or register the new guest anyway.
// Used by the full guest form and by the short form inside a stay's, a deal's or a companion's picker.

export function SimilarGuests({
  guests,
  pickLabel,
  onPick,
  onRegisterAnyway,
  onBack,
  saving,
  testId,
}: {
  guests: readonly SimilarGuest[];
  /** 「このお客様を開く」 from the guest form, 「このお客様を選ぶ」 from a picker. */
  pickLabel: string;
  onPick(guest: SimilarGuest): void;
  onRegisterAnyway(): void;
  onBack(): void;
  saving: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // Shown below a long form: brought into view, and the first guest's button takes the keyboard.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
    box.current?.querySelector<HTMLElement>('button')?.focus();
  }, []);
  return (
    <Alert ref={box} color="yellow" variant="light" p="xs" data-testid={testId} title={t('similar.title')} role="alert">
      <Stack gap={6}>
        <Text size="sm">{t('similar.explain', { count: guests.length })}</Text>
        {guests.map((guest) => (
          <Paper key={guest.id} withBorder p={6} radius="sm" data-testid={`${testId}-guest`} data-guest-id={guest.id}>
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="wrap">
                  <Text fw={600} size="sm">
                    {t('similar.name', { name: fullName(guest) })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {fullReading(guest)}
                  </Text>
                  <RankBadge rank={guest.rank} testId={`${testId}-rank`} />
                  {guest.today && (
                    <Badge size="sm" tt="none" color={guest.today === 'arriving' ? 'teal' : 'indigo'}>
                      {t(`search.today.${guest.today}`)}
                    </Badge>
                  )}
                  {guest.allergy && (
                    <SeverityBadge
                      severity={guest.allergy}
                      testId={`${testId}-allergy`}
                      label={t('search.allergy', { severity: t(`codes.severity.${guest.allergy}`) })}
                    />
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {[
                    guest.phone,
                    guest.birthday && t('similar.birthday', { date: formatDay(guest.birthday, i18n.language) }),
                    guest.lastVisit
                      ? t('search.lastVisit', { date: formatDay(guest.lastVisit, i18n.language) })
                      : t('similar.noVisit'),
                  ]
                    .filter(Boolean)
                    .join(t('similar.separator'))}
                </Text>
                <Text size="xs" data-testid={`${testId}-reasons`}>
                  {reasonText(t, guest.reasons)}
                </Text>
              </Stack>
              <Button
                size="compact-sm"
                variant="filled"
                onClick={() => onPick(guest)}
                disabled={saving}
                data-testid={`${testId}-pick`}
              >
                {pickLabel}
              </Button>
            </Group>
          </Paper>
        ))}
        <Group justify="flex-end" gap="xs">
          <Button size="compact-sm" variant="default" onClick={onBack} disabled={saving} data-testid={`${testId}-back`}>
            {t('similar.back')}
          </Button>
          <Button
            size="compact-sm"
            variant="outline"
            onClick={onRegisterAnyway}
            loading={saving}
            data-testid={`${testId}-anyway`}
          >
            {t('similar.registerAnyway')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
