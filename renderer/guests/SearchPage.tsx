import { Alert, Button, Center, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { navigate } from '../app/route.ts';
import { useGuestForm } from './form-context.tsx';
import { prefillFromQuery } from './prefill.ts';
import { SearchResults } from './SearchResults.tsx';
import { useSearch } from './search-context.tsx';

const SAMPLE_COUNT = 200;

function FirstGuests() {
  const { t } = useTranslation();
  const form = useGuestForm();
  const search = useSearch();
  const [loading, setLoading] = useState(false);

  const loadSample = async () => {
    setLoading(true);
    const result = await attempt(() => call('demo.load', { count: SAMPLE_COUNT }));
    setLoading(false);
    if (result) {
      notifySuccess(t('search.empty.sampleLoaded', { count: result.created }));
      search.focus();
    }
  };

  return (
    <Paper withBorder radius="md" p="xl" data-testid="no-guests">
      <Stack align="center" gap="md">
        <Title order={3}>{t('search.empty.title')}</Title>
        <Text c="dimmed">{t('search.empty.description')}</Text>
        <Group>
          <Button data-testid="new-guest" onClick={() => form.openNew()}>
            {t('header.newGuest')}
          </Button>
          <Button data-testid="import-ledger" variant="light" onClick={() => navigate({ name: 'imports' })}>
            {t('header.importLedger')}
          </Button>
          <Button data-testid="load-sample-data" variant="light" loading={loading} onClick={loadSample}>
            {t('search.empty.loadSample')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function Hint() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Stack gap="xs" align="center" data-testid="search-hint">
        <Text>{t('search.hint')}</Text>
        <Text size="sm" c="dimmed">
          <Kbd>↑</Kbd> <Kbd>↓</Kbd> <Kbd>Enter</Kbd> <Kbd>Esc</Kbd> — {t('search.keys')}
        </Text>
      </Stack>
    </Center>
  );
}

function NoResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const form = useGuestForm();
  const prefill = prefillFromQuery(query);
  const looksLikeName = Object.keys(prefill).length > 0;
  return (
    <Paper withBorder radius="md" p="xl" data-testid="no-results">
      <Stack align="center" gap="md">
        <Text size="lg">{t('search.noResults', { query })}</Text>
        <Button data-testid="new-guest" onClick={() => form.openNew(prefill)}>
          {looksLikeName ? t('search.newGuestFromQuery', { query: query.trim() }) : t('header.newGuest')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** The search page: a hint, the first-run offers, the hits, or "no guest found". */
export function SearchPage() {
  const search = useSearch();
  return (
    // data-shown-query names the query whose answer is on screen: the benchmark times keystroke → answer with it.
    <div data-testid="search-outcome" data-shown-query={search.results.query}>
      <SearchOutcome />
    </div>
  );
}

/**
 * Whether the register has no guest yet (then the first-run screen shows). `system.info` counts every guest,
 * which reads them all (20-30 ms at 100,000 guests, in the core's thread where staff's searches wait), so it
 * is asked again on a change to guests only while none was on record: once there are guests, a sync's stream
 * of changes (several reads a second otherwise) does not count them again.
 */
function useRegisterEmpty(): boolean {
  const [hasGuests, setHasGuests] = useState(false);
  const info = useQuery('system.info', {}, hasGuests ? [] : ['guests']);
  const count = info.data?.guestCount;
  useEffect(() => {
    if (count !== undefined && count > 0) setHasGuests(true);
  }, [count]);
  return count === 0;
}

function SearchOutcome() {
  const search = useSearch();
  const registerEmpty = useRegisterEmpty();
  const { query, results } = search;

  if (!query.trim()) {
    if (registerEmpty) return <FirstGuests />;
    return <Hint />;
  }
  if (results.query !== query) {
    // The answer to this query is on its way: keep showing the previous hits meanwhile.
    return results.hits.length > 0 ? (
      <SearchResults hits={results.hits} highlight={search.highlight} onHighlight={search.setHighlight} />
    ) : null;
  }
  if (results.error) return <Alert color="red">{errorMessage(results.error)}</Alert>;
  if (results.hits.length === 0) return <NoResults query={query} />;
  return <SearchResults hits={results.hits} highlight={search.highlight} onHighlight={search.setHighlight} />;
}
