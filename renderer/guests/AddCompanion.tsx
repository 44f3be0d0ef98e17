import { Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GuestCard, RELATIONSHIPS } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { attempt, notifySuccess } from '../app/notify.ts';
import { GuestFinder, type PickedGuest } from './finder/GuestFinder.tsx';

type Relationship = (typeof RELATIONSHIPS)[number];

/**
 * Link a companion: find them as in the main search (or register them here when they are not on record),
 * choose the relationship, add.
 */
export function AddCompanion({ card, onDone }: { card: GuestCard; onDone(linked: boolean): void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<PickedGuest | null>(null);
  const [relationship, setRelationship] = useState<Relationship>('spouse');
  const [busy, setBusy] = useState(false);
  const relationshipField = useRef<HTMLSelectElement>(null);
  const linked = new Set([card.id, ...card.companions.map((c) => c.guestId)]);

  const link = async () => {
    if (!chosen) return;
    setBusy(true);
    const result = await attempt(() =>
      call('guests.linkCompanion', { guestId: card.id, companionId: chosen.id, relationship }),
    );
    setBusy(false);
    if (result) {
      notifySuccess(t('companions.linkedNotice'));
      onDone(true);
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" bg="gray.0">
      <Stack gap="xs">
        {!chosen && (
          <GuestFinder
            label={t('companions.searchLabel')}
            placeholder={t('companions.searchPlaceholder')}
            noMatch={t('companions.noMatch')}
            autoFocus
            testIds={{ search: 'companion-search', candidate: 'companion-candidate', new: 'companion-new' }}
            exclude={(id) => linked.has(id)}
            onPick={(guest) => {
              setChosen(guest);
              // From the keyboard, the next thing to say is the relationship.
              requestAnimationFrame(() => relationshipField.current?.focus());
            }}
          />
        )}
        {chosen && (
          <Group gap="xs">
            <Text size="sm" data-testid="companion-chosen">
              {t('companions.chosen', { name: chosen.name })}
            </Text>
            <Button size="compact-xs" variant="subtle" onClick={() => setChosen(null)}>
              {t('companions.change')}
            </Button>
          </Group>
        )}
        <NativeSelect
          ref={relationshipField}
          data-testid="companion-relationship"
          label={t('companions.relationshipLabel')}
          value={relationship}
          onChange={(event) => setRelationship(event.currentTarget.value as Relationship)}
          data={RELATIONSHIPS.map((value) => ({ value, label: t(`relationships.${value}`) }))}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
          <Button size="xs" data-testid="link-companion" disabled={!chosen} loading={busy} onClick={link}>
            {t('companions.link')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
