import { CloseButton, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGuestHits } from '../guests/finder/use-guest-hits.ts';
import { fullName, fullReading } from '../guests/names.ts';

export type PickedGuest = { id: string; name: string };

/**
 * The access log's guest filter: a guest found as the desk finds them (name, reading, romaji, phone), then shown
 * by name with a button to clear it. Finding here opens no card, so it records nothing.
 */
export function GuestFilter({
  value,
  onChange,
}: {
  value: PickedGuest | null;
  onChange(guest: PickedGuest | null): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useGuestHits(q, 6);
  if (value) {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {t('accessLog.guest')}
        </Text>
        <Group gap={4} data-testid="access-log-guest-chosen">
          <Text fw={700}>{t('accessLog.guestName.active', { name: value.name })}</Text>
          <CloseButton
            aria-label={t('accessLog.clearGuest')}
            onClick={() => onChange(null)}
            data-testid="access-log-guest-clear"
          />
        </Group>
      </Stack>
    );
  }
  const typed = q.trim() !== '' && found.answered === q;
  return (
    <Stack gap={2} pos="relative">
      <TextInput
        label={t('accessLog.guest')}
        placeholder={t('accessLog.guestSearch')}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        w={260}
        data-testid="access-log-guest"
      />
      {typed && (
        <Stack gap={0} data-testid="access-log-guest-hits">
          {found.hits.length === 0 && (
            <Text size="sm" c="dimmed">
              {found.failure ?? t('accessLog.noGuestMatch')}
            </Text>
          )}
          {found.hits.map((hit) => (
            <UnstyledButton
              key={hit.id}
              onClick={() => {
                onChange({ id: hit.id, name: fullName(hit) });
                setQ('');
              }}
              data-testid="access-log-guest-hit"
            >
              <Text size="sm">
                {fullName(hit)}{' '}
                <Text span size="xs" c="dimmed">
                  {fullReading(hit)}
                </Text>
              </Text>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
