import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestCard } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { attempt, notifySuccess } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { AddCompanion } from './AddCompanion.tsx';
import { fullName, fullReading } from './names.ts';

/** Companions (同伴者): other guests linked to this one, with how they are related. */
export function Companions({ card, onChanged }: { card: GuestCard; onChanged(): void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const deleted = card.deletedAt !== null;

  const unlink = async (linkId: string) => {
    const result = await attempt(() => call('guests.unlinkCompanion', { guestId: card.id, linkId }));
    if (result) {
      notifySuccess(t('companions.removedNotice'));
      onChanged();
    }
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="companions">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('companions.title')}</Title>
          {!deleted && !adding && (
            <Button size="xs" variant="light" data-testid="add-companion" onClick={() => setAdding(true)}>
              + {t('companions.add')}
            </Button>
          )}
        </Group>
        {card.companions.length === 0 && !adding && (
          <Text size="sm" c="dimmed">
            {t('companions.none')}
          </Text>
        )}
        {card.companions.map((companion) => (
          <Group key={companion.linkId} justify="space-between" wrap="nowrap" data-testid="companion">
            <Group gap="sm" wrap="nowrap">
              <Badge variant="light" tt="none">
                {t(`relationships.${companion.relationship}`)}
              </Badge>
              <Stack gap={0}>
                <Anchor href={routeHref({ name: 'guest', id: companion.guestId })} fw={600}>
                  {/* An erased companion (消去済み) has no name left: the link and its relationship stay. */}
                  {fullName(companion) || t('erasure.erasedName')}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {fullReading(companion)}
                </Text>
              </Stack>
            </Group>
            {!deleted && (
              <ActionIcon
                variant="subtle"
                color="gray"
                data-testid="remove-companion"
                aria-label={t('companions.remove')}
                title={t('companions.remove')}
                onClick={() => unlink(companion.linkId)}
              >
                ✕
              </ActionIcon>
            )}
          </Group>
        ))}
        {adding && (
          <AddCompanion
            card={card}
            onDone={(linked) => {
              setAdding(false);
              if (linked) onChanged();
            }}
          />
        )}
      </Stack>
    </Paper>
  );
}
