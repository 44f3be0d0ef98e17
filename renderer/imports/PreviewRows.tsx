import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/contract/index.ts';
import { familyFirst } from '../../shared/text/person-name.ts';
import { birthdayText } from '../guests/birthday.ts';
import { formatDayShort, formatYen } from '../service/format.ts';
import { useShowEra } from '../settings/use-show-era.ts';
import { fieldLabel, ruleLabel } from './labels.ts';

// The first rows of the ledger as they will be recorded: the name family first with its reading, phones, the
// birthday as the card shows it, the stay, rooms, amount, allergies and whom the row was matched to. Each row
// opens to what cleansing changed in it (ｽｽﾞｷ → すずき（半角カナ→ふりがな）), so nothing is changed unseen.

type PreviewRow = CallOutput<'imports.preview'>['preview'][number];

function MatchBadge({ row }: { row: PreviewRow }) {
  const { t } = useTranslation();
  // Words, not a badge: a guest's whole name must stay readable, and badges cut long text short.
  const [color, text] =
    row.match === 'existing'
      ? ['teal.8', t('imports.screen.rows.matchExisting', { name: row.matchedName ?? '' })]
      : row.match === 'earlier_row'
        ? ['gray.7', t('imports.screen.rows.matchEarlierRow', { line: row.matchedLine ?? '' })]
        : ['indigo.7', t('imports.screen.rows.matchNew')];
  return (
    <Text size="xs" fw={600} c={color} data-testid="row-match" data-match={row.match}>
      {text}
    </Text>
  );
}

function Changes({ row }: { row: PreviewRow }) {
  const { t } = useTranslation();
  const shown = (value: string) => value || t('imports.screen.rows.emptyValue');
  return (
    <Stack
      gap={2}
      py={4}
      data-testid="row-changes"
      aria-label={t('imports.screen.rows.changesLabel', { line: row.line })}
    >
      {row.changes.map((change, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row's changes are a fixed list from one answer
        <Text key={index} size="xs" data-testid="row-change" data-rule={change.rule}>
          {t('imports.screen.rows.changeLine', {
            field: fieldLabel(change.field),
            from: shown(change.from),
            to: shown(change.to),
            rule: ruleLabel(change.rule),
          })}
        </Text>
      ))}
    </Stack>
  );
}

function Row({ row, showEra }: { row: PreviewRow; showEra: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const language = i18n.language;
  const name = familyFirst(row.familyName, row.givenName);
  const reading = familyFirst(row.familyReading, row.givenReading);
  const stay =
    row.arrivalDate &&
    t('imports.screen.rows.stayDates', {
      from: formatDayShort(row.arrivalDate, language),
      to: row.departureDate ? formatDayShort(row.departureDate, language) : '',
    });
  return (
    <Fragment>
      <Table.Tr data-testid="preview-row" data-line={row.line}>
        <Table.Td>{row.line}</Table.Td>
        <Table.Td>
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="row-name">
            {name}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="row-reading">
            {reading}
          </Text>
        </Table.Td>
        <Table.Td data-testid="row-phones">
          {row.phones.map((phone) => (
            <Text key={phone} size="xs" style={{ whiteSpace: 'nowrap' }}>
              {phone}
            </Text>
          ))}
        </Table.Td>
        <Table.Td data-testid="row-birthday">
          {row.birthday ? birthdayText(row.birthday, language, showEra) : ''}
        </Table.Td>
        <Table.Td data-testid="row-stay">{stay}</Table.Td>
        <Table.Td data-testid="row-rooms">{row.rooms.join(t('imports.screen.rows.separator'))}</Table.Td>
        <Table.Td data-testid="row-amount" style={{ whiteSpace: 'nowrap' }}>
          {row.amountYen === null ? '' : formatYen(row.amountYen)}
        </Table.Td>
        <Table.Td data-testid="row-allergies">{row.allergies.join(t('imports.screen.rows.separator'))}</Table.Td>
        <Table.Td>
          <MatchBadge row={row} />
        </Table.Td>
        <Table.Td>
          {row.changes.length === 0 ? (
            <Text size="xs" c="dimmed">
              {t('imports.screen.rows.noChanges')}
            </Text>
          ) : (
            <Button
              size="compact-xs"
              variant="subtle"
              aria-expanded={open}
              onClick={() => setOpen((value) => !value)}
              data-testid="row-changes-toggle"
            >
              {open ? '▾' : '▸'} {t('imports.screen.rows.showChanges', { count: row.changes.length })}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td />
          <Table.Td colSpan={9} bg="gray.0">
            <Changes row={row} />
          </Table.Td>
        </Table.Tr>
      )}
    </Fragment>
  );
}

export function PreviewRows({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation();
  // Read once for the table, not once per row.
  const showEra = useShowEra();
  if (rows.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="md" data-testid="preview-rows">
      <Stack gap="xs">
        <Title order={5}>{t('imports.screen.rows.title', { count: rows.length })}</Title>
        <Table.ScrollContainer minWidth={1000} maxHeight={420}>
          <Table
            striped
            stickyHeader
            verticalSpacing={4}
            horizontalSpacing={6}
            fz="sm"
            style={{ whiteSpace: 'normal' }}
          >
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th>{t('imports.screen.rows.line')}</Table.Th>
                <Table.Th>{t('imports.screen.rows.name')}</Table.Th>
                <Table.Th>{t('imports.screen.rows.phones')}</Table.Th>
                <Table.Th>{t('imports.screen.rows.birthday')}</Table.Th>
                <Table.Th>{t('imports.screen.rows.stay')}</Table.Th>
                <Table.Th>{t('imports.screen.rows.rooms')}</Table.Th>
                <Table.Th>{t('imports.screen.rows.amount')}</Table.Th>
                <Table.Th>{t('imports.screen.rows.allergies')}</Table.Th>
                <Table.Th>{t('imports.screen.rows.match')}</Table.Th>
                <Table.Th>{t('imports.screen.rows.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Row key={row.line} row={row} showEra={showEra} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
