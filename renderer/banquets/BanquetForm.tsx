import { MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BANQUET_TYPES, type Banquet, banquetUpdateSchema, LAYOUTS } from '../../shared/contract/banquets.ts';
import { textLimits } from '../../shared/contract/limits.ts';
import { CallErrorException, call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { ConflictPanel } from '../app/ConflictPanel.tsx';
import type { Choice } from '../app/edit-conflict.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { FormFooter } from '../app/FormFooter.tsx';
import { useInnClock } from '../app/inn-clock.tsx';
import { LimitedTextarea, LimitedTextInput } from '../app/LimitedText.tsx';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { PastDateWarning } from '../app/PastDateWarning.tsx';
import { type PastDate, pastBanquetDate } from '../app/past-date.ts';
import { useEditConflict } from '../app/use-edit-conflict.ts';
import { banquetLabelKey } from '../conflicts/field-text.ts';
import { callFieldErrors, type FieldErrors, fieldMessage, focusFirstError } from '../service/field-errors.ts';
import { formatYen } from '../service/format.ts';
import { onForm } from '../service/stay-form-model.ts';
import { useStaff } from '../staff/staff-context.tsx';
import {
  type BanquetValues,
  banquetPatch,
  banquetValues,
  checkBanquet,
  newBanquetValues,
  suggestedEstimate,
} from './form-model.ts';
import { AttendeesPicker, OrganiserPicker } from './GuestPickers.tsx';

/** The contract's limits of a deal's text fields, for the counters. */
const LIMITS = textLimits(banquetUpdateSchema.shape);

type TextField =
  | 'groupName'
  | 'date'
  | 'startTime'
  | 'endTime'
  | 'drinksPlan'
  | 'note'
  | 'deceasedName'
  | 'dateOfDeath';
type NumberField = 'headcount' | 'pricePerHeadYen' | 'estimateYen' | 'depositYen';

/**
 * Take an inquiry (問い合わせ) or change a deal. Checked with the contract's schema first (end before start,
 * headcount), then the core's answer: a hall clash or a headcount over capacity is the form's message.
 * `onClose` gets the saved deal's id, or nothing when the dialog was closed. An edit sends `version`, the
 * deal's when the page read it; a field someone changed since is shown with both values to choose from.
 */
export function BanquetForm({
  banquet,
  version,
  onClose,
}: {
  banquet?: Banquet;
  version?: number;
  onClose(savedId?: string): void;
}) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const staff = useStaff();
  const [values, setValues] = useState<BanquetValues>(() =>
    banquet ? banquetValues(banquet) : newBanquetValues(clock.today(), staff.data?.currentStaffId ?? null),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A banquet day before today waits for a second, explicit save (the values stay as typed).
  const [past, setPast] = useState<PastDate | null>(null);
  const edit = useEditConflict(version);
  const formRef = useRef<HTMLFormElement>(null);
  // Withdrawn halls too: one already on this deal must still show by name (it is not offered to new deals).
  const halls = useQuery('halls.list', { includeDeleted: true }, ['halls']);
  const courses = useQuery('courses.list', {}, ['courses']);

  const set = <K extends keyof BanquetValues>(key: K, value: BanquetValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const error = (field: string) => fieldMessage(errors, field);
  const text = (field: TextField) => ({
    name: field,
    value: values[field],
    error: error(field),
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
  });
  const money = (field: NumberField) => ({
    name: field,
    value: values[field],
    error: error(field),
    min: 0,
    allowDecimal: false,
    allowNegative: false,
    thousandSeparator: ',',
    onChange: (value: number | string) => set(field, value),
  });

  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    focusFirstError(formRef.current, next);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!saving) void submit(values, edit.version);
  };

  const resolve = (choices: Record<string, Choice>) => {
    const next = saving ? null : edit.resolve(values, choices);
    if (!next) return;
    // An estimate taken from the other screen is a typed one: it no longer follows headcount × price.
    const taken = next.values.estimateYen !== values.estimateYen ? { estimateTouched: true } : {};
    const resolved = { ...next.values, ...taken };
    setValues(resolved);
    // The conflict came from a save that had passed the past-date question already.
    void submit(resolved, next.version, true);
  };

  const submit = async (current: BanquetValues, basedOn: number | undefined, pastConfirmed = false) => {
    setErrors({});
    setFormError(null);
    setPast(null);
    edit.clear();
    const checked = checkBanquet(current);
    if (!checked.ok) return showErrors(checked.errors);
    const pastDay = pastBanquetDate(checked.value, banquet, clock.today());
    if (pastDay && !pastConfirmed) return setPast(pastDay);
    const patch = banquet ? banquetPatch(checked.value, banquet) : undefined;
    if (banquet && patch && Object.keys(patch).length === 0) return onClose(banquet.id);
    setSaving(true);
    try {
      const saved =
        banquet && patch
          ? await call('banquets.update', { id: banquet.id, fields: patch, version: basedOn })
          : await call('banquets.create', { fields: checked.value });
      notifySuccess(banquet ? t('banquet.form.savedNotice') : t('banquet.form.createdNotice'));
      onClose(saved.banquet.id);
    } catch (failure) {
      // A clash or a capacity refusal names what is wrong in words: the form's message. Field issues go under fields.
      const detail = failure instanceof CallErrorException ? failure.error.detail : undefined;
      const fields = callFieldErrors(failure);
      if (fields) setErrors(onForm(fields));
      if (edit.caught(failure)) return;
      if (detail || !fields) setFormError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  const hallOptions = (halls.data?.halls ?? [])
    .filter((hall) => !hall.deletedAt || values.hallIds.includes(hall.id))
    .map((hall) => ({
      value: hall.id,
      label: t('banquet.form.hallOption', {
        name: hall.name,
        capacity: hall.capacity[values.layout],
        layout: t(`banquet.codes.layout.${values.layout}`),
      }),
    }));
  const courseList = courses.data?.courses ?? [];
  const courseOptions = courseList
    .filter((course) => course.deletedAt === null || course.id === values.courseId)
    .map((course) => ({ value: course.id, label: `${course.name}（${formatYen(course.priceYen)}）` }));
  const staffOptions = (staff.data?.staff ?? [])
    .filter((member) => member.active || member.id === values.staffId)
    .map((member) => ({ value: member.id, label: member.name }));
  /** A value in the conflict panel as the deal page shows it: names for ids and codes, yen for amounts. */
  const shown = (field: string, value: unknown): string | undefined => {
    const named = (list: Array<{ id: string; name: string }>, id: unknown) => list.find((x) => x.id === id)?.name;
    if (value === null || value === '') return undefined;
    if (field === 'type') return t(`banquet.codes.type.${value as BanquetValues['type']}`);
    if (field === 'layout') return t(`banquet.codes.layout.${value as BanquetValues['layout']}`);
    if (field === 'courseId') return named(courseList, value);
    if (field === 'staffId') return staffOptions.find((option) => option.value === value)?.label;
    if (field === 'hallIds' && Array.isArray(value)) {
      return value.map((id) => named(halls.data?.halls ?? [], id) ?? '?').join(t('conflict.separator'));
    }
    if (field === 'attendeeIds' && Array.isArray(value)) return t('banquet.common.persons', { count: value.length });
    if (field === 'organiserId') return value === banquet?.organiserId ? banquet?.organiserName : undefined;
    if (field.endsWith('Yen') && typeof value === 'number') return formatYen(value);
    return undefined;
  };
  const estimate = values.estimateTouched ? values.estimateYen : suggestedEstimate(values);

  return (
    <FormDialog
      onClose={() => onClose()}
      size="xl"
      title={banquet ? t('banquet.form.titleEdit') : t('banquet.form.titleNew')}
    >
      <form ref={formRef} data-testid="banquet-form" onSubmit={save} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            {banquet ? (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('banquet.fields.organiser')}
                </Text>
                <Text fw={700}>{t('banquet.common.sama', { name: banquet.organiserName })}</Text>
              </Stack>
            ) : (
              <OrganiserPicker
                value={values.organiserId}
                name={values.organiserName}
                onChange={(id, name) => setValues((current) => ({ ...current, organiserId: id, organiserName: name }))}
                error={error('organiserId')}
              />
            )}
            <LimitedTextInput
              label={t('banquet.fields.groupName')}
              data-testid="banquet-group"
              max={LIMITS.groupName}
              {...text('groupName')}
            />
          </SimpleGrid>
          <SimpleGrid cols={4} spacing="sm">
            <Select
              name="type"
              label={t('banquet.fields.type')}
              data={BANQUET_TYPES.map((type) => ({ value: type, label: t(`banquet.codes.type.${type}`) }))}
              value={values.type}
              allowDeselect={false}
              onChange={(value) => value && set('type', value as BanquetValues['type'])}
              error={error('type')}
              data-testid="banquet-type"
            />
            <TextInput
              type="date"
              label={t('banquet.fields.date')}
              withAsterisk
              data-testid="banquet-date"
              {...text('date')}
            />
            <TextInput
              label={t('banquet.fields.startTime')}
              placeholder="18:00"
              withAsterisk
              data-testid="banquet-start"
              {...text('startTime')}
            />
            <TextInput
              label={t('banquet.fields.endTime')}
              placeholder="20:00"
              withAsterisk
              data-testid="banquet-end"
              {...text('endTime')}
            />
          </SimpleGrid>
          <SimpleGrid cols={3} spacing="sm">
            <MultiSelect
              name="hallIds"
              label={t('banquet.fields.halls')}
              data={hallOptions}
              value={values.hallIds}
              onChange={(ids) => set('hallIds', ids)}
              error={error('hallIds')}
              data-testid="banquet-halls"
            />
            <Select
              name="layout"
              label={t('banquet.fields.layout')}
              data={LAYOUTS.map((layout) => ({ value: layout, label: t(`banquet.codes.layout.${layout}`) }))}
              value={values.layout}
              allowDeselect={false}
              onChange={(value) => value && set('layout', value as BanquetValues['layout'])}
              error={error('layout')}
              data-testid="banquet-layout"
            />
            <NumberInput
              label={t('banquet.fields.headcount')}
              withAsterisk
              suffix={t('banquet.form.personsSuffix')}
              max={2000}
              data-testid="banquet-headcount"
              {...money('headcount')}
            />
          </SimpleGrid>
          <SimpleGrid cols={4} spacing="sm">
            <Select
              name="courseId"
              label={t('banquet.fields.course')}
              data={courseOptions}
              value={values.courseId}
              clearable
              onChange={(value) => {
                const course = courseList.find((c) => c.id === value);
                setValues((current) => ({
                  ...current,
                  courseId: value,
                  // The course's price is the usual price per head; staff may still change it.
                  pricePerHeadYen:
                    course && !Number(current.pricePerHeadYen) ? course.priceYen : current.pricePerHeadYen,
                }));
              }}
              error={error('courseId')}
              data-testid="banquet-course"
            />
            <NumberInput
              label={t('banquet.fields.pricePerHead')}
              prefix="¥"
              data-testid="banquet-price"
              {...money('pricePerHeadYen')}
            />
            <NumberInput
              label={t('banquet.fields.estimate')}
              description={values.estimateTouched ? undefined : t('banquet.form.estimateHint')}
              prefix="¥"
              data-testid="banquet-estimate"
              {...money('estimateYen')}
              value={estimate}
              onChange={(value) => setValues((current) => ({ ...current, estimateYen: value, estimateTouched: true }))}
            />
            <NumberInput
              label={t('banquet.fields.deposit')}
              prefix="¥"
              data-testid="banquet-deposit"
              {...money('depositYen')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <LimitedTextInput label={t('banquet.fields.drinksPlan')} max={LIMITS.drinksPlan} {...text('drinksPlan')} />
            <Select
              name="staffId"
              label={t('banquet.fields.staff')}
              data={staffOptions}
              value={values.staffId}
              clearable
              onChange={(value) => set('staffId', value)}
              error={error('staffId')}
            />
          </SimpleGrid>
          {values.type === 'memorial' && (
            <SimpleGrid cols={2} spacing="sm">
              <LimitedTextInput
                max={LIMITS.deceasedName}
                label={t('banquet.fields.deceasedName')}
                data-testid="banquet-deceased"
                {...text('deceasedName')}
              />
              <TextInput
                type="date"
                label={t('banquet.fields.dateOfDeath')}
                description={t('banquet.form.dateOfDeathHint')}
                data-testid="banquet-death"
                {...text('dateOfDeath')}
              />
            </SimpleGrid>
          )}
          <AttendeesPicker
            value={values.attendeeIds}
            exclude={values.organiserId}
            onChange={(ids) => set('attendeeIds', ids)}
            error={error('attendeeIds')}
          />
          <LimitedTextarea
            label={t('banquet.fields.note')}
            data-testid="banquet-note"
            autosize
            minRows={2}
            maxRows={4}
            max={LIMITS.note}
            {...text('note')}
          />
          {past && (
            <PastDateWarning past={past} saving={saving} onConfirm={() => void submit(values, edit.version, true)} />
          )}
          {edit.conflict && (
            <ConflictPanel
              conflict={edit.conflict}
              values={values}
              labelOf={(field) => t(banquetLabelKey(field))}
              show={shown}
              saving={saving}
              onResolve={resolve}
            />
          )}
          <FormFooter
            formError={formError}
            hasFieldErrors={Object.keys(errors).length > 0}
            saving={saving}
            saveLabel={banquet ? t('banquet.form.save') : t('banquet.form.create')}
            saveTestId="save-banquet"
            onCancel={() => onClose()}
          />
        </Stack>
      </form>
    </FormDialog>
  );
}
