import { CloseButton, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { type KeyboardEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../../shared/contract/guests.ts';
import { fullName, fullReading } from '../names.ts';
import { NewGuestInline, type PickedGuest } from './NewGuestInline.tsx';
import { useGuestHits } from './use-guest-hits.ts';

export type { PickedGuest };

type Option = { kind: 'guest'; hit: SearchHit } | { kind: 'new' };

/**
 * Find a guest on record to pick for a form (a stay's party, a companion, a banquet's organiser or attendees),
 * or register them there and then when they are not on record yet: what was typed in the form stays.
 * From the keyboard: ↓ ↑ move through the list, Enter takes the highlighted entry (the first, once the search
 * has answered what was typed), Escape empties the search.
 */
export function GuestFinder({
  testIds,
  label,
  placeholder,
  noMatch,
  error,
  size = 'sm',
  required,
  autoFocus,
  name,
  exclude,
  limit = 6,
  onPick,
}: {
  /** `search`, `candidate` and `new` test ids, as the screens' tests have always named them. */
  testIds: { search: string; candidate: string; new: string };
  label?: string;
  placeholder?: string;
  noMatch: string;
  error?: string;
  size?: 'xs' | 'sm';
  required?: boolean;
  autoFocus?: boolean;
  name?: string;
  exclude?(id: string): boolean;
  limit?: number;
  onPick(guest: PickedGuest): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState<string | null>(null);
  const found = useGuestHits(q, limit);
  const listId = useId();
  const typed = q.trim() !== '';
  const current = found.answered === q;
  const hits = found.hits.filter((hit) => !exclude?.(hit.id));
  const options: Option[] =
    typed && current ? [...hits.map((hit) => ({ kind: 'guest', hit }) as const), { kind: 'new' }] : [];

  // Each answer starts with its first entry highlighted; the arrows move from there.
  const [cursor, setCursor] = useState<{ answer: unknown; index: number }>({ answer: null, index: 0 });
  const active = cursor.answer === found ? cursor.index : 0;
  const setActive = (index: number) => setCursor({ answer: found, index });

  const take = (option: Option | undefined) => {
    if (!option) return;
    if (option.kind === 'new') {
      setCreating(q);
      return;
    }
    onPick({ id: option.hit.id, name: fullName(option.hit) });
    setQ('');
  };

  const keys = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((active + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      // Never sends the form around: Enter here is about the guest being looked for.
      if (!typed) return;
      event.preventDefault();
      take(options[Math.min(active, options.length - 1)]);
    } else if (event.key === 'Escape' && typed) {
      event.preventDefault();
      setQ('');
    }
  };

  if (creating !== null) {
    return (
      <NewGuestInline
        query={creating}
        testId={testIds.new}
        onCancel={() => setCreating(null)}
        onCreated={(guest) => {
          setCreating(null);
          setQ('');
          onPick(guest);
        }}
      />
    );
  }

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <Stack gap={2}>
      <TextInput
        size={size}
        name={name}
        label={label}
        placeholder={placeholder}
        withAsterisk={required}
        value={q}
        error={error}
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
        data-testid={testIds.search}
        // Escape with text empties the search; with none it closes the dialog, as everywhere.
        data-mantine-stop-propagation={typed ? 'true' : undefined}
        role="combobox"
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-activedescendant={options.length > 0 ? optionId(Math.min(active, options.length - 1)) : undefined}
        onChange={(event) => setQ(event.currentTarget.value)}
        onKeyDown={keys}
        rightSection={typed ? <CloseButton size="xs" onClick={() => setQ('')} aria-label={t('common.close')} /> : null}
      />
      <Stack gap={0} id={listId} role="listbox">
        {options.map((option, index) => (
          <UnstyledButton
            key={option.kind === 'guest' ? option.hit.id : 'new'}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            data-active={index === active || undefined}
            data-testid={option.kind === 'guest' ? testIds.candidate : `${testIds.new}-start`}
            px="xs"
            py={2}
            bg={index === active ? 'blue.0' : undefined}
            onMouseEnter={() => setActive(index)}
            onClick={() => take(option)}
          >
            {option.kind === 'guest' ? (
              <>
                <Text span fw={600}>
                  {fullName(option.hit)}
                </Text>{' '}
                <Text span size="xs" c="dimmed">
                  {fullReading(option.hit)} {option.hit.phone} {option.hit.organization}
                </Text>
              </>
            ) : (
              <Text span size="sm" c="blue.8">
                {hits.length === 0 ? `${noMatch} — ` : ''}
                {t('finder.createNamed', { text: q.trim() })}
              </Text>
            )}
          </UnstyledButton>
        ))}
      </Stack>
      {found.failure && typed && (
        <Text size="xs" c="red" role="alert">
          {found.failure}
        </Text>
      )}
    </Stack>
  );
}
