import { Alert, Anchor, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../shared/contract/banquets.ts';
import { followUpCalls } from '../../shared/contract/follow-ups.ts';
import { textLimit } from '../../shared/contract/limits.ts';
import { addDays, addYears, LAST_DAY } from '../../shared/text/dates.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { FormFooter } from '../app/FormFooter.tsx';
import { useInnClock } from '../app/inn-clock.tsx';
import { LimitedTextarea } from '../app/LimitedText.tsx';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { formatDayWithWeekday } from '../service/format.ts';
import { BANQUET_TABLES, followUpWhat, sama } from './display.ts';

type Range = '60d' | '1y' | 'all';

function dueBy(range: Range, now: string): string {
  if (range === '60d') return addDays(now, 60);
  if (range === '1y') return addYears(now, 1);
  return LAST_DAY; // every open call, however far ahead: the last day any date field takes
}

/** The contract's limit of the note a finished call keeps. */
const NOTE_LIMIT = textLimit(followUpCalls['followUps.setStatus'].input.shape.note);

function DoneDialog({ followUp, onClose }: { followUp: FollowUp; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await call('followUps.setStatus', { id: followUp.id, status: 'done', ...(note.trim() ? { note } : {}) });
      notifySuccess(t('banquet.followUps.doneNotice', { name: sama(followUp.guestName) }));
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <FormDialog onClose={onClose} title={t('banquet.followUps.doneTitle')} centered>
      <form onSubmit={save} noValidate>
        <Stack gap="sm" data-testid="follow-up-done-dialog">
          <Text size="sm">
            {sama(followUp.guestName)}
            {t('kitchen.common.separator')}
            {followUpWhat(followUp, i18n.language)}
          </Text>
          <LimitedTextarea
            max={NOTE_LIMIT}
            maxRows={6}
            label={t('banquet.followUps.doneNote')}
            autosize
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            data-testid="follow-up-note"
            data-autofocus
          />
          <FormFooter
            formError={error}
            saving={saving}
            saveLabel={t('banquet.followUps.done')}
            saveTestId="follow-up-done-save"
            onCancel={onClose}
          />
        </Stack>
      </form>
    </FormDialog>
  );
}

/** フォロー: calls due to organisers about next year's party or the next memorial service. */
export function FollowUpsPage() {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<Range>('60d');
  const [marking, setMarking] = useState<FollowUp | null>(null);
  const now = useInnClock().today();
  const query = useQuery('followUps.list', { dueBy: dueBy(range, now), status: 'open' }, BANQUET_TABLES);
  const list = query.data?.followUps ?? [];
  return (
    <Stack gap="md" data-testid="follow-ups-page">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('banquet.followUps.title')}</Title>
        <SegmentedControl
          value={range}
          onChange={(value) => setRange(value as Range)}
          data-testid="follow-up-range"
          data={[
            { value: '60d', label: t('banquet.followUps.range60') },
            { value: '1y', label: t('banquet.followUps.range1y') },
            { value: 'all', label: t('banquet.followUps.rangeAll') },
          ]}
        />
      </Group>
      {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {query.data && list.length === 0 && (
        <Text c="dimmed" data-testid="no-follow-ups">
          {t('banquet.followUps.empty')}
        </Text>
      )}
      {list.length > 0 && (
        <Table striped bg="white" data-testid="follow-up-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('banquet.followUps.due')}</Table.Th>
              <Table.Th>{t('banquet.followUps.organiser')}</Table.Th>
              <Table.Th>{t('banquet.followUps.whatHeader')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((followUp) => (
              <Table.Tr key={followUp.id} data-testid="follow-up-row" data-follow-up-id={followUp.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text
                    size="sm"
                    c={followUp.dueDate < now ? 'red.8' : undefined}
                    fw={followUp.dueDate <= now ? 700 : 400}
                  >
                    {formatDayWithWeekday(followUp.dueDate, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor size="sm" fw={600} href={routeHref({ name: 'guest', id: followUp.guestId })}>
                    {sama(followUp.guestName)}
                  </Anchor>
                  {followUp.guestPhone && (
                    <Text size="xs" c="dimmed">
                      {followUp.guestPhone}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} data-testid="follow-up-what">
                    {followUpWhat(followUp, i18n.language)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Anchor size="xs" href={routeHref({ name: 'banquet', id: followUp.banquetId })}>
                      {followUp.groupName || t(`banquet.codes.type.${followUp.type}`)}
                    </Anchor>
                    {followUp.deceasedName
                      ? `${t('kitchen.common.separator')}${t('banquet.followUps.deceased', { name: followUp.deceasedName })}`
                      : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant="light"
                    onClick={() => setMarking(followUp)}
                    data-testid="follow-up-done"
                  >
                    {t('banquet.followUps.done')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {marking && <DoneDialog followUp={marking} onClose={() => setMarking(null)} />}
    </Stack>
  );
}
