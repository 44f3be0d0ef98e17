import { Alert, Paper, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { useShowEra } from './use-show-era.ts';

/**
 * Whether birthdays show their era (1980年5月5日（昭和55年）). A switch saves as it is flipped, without the
 * version the numeric settings send: it has two values and shows the stored one at once, so the last flip
 * is the inn's choice and there is nothing typed to keep.
 */
export function EraSetting() {
  const { t } = useTranslation();
  const stored = useShowEra();
  const [saving, setSaving] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = async (showJapaneseEra: boolean) => {
    setSaving(showJapaneseEra);
    setError(null);
    try {
      await call('settings.update', { patch: { showJapaneseEra } });
      notifySuccess(t('dates.eraSetting.savedNotice'));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Switch
          label={t('dates.eraSetting.label')}
          description={t('dates.eraSetting.help')}
          checked={saving ?? stored}
          disabled={saving !== null}
          onChange={(event) => void change(event.currentTarget.checked)}
          data-testid="setting-showJapaneseEra"
        />
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Paper>
  );
}
