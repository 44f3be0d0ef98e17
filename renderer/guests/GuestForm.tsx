import { Checkbox, Grid, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import i18next from 'i18next';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guestFieldsSchema, type SimilarGuest } from '../../shared/contract/guests.ts';
import type { CallInput } from '../../shared/contract/index.ts';
import { textLimits } from '../../shared/contract/limits.ts';
import { CallErrorException, call } from '../api/client.ts';
import { ConflictPanel } from '../app/ConflictPanel.tsx';
import type { Choice } from '../app/edit-conflict.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { FormFooter } from '../app/FormFooter.tsx';
import { LimitedTextarea, LimitedTextInput } from '../app/LimitedText.tsx';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { navigate } from '../app/route.ts';
import { useEditConflict } from '../app/use-edit-conflict.ts';
import { AbroadFields } from '../guest-rights/AbroadFields.tsx';
import { fieldMessage, focusFirstError, withoutError } from '../service/field-errors.ts';
import type { FormRequest } from './form-context.tsx';
import {
  checkCreate,
  checkUpdate,
  emptyValues,
  type FieldErrors,
  type FormValues,
  fieldErrors,
  type PhoneValue,
  type TextField,
  valuesOf,
} from './form-model.ts';
import { fullName } from './names.ts';
import { PhoneRows } from './PhoneRows.tsx';
import { PostcodeNote } from './PostcodeNote.tsx';
import { SimilarGuests } from './SimilarGuests.tsx';
import { losesTyped } from './similar-pick.ts';
import { usePostcodeFill } from './use-postcode-fill.ts';

type CreateFields = CallInput<'guests.create'>['fields'];

/** The contract's limits of the guest's text fields, for the counters. */
const LIMITS = textLimits(guestFieldsSchema.shape);

function initialValues(request: FormRequest): FormValues {
  const values = request.mode === 'edit' ? valuesOf(request.card) : { ...emptyValues, ...request.prefill };
  return values.phones.length > 0 ? values : { ...values, phones: [{ number: '', label: 'mobile' }] };
}

/** Blank phone rows are not sent; errors of the rows that are sent are mapped back to their row on screen. */
function withoutBlankPhones(values: FormValues): { values: FormValues; rowOf: number[] } {
  const rowOf: number[] = [];
  const phones = values.phones.filter((phone, row) => {
    const keep = phone.number.trim() !== '';
    if (keep) rowOf.push(row);
    return keep;
  });
  return { values: { ...values, phones }, rowOf };
}

function onScreen(errors: FieldErrors, rowOf: number[]): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [path, code] of Object.entries(errors)) {
    mapped[path.replace(/^phones\.(\d+)/, (_, n: string) => `phones.${rowOf[Number(n)] ?? n}`)] = code;
  }
  return mapped;
}

function phonesText(value: unknown): string {
  const phones = Array.isArray(value) ? (value as PhoneValue[]) : [];
  if (phones.length === 0) return i18next.t('conflict.empty');
  return phones.map((phone) => `${phone.number} (${i18next.t(`phoneLabels.${phone.label}`)})`).join('\n');
}

/** Create or edit a guest. Validates with the contract's schema first, then shows the core's field issues. */
export function GuestForm({ request, onClose }: { request: FormRequest; onClose(): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(() => initialValues(request));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  // A failure that is not about one field (nobody chosen at this PC, the guest was deleted meanwhile…):
  // shown in the form, where the person is looking, rather than in a notification.
  const [formError, setFormError] = useState<string | null>(null);
  const edit = useEditConflict(request.mode === 'edit' ? request.card.version : undefined);
  // Guests on record who are probably the one being registered, shown before a second card is made.
  const [similar, setSimilar] = useState<SimilarGuest[] | null>(null);
  // The list answers what was typed when it was asked: any change to the form takes it away (saving asks again).
  // biome-ignore lint/correctness/useExhaustiveDependencies: values is the trigger, not read.
  useEffect(() => setSimilar(null), [values]);
  const openOnRecord = (guest: SimilarGuest) => {
    onClose();
    navigate({ name: 'guest', id: guest.id });
  };
  const formRef = useRef<HTMLFormElement>(null);
  // The address as it is when a postcode lookup answers (the staff may have typed on meanwhile).
  const addressNow = useRef(values.address);
  addressNow.current = values.address;
  const postcode = usePostcodeFill({
    initialPostcode: values.postalCode,
    address: () => addressNow.current,
    setAddress: (address) => setValues((current) => ({ ...current, address })),
  });

  const errorOf = (path: string): string | undefined => fieldMessage(errors, path);

  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    focusFirstError(formRef.current, next);
  };

  const text = (field: TextField) => ({
    name: field,
    value: values[field],
    error: errorOf(field),
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [field]: value }));
      setErrors((current) => withoutError(current, field));
    },
  });

  const send = async (work: () => Promise<void>, rowOf: number[]) => {
    setErrors({});
    setFormError(null);
    edit.clear();
    setSaving(true);
    try {
      await work();
    } catch (error) {
      const issues = error instanceof CallErrorException ? error.error.issues : undefined;
      if (issues?.length) showErrors(onScreen(fieldErrors(issues), rowOf));
      else if (!edit.caught(error)) setFormError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!saving) void submit(values, edit.version);
  };

  const resolve = (choices: Record<string, Choice>) => {
    const next = saving ? null : edit.resolve(values, choices);
    if (!next) return;
    setValues(next.values);
    void submit(next.values, next.version);
  };

  const create = async (fields: CreateFields) => {
    const card = await call('guests.create', { fields });
    notifySuccess(t('guest.createdNotice', { name: fullName(card) }));
    onClose();
    navigate({ name: 'guest', id: card.id });
  };

  /** `anyway`: staff saw the guests on record it may be and chose to register a new one. */
  const submit = async (current: FormValues, basedOn: number | undefined, anyway = false) => {
    setSimilar(null);
    const { values: sent, rowOf } = withoutBlankPhones(current);
    if (request.mode === 'new') {
      const checked = checkCreate(sent);
      if (!checked.ok) return showErrors(onScreen(checked.errors, rowOf));
      await send(async () => {
        // A regular typed in again is shown before a second card is made (SimilarGuests.tsx).
        const { guests } = anyway ? { guests: [] } : await call('guests.similar', { fields: checked.value });
        if (guests.length > 0) setSimilar(guests);
        else await create(checked.value);
      }, rowOf);
      return;
    }
    const checked = checkUpdate(sent, request.card);
    if (!checked.ok) return showErrors(onScreen(checked.errors, rowOf));
    if (Object.keys(checked.value).length === 0) return onClose();
    await send(async () => {
      const card = await call('guests.update', { id: request.card.id, patch: checked.value, version: basedOn });
      notifySuccess(t('guest.savedNotice', { name: fullName(card) }));
      onClose();
    }, rowOf);
  };

  return (
    <FormDialog onClose={onClose} size="xl" title={request.mode === 'new' ? t('form.titleNew') : t('form.titleEdit')}>
      <form ref={formRef} data-testid="guest-form" onSubmit={save} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={4} spacing="sm" verticalSpacing="xs">
            <LimitedTextInput
              label={t('fields.familyName')}
              withAsterisk
              data-autofocus
              max={LIMITS.familyName}
              {...text('familyName')}
            />
            <LimitedTextInput label={t('fields.givenName')} max={LIMITS.givenName} {...text('givenName')} />
            <LimitedTextInput
              label={t('fields.familyReading')}
              withAsterisk
              max={LIMITS.familyReading}
              {...text('familyReading')}
            />
            <LimitedTextInput label={t('fields.givenReading')} max={LIMITS.givenReading} {...text('givenReading')} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-6}>
            {t('form.readingHint')}
          </Text>
          <PhoneRows
            phones={values.phones}
            onChange={(phones) => setValues((current) => ({ ...current, phones }))}
            errorOf={errorOf}
          />
          <SimpleGrid cols={3} spacing="sm">
            <TextInput label={t('fields.email')} type="email" inputMode="email" {...text('email')} />
            <TextInput label={t('fields.birthday')} placeholder={t('form.birthdayHint')} {...text('birthday')} />
            <LimitedTextInput label={t('fields.organization')} max={LIMITS.organization} {...text('organization')} />
          </SimpleGrid>
          {/* The postcode first, as desks write an address: its prefecture, city and town follow (PostcodeNote). */}
          <Grid gap="sm">
            <Grid.Col span={3}>
              <TextInput
                label={t('fields.postalCode')}
                placeholder={t('form.postalHint')}
                {...text('postalCode')}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  setValues((current) => ({ ...current, postalCode: value }));
                  void postcode.postcodeTyped(value);
                }}
              />
            </Grid.Col>
            <Grid.Col span={9}>
              <LimitedTextInput
                max={LIMITS.address}
                label={t('fields.address')}
                {...text('address')}
                onFocus={(event) => {
                  // Filled from the postcode: the staff go on typing after it, not over it.
                  const input = event.currentTarget;
                  if (postcode.isAutoFilled(input.value))
                    input.setSelectionRange(input.value.length, input.value.length);
                }}
              />
            </Grid.Col>
          </Grid>
          <PostcodeNote note={postcode.note} onChoose={postcode.choose} />
          <AbroadFields
            values={values}
            onChange={(abroad) => setValues((current) => ({ ...current, ...abroad }))}
            errorOf={errorOf}
          />
          <LimitedTextarea
            label={t('fields.note')}
            autosize
            minRows={2}
            maxRows={4}
            max={LIMITS.note}
            {...text('note')}
          />
          <Checkbox
            name="marketingConsent"
            label={t('form.marketingConsent')}
            checked={values.marketingConsent}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setValues((current) => ({ ...current, marketingConsent: checked }));
            }}
            error={errorOf('marketingConsent')}
          />
          {edit.conflict && (
            <ConflictPanel
              conflict={edit.conflict}
              values={values}
              labelOf={(field) => t(`fields.${field}`)}
              show={(field, value) => (field === 'phones' ? phonesText(value) : undefined)}
              saving={saving}
              onResolve={resolve}
            />
          )}
          {similar && (
            <SimilarGuests
              guests={similar}
              pickLabel={t('similar.open')}
              saving={saving}
              testId="similar-guests"
              onPick={openOnRecord}
              wouldLose={(guest) =>
                losesTyped(
                  {
                    phones: values.phones.map((phone) => phone.number),
                    email: values.email,
                    birthday: values.birthday,
                    postalCode: values.postalCode,
                    address: values.address,
                    other: [values.organization, values.note, values.nationality, values.passportNumber],
                  },
                  guest,
                )
              }
              onRegisterAnyway={() => {
                if (!saving) void submit(values, edit.version, true);
              }}
              onBack={() => {
                setSimilar(null);
                formRef.current?.querySelector<HTMLElement>('[name="familyName"]')?.focus();
              }}
            />
          )}
          <FormFooter
            formError={formError}
            hasFieldErrors={Object.keys(errors).length > 0}
            saving={saving}
            saveLabel={t('form.save')}
            saveTestId="save-guest"
            onCancel={onClose}
            mt="sm"
          />
        </Stack>
      </form>
    </FormDialog>
  );
}
