import { Alert, Anchor, Badge, Center, Group, List, Loader, Stack, Table, Text } from '@mantine/core';
import i18next from 'i18next';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestCard } from '../../shared/contract/guests.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { errorMessage } from '../app/notify.ts';
import { routeHref } from '../app/route.ts';
import { formatDateTime } from '../i18n/format.ts';
import { allergenName, formatDayShort, formatDayWithWeekday, formatYen } from '../service/format.ts';
import { useStaff } from '../staff/staff-context.tsx';
import {
  type AllergenValue,
  type HistoryChange,
  historyRows,
  linkedGuestIds,
  type RowState,
  type ServiceTable,
} from './history-model.ts';
import { fullName } from './names.ts';

// The card's own tables and those of its stays, allergies and requests (the core logs them all for the guest).
const TABLES = ['guests', 'guest_links', 'staff', 'stays', 'stay_party', 'allergies', 'requests'] as const;

/** What the service rows need to name things: allergens and staff, by id. */
type Lookup = { allergens: Map<string, { nameJa: string; nameEn: string }>; staff: Map<string, string> };

function useLookup(): Lookup {
  const allergens = useQuery('allergens.list', { includeDeleted: true }, ['allergens']);
  const staff = useStaff();
  return useMemo(
    () => ({
      allergens: new Map((allergens.data?.allergens ?? []).map((a) => [a.id, a])),
      staff: new Map((staff.data?.staff ?? []).map((s) => [s.id, s.name])),
    }),
    [allergens.data, staff.data],
  );
}

function allergenText(value: AllergenValue, lookup: Lookup, language: string): string {
  if (!value.allergenId) return value.free;
  const allergen = lookup.allergens.get(value.allergenId);
  return allergen ? allergenName(allergen, language) : value.allergenId;
}

const CODE_GROUP: Record<string, string> = {
  severity: 'severity',
  category: 'requestCategory',
  purpose: 'purpose',
  channel: 'channel',
};
const STAFF_FIELDS = new Set(['staff_id', 'confirmed_by', 'handled_by', 'taken_by', 'retracted_by', 'recorded_by']);
const DAY_FIELDS = new Set(['arrival_date', 'departure_date', 'confirmed_at']);
const MOMENT_FIELDS = new Set(['handled_at', 'retracted_at', 'deleted_at']);

/** A stored value of a stay, allergy or request, as words: codes translated, ids named, days and yen formatted. */
function serviceValueText(
  table: ServiceTable,
  field: string,
  value: unknown,
  lookup: Lookup,
  language: string,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (field === 'allergen') return allergenText(value as AllergenValue, lookup, language);
  if (typeof value === 'boolean') return value ? i18next.t('common.yes') : i18next.t('common.no');
  const group = field === 'status' ? (table === 'requests' ? 'requestStatus' : 'stayStatus') : CODE_GROUP[field];
  if (group && i18next.exists(`codes.${group}.${String(value)}`)) return i18next.t(`codes.${group}.${String(value)}`);
  if (STAFF_FIELDS.has(field)) return lookup.staff.get(String(value)) ?? String(value);
  if (field === 'amount_yen' && typeof value === 'number') return formatYen(value);
  if (DAY_FIELDS.has(field)) return formatDayWithWeekday(String(value).slice(0, 10), language);
  if (MOMENT_FIELDS.has(field)) return formatDateTime(String(value), language);
  if (field === 'rooms' && Array.isArray(value)) return value.join('・');
  if (field === 'stay_id') return i18next.t('service.history.tables.stays');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Which stay, allergy or request a row is about: the allergen, the stay's arrival, the request's kind. */
function subjectText(table: ServiceTable, subject: RowState, lookup: Lookup, language: string): string {
  switch (table) {
    case 'allergies':
      return allergenText(
        {
          allergenId: typeof subject.allergen_id === 'string' ? subject.allergen_id : null,
          free: String(subject.free_allergen ?? ''),
        },
        lookup,
        language,
      );
    case 'requests':
      return serviceValueText(table, 'category', subject.category, lookup, language);
    default:
      return typeof subject.arrival_date === 'string' ? formatDayShort(subject.arrival_date, language) : '';
  }
}

/** Names of the other guests the history mentions: from the card's companions, else asked for once. */
function useGuestNames(ids: string[], card: GuestCard): Map<string, string> {
  const [fetched, setFetched] = useState(new Map<string, string>());
  const known = useMemo(() => new Map(card.companions.map((c) => [c.guestId, fullName(c)])), [card]);
  const missing = ids.filter((id) => !known.has(id) && !fetched.has(id)).join(',');
  useEffect(() => {
    if (!missing) return;
    let live = true;
    Promise.all(
      missing.split(',').map((id) =>
        call('guests.get', { id }).then(
          (guest) => [id, fullName(guest)] as const,
          () => [id, ''] as const,
        ),
      ),
    ).then((pairs) => {
      if (live) setFetched((current) => new Map([...current, ...pairs]));
    });
    return () => {
      live = false;
    };
  }, [missing]);
  return useMemo(() => new Map([...fetched, ...known]), [fetched, known]);
}

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <Text c="dimmed">{t('history.blank')}</Text>;
  if (typeof value === 'boolean') return <Text>{value ? t('common.yes') : t('common.no')}</Text>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <Text c="dimmed">{t('history.blank')}</Text>;
    return (
      <List size="sm" spacing={0}>
        {value.map((phone: { number?: string; label?: string }) => (
          <List.Item key={`${phone.number}-${phone.label}`}>
            {phone.label
              ? t('history.phone', { number: phone.number, label: t(`phoneLabels.${phone.label}`) })
              : phone.number}
          </List.Item>
        ))}
      </List>
    );
  }
  return <Text style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</Text>;
}

function serviceFieldLabel(change: HistoryChange): string {
  switch (change.kind) {
    case 'service': {
      const key = `service.history.fields.${change.field === 'allergen' ? 'allergen_id' : change.field}`;
      return i18next.exists(key) ? i18next.t(key) : change.field;
    }
    case 'retracted':
    case 'unretracted':
      return i18next.t('service.history.fields.retracted_at');
    default:
      return i18next.t('service.history.tables.stay_party');
  }
}

function FieldLabel({ change, lookup }: { change: HistoryChange; lookup: Lookup }) {
  const { t, i18n } = useTranslation();
  if (change.kind === 'field') {
    const key = `fields.${change.field}`;
    return <>{i18next.exists(key) ? t(key) : change.field}</>;
  }
  if (change.kind === 'deleted' || change.kind === 'restored') return <>{t('fields.deleted_at')}</>;
  if (change.kind === 'linked' || change.kind === 'unlinked' || change.kind === 'relationship') {
    return <>{t('fields.companion')}</>;
  }
  const table: ServiceTable = 'table' in change ? change.table : 'stays';
  const subject = subjectText(table, change.subject, lookup, i18n.language);
  return (
    <Stack gap={0} data-testid="history-subject" data-table={table}>
      <Text size="xs" c="dimmed">
        {subject
          ? t('service.history.subject', { table: t(`service.history.tables.${table}`), subject })
          : t(`service.history.tables.${table}`)}
      </Text>
      <Text size="sm">{serviceFieldLabel(change)}</Text>
    </Stack>
  );
}

function ServiceValue({
  table,
  field,
  value,
  lookup,
}: {
  table: ServiceTable;
  field: string;
  value: unknown;
  lookup: Lookup;
}) {
  const { t, i18n } = useTranslation();
  const text = serviceValueText(table, field, value, lookup, i18n.language);
  if (!text) return <Text c="dimmed">{t('history.blank')}</Text>;
  return <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>;
}

function ServiceChange({
  change,
  lookup,
  names,
}: {
  change: HistoryChange;
  lookup: Lookup;
  names: Map<string, string>;
}) {
  const { t } = useTranslation();
  switch (change.kind) {
    case 'service': {
      if (change.field === 'supersedes') return <Text>{t('service.history.corrected')}</Text>;
      const to = <ServiceValue table={change.table} field={change.field} value={change.to} lookup={lookup} />;
      const fromBlank = change.from === null || change.from === undefined || change.from === '';
      return (
        <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="history-change">
          {change.corrected && (
            <Badge size="sm" variant="light" color="orange" tt="none">
              {t('service.history.fields.supersedes')}
            </Badge>
          )}
          {fromBlank && !change.corrected ? (
            to
          ) : (
            <>
              <Text c="dimmed" td={fromBlank ? undefined : 'line-through'} component="div">
                <ServiceValue table={change.table} field={change.field} value={change.from} lookup={lookup} />
              </Text>
              <Text>→</Text>
              {to}
            </>
          )}
        </Group>
      );
    }
    case 'retracted':
      return <Text c="red">{t('service.history.retracted', { reason: change.reason })}</Text>;
    case 'unretracted':
      return <Text c="teal">{t('service.history.restored')}</Text>;
    case 'partyAdded':
    case 'partyRemoved': {
      const name = names.get(change.otherId) || t('history.anotherGuest');
      return (
        <Anchor href={routeHref({ name: 'guest', id: change.otherId })}>
          {change.kind === 'partyAdded'
            ? t('service.history.partyAdded', { name })
            : t('service.history.partyRemoved', { name })}
        </Anchor>
      );
    }
    default:
      return null;
  }
}

function Change({
  change,
  names,
  lookup,
}: {
  change: HistoryChange;
  names: Map<string, string>;
  lookup: Lookup;
}): ReactNode {
  const { t } = useTranslation();
  switch (change.kind) {
    case 'service':
    case 'retracted':
    case 'unretracted':
    case 'partyAdded':
    case 'partyRemoved':
      return <ServiceChange change={change} lookup={lookup} names={names} />;
    case 'field':
      return change.from === null ? (
        <Value value={change.to} />
      ) : (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text c="dimmed" td={change.from === '' ? undefined : 'line-through'} component="div">
            <Value value={change.from} />
          </Text>
          <Text>→</Text>
          <Value value={change.to} />
        </Group>
      );
    case 'deleted':
      return <Text c="red">{t('history.deleted')}</Text>;
    case 'restored':
      return <Text c="teal">{t('history.restored')}</Text>;
    default: {
      const name = names.get(change.otherId) || t('history.anotherGuest');
      const relationship = 'relationship' in change ? t(`relationships.${change.relationship}`) : '';
      const text =
        change.kind === 'linked'
          ? t('history.linked', { name, relationship })
          : change.kind === 'unlinked'
            ? t('history.unlinked', { name })
            : t('history.relationshipChanged', { name, relationship });
      return <Anchor href={routeHref({ name: 'guest', id: change.otherId })}>{text}</Anchor>;
    }
  }
}

/** Who changed what, when, from what to what: newest first. */
export function GuestHistory({ card }: { card: GuestCard }) {
  const { t, i18n } = useTranslation();
  const query = useQuery('guests.history', { id: card.id }, TABLES);
  const rows = useMemo(() => historyRows(query.data?.entries ?? [], card.id), [query.data, card.id]);
  const names = useGuestNames(linkedGuestIds(rows), card);
  const lookup = useLookup();

  if (query.error) return <Alert color="red">{errorMessage(query.error)}</Alert>;
  if (!query.data) {
    return (
      <Center py="md">
        <Loader size="sm" />
      </Center>
    );
  }
  if (rows.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;

  return (
    <Table striped verticalSpacing="xs" data-testid="history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>{t('history.when')}</Table.Th>
          <Table.Th w={170}>{t('history.who')}</Table.Th>
          <Table.Th w={150}>{t('history.field')}</Table.Th>
          <Table.Th>{t('history.change')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key} data-testid="history-entry">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(row.at, i18n.language)}</Table.Td>
            <Table.Td>{row.staffName ?? <Text c="dimmed">{t('history.system')}</Text>}</Table.Td>
            <Table.Td>
              <FieldLabel change={row.change} lookup={lookup} />
            </Table.Td>
            <Table.Td>
              <Change change={row.change} names={names} lookup={lookup} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
