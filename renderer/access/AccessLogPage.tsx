import { Alert, Button, Group, Loader, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACCESS_ACTIONS,
  ACCESS_PAGE_MAX,
  type AccessCursor,
  type AccessEntry,
} from '../../shared/contract/access-log.ts';
import type { CallInput } from '../../shared/contract/index.ts';
import { csvText } from '../../shared/text/csv.ts';
import { addDays, isCalendarDate } from '../../shared/text/dates.ts';
import { call } from '../api/client.ts';
import { saveBlob } from '../api/files.ts';
import { toCallError, useChanged } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, errorMessage } from '../app/notify.ts';
import { useStaff } from '../staff/staff-context.tsx';
import { entryWords } from './entry-words.ts';
import { GuestFilter, type PickedGuest } from './GuestFilter.tsx';

// 閲覧記録, for managers: the access log filtered by period (the inn's days), staff, action and guest, newest first,
// each row in words. Pages come by keyset (accessLog.list `next`): 「さらに表示」 asks for the page after the last
// one shown; the CSV walks every page of the filtered list, not only what is on screen.

const PAGE = 50;

type Filters = CallInput<'accessLog.list'>;
type Listing = { entries: AccessEntry[]; next: AccessCursor | null };

function useAccessLog(filters: Filters | null) {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<ReturnType<typeof toCallError> | null>(null);
  const [busy, setBusy] = useState(false);
  const key = filters === null ? null : JSON.stringify(filters);
  const sequence = useRef(0);

  // The first page again, dropping the pages added after it: on a new filter and when entries arrive.
  const reload = useCallback(() => {
    if (key === null) return;
    const mine = ++sequence.current;
    setBusy(true);
    call('accessLog.list', { ...(JSON.parse(key) as Filters), limit: PAGE }).then(
      (page) => {
        if (mine !== sequence.current) return;
        setListing(page);
        setError(null);
        setBusy(false);
      },
      (failure: unknown) => {
        if (mine !== sequence.current) return;
        setError(toCallError(failure));
        setBusy(false);
      },
    );
  }, [key]);
  useEffect(reload, [reload]);
  useChanged(['access_log', 'staff', 'guests'], reload);

  const more = async () => {
    if (key === null || !listing?.next) return;
    const mine = sequence.current;
    setBusy(true);
    const page = await attempt(() =>
      call('accessLog.list', { ...(JSON.parse(key) as Filters), limit: PAGE, after: listing.next ?? undefined }),
    );
    setBusy(false);
    if (page && mine === sequence.current)
      setListing({ entries: [...listing.entries, ...page.entries], next: page.next });
  };
  return { listing, error, busy, more };
}

/** Every entry of the filtered list, page after page (a year of entries is a few hundred pages at most). */
async function everyEntry(filters: Filters): Promise<AccessEntry[]> {
  const entries: AccessEntry[] = [];
  let after: AccessCursor | undefined;
  do {
    const page = await call('accessLog.list', { ...filters, limit: ACCESS_PAGE_MAX, ...(after ? { after } : {}) });
    entries.push(...page.entries);
    after = page.next ?? undefined;
  } while (after);
  return entries;
}

export function AccessLogPage() {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const staff = useStaff();
  const [to, setTo] = useState(() => clock.today());
  const [from, setFrom] = useState(() => addDays(clock.today(), -30));
  const [staffId, setStaffId] = useState<string | null>(null);
  const [action, setAction] = useState<string | null>(null);
  const [guest, setGuest] = useState<PickedGuest | null>(null);
  const [saving, setSaving] = useState(false);

  const validPeriod = (!from || isCalendarDate(from)) && (!to || isCalendarDate(to));
  const filters: Filters | null = validPeriod
    ? {
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(staffId ? { staffId } : {}),
        ...(action ? { action: action as Filters['action'] & string } : {}),
        ...(guest ? { guestId: guest.id } : {}),
      }
    : null;
  const { listing, error, busy, more } = useAccessLog(filters);
  const words = (entry: AccessEntry) => entryWords(t, entry, i18n.language, clock.dateTime);

  const saveCsv = async () => {
    if (!filters) return;
    setSaving(true);
    const entries = await attempt(() => everyEntry(filters));
    setSaving(false);
    if (!entries) return;
    const header = [
      t('accessLog.columns.at'),
      t('accessLog.columns.staff'),
      t('accessLog.columns.action'),
      t('accessLog.columns.guest'),
      t('accessLog.columns.what'),
      t('accessLog.columns.pc'),
    ];
    const rows = entries.map((entry) => {
      const w = words(entry);
      return [w.when, w.staff, w.action, w.guest, w.what, w.pc];
    });
    const name = t('accessLog.csvFile', { from: from || '…', to: to || '…' });
    saveBlob(new Blob([csvText([header, ...rows])], { type: 'text/csv;charset=utf-8' }), name);
  };

  const staffOptions = [
    { value: 'none', label: t('accessLog.nobody') },
    ...(staff.data?.staff ?? []).map((member) => ({ value: member.id, label: member.name })),
  ];
  const actionOptions = ACCESS_ACTIONS.map((code) => ({ value: code, label: t(`accessLog.actions.${code}`) }));

  return (
    <Stack gap="md" data-testid="access-log-page">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('accessLog.title')}</Title>
        <Button variant="light" loading={saving} disabled={!filters} onClick={saveCsv} data-testid="access-log-csv">
          {t('accessLog.saveCsv')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('accessLog.help')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('accessLog.from')}
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={from && !isCalendarDate(from) ? t('errors.field.date_invalid') : undefined}
          w={140}
          data-testid="access-log-from"
        />
        <TextInput
          label={t('accessLog.to')}
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={to && !isCalendarDate(to) ? t('errors.field.date_invalid') : undefined}
          w={140}
          data-testid="access-log-to"
        />
        <Select
          label={t('accessLog.staff')}
          placeholder={t('accessLog.anyStaff')}
          data={staffOptions}
          value={staffId}
          onChange={setStaffId}
          clearable
          w={200}
          data-testid="access-log-staff"
        />
        <Select
          label={t('accessLog.action')}
          placeholder={t('accessLog.anyAction')}
          data={actionOptions}
          value={action}
          onChange={setAction}
          clearable
          w={200}
          data-testid="access-log-action"
        />
        <GuestFilter value={guest} onChange={setGuest} />
      </Group>
      {error && (
        <Alert color="red" data-testid="access-log-error">
          {errorMessage(error)}
        </Alert>
      )}
      {!listing && !error && <Loader />}
      {listing && listing.entries.length === 0 && (
        <Text c="dimmed" data-testid="access-log-empty">
          {t('accessLog.empty')}
        </Text>
      )}
      {listing && listing.entries.length > 0 && (
        <Table striped withTableBorder verticalSpacing="xs" data-testid="access-log-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('accessLog.columns.at')}</Table.Th>
              <Table.Th>{t('accessLog.columns.what')}</Table.Th>
              <Table.Th w={170}>{t('accessLog.columns.pc')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {listing.entries.map((entry) => {
              const w = words(entry);
              return (
                <Table.Tr key={entry.id} data-testid="access-entry" data-action={entry.action}>
                  <Table.Td data-testid="access-entry-when">{w.when}</Table.Td>
                  <Table.Td data-testid="access-entry-what">{w.what}</Table.Td>
                  <Table.Td data-testid="access-entry-pc">{w.pc}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {listing && (
        <Group>
          <Text size="sm" c="dimmed" data-testid="access-log-shown">
            {t('accessLog.shown', { count: listing.entries.length })}
          </Text>
          {listing.next && (
            <Button variant="default" size="xs" loading={busy} onClick={more} data-testid="access-log-more">
              {t('accessLog.more')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
