import {
  Alert,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate, DuplicateDecision, MergeTake } from '../../shared/contract/duplicates.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { CandidateCompare } from './CandidateCompare.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { RecentMerges } from './RecentMerges.tsx';
import { reasonText, sideName } from './reasons.ts';
import { useReviewKeys } from './use-review-keys.ts';

// 重複の確認: the pairs the last scan proposed, reviewed one by one from the keyboard. The list on the left
// (best first, those put off last), the selected pair on the right with both cards and every field side by
// side; M opens the merge dialog, N records 別人, L puts the pair off. Below, the latest merges with 元に戻す.

const TABLES = ['duplicate_candidates', 'duplicate_decisions', 'guest_merges', 'guests'];

const pairKey = (candidate: Candidate) => `${candidate.a.id}|${candidate.b.id}`;

export function DuplicatesPage() {
  const { t } = useTranslation();
  const clock = useInnClock();
  const query = useQuery('duplicates.list', { limit: 200 }, TABLES);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const [scanning, setScanning] = useState(false);

  const candidates = query.data?.candidates ?? [];
  const index = Math.max(
    0,
    candidates.findIndex((candidate) => pairKey(candidate) === selectedKey),
  );
  const selected = candidates[index];
  const select = (at: number) => {
    const candidate = candidates[Math.min(Math.max(at, 0), candidates.length - 1)];
    if (candidate) setSelectedKey(pairKey(candidate));
  };
  /** After a decision the next pair is selected (the list closes up under the cursor). */
  const moveOn = () => select(index + 1 < candidates.length ? index + 1 : index - 1);

  const scan = async () => {
    setScanning(true);
    const result = await attempt(() => call('duplicates.scan', {}));
    setScanning(false);
    if (result) notifySuccess(t('duplicates.scanDone', { count: result.candidates }));
  };

  const decide = async (decision: DuplicateDecision) => {
    if (!selected) return;
    const done = await attempt(() =>
      call('duplicates.decide', { guestA: selected.a.id, guestB: selected.b.id, decision }),
    );
    if (!done) return;
    notifySuccess(t(decision === 'not_same' ? 'duplicates.notSameNotice' : 'duplicates.laterNotice'));
    moveOn();
  };

  const merge = async (keptId: string, mergedId: string, take: MergeTake) => {
    const done = await attempt(() => call('duplicates.merge', { keptId, mergedId, take }));
    if (!done || !selected) return;
    const kept = selected.a.id === keptId ? selected.a : selected.b;
    setMerging(false);
    notifySuccess(t('duplicates.mergedNotice', { name: sideName(kept) }));
    moveOn();
  };

  useReviewKeys(!merging && Boolean(selected), {
    up: () => select(index - 1),
    down: () => select(index + 1),
    merge: () => setMerging(true),
    notSame: () => void decide('not_same'),
    later: () => void decide('later'),
  });

  let body = null;
  if (query.error) body = <Alert color="red">{errorMessage(query.error)}</Alert>;
  else if (!query.data)
    body = (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  else if (candidates.length === 0)
    body = (
      <Text c="dimmed" data-testid="duplicates-empty">
        {query.data.scannedAt ? t('duplicates.empty') : t('duplicates.neverScanned')}
      </Text>
    );
  else
    body = (
      <Grid>
        <Grid.Col span={4}>
          <Stack gap={4} data-testid="candidate-list" role="listbox" aria-label={t('duplicates.title')}>
            {candidates.map((candidate, at) => (
              <UnstyledButton
                key={pairKey(candidate)}
                onClick={() => select(at)}
                role="option"
                aria-selected={at === index}
                data-testid="candidate"
                data-selected={at === index}
                p="xs"
                style={{
                  borderRadius: 6,
                  background: at === index ? 'var(--mantine-color-indigo-0)' : undefined,
                  outline: at === index ? '2px solid var(--mantine-color-indigo-4)' : undefined,
                }}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {t('duplicates.candidateLabel', { a: sideName(candidate.a), b: sideName(candidate.b) })}
                  </Text>
                  {candidate.later && (
                    <Badge size="xs" color="gray">
                      {t('duplicates.laterBadge')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed">
                  {reasonText(t, candidate.reasons)}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={8}>
          {selected && (
            <Stack>
              <CandidateCompare candidate={selected} />
              <Group>
                <Button onClick={() => setMerging(true)} data-testid="merge-button">
                  {t('duplicates.actions.merge')}
                </Button>
                <Button variant="default" onClick={() => decide('not_same')} data-testid="not-same-button">
                  {t('duplicates.actions.notSame')}
                </Button>
                <Button variant="subtle" onClick={() => decide('later')} data-testid="later-button">
                  {t('duplicates.actions.later')}
                </Button>
              </Group>
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    );

  return (
    <Stack data-testid="duplicates-page">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between">
          <Stack gap={2}>
            <Title order={2}>{t('duplicates.title')}</Title>
            <Text size="sm" c="dimmed">
              {query.data?.scannedAt
                ? `${t('duplicates.scannedAt', { when: clock.dateTime(query.data.scannedAt) })}　${t('duplicates.count', { count: query.data.total })}`
                : t('duplicates.keys')}
            </Text>
            {candidates.length > 0 && (
              <Text size="xs" c="dimmed">
                {t('duplicates.keys')}
              </Text>
            )}
          </Stack>
          <Button onClick={scan} loading={scanning} data-testid="scan-duplicates">
            {query.data?.scannedAt ? t('duplicates.rescan') : t('duplicates.scan')}
          </Button>
        </Group>
      </Paper>
      <Paper withBorder radius="md" p="md">
        {body}
      </Paper>
      <RecentMerges />
      {merging && selected && <MergeDialog candidate={selected} onClose={() => setMerging(false)} onMerge={merge} />}
    </Stack>
  );
}
