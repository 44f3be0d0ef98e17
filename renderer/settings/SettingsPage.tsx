import { Alert, Button, Center, Group, Loader, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../shared/contract/settings.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { useCallForm } from '../kitchen/use-call-form.ts';
import { Maintenance } from './Maintenance.tsx';

type Field = keyof Settings;
const LIMITS: Record<Field, { min: number; max: number }> = {
  allergyReconfirmMonths: { min: 1, max: 120 },
  repeatDishYears: { min: 1, max: 30 },
};

/** The inn-wide periods: when an allergy must be re-confirmed, and how long a served dish counts as a repeat. */
export function SettingsPage(_props: Record<string, never>) {
  const { t } = useTranslation();
  const query = useQuery('settings.get', {}, ['settings']);
  const [values, setValues] = useState<Record<Field, number | string> | null>(null);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const form = useCallForm();

  useEffect(() => {
    if (query.data) setValues({ ...query.data });
  }, [query.data]);

  if (query.error) return <Alert color="red">{errorMessage(query.error)}</Alert>;
  if (!values) {
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }

  const message = (field: Field) => {
    if (local[field]) return local[field];
    return form.errorOf(field);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // The same rule as the contract, with the limits in the message so the person knows what to type.
    const problems: Partial<Record<Field, string>> = {};
    const patch: Partial<Settings> = {};
    for (const field of Object.keys(LIMITS) as Field[]) {
      const value = values[field];
      const { min, max } = LIMITS[field];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        problems[field] = t('kitchen.settings.range', { min, max });
      } else if (value !== query.data?.[field]) patch[field] = value;
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    if (Object.keys(patch).length === 0) return;
    const saved = await form.run(() => call('settings.update', { patch }));
    if (saved) notifySuccess(t('kitchen.settings.savedNotice'));
  };

  const input = (field: Field, label: string, description: string, unit: string) => (
    <NumberInput
      label={label}
      description={description}
      name={field}
      value={values[field]}
      onChange={(value) => setValues((current) => (current ? { ...current, [field]: value } : current))}
      allowDecimal={false}
      allowNegative={false}
      rightSection={<Text size="sm">{unit}</Text>}
      rightSectionWidth={48}
      error={message(field)}
      w={360}
      data-testid={`setting-${field}`}
    />
  );

  return (
    <Stack gap="xl">
      <form onSubmit={save}>
        <Stack gap="md" data-testid="settings-page">
          <Title order={2}>{t('kitchen.settings.title')}</Title>
          <Paper withBorder p="md" radius="md">
            <Stack gap="md">
              {input(
                'allergyReconfirmMonths',
                t('kitchen.settings.reconfirmLabel'),
                t('kitchen.settings.reconfirmHelp'),
                t('kitchen.settings.months'),
              )}
              {input(
                'repeatDishYears',
                t('kitchen.settings.repeatLabel'),
                t('kitchen.settings.repeatHelp'),
                t('kitchen.settings.years'),
              )}
              {form.formError && <Alert color="red">{form.formError}</Alert>}
              <Group>
                <Button type="submit" loading={form.saving} data-testid="save-settings">
                  {t('kitchen.settings.save')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stack>
      </form>
      <Maintenance />
    </Stack>
  );
}
