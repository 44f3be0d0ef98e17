import { Checkbox, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { fullName, fullReading } from '../guests/names.ts';

/**
 * Who else is in the party: the guest's companions as checkboxes (the usual case), and a search to add
 * anyone else already registered. `known` names the members the stay already has.
 */
export function PartyPicker({
  guestId,
  value,
  known,
  onChange,
  error,
}: {
  guestId: string;
  value: string[];
  known: ReadonlyMap<string, string>;
  onChange(ids: string[]): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const card = useQuery('guests.get', { id: guestId }, ['guests', 'guest_links']);
  const companions = card.data?.companions ?? [];
  const [added, setAdded] = useState(() => new Map<string, string>());
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const sequence = useRef(0);

  const companionIds = useMemo(() => new Set(companions.map((c) => c.guestId)), [companions]);
  const others = value.filter((id) => !companionIds.has(id));

  useEffect(() => {
    const mine = ++sequence.current;
    if (!q.trim()) {
      setHits([]);
      return;
    }
    call('guests.search', { q: q.slice(0, 100), limit: 6 }).then(
      (result) => {
        if (mine === sequence.current) setHits(result.hits.filter((hit) => hit.id !== guestId));
      },
      () => undefined,
    );
  }, [q, guestId]);

  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));

  return (
    <Stack gap={6} data-testid="stay-party">
      <Text size="sm" fw={500}>
        {t('service.stays.form.party')}
      </Text>
      {companions.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('service.stays.form.partyNone')}
        </Text>
      )}
      <Group gap="md">
        {companions.map((companion) => (
          <Checkbox
            key={companion.guestId}
            data-testid="stay-party-companion"
            label={`${fullName(companion)}（${t(`relationships.${companion.relationship}`)}）`}
            checked={value.includes(companion.guestId)}
            onChange={(event) => toggle(companion.guestId, event.currentTarget.checked)}
          />
        ))}
        {others.map((id) => (
          <Checkbox
            key={id}
            data-testid="stay-party-other"
            label={added.get(id) ?? known.get(id) ?? id}
            checked
            onChange={() => toggle(id, false)}
          />
        ))}
      </Group>
      <TextInput
        size="xs"
        data-testid="stay-party-search"
        label={t('service.stays.form.partySearch')}
        placeholder={t('service.stays.form.partySearchPlaceholder')}
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        error={error}
      />
      {hits
        .filter((hit) => !value.includes(hit.id))
        .map((hit) => (
          <UnstyledButton
            key={hit.id}
            data-testid="stay-party-candidate"
            px="xs"
            onClick={() => {
              setAdded((current) => new Map(current).set(hit.id, fullName(hit)));
              onChange([...value, hit.id]);
              setQ('');
            }}
          >
            <Text span fw={600}>
              {fullName(hit)}
            </Text>{' '}
            <Text span size="xs" c="dimmed">
              {fullReading(hit)} {hit.phone}
            </Text>
          </UnstyledButton>
        ))}
      {q.trim() && hits.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('service.stays.form.noMatch')}
        </Text>
      )}
    </Stack>
  );
}
