import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../shared/contract/guests.ts';
import { navigate } from '../app/route.ts';
import { fullName, fullReading } from './names.ts';
import { RESULTS_ID } from './SearchBox.tsx';

const MATCH_COLOR = { exact: 'teal', prefix: 'blue', substring: 'gray' } as const;

type Props = { hits: SearchHit[]; highlight: number; onHighlight(index: number): void };

/** The hits, one row each; the highlighted row follows the arrow keys and stays in view. */
export function SearchResults({ hits, highlight, onHighlight }: Props) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    list.current?.querySelector(`#guest-hit-${highlight}`)?.scrollIntoView({ block: 'nearest' });
  }, [highlight]);

  return (
    <Paper withBorder radius="md" ref={list} id={RESULTS_ID} role="listbox" aria-label={t('search.resultsLabel')}>
      <Stack gap={0}>
        {hits.map((hit, index) => {
          const selected = index === highlight;
          return (
            <UnstyledButton
              key={hit.id}
              id={`guest-hit-${index}`}
              role="option"
              aria-selected={selected}
              data-testid="search-result"
              data-guest-id={hit.id}
              tabIndex={-1}
              onMouseMove={() => onHighlight(index)}
              onClick={() => navigate({ name: 'guest', id: hit.id })}
              px="md"
              py={8}
              style={{
                borderTop: index === 0 ? undefined : '1px solid var(--mantine-color-gray-2)',
                background: selected ? 'var(--mantine-color-blue-0)' : undefined,
                boxShadow: selected ? 'inset 3px 0 0 var(--mantine-color-blue-6)' : undefined,
              }}
            >
              <Group justify="space-between" wrap="nowrap" gap="md">
                <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }}>
                    {fullName(hit)}
                  </Text>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm">{fullReading(hit)}</Text>
                    <Text size="xs" c="dimmed">
                      {hit.romaji}
                    </Text>
                  </Stack>
                </Group>
                <Group gap="md" wrap="nowrap">
                  <Stack gap={0} align="flex-end">
                    {hit.phone && (
                      <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {hit.phone}
                      </Text>
                    )}
                    {hit.organization && (
                      <Text size="xs" c="dimmed" truncate maw={220}>
                        {hit.organization}
                      </Text>
                    )}
                  </Stack>
                  <Badge variant="light" color={MATCH_COLOR[hit.match]} w={96} tt="none">
                    {t(`search.match.${hit.match}`)}
                  </Badge>
                </Group>
              </Group>
            </UnstyledButton>
          );
        })}
      </Stack>
    </Paper>
  );
}
