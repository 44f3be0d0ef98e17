import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GuestCard, RELATIONSHIPS, type SearchHit } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { attempt, notifySuccess } from '../app/notify.ts';
import { fullName, fullReading } from './names.ts';

type Relationship = (typeof RELATIONSHIPS)[number];

/** Link an existing guest as a companion: find them as in the main search, choose the relationship, add. */
export function AddCompanion({ card, onDone }: { card: GuestCard; onDone(linked: boolean): void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [chosen, setChosen] = useState<SearchHit | null>(null);
  const [relationship, setRelationship] = useState<Relationship>('spouse');
  const [busy, setBusy] = useState(false);
  const sequence = useRef(0);

  useEffect(() => {
    const mine = ++sequence.current;
    if (!q.trim()) {
      setHits([]);
      return;
    }
    call('guests.search', { q: q.slice(0, 100), limit: 8 }).then(
      (result) => {
        if (mine !== sequence.current) return;
        const linked = new Set([card.id, ...card.companions.map((c) => c.guestId)]);
        setHits(result.hits.filter((hit) => !linked.has(hit.id)));
      },
      () => undefined,
    );
  }, [q, card]);

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
        <TextInput
          data-testid="companion-search"
          label={t('companions.searchLabel')}
          placeholder={t('companions.searchPlaceholder')}
          value={q}
          autoFocus
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setChosen(null);
          }}
        />
        {!chosen &&
          hits.map((hit) => (
            <UnstyledButton key={hit.id} data-testid="companion-candidate" onClick={() => setChosen(hit)} px="xs">
              <Text fw={600} span>
                {fullName(hit)}
              </Text>{' '}
              <Text size="xs" c="dimmed" span>
                {fullReading(hit)} {hit.phone}
              </Text>
            </UnstyledButton>
          ))}
        {!chosen && q.trim() && hits.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('companions.noMatch')}
          </Text>
        )}
        {chosen && <Text size="sm">{t('companions.chosen', { name: fullName(chosen) })}</Text>}
        <NativeSelect
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
