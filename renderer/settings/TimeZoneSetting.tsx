import { Alert, Autocomplete, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { ConflictPanel } from '../app/ConflictPanel.tsx';
import type { Choice, FieldOf } from '../app/edit-conflict.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { notifySuccess } from '../app/notify.ts';
import { useEditConflict } from '../app/use-edit-conflict.ts';
import { useCallForm } from '../kitchen/use-call-form.ts';

/** Each setting is its own row: a conflict's field is the row's id. */
const settingOf: FieldOf = (change) => change.id;

/** Every zone this browser knows, for the suggestions; the core checks what is saved. */
function knownZones(): string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Tokyo', 'UTC'];
}

/**
 * The inn's time zone: typed or picked from the zones this browser knows. A name the core does not know is
 * refused with the field's message, and nothing already saved changes.
 */
export function TimeZoneSetting() {
  const { t } = useTranslation();
  const clock = useInnClock();
  const query = useQuery('settings.get', {}, ['settings']);
  const saved = query.data?.timeZone;
  const [zone, setZone] = useState<string | null>(null);
  const edit = useEditConflict(undefined);
  const form = useCallForm(edit);
  const zones = useMemo(knownZones, []);
  // A zone saved elsewhere shows here while nothing was typed.
  useEffect(() => {
    if (saved !== undefined) setZone((current) => (current === null ? saved : current));
  }, [saved]);

  if (!query.data || zone === null) return null;
  const version = query.data.version;

  const submit = async (value: string, basedOn: number) => {
    const answer = await form.run(() => call('settings.update', { patch: { timeZone: value }, version: basedOn }));
    if (!answer) return;
    setZone(answer.timeZone);
    notifySuccess(t('kitchen.settings.zoneSavedNotice', { zone: answer.timeZone }));
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (zone === saved) return;
    void submit(zone, version);
  };
  const resolve = (choices: Record<string, Choice>) => {
    const next = edit.resolve({ timeZone: zone }, choices, settingOf);
    if (!next) return;
    setZone(next.values.timeZone);
    void submit(next.values.timeZone, next.version);
  };

  return (
    <form onSubmit={save}>
      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <Title order={3}>{t('kitchen.settings.zoneTitle')}</Title>
          <Autocomplete
            label={t('kitchen.settings.zoneLabel')}
            description={t('kitchen.settings.zoneHelp')}
            name="timeZone"
            value={zone}
            onChange={setZone}
            data={zones}
            limit={20}
            error={form.errorOf('timeZone')}
            w={360}
            data-testid="setting-timeZone"
          />
          <Text size="sm" c="dimmed" data-testid="inn-clock-now">
            {t('kitchen.settings.zoneNow', { time: clock.dateTime(new Date().toISOString()) })}
          </Text>
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          {edit.conflict && (
            <ConflictPanel
              conflict={edit.conflict}
              values={{ timeZone: zone }}
              fieldOf={settingOf}
              labelOf={() => t('kitchen.settings.zoneLabel')}
              saving={form.saving}
              onResolve={resolve}
            />
          )}
          <Group>
            <Button type="submit" loading={form.saving} data-testid="save-time-zone">
              {t('kitchen.settings.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
