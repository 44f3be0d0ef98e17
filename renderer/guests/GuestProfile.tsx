import { Badge, DataList, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuestCard } from '../../shared/contract/guests.ts';
import { countryName } from '../../shared/text/countries.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { ageOn } from '../i18n/format.ts';
import { useShowEra } from '../settings/use-show-era.ts';
import { useCan } from '../staff/permissions.ts';
import { birthdayText } from './birthday.ts';

function Item({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue data-testid={testId}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** The profile: only what is recorded is shown, so the eye goes to what is there. */
export function GuestProfile({ card }: { card: GuestCard }) {
  const { t, i18n } = useTranslation();
  const age = ageOn(card.birthday, useInnClock().today());
  const showEra = useShowEra();
  // The core leaves contact details out for a person without guests.contact; say so, or a blank card reads as
  // a guest with no phone on record.
  const contactHidden = !useCan()('guests.contact');
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={4}>{t('guest.profileTitle')}</Title>
        {contactHidden && (
          <Text size="sm" c="dimmed" data-testid="guest-contact-hidden">
            {t('access.contactHidden')}
          </Text>
        )}
        <DataList labelWidth={130}>
          {card.phones.length > 0 && (
            <Item label={t('fields.phones')} testId="guest-phones">
              <Stack gap={2}>
                {card.phones.map((phone) => (
                  <Group key={`${phone.number}-${phone.label}`} gap="xs">
                    <Text style={{ fontVariantNumeric: 'tabular-nums' }}>{phone.number}</Text>
                    <Badge variant="light" color="gray" size="sm" tt="none">
                      {t(`phoneLabels.${phone.label}`)}
                    </Badge>
                  </Group>
                ))}
              </Stack>
            </Item>
          )}
          {card.email && (
            <Item label={t('fields.email')} testId="guest-email">
              {card.email}
            </Item>
          )}
          {(card.postalCode || card.address) && (
            <Item label={t('fields.address')} testId="guest-address">
              {card.postalCode && <Text>{t('guest.postalMark', { code: card.postalCode })}</Text>}
              {card.address && <Text>{card.address}</Text>}
            </Item>
          )}
          {(card.nationality || card.passportNumber) && (
            <Item label={t('guestRights.card.abroad')} testId="guest-abroad-card">
              {card.nationality && (
                <Text data-testid="guest-nationality-card">{countryName(card.nationality, i18n.language)}</Text>
              )}
              {card.passportNumber && (
                <Text data-testid="guest-passport-card">
                  {t('fields.passportNumber')} {card.passportNumber}
                </Text>
              )}
            </Item>
          )}
          {card.birthday && (
            <Item label={t('fields.birthday')} testId="guest-birthday">
              {birthdayText(card.birthday, i18n.language, showEra, age)}
            </Item>
          )}
          {card.organization && (
            <Item label={t('fields.organization')} testId="guest-organization">
              {card.organization}
            </Item>
          )}
          {card.note && (
            <Item label={t('fields.note')} testId="guest-note">
              <Text style={{ whiteSpace: 'pre-wrap' }}>{card.note}</Text>
            </Item>
          )}
          <Item label={t('fields.marketingConsent')} testId="guest-consent">
            {card.marketingConsent ? t('guest.consentYes') : t('guest.consentNo')}
          </Item>
        </DataList>
      </Stack>
    </Paper>
  );
}
