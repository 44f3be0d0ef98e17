import { Alert, Button, Center, Group, Loader, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableSettings, Settings } from '../../shared/contract/settings.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { ConflictPanel } from '../app/ConflictPanel.tsx';
import type { Choice, FieldOf } from '../app/edit-conflict.ts';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { useEditConflict } from '../app/use-edit-conflict.ts';
import { BackupSettings } from '../backups/BackupSettings.tsx';
import { useCallForm } from '../kitchen/use-call-form.ts';
import { RankRules } from '../ranks/RankRules.tsx';
import { AccessSettings } from './AccessSettings.tsx';
import { EraSetting } from './EraSetting.tsx';
import { Maintenance } from './Maintenance.tsx';
import { TimeZoneSetting } from './TimeZoneSetting.tsx';

/**
 * The numbered periods of this form; a switch saves itself (EraSetting), the time zone has its own form, and
 * so do PINs and the idle lock (the staff settings).
 */
type Field = Exclude<keyof Settings, 'timeZone' | 'showJapaneseEra' | 'pinsRequired' | 'idleLockMinutes'>;
const LIMITS: Record<Field, { min: number; max: number }> = {
  allergyReconfirmMonths: { min: 1, max: 120 },
  repeatDishYears: { min: 1, max: 30 },
  retentionYears: { min: 1, max: 30 },
};
type Values = Record<Field, number | string>;
const SETTING_LABELS: Record<Field, string> = {
  allergyReconfirmMonths: 'kitchen.settings.reconfirmLabel',
  repeatDishYears: 'kitchen.settings.repeatLabel',
  retentionYears: 'guestRights.retention.settingLabel',
};

const periodsOf = (settings: Settings): Values => ({
  allergyReconfirmMonths: settings.allergyReconfirmMonths,
  repeatDishYears: settings.repeatDishYears,
  retentionYears: settings.retentionYears,
});

/** Each setting is its own row: a conflict's field is the row's id. */
const settingOf: FieldOf = (change) => change.id;

const unchanged = (values: Values, base: Settings) =>
  (Object.keys(LIMITS) as Field[]).every((field) => values[field] === base[field]);

/** The inn-wide periods: when an allergy must be re-confirmed, and how long a served dish counts as a repeat. */
export function SettingsPage(_props: Record<string, never>) {
  const { t } = useTranslation();
  const query = useQuery('settings.get', {}, ['settings']);
  // The values on screen and what they were read as (with its version: what an edit is based on).
  const [screen, setScreen] = useState<{ values: Values; base: EditableSettings } | null>(null);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});
  const edit = useEditConflict(undefined);
  const form = useCallForm(edit);
  const values = screen?.values ?? null;
  const setValues = (update: (current: Values) => Values) =>
    setScreen((current) => (current ? { ...current, values: update(current.values) } : current));

  // A change saved elsewhere replaces what is on screen only while nothing was typed here; typed values stay,
  // on their old version, so saving them shows the other change beside them instead of silently undoing it.
  useEffect(() => {
    const data = query.data;
    if (!data) return;
    setScreen((current) =>
      current === null || unchanged(current.values, current.base) ? { values: periodsOf(data), base: data } : current,
    );
  }, [query.data]);

  if (query.error) return <Alert color="red">{errorMessage(query.error)}</Alert>;
  if (!screen || !values) {
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

  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(values, screen.base.version);
  };

  const resolve = (choices: Record<string, Choice>) => {
    const next = edit.resolve(values, choices, settingOf);
    if (!next) return;
    setScreen({ values: next.values, base: { ...screen.base, version: next.version } });
    void submit(next.values, next.version);
  };

  const submit = async (current: Values, version: number | undefined) => {
    // The same rule as the contract, with the limits in the message so the person knows what to type.
    const problems: Partial<Record<Field, string>> = {};
    const patch: Partial<Settings> = {};
    for (const field of Object.keys(LIMITS) as Field[]) {
      const value = current[field];
      const { min, max } = LIMITS[field];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
        problems[field] = t('kitchen.settings.range', { min, max });
      } else if (value !== screen.base[field]) patch[field] = value;
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    if (Object.keys(patch).length === 0) return;
    const saved = await form.run(() => call('settings.update', { patch, version }));
    if (!saved) return;
    setScreen({ values: periodsOf(saved), base: saved });
    notifySuccess(t('kitchen.settings.savedNotice'));
  };

  const input = (field: Field, label: string, description: string, unit: string) => (
    <NumberInput
      label={label}
      description={description}
      name={field}
      value={values[field]}
      onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
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
              {input(
                'retentionYears',
                t('guestRights.retention.settingLabel'),
                t('guestRights.retention.settingHelp'),
                t('guestRights.retention.years'),
              )}
              {form.formError && <Alert color="red">{form.formError}</Alert>}
              {edit.conflict && (
                <ConflictPanel
                  conflict={edit.conflict}
                  values={values}
                  fieldOf={settingOf}
                  labelOf={(field) => t(SETTING_LABELS[field as Field] ?? 'kitchen.settings.reconfirmLabel')}
                  saving={form.saving}
                  onResolve={resolve}
                />
              )}
              <Group>
                <Button type="submit" loading={form.saving} data-testid="save-settings">
                  {t('kitchen.settings.save')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stack>
      </form>
      <AccessSettings />
      <EraSetting />
      <TimeZoneSetting />
      <RankRules />
      <BackupSettings />
      <Maintenance />
    </Stack>
  );
}
