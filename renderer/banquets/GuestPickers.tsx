import { Button, Group, Pill, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks.ts';
import { GuestFinder } from '../guests/finder/GuestFinder.tsx';
import { fullName } from '../guests/names.ts';
import { sama } from './display.ts';

/** The organiser (幹事): a guest found by a few characters of the name, reading or phone, or registered here. */
export function OrganiserPicker({
  value,
  name,
  onChange,
  error,
}: {
  value: string | null;
  name: string;
  onChange(id: string | null, name: string): void;
  error?: string;
}) {
  const { t } = useTranslation();
  if (value) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('banquet.fields.organiser')}
        </Text>
        <Group gap="xs">
          <Text fw={700} data-testid="organiser-chosen">
            {sama(name)}
          </Text>
          <Button size="compact-xs" variant="subtle" onClick={() => onChange(null, '')} data-testid="organiser-change">
            {t('banquet.form.change')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <GuestFinder
      name="organiserId"
      label={t('banquet.fields.organiser')}
      placeholder={t('banquet.form.guestSearchPlaceholder')}
      noMatch={t('banquet.form.noMatch')}
      required
      autoFocus
      error={error}
      testIds={{ search: 'organiser-search', candidate: 'organiser-candidate', new: 'organiser-new' }}
      onPick={(guest) => onChange(guest.id, guest.name)}
    />
  );
}

/** A chosen attendee, named from the guest card (the deal keeps only ids). */
function AttendeePill({ id, known, onRemove }: { id: string; known?: string; onRemove(): void }) {
  const card = useQuery('guests.get', known ? null : { id }, ['guests']);
  const name = known ?? (card.data ? fullName(card.data) : '…');
  return (
    <Pill withRemoveButton onRemove={onRemove} data-testid="attendee">
      {name}
    </Pill>
  );
}

/** Guests attending whose allergies the course is checked against. */
export function AttendeesPicker({
  value,
  exclude,
  onChange,
  error,
}: {
  value: string[];
  exclude: string | null;
  onChange(ids: string[]): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [names, setNames] = useState(() => new Map<string, string>());
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('banquet.fields.attendees')}
      </Text>
      {value.length > 0 && (
        <Group gap={6}>
          {value.map((id) => (
            <AttendeePill
              key={id}
              id={id}
              known={names.get(id)}
              onRemove={() => onChange(value.filter((other) => other !== id))}
            />
          ))}
        </Group>
      )}
      <GuestFinder
        size="xs"
        name="attendeeIds"
        placeholder={t('banquet.form.attendeeSearchPlaceholder')}
        noMatch={t('banquet.form.noMatch')}
        error={error}
        testIds={{ search: 'attendee-search', candidate: 'attendee-candidate', new: 'attendee-new' }}
        exclude={(id) => id === exclude || value.includes(id)}
        onPick={(guest) => {
          setNames((current) => new Map(current).set(guest.id, guest.name));
          onChange([...value, guest.id]);
        }}
      />
    </Stack>
  );
}
