import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKUP_KEEP_MAX, type BackupStatus } from '../../shared/contract/backups.ts';
import { CallErrorException, call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { fieldErrorText } from '../app/field-error-text.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { JobRow } from '../app/JobsBar.tsx';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { locale } from '../i18n/format.ts';
import { RestoreList } from './RestoreList.tsx';
import { formatBytes, useBackupJob } from './use-backup-job.ts';

// The settings section 「バックアップ」: where backups go (this PC's own folder: a USB drive, a NAS share), how
// many are kept and whether they run by themselves; what the last one was; 「今すぐバックアップ」 with its
// progress and a button to stop it; and the backups in the folder to restore from (RestoreList.tsx).
// The folder is typed as a full path: the browser door cannot open a folder picker on the PC running the core.
// In the desktop app 「選択…」 beside it opens the system's folder picker (the preload's chooseFolder).

type Form = { folder: string; keep: number | string; enabled: boolean };
type Errors = Partial<Record<'folder' | 'keep', string>>;

type FolderBridge = { chooseFolder?: (current: string) => Promise<string | null> };

/** The desktop app's folder picker, when the page runs in it. */
function folderPicker(): FolderBridge['chooseFolder'] {
  const bridge = (window as unknown as { yadocho?: FolderBridge }).yadocho;
  return typeof bridge?.chooseFolder === 'function' ? bridge.chooseFolder.bind(bridge) : undefined;
}

const formOf = (status: BackupStatus): Form => ({
  folder: status.settings.folder ?? '',
  keep: status.settings.keep,
  enabled: status.settings.enabled,
});

function LastBackup({ status }: { status: BackupStatus }) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const good = status.lastGood;
  const failure = status.lastFailure;
  return (
    <Stack gap={4}>
      <Text size="sm" data-testid="backup-folder-state" c={status.folder === 'ok' ? 'dimmed' : 'red'}>
        {t(`backups.folderState.${status.folder}`)}
      </Text>
      <Text size="sm" data-testid="backup-last-good">
        {t('backups.lastGood')}:{' '}
        {good
          ? t('backups.lastGoodValue', {
              at: clock.dateTime(good.at),
              file: good.file,
              size: formatBytes(good.bytes, locale(i18n.language)),
              guests: good.counts.guests.toLocaleString(locale(i18n.language)),
              stays: good.counts.stays.toLocaleString(locale(i18n.language)),
            })
          : t('backups.never')}
      </Text>
      {failure && (!good || failure.at > good.at) && (
        <Text size="sm" c="red" data-testid="backup-last-failure">
          {t('backups.lastFailure')}:{' '}
          {t('backups.lastFailureValue', {
            at: clock.dateTime(failure.at),
            reason: t(`backups.failure.${failure.reason}`),
          })}
        </Text>
      )}
    </Stack>
  );
}

export function BackupSettings() {
  const { t } = useTranslation();
  const { job, ended } = useBackupJob();
  const status = useQuery('backups.status', {}, []);
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [starting, setStarting] = useState(false);
  const { refetch } = status;
  const picker = folderPicker();

  // A backup that ended changes the last one shown.
  useEffect(() => {
    if (ended > 0) refetch();
  }, [ended, refetch]);
  useEffect(() => {
    if (status.data && form === null) setForm(formOf(status.data));
  }, [status.data, form]);

  if (!status.data || !form) return null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const keep = form.keep;
    const problems: Errors = {};
    if (typeof keep !== 'number' || !Number.isInteger(keep) || keep < 1 || keep > BACKUP_KEEP_MAX) {
      problems.keep = t('backups.keepRange', { min: 1, max: BACKUP_KEEP_MAX });
    }
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    try {
      const saved = await call('backups.configure', {
        folder: form.folder,
        keep: keep as number,
        enabled: form.enabled,
      });
      setForm(formOf(saved));
      refetch();
      notifySuccess(t('backups.savedNotice'));
    } catch (error) {
      const issues = error instanceof CallErrorException ? (error.error.issues ?? []) : [];
      const byField: Errors = {};
      for (const issue of issues)
        if (issue.path === 'folder' || issue.path === 'keep') byField[issue.path] = fieldErrorText(issue);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFormError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const runNow = async () => {
    setStarting(true);
    const made = await attempt(() => call('backups.run', {}));
    setStarting(false);
    refetch();
    if (made) notifySuccess(t('backups.madeNotice', { file: made.file }));
  };

  return (
    <Stack gap="md" data-testid="backup-settings">
      <Title order={3}>{t('backups.title')}</Title>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={save}>
          <Stack gap="md">
            <Text size="sm" c="dimmed" maw={640}>
              {t('backups.lead')}
            </Text>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                label={t('backups.folderLabel')}
                description={t('backups.folderHelp')}
                placeholder={t('backups.folderPlaceholder')}
                value={form.folder}
                onChange={(event) => setForm({ ...form, folder: event.currentTarget.value })}
                error={errors.folder}
                w={560}
                data-testid="backup-folder"
              />
              {picker && (
                <Button
                  variant="default"
                  mb={errors.folder ? 22 : 0}
                  onClick={() =>
                    void picker(form.folder).then(
                      (chosen) => chosen && setForm((current) => (current ? { ...current, folder: chosen } : current)),
                      () => {},
                    )
                  }
                  data-testid="backup-folder-choose"
                >
                  {t('backups.choose')}
                </Button>
              )}
            </Group>
            <NumberInput
              label={t('backups.keepLabel')}
              description={t('backups.keepHelp')}
              value={form.keep}
              onChange={(value) => setForm({ ...form, keep: value })}
              allowDecimal={false}
              allowNegative={false}
              rightSection={<Text size="sm">{t('backups.keepUnit')}</Text>}
              rightSectionWidth={56}
              error={errors.keep}
              w={240}
              data-testid="backup-keep"
            />
            <Switch
              label={t('backups.enabledLabel')}
              checked={form.enabled}
              onChange={(event) => setForm({ ...form, enabled: event.currentTarget.checked })}
              data-testid="backup-enabled"
            />
            {formError && <Alert color="red">{formError}</Alert>}
            <Group>
              <Button type="submit" loading={saving} data-testid="backup-save">
                {t('backups.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <LastBackup status={status.data} />
            <Button
              variant="default"
              loading={starting || job !== null}
              disabled={status.data.folder !== 'ok'}
              onClick={runNow}
              data-testid="backup-now"
            >
              {t('backups.runNow')}
            </Button>
          </Group>
          {job && (
            <div data-testid="backup-progress">
              <JobRow job={job} />
            </div>
          )}
        </Stack>
      </Paper>
      <RestoreList refreshKey={`${ended}-${status.data.settings.folder ?? ''}`} />
    </Stack>
  );
}
