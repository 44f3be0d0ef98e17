import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Banquet,
  HOLD_WARNING_DAYS,
  LOST_REASONS,
  NEXT_STAGES,
  type Stage,
  stageChangeSchema,
} from '../../shared/contract/banquets.ts';
import { textLimits } from '../../shared/contract/limits.ts';
import { addDays } from '../../shared/text/dates.ts';
import { call } from '../api/client.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { FormFooter } from '../app/FormFooter.tsx';
import { useInnClock } from '../app/inn-clock.tsx';
import { LimitedTextarea, LimitedTextInput } from '../app/LimitedText.tsx';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { callFieldErrors, checkWith, type FieldErrors, fieldMessage } from '../service/field-errors.ts';

/** The contract's limits of a stage change's texts (competitor, note), for the counters. */
const LIMITS = textLimits(stageChangeSchema.shape);

/** Stages that need more than a click: the hold's expiry, why it was lost, why it was cancelled. */
const ASKS: ReadonlySet<Stage> = new Set(['provisional', 'lost', 'cancelled']);

const BUTTON: Record<Stage, { color: string; variant: string }> = {
  inquiry: { color: 'gray', variant: 'default' },
  proposal: { color: 'blue', variant: 'light' },
  provisional: { color: 'yellow', variant: 'light' },
  confirmed: { color: 'indigo', variant: 'filled' },
  held: { color: 'teal', variant: 'filled' },
  lost: { color: 'red', variant: 'subtle' },
  cancelled: { color: 'gray', variant: 'subtle' },
};

/** Provisional again on a provisional deal extends the hold: its own words. */
function actionKey(banquet: Banquet, stage: Stage, kind: 'do' | 'title'): string {
  return banquet.stage === 'provisional' && stage === 'provisional'
    ? `banquet.actions.${kind}.extend`
    : `banquet.actions.${kind}.${stage}`;
}

/** A week from today (or from the current expiry, when extending), but never after the banquet itself. */
function defaultExpiry(banquet: Banquet, today: string): string {
  const from = banquet.holdExpiresOn && banquet.holdExpiresOn > today ? banquet.holdExpiresOn : today;
  const expiry = addDays(from, HOLD_WARNING_DAYS);
  return expiry > banquet.date ? banquet.date : expiry;
}

function StageDialog({ banquet, stage, onClose }: { banquet: Banquet; stage: Stage; onClose(): void }) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const [holdExpiresOn, setHoldExpiresOn] = useState(() => defaultExpiry(banquet, clock.today()));
  const [lostReason, setLostReason] = useState<string | null>(null);
  const [competitor, setCompetitor] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const input = {
      id: banquet.id,
      stage,
      ...(stage === 'provisional' ? { holdExpiresOn } : {}),
      ...(stage === 'lost' ? { lostReason: lostReason ?? undefined, competitor } : {}),
      ...(stage === 'lost' || stage === 'cancelled' ? { note } : {}),
    };
    const checked = checkWith(stageChangeSchema, input);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError(t('banquet.actions.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      await call('banquets.advance', checked.value);
      notifySuccess(t('banquet.deal.stageNotice', { stage: t(`banquet.codes.stage.${stage}`) }));
      onClose();
    } catch (failure) {
      const fields = callFieldErrors(failure);
      if (fields) setErrors(fields);
      setFormError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog onClose={onClose} title={t(actionKey(banquet, stage, 'title'))} centered>
      <form onSubmit={submit} data-testid="stage-dialog" data-stage={stage} noValidate>
        <Stack gap="sm">
          {stage === 'provisional' && (
            <TextInput
              type="date"
              label={t('banquet.actions.holdExpiresOn')}
              withAsterisk
              value={holdExpiresOn}
              onChange={(event) => setHoldExpiresOn(event.currentTarget.value)}
              error={fieldMessage(errors, 'holdExpiresOn')}
              data-testid="hold-expires"
              data-autofocus
            />
          )}
          {stage === 'lost' && (
            <>
              <Select
                label={t('banquet.actions.lostReason')}
                withAsterisk
                data={LOST_REASONS.map((reason) => ({ value: reason, label: t(`banquet.codes.lostReason.${reason}`) }))}
                value={lostReason}
                onChange={setLostReason}
                error={fieldMessage(errors, 'lostReason')}
                data-testid="lost-reason"
              />
              <LimitedTextInput
                max={LIMITS.competitor}
                label={t('banquet.actions.competitor')}
                description={t('banquet.actions.competitorHint')}
                withAsterisk
                value={competitor}
                onChange={(event) => setCompetitor(event.currentTarget.value)}
                error={fieldMessage(errors, 'competitor')}
                data-testid="lost-competitor"
              />
            </>
          )}
          {(stage === 'lost' || stage === 'cancelled') && (
            <LimitedTextarea
              max={LIMITS.note}
              label={stage === 'lost' ? t('banquet.actions.lostNote') : t('banquet.actions.cancelReason')}
              withAsterisk
              autosize
              minRows={2}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={fieldMessage(errors, 'note')}
              data-testid="stage-note"
            />
          )}
          <FormFooter
            formError={formError}
            errorTestId="stage-error"
            saving={saving}
            saveLabel={t(actionKey(banquet, stage, 'do'))}
            saveTestId="stage-submit"
            saveColor={BUTTON[stage].color}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </FormDialog>
  );
}

/** The moves the pipeline allows from here (NEXT_STAGES); a final stage offers none. */
export function StageActions({ banquet }: { banquet: Banquet }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Stage | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const advance = async (stage: Stage) => {
    setBusy(true);
    setError(null);
    try {
      await call('banquets.advance', { id: banquet.id, stage });
      notifySuccess(t('banquet.deal.stageNotice', { stage: t(`banquet.codes.stage.${stage}`) }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const next = NEXT_STAGES[banquet.stage];
  if (next.length === 0) return null;
  return (
    <Stack gap={6} align="flex-end">
      <Group gap="xs">
        {next.map((stage) => (
          <Button
            key={stage}
            color={BUTTON[stage].color}
            variant={BUTTON[stage].variant}
            disabled={busy}
            data-testid={`advance-${stage}`}
            onClick={() => (ASKS.has(stage) ? setAsking(stage) : advance(stage))}
          >
            {t(actionKey(banquet, stage, 'do'))}
          </Button>
        ))}
      </Group>
      {error && (
        <Alert color="red" role="alert" data-testid="advance-error" py={6}>
          {error}
        </Alert>
      )}
      {asking && <StageDialog banquet={banquet} stage={asking} onClose={() => setAsking(null)} />}
    </Stack>
  );
}
