import { Alert, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Allergy, allergyCalls } from '../../shared/contract/allergies.ts';
import { textLimit } from '../../shared/contract/limits.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { FormFooter } from '../app/FormFooter.tsx';
import { useInnClock } from '../app/inn-clock.tsx';
import { LimitedTextInput } from '../app/LimitedText.tsx';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { useStaff } from '../staff/staff-context.tsx';
import { AllergyForm } from './AllergyForm.tsx';
import { allergenName, formatDayWithWeekday, SEVERITY_COLOR } from './format.ts';

const TABLES = ['allergies', 'allergens', 'staff'] as const;

function useStaffNames(): Map<string, string> {
  const staff = useStaff();
  return useMemo(() => new Map((staff.data?.staff ?? []).map((s) => [s.id, s.name])), [staff.data]);
}

/** Retracting needs a reason: the record stays, flagged, and the next person sees why. */
function RetractDialog({ allergy, onClose }: { allergy: Allergy; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const name = allergenName(allergy, i18n.language);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError(t('errors.field.required'));
    setSaving(true);
    try {
      await call('allergies.retract', { id: allergy.id, reason });
      notifySuccess(t('service.allergies.retractedNotice', { name }));
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog onClose={onClose} title={t('service.allergies.retractForm.title')}>
      <form data-testid="retract-form" onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('service.allergies.retractForm.body', { name })}</Text>
          <LimitedTextInput
            max={textLimit(allergyCalls['allergies.retract'].input.shape.reason)}
            data-testid="retract-reason"
            data-autofocus
            withAsterisk
            label={t('service.allergies.retractForm.reason')}
            placeholder={t('service.allergies.retractForm.reasonPlaceholder')}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(null);
            }}
            error={error}
          />
          <FormFooter
            formError={null}
            saving={saving}
            saveLabel={t('service.allergies.retractForm.submit')}
            saveTestId="confirm-retract"
            saveColor="red"
            onCancel={onClose}
          />
        </Stack>
      </form>
    </FormDialog>
  );
}

type Actions = {
  correct(a: Allergy): void;
  retract(a: Allergy): void;
  confirm(a: Allergy): void;
  restore(a: Allergy): void;
};

function AllergyRow({
  allergy,
  deleted,
  actions,
  staffNames,
}: {
  allergy: Allergy;
  deleted: boolean;
  actions: Actions;
  staffNames: Map<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const current = allergy.state === 'current';
  const confirmedBy = allergy.confirmedByName ?? t('common.unknownStaff');
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="allergy-record"
      data-state={allergy.state}
      data-severity={allergy.severity}
      bg={current ? undefined : 'gray.0'}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge color={SEVERITY_COLOR[allergy.severity]} variant={current ? 'filled' : 'light'} tt="none">
              {t(`codes.severity.${allergy.severity}`)}
            </Badge>
            <Text
              fw={700}
              td={current ? undefined : 'line-through'}
              c={current ? undefined : 'dimmed'}
              data-testid="allergy-name"
            >
              {allergenName(allergy, i18n.language)}
            </Text>
            {allergy.severity !== 'dislike' && (
              <Text size="sm" c={allergy.tracesOk ? 'dimmed' : 'red'}>
                {allergy.tracesOk ? t('service.allergies.tracesOk') : t('service.allergies.tracesNotOk')}
              </Text>
            )}
            {!current && (
              <Badge color="gray" variant="outline" tt="none" data-testid="allergy-state">
                {t(`codes.allergyState.${allergy.state}`)}
              </Badge>
            )}
            {current && allergy.needsReview ? (
              <Badge color="red" variant="filled" tt="none" data-testid="allergy-needs-review">
                {t('service.allergies.needsReview')}
              </Badge>
            ) : (
              current &&
              allergy.reconfirmDue && (
                <Badge color="orange" variant="outline" tt="none" data-testid="allergy-reconfirm">
                  {t('service.alerts.reconfirm')}
                </Badge>
              )
            )}
          </Group>
          {allergy.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {allergy.note}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {allergy.confirmedAt === ''
              ? t('service.allergies.neverConfirmed')
              : t('service.allergies.confirmed', {
                  date: formatDayWithWeekday(allergy.confirmedAt.slice(0, 10), i18n.language),
                  name: confirmedBy,
                })}
            {' · '}
            {t('service.allergies.recorded', {
              at: clock.dateTime(allergy.recordedAt),
              name: allergy.recordedByName ?? t('common.unknownStaff'),
            })}
          </Text>
          {allergy.state === 'retracted' && (
            <Text size="xs" c="red" data-testid="allergy-retracted">
              {t('service.allergies.retracted', {
                at: clock.dateTime(allergy.retractedAt ?? ''),
                name: (allergy.retractedBy && staffNames.get(allergy.retractedBy)) || t('common.unknownStaff'),
                reason: allergy.retractReason,
              })}
            </Text>
          )}
        </Stack>
        {!deleted && current && (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-sm"
              variant={allergy.reconfirmDue ? 'filled' : 'subtle'}
              color="teal"
              data-testid="allergy-confirm"
              onClick={() => actions.confirm(allergy)}
            >
              {t('service.allergies.confirm')}
            </Button>
            <Button
              size="compact-sm"
              variant="light"
              data-testid="allergy-correct"
              onClick={() => actions.correct(allergy)}
            >
              {t('service.allergies.correct')}
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              data-testid="allergy-retract"
              onClick={() => actions.retract(allergy)}
            >
              {t('service.allergies.retract')}
            </Button>
          </Group>
        )}
        {!deleted && allergy.state === 'retracted' && (
          <Button
            size="compact-sm"
            variant="light"
            data-testid="allergy-restore"
            onClick={() => actions.restore(allergy)}
          >
            {t('service.allergies.restore')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}

/**
 * A guest's allergies: the current records, most severe first, with who confirmed them and when; record,
 * correct, retract, confirm again. "All records" also shows what was corrected or retracted (nothing is lost).
 */
export function AllergiesPanel({ guestId, deleted }: { guestId: string; deleted: boolean }) {
  const { t, i18n } = useTranslation();
  const query = useQuery('allergies.forGuest', { guestId }, TABLES);
  const staffNames = useStaffNames();
  const [showAll, setShowAll] = useState(false);
  const [dialog, setDialog] = useState<
    { kind: 'record' } | { kind: 'correct'; allergy: Allergy } | { kind: 'retract'; allergy: Allergy } | null
  >(null);

  const all = query.data?.allergies ?? [];
  const shown = showAll ? all : all.filter((a) => a.state === 'current');
  const hidden = all.length - all.filter((a) => a.state === 'current').length;

  const simple = async (work: () => Promise<Allergy>, notice: 'confirmedNotice' | 'restoredNotice') => {
    const done = await attempt(work);
    if (done) notifySuccess(t(`service.allergies.${notice}`, { name: allergenName(done, i18n.language) }));
  };
  const actions: Actions = {
    correct: (allergy) => setDialog({ kind: 'correct', allergy }),
    retract: (allergy) => setDialog({ kind: 'retract', allergy }),
    confirm: (allergy) => simple(() => call('allergies.confirm', { id: allergy.id }), 'confirmedNotice'),
    restore: (allergy) => simple(() => call('allergies.restore', { id: allergy.id }), 'restoredNotice'),
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="allergies-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('service.allergies.title')}</Title>
          <Group gap="sm">
            {hidden > 0 && (
              <Switch
                size="sm"
                data-testid="allergy-show-all"
                label={`${t('service.allergies.showAll')} (${all.length})`}
                checked={showAll}
                onChange={(event) => setShowAll(event.currentTarget.checked)}
              />
            )}
            {!deleted && (
              <Button size="xs" data-testid="record-allergy" onClick={() => setDialog({ kind: 'record' })}>
                + {t('service.allergies.record')}
              </Button>
            )}
          </Group>
        </Group>
        {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
        {query.data && shown.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('service.allergies.none')}
          </Text>
        )}
        {shown.map((allergy) => (
          <AllergyRow key={allergy.id} allergy={allergy} deleted={deleted} actions={actions} staffNames={staffNames} />
        ))}
      </Stack>
      {dialog?.kind === 'record' && <AllergyForm guestId={guestId} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'correct' && (
        <AllergyForm guestId={guestId} correcting={dialog.allergy} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'retract' && <RetractDialog allergy={dialog.allergy} onClose={() => setDialog(null)} />}
    </Paper>
  );
}
