import { Button, CloseButton, Group, Pill, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { errorMessage } from '../app/notify.ts';
import { fullName, fullReading } from '../guests/names.ts';
import { sama } from './display.ts';

/**
 * Guests matching what is typed, as the desk's search finds them (name, reading, romaji, phone). A failed
 * search says so rather than looking like "no guest matches".
 */
function useGuestHits(q: string, limit = 6): { hits: SearchHit[]; failure: string | null } {
  const [found, setFound] = useState<{ hits: SearchHit[]; failure: string | null }>({ hits: [], failure: null });
  const sequence = useRef(0);
  useEffect(() => {
    const mine = ++sequence.current;
    if (!q.trim()) {
      setFound({ hits: [], failure: null });
      return;
    }
    call('guests.search', { q: q.slice(0, 100), limit }).then(
      (result) => {
        if (mine === sequence.current) setFound({ hits: result.hits, failure: null });
      },
      (failure) => {
        if (mine === sequence.current) setFound({ hits: [], failure: errorMessage(failure) });
      },
    );
  }, [q, limit]);
  return found;
}

function Candidates({
  hits,
  failure,
  q,
  testId,
  onPick,
}: {
  hits: SearchHit[];
  failure: string | null;
  q: string;
  testId: string;
  onPick(hit: SearchHit): void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {hits.map((hit) => (
        <UnstyledButton key={hit.id} data-testid={testId} px="xs" onClick={() => onPick(hit)}>
          <Text span fw={600}>
            {fullName(hit)}
          </Text>{' '}
          <Text span size="xs" c="dimmed">
            {fullReading(hit)} {hit.phone} {hit.organization}
          </Text>
        </UnstyledButton>
      ))}
      {failure && (
        <Text size="xs" c="red" role="alert">
          {failure}
        </Text>
      )}
      {q.trim() && hits.length === 0 && !failure && (
        <Text size="xs" c="dimmed">
          {t('banquet.form.noMatch')}
        </Text>
      )}
    </Stack>
  );
}

/** The organiser (幹事): a registered guest found by a few characters of the name, reading or phone. */
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
  const [q, setQ] = useState('');
  const { hits, failure } = useGuestHits(q);
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
    <Stack gap={4}>
      <TextInput
        name="organiserId"
        label={t('banquet.fields.organiser')}
        placeholder={t('banquet.form.guestSearchPlaceholder')}
        withAsterisk
        value={q}
        onChange={(event) => setQ(event.currentTarget.value)}
        error={error}
        data-testid="organiser-search"
        data-autofocus
      />
      <Candidates
        hits={hits}
        failure={failure}
        q={q}
        testId="organiser-candidate"
        onPick={(hit) => {
          onChange(hit.id, fullName(hit));
          setQ('');
        }}
      />
    </Stack>
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
  const [q, setQ] = useState('');
  const [names, setNames] = useState(() => new Map<string, string>());
  const found = useGuestHits(q);
  const failure = found.failure;
  const hits = found.hits.filter((hit) => hit.id !== exclude && !value.includes(hit.id));
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
      <Group gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          style={{ flex: 1 }}
          name="attendeeIds"
          placeholder={t('banquet.form.attendeeSearchPlaceholder')}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          error={error}
          data-testid="attendee-search"
          rightSection={q ? <CloseButton size="xs" onClick={() => setQ('')} aria-label={t('common.close')} /> : null}
        />
      </Group>
      <Candidates
        hits={hits}
        failure={failure}
        q={q}
        testId="attendee-candidate"
        onPick={(hit) => {
          setNames((current) => new Map(current).set(hit.id, fullName(hit)));
          onChange([...value, hit.id]);
          setQ('');
        }}
      />
    </Stack>
  );
}
