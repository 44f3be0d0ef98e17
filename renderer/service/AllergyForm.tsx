import { Checkbox, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Allergy, allergyCalls, SEVERITIES, type Severity } from '../../shared/contract/allergies.ts';
import type { CallInput } from '../../shared/contract/index.ts';
import { textLimits } from '../../shared/contract/limits.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { FormFooter } from '../app/FormFooter.tsx';
import { useInnClock } from '../app/inn-clock.tsx';
import { LimitedTextarea, LimitedTextInput } from '../app/LimitedText.tsx';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { useTypeToPick } from '../app/use-type-to-pick.ts';
import { allergenFilter, allergenOptions } from './allergen-options.ts';
import { callFieldErrors, checkWith, type FieldErrors, fieldMessage, withoutError } from './field-errors.ts';
import { SEVERITY_COLOR } from './format.ts';

/** The contract's limits of an allergy's text fields, for the counters. */
const LIMITS = textLimits(allergyCalls['allergies.record'].input.shape);

type Values = {
  allergenId: string | null;
  freeAllergen: string;
  severity: Severity;
  tracesOk: boolean;
  note: string;
  confirmedAt: string;
};

function initialValues(correcting: Allergy | undefined, today: string): Values {
  if (!correcting) {
    return { allergenId: null, freeAllergen: '', severity: 'allergy', tracesOk: false, note: '', confirmedAt: today };
  }
  return {
    allergenId: correcting.allergenId,
    freeAllergen: correcting.freeAllergen,
    severity: correcting.severity,
    tracesOk: correcting.tracesOk,
    note: correcting.note,
    // A correction is a new confirmation: asked again today, unless the person says otherwise.
    confirmedAt: today,
  };
}

/**
 * Record an allergy, or correct one (the same dialog, prefilled; the core keeps the old record as superseded).
 * The allergen comes from the catalogue or, for what the list does not name, as free text: one of the two.
 */
export function AllergyForm({
  guestId,
  correcting,
  onClose,
}: {
  guestId: string;
  correcting?: Allergy;
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const [values, setValues] = useState<Values>(() => initialValues(correcting, clock.today()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const catalogue = useQuery('allergens.list', { includeDeleted: true }, ['allergens']);
  const allergens = catalogue.data?.allergens ?? [];
  const options = useMemo(
    () => allergenOptions(allergens, i18n.language, correcting?.allergenId ?? null),
    [allergens, i18n.language, correcting],
  );
  const filter = useMemo(() => allergenFilter(allergens), [allergens]);
  const typeToPick = useTypeToPick();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  // Another allergen chosen or typed: what was said of the one before (missing, already recorded) no longer holds.
  const allergenChanged = () => {
    setErrors((current) => withoutError(current, 'allergenId', 'freeAllergen'));
    setFormError(null);
  };

  const content = {
    allergenId: values.allergenId,
    freeAllergen: values.allergenId ? '' : values.freeAllergen,
    severity: values.severity,
    tracesOk: values.tracesOk,
    note: values.note,
    confirmedAt: values.confirmedAt,
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setErrors({});
    setFormError(null);
    const checked = correcting
      ? checkWith(allergyCalls['allergies.correct'].input, { id: correcting.id, ...content })
      : checkWith(allergyCalls['allergies.record'].input, { guestId, ...content });
    if (!checked.ok) return setErrors(checked.errors);
    setSaving(true);
    try {
      const saved = correcting
        ? await call('allergies.correct', { id: correcting.id, ...content } as CallInput<'allergies.correct'>)
        : await call('allergies.record', { guestId, ...content } as CallInput<'allergies.record'>);
      const name = i18n.language === 'en' && saved.nameEn ? saved.nameEn : saved.nameJa;
      notifySuccess(
        correcting ? t('service.allergies.correctedNotice', { name }) : t('service.allergies.recordedNotice', { name }),
      );
      onClose();
    } catch (error) {
      const fields = callFieldErrors(error);
      if (fields) setErrors(fields);
      else setFormError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      onClose={onClose}
      size="lg"
      title={correcting ? t('service.allergies.form.titleCorrect') : t('service.allergies.form.titleNew')}
    >
      <form data-testid="allergy-form" onSubmit={save} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <Select
              data-testid="allergy-allergen"
              data-autofocus
              label={t('service.allergies.form.allergen')}
              placeholder={t('service.allergies.form.allergenPlaceholder')}
              nothingFoundMessage={t('service.allergies.form.noMatch')}
              data={options}
              filter={filter}
              searchable
              clearable
              // えび typed, えび highlighted: Enter and Tab take it, rather than sending the form without an
              // allergen (Enter) or dropping what was typed (Tab).
              {...typeToPick}
              maxDropdownHeight={320}
              value={values.allergenId}
              onChange={(value) => {
                setValues((v) => ({ ...v, allergenId: value, freeAllergen: value ? '' : v.freeAllergen }));
                allergenChanged();
              }}
              error={fieldMessage(errors, 'allergenId')}
            />
            <LimitedTextInput
              max={LIMITS.freeAllergen}
              data-testid="allergy-free"
              label={t('service.allergies.form.free')}
              placeholder={t('service.allergies.form.freePlaceholder')}
              value={values.freeAllergen}
              onChange={(event) => {
                const text = event.currentTarget.value;
                setValues((v) => ({ ...v, freeAllergen: text, allergenId: text.trim() ? null : v.allergenId }));
                allergenChanged();
              }}
              error={fieldMessage(errors, 'freeAllergen')}
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('service.allergies.form.severity')}
            </Text>
            <SegmentedControl
              data-testid="allergy-severity"
              fullWidth
              color={SEVERITY_COLOR[values.severity]}
              value={values.severity}
              onChange={(value) => set('severity', value as Severity)}
              data={SEVERITIES.map((value) => ({ value, label: t(`codes.severity.${value}`) }))}
            />
          </Stack>
          <Checkbox
            data-testid="allergy-traces"
            label={t('service.allergies.form.tracesOk')}
            checked={values.tracesOk}
            onChange={(event) => set('tracesOk', event.currentTarget.checked)}
          />
          <LimitedTextarea
            data-testid="allergy-note"
            label={t('service.allergies.form.note')}
            autosize
            minRows={1}
            maxRows={4}
            max={LIMITS.note}
            value={values.note}
            onChange={(event) => set('note', event.currentTarget.value)}
            error={fieldMessage(errors, 'note')}
          />
          <TextInput
            data-testid="allergy-confirmed-at"
            type="date"
            w={200}
            label={t('service.allergies.form.confirmedAt')}
            value={values.confirmedAt}
            onChange={(event) => set('confirmedAt', event.currentTarget.value)}
            error={fieldMessage(errors, 'confirmedAt')}
          />
          <FormFooter
            formError={formError}
            saving={saving}
            saveLabel={correcting ? t('service.allergies.form.saveCorrection') : t('service.allergies.form.save')}
            saveTestId="save-allergy"
            onCancel={onClose}
          />
        </Stack>
      </form>
    </FormDialog>
  );
}
