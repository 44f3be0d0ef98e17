import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_MAX_MINUTES } from '../../shared/contract/roles.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { errorMessage, notifySuccess } from '../app/notify.ts';

/**
 * Whether choosing a person asks for their PIN, and after how many idle minutes a PC locks. Running without
 * PINs is the inn's choice (a small family inn) and is said plainly here, not hidden in a switch's position.
 * The switch saves as it is flipped, like the era setting; the minutes have their own save.
 */
export function AccessSettings() {
  const { t } = useTranslation();
  const settings = useQuery('settings.get', {}, ['settings']);
  const stored = settings.data;
  const [flipping, setFlipping] = useState<boolean | null>(null);
  const [minutes, setMinutes] = useState<number | string>('');
  const [minutesError, setMinutesError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const storedMinutes = stored?.idleLockMinutes;
  useEffect(() => {
    if (storedMinutes !== undefined) setMinutes(storedMinutes);
  }, [storedMinutes]);

  if (!stored) return null;
  const pinsRequired = flipping ?? stored.pinsRequired;

  const flip = async (next: boolean) => {
    setFlipping(next);
    setError(null);
    try {
      await call('settings.update', { patch: { pinsRequired: next } });
      notifySuccess(t('access.settings.savedNotice'));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setFlipping(null);
    }
  };

  const saveMinutes = async (event: FormEvent) => {
    event.preventDefault();
    if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 0 || minutes > IDLE_LOCK_MAX_MINUTES) {
      setMinutesError(t('access.settings.idleRange', { min: 0, max: IDLE_LOCK_MAX_MINUTES }));
      return;
    }
    setMinutesError(null);
    setError(null);
    setSaving(true);
    try {
      await call('settings.update', { patch: { idleLockMinutes: minutes } });
      notifySuccess(t('access.settings.savedNotice'));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="access-settings">
      <Stack gap="md">
        <Title order={4}>{t('access.settings.title')}</Title>
        <Alert color={pinsRequired ? 'teal' : 'yellow'} data-testid="pins-state">
          <Text fw={700}>{pinsRequired ? t('access.settings.pinsOn') : t('access.settings.pinsOff')}</Text>
        </Alert>
        <Switch
          label={t('access.settings.pinsRequired')}
          description={t('access.settings.pinsRequiredHelp')}
          checked={pinsRequired}
          disabled={flipping !== null}
          onChange={(event) => void flip(event.currentTarget.checked)}
          data-testid="setting-pinsRequired"
        />
        <form onSubmit={saveMinutes}>
          <Group align="flex-end" gap="xs">
            <NumberInput
              label={t('access.settings.idleMinutes')}
              description={t('access.settings.idleHelp')}
              name="idleLockMinutes"
              value={minutes}
              onChange={setMinutes}
              allowDecimal={false}
              allowNegative={false}
              rightSection={<Text size="sm">{t('access.settings.minutes')}</Text>}
              rightSectionWidth={40}
              error={minutesError}
              w={360}
              data-testid="setting-idleLockMinutes"
            />
            <Button type="submit" variant="light" loading={saving} data-testid="save-idle-lock">
              {t('access.settings.save')}
            </Button>
          </Group>
        </form>
        {error && (
          <Alert color="red" data-testid="access-settings-error">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
