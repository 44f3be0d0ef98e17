import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks.ts';
import { GuestFinder } from '../guests/finder/GuestFinder.tsx';
import { fullName } from '../guests/names.ts';

/**
 * Who else is in the party: the guest's companions as checkboxes (the usual case), and a search to add
 * anyone else, registering them on the spot when they are not on record. `known` names the members the stay already has.
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

  const companionIds = useMemo(() => new Set(companions.map((c) => c.guestId)), [companions]);
  const others = value.filter((id) => !companionIds.has(id));

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
      <GuestFinder
        size="xs"
        label={t('service.stays.form.partySearch')}
        placeholder={t('service.stays.form.partySearchPlaceholder')}
        noMatch={t('service.stays.form.noMatch')}
        error={error}
        testIds={{ search: 'stay-party-search', candidate: 'stay-party-candidate', new: 'stay-party-new' }}
        exclude={(id) => id === guestId || value.includes(id)}
        onPick={(guest) => {
          setAdded((current) => new Map(current).set(guest.id, guest.name));
          onChange([...value, guest.id]);
        }}
      />
    </Stack>
  );
}
