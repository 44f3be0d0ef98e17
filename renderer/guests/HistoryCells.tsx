import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryChange, HistoryGuest } from '../../shared/contract/history.ts';
import { countryName } from '../../shared/text/countries.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { routeHref } from '../app/route.ts';
import { useShowEra } from '../settings/use-show-era.ts';
import { birthdayText } from './birthday.ts';
import { type FieldChange, fieldValueText, type HistoryLine, subjectOf } from './history-lines.ts';
import { fullName } from './names.ts';

// The "field" and "change" cells of one History line, from the core's typed change.

type GuestValue = Extract<HistoryChange, { kind: 'guestField' }>['to'];

function Blank() {
  const { t } = useTranslation();
  return <Text c="dimmed">{t('history.blank')}</Text>;
}

/** A birthday as the card shows it (1980年5月5日（昭和55年）), not as stored. */
function BirthdayValue({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const showEra = useShowEra();
  return <Text data-testid="history-birthday">{birthdayText(value, i18n.language, showEra)}</Text>;
}

/** A guest field as the card shows it: text, a birthday, yes/no, or the phone list. */
function GuestFieldValue({ field, value }: { field: string; value: GuestValue | null }) {
  const { t, i18n } = useTranslation();
  if (value === null || value === '') return <Blank />;
  if (field === 'birthday' && typeof value === 'string') return <BirthdayValue value={value} />;
  // Kept as its ISO code; read as the country's name, as on the card.
  if (field === 'nationality' && typeof value === 'string') return <Text>{countryName(value, i18n.language)}</Text>;
  if (typeof value === 'boolean') return <Text>{value ? t('common.yes') : t('common.no')}</Text>;
  if (typeof value === 'string') return <Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>;
  if (value.length === 0) return <Blank />;
  return (
    <List size="sm" spacing={0}>
      {value.map((phone) => (
        <List.Item key={`${phone.number}-${phone.label}`}>
          {t('history.phone', { number: phone.number, label: t(`phoneLabels.${phone.label}`) })}
        </List.Item>
      ))}
    </List>
  );
}

function FieldValue({ change, value }: { change: FieldChange; value: FieldChange['to'] }) {
  const { i18n } = useTranslation();
  const clock = useInnClock();
  const text = fieldValueText(change, value, i18n.language, clock.timeZone);
  return text ? <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text> : <Blank />;
}

/** "from → to", the old value struck through; a value set where there was none shows alone. */
function FromTo({ from, to, strike }: { from: ReactNode | null; to: ReactNode; strike: boolean }) {
  if (from === null) return to;
  return (
    <>
      <Text c="dimmed" td={strike ? 'line-through' : undefined} component="div">
        {from}
      </Text>
      <Text>→</Text>
      {to}
    </>
  );
}

function GuestLink({ guest, text }: { guest: HistoryGuest; text: (name: string) => string }) {
  const { t } = useTranslation();
  return (
    <Anchor href={routeHref({ name: 'guest', id: guest.id })}>
      {text(fullName(guest) || t('history.anotherGuest'))}
    </Anchor>
  );
}

function fieldLabel(line: HistoryLine, t: (key: string) => string): string {
  const change = line.change;
  switch (change.kind) {
    case 'stay':
    case 'allergy':
    case 'request':
      return t(`service.history.fields.${change.field}`);
    case 'allergyCorrected':
      return t('service.history.fields.correction');
    case 'allergyRetracted':
    case 'allergyRestored':
      return t('service.history.fields.retracted');
    default:
      return t('service.history.party');
  }
}

export function HistoryLabel({ line }: { line: HistoryLine }) {
  const { t, i18n } = useTranslation();
  const change = line.change;
  if (change.kind === 'guestField') return t(`fields.${change.field}`);
  if (change.kind === 'guestDeleted' || change.kind === 'guestRestored') return t('fields.deleted');
  const subject = subjectOf(change, i18n.language);
  if (!subject) return t('fields.companion');
  const table = t(`service.history.subjects.${subject.table}`);
  return (
    <Stack gap={0} data-testid="history-subject" data-table={subject.table}>
      <Text size="xs" c="dimmed">
        {subject.text ? t('service.history.subject', { table, subject: subject.text }) : table}
      </Text>
      <Text size="sm">{fieldLabel(line, t)}</Text>
    </Stack>
  );
}

export function HistoryChangeCell({ line }: { line: HistoryLine }): ReactNode {
  const { t } = useTranslation();
  const change = line.change;
  switch (change.kind) {
    case 'guestField':
      return (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <FromTo
            from={change.from === null ? null : <GuestFieldValue field={change.field} value={change.from} />}
            to={<GuestFieldValue field={change.field} value={change.to} />}
            strike={change.from !== ''}
          />
        </Group>
      );
    case 'guestDeleted':
      return <Text c="red">{t('history.deleted')}</Text>;
    case 'guestRestored':
      return <Text c="teal">{t('history.restored')}</Text>;
    case 'companionLinked':
    case 'companionRelationship': {
      const relationship = t(`relationships.${change.relationship}`);
      const key = change.kind === 'companionLinked' ? 'history.linked' : 'history.relationshipChanged';
      return <GuestLink guest={change.guest} text={(name) => t(key, { name, relationship })} />;
    }
    case 'companionUnlinked':
      return <GuestLink guest={change.guest} text={(name) => t('history.unlinked', { name })} />;
    case 'partyAdded':
      return <GuestLink guest={change.guest} text={(name) => t('service.history.partyAdded', { name })} />;
    case 'partyRemoved':
      return <GuestLink guest={change.guest} text={(name) => t('service.history.partyRemoved', { name })} />;
    case 'allergyCorrected':
      return <Text>{t('service.history.corrected')}</Text>;
    case 'allergyRetracted':
      return <Text c="red">{t('service.history.retracted', { reason: change.reason })}</Text>;
    case 'allergyRestored':
      return <Text c="teal">{t('service.history.restored')}</Text>;
    default: {
      const from = change.from === null && !line.corrected ? null : <FieldValue change={change} value={change.from} />;
      return (
        <Group gap="xs" wrap="nowrap" align="flex-start" data-testid="history-change">
          {line.corrected && (
            <Badge size="sm" variant="light" color="orange" tt="none">
              {t('service.history.fields.correction')}
            </Badge>
          )}
          <FromTo from={from} to={<FieldValue change={change} value={change.to} />} strike={change.from !== null} />
        </Group>
      );
    }
  }
}
