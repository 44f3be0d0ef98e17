import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
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
  wouldLose,
  onRegisterAnyway,
  onBack,
  saving,
  testId,
}: {
  guests: readonly SimilarGuest[];
  /** 「このお客様を開く」 from the guest form, 「このお客様を選ぶ」 from a picker. */
  pickLabel: string;
  onPick(guest: SimilarGuest): void;
  /** Whether taking this guest leaves something typed unsaved: then the choice is asked again, beside them. */
  wouldLose(guest: SimilarGuest): boolean;
  onRegisterAnyway(): void;
  onBack(): void;
  saving: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // The guest chosen while staff confirm that what they typed beyond the match is not saved.
  const [asking, setAsking] = useState<string | null>(null);
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
                onClick={() => (wouldLose(guest) && asking !== guest.id ? setAsking(guest.id) : onPick(guest))}
                disabled={saving}
                // Escape here is the short form's (back to it), not the dialog's around it.
                data-mantine-stop-propagation="true"
                data-testid={`${testId}-pick`}
              >
                {asking === guest.id ? t('similar.pickAnyway') : pickLabel}
              </Button>
            </Group>
            {asking === guest.id && (
              <Text size="xs" c="orange.9" mt={4} role="alert" data-testid={`${testId}-unsaved`}>
                {t('similar.unsaved')}
              </Text>
            )}
          </Paper>
        ))}
        <Group justify="flex-end" gap="xs">
          <Button
            size="compact-sm"
            variant="default"
            onClick={onBack}
            disabled={saving}
            data-mantine-stop-propagation="true"
            data-testid={`${testId}-back`}
          >
            {t('similar.back')}
          </Button>
          <Button
            size="compact-sm"
            variant="outline"
            onClick={onRegisterAnyway}
            loading={saving}
            data-mantine-stop-propagation="true"
            data-testid={`${testId}-anyway`}
          >
            {t('similar.registerAnyway')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
