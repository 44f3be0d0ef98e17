import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterRow } from '../../shared/contract/guest-rights.ts';
import { countryName } from '../../shared/text/countries.ts';
import { addDays, addMonths, isCalendarDate } from '../../shared/text/dates.ts';
import { withSama } from '../../shared/text/person-name.ts';
import { call } from '../api/client.ts';
import { downloadFile } from '../api/files.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { fullName, fullReading } from '../guests/names.ts';
import { formatDay } from '../i18n/format.ts';

// 宿泊者名簿: the register the Inns and Hotels Act requires, for a period of arrival days (this month when the
// screen opens). The list is what the PDF and the CSV hold; what the Act asks for and is missing shows in red,
// so the desk can complete it before the health centre asks.

const TABLES = ['stays', 'stay_party', 'guests'];

function monthOf(day: string): { from: string; to: string } {
  const from = `${day.slice(0, 7)}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

export function RegisterPage() {
  const { t, i18n } = useTranslation();
  const today = useInnClock().today();
  const [period, setPeriod] = useState(() => monthOf(today));
  const [saving, setSaving] = useState<'pdf' | 'csv' | null>(null);
  const valid = isCalendarDate(period.from) && isCalendarDate(period.to);
  const query = useQuery('registers.guestRegister', valid ? period : null, TABLES);
  const language = i18n.language === 'en' ? 'en' : 'ja';

  const save = async (format: 'pdf' | 'csv') => {
    setSaving(format);
    const made = await attempt(async () => {
      const answer = await call('registers.guestRegisterFile', { ...period, format, language });
      await downloadFile(answer.file);
      return answer;
    });
    setSaving(null);
    if (made) notifySuccess(t('guestRights.register.savedNotice', { name: made.name }));
  };

  const data = query.data;
  return (
    <Stack gap="md" data-testid="register-page">
      <Title order={2}>{t('guestRights.register.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('guestRights.register.intro')}
      </Text>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('guestRights.register.from')}
          value={period.from}
          onChange={(event) => setPeriod({ ...period, from: event.currentTarget.value })}
          data-testid="register-from"
        />
        <TextInput
          type="date"
          label={t('guestRights.register.to')}
          value={period.to}
          onChange={(event) => setPeriod({ ...period, to: event.currentTarget.value })}
          data-testid="register-to"
        />
        <Button variant="default" onClick={() => setPeriod(monthOf(today))} data-testid="register-this-month">
          {t('guestRights.register.thisMonth')}
        </Button>
        <Button
          variant="default"
          onClick={() => setPeriod(monthOf(addMonths(monthOf(today).from, -1)))}
          data-testid="register-last-month"
        >
          {t('guestRights.register.lastMonth')}
        </Button>
        <Button
          onClick={() => void save('pdf')}
          loading={saving === 'pdf'}
          disabled={!data || saving !== null}
          data-testid="register-pdf"
        >
          {t('guestRights.register.savePdf')}
        </Button>
        <Button
          variant="light"
          onClick={() => void save('csv')}
          loading={saving === 'csv'}
          disabled={!data || saving !== null}
          data-testid="register-csv"
        >
          {t('guestRights.register.saveCsv')}
        </Button>
      </Group>
      {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {!data && !query.error && <Loader size="sm" />}
      {data && (
        <Paper withBorder radius="md" p="sm">
          <Text size="sm" mb="xs" data-testid="register-count">
            {t('guestRights.register.count', { count: data.stays })}
            {'・'}
            {t('guestRights.register.guests', { count: data.rows.length })}
          </Text>
          {data.rows.length === 0 ? (
            <Text c="dimmed">{t('guestRights.register.empty')}</Text>
          ) : (
            <Table striped verticalSpacing={4} data-testid="register-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('guestRights.register.column.name')}</Table.Th>
                  <Table.Th>{t('guestRights.register.column.contact')}</Table.Th>
                  <Table.Th>{t('guestRights.register.column.stay')}</Table.Th>
                  <Table.Th>{t('guestRights.register.column.foreign')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row) => (
                  <RegisterLine key={`${row.stayId}-${row.guestId}`} row={row} />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
    </Stack>
  );
}

function RegisterLine({ row }: { row: RegisterRow }) {
  const { t, i18n } = useTranslation();
  const gaps = row.gaps.map((gap) => t(`guestRights.register.gap.${gap}`)).join(i18n.language === 'ja' ? '、' : ', ');
  const name = fullName(row);
  return (
    <Table.Tr data-testid="register-row">
      <Table.Td>
        <Text size="xs" c="dimmed">
          {fullReading(row)}
        </Text>
        <Anchor href={routeHref({ name: 'guest', id: row.guestId })} fw={row.role === 'lead' ? 700 : 400}>
          {i18n.language === 'ja' ? withSama(name) : name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {t(`guestRights.register.${row.role}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        {row.address && (
          <Text size="sm">{[row.postalCode && `〒${row.postalCode}`, row.address].filter(Boolean).join(' ')}</Text>
        )}
        {row.phone && <Text size="sm">{row.phone}</Text>}
        {gaps && (
          <Badge color="red" variant="light" tt="none" data-testid="register-gaps">
            {t('guestRights.register.missing', { fields: gaps })}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">
          {formatDay(row.arrivalDate, i18n.language)}〜{formatDay(row.departureDate, i18n.language)}
        </Text>
        <Text size="xs" c="dimmed">
          {row.rooms.join('、')}
        </Text>
      </Table.Td>
      <Table.Td data-testid="register-foreign">
        {row.abroad ? (
          <>
            <Text size="xs" c="dimmed">
              {t('guestRights.register.abroad')}
            </Text>
            {row.nationality && <Text size="sm">{countryName(row.nationality, i18n.language)}</Text>}
            {row.passportNumber && <Text size="sm">{row.passportNumber}</Text>}
          </>
        ) : (
          <Text c="dimmed">—</Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
