import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, notifySuccess } from '../app/notify.ts';
import { fullName } from '../guests/names.ts';

/** The latest merges, each with 元に戻す until it is undone. */
export function RecentMerges() {
  const { t } = useTranslation();
  const clock = useInnClock();
  const merges = useQuery('duplicates.merges', {}, ['guest_merges']);

  const undo = async (id: string, mergedName: string) => {
    const done = await attempt(() => call('duplicates.undoMerge', { id }));
    if (done) notifySuccess(t('duplicates.recent.undoneNotice', { name: mergedName }));
  };

  const list = merges.data?.merges ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="recent-merges">
      <Stack gap="xs">
        <Title order={4}>{t('duplicates.recent.title')}</Title>
        {list.length === 0 && <Text c="dimmed">{t('duplicates.recent.empty')}</Text>}
        {list.map((merge) => (
          <Group key={merge.id} justify="space-between" data-testid="merge-row" data-merge-id={merge.id}>
            <Stack gap={0}>
              <Text fw={600}>
                {t('duplicates.recent.line', { merged: fullName(merge.merged), kept: fullName(merge.kept) })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('duplicates.recent.by', {
                  when: clock.dateTime(merge.at),
                  who: merge.by ?? t('common.unknownStaff'),
                })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('duplicates.recent.moved', { count: merge.moved })}
              </Text>
            </Stack>
            {merge.undoneAt ? (
              <Text size="sm" c="dimmed" data-testid="merge-undone">
                {t('duplicates.recent.undone', { when: clock.dateTime(merge.undoneAt) })}
              </Text>
            ) : (
              <Button
                size="xs"
                variant="light"
                data-testid="undo-merge"
                onClick={() => undo(merge.id, fullName(merge.merged))}
              >
                {t('duplicates.recent.undo')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
