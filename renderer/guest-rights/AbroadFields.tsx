import { Checkbox, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryChoices } from '../../shared/text/countries.ts';

type Values = { nationality: string; passportNumber: string };

/**
 * 「海外在住」 on the guest form: most guests live in Japan, so the nationality and the passport number the
 * 宿泊者名簿 needs for a guest without an address in Japan stay out of the way until the desk ticks it. Ticked,
 * the nationality is picked from the countries by their names in the screen's language (typed to filter, as
 * desks type アメ… or Fra…), kept as its ISO code; unticked, both are cleared on save.
 */
export function AbroadFields({
  values,
  onChange,
  errorOf,
}: {
  values: Values;
  onChange(values: Values): void;
  errorOf(path: string): string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [abroad, setAbroad] = useState(values.nationality !== '' || values.passportNumber !== '');
  const countries = useMemo(() => countryChoices(i18n.language), [i18n.language]);
  return (
    <Stack gap={6}>
      <Checkbox
        name="abroad"
        data-testid="guest-abroad"
        label={t('guestRights.form.abroad')}
        checked={abroad}
        onChange={(event) => {
          const checked = event.currentTarget.checked;
          setAbroad(checked);
          if (!checked) onChange({ nationality: '', passportNumber: '' });
        }}
      />
      {abroad && (
        <>
          <Text size="xs" c="dimmed">
            {t('guestRights.form.abroadHint')}
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            <Select
              name="nationality"
              data-testid="guest-nationality"
              label={t('guestRights.form.nationality')}
              placeholder={t('guestRights.form.nationalityPlaceholder')}
              data={countries}
              value={values.nationality || null}
              onChange={(code) => onChange({ ...values, nationality: code ?? '' })}
              searchable
              clearable
              nothingFoundMessage="—"
              maxDropdownHeight={260}
              comboboxProps={{ withinPortal: true }}
              error={errorOf('nationality')}
            />
            <TextInput
              name="passportNumber"
              data-testid="guest-passport"
              label={t('guestRights.form.passportNumber')}
              placeholder={t('guestRights.form.passportHint')}
              value={values.passportNumber}
              onChange={(event) => onChange({ ...values, passportNumber: event.currentTarget.value })}
              autoComplete="off"
              error={errorOf('passportNumber')}
            />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
