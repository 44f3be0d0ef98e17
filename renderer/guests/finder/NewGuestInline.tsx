import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SimilarGuest } from '../../../shared/contract/guests.ts';
import { call } from '../../api/client.ts';
import { errorMessage, notifySuccess } from '../../app/notify.ts';
import { callFieldErrors, type FieldErrors, fieldMessage } from '../../service/field-errors.ts';
import { fullName } from '../names.ts';
import { SimilarGuests } from '../SimilarGuests.tsx';
import { losesTyped } from '../similar-pick.ts';
import {
  checkQuickGuest,
  QUICK_FIELDS,
  type QuickGuestValues,
  quickValuesFrom,
  renamePhoneErrors,
} from './quick-guest.ts';

export type PickedGuest = { id: string; name: string };

const SHOWN: readonly string[] = [...QUICK_FIELDS, 'phone'];

/**
 * Registers a guest without leaving the form the person is filling in (a stay's party, a companion, a banquet's
 * organiser): name and reading, a phone if at hand. The rest of the profile can be completed later on the card.
 * Not a <form>: it sits inside the form being filled in, and Enter here must save this guest, not send that one.
 */
export function NewGuestInline({
  query,
  testId,
  onCreated,
  onCancel,
}: {
  query: string;
  testId: string;
  onCreated(guest: PickedGuest): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<QuickGuestValues>(() => quickValuesFrom(query));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Guests on record who are probably this one: shown in place of the buttons until staff choose.
  const [similar, setSimilar] = useState<SimilarGuest[] | null>(null);
  const box = useRef<HTMLDivElement>(null);
  // The list answers what was typed when it was asked: a change to a field takes it away (saving asks again).
  // biome-ignore lint/correctness/useExhaustiveDependencies: values is the trigger, not read.
  useEffect(() => setSimilar(null), [values]);
  const backToForm = () => {
    setSimilar(null);
    box.current?.querySelector<HTMLElement>('[name="quick-familyName"]')?.focus();
  };
  const choose = (guest: SimilarGuest) => onCreated({ id: guest.id, name: fullName(guest) });

  const show = (next: FieldErrors) => {
    setErrors(next);
    // A message about a field this short form does not show is said above its buttons, never swallowed.
    const elsewhere = Object.keys(next).find((key) => !SHOWN.includes(key));
    if (elsewhere !== undefined) setFailure(fieldMessage(next, elsewhere) ?? null);
    const first = Object.keys(next)[0];
    if (first) requestAnimationFrame(() => box.current?.querySelector<HTMLElement>(`[name="quick-${first}"]`)?.focus());
  };

  /** Checks the form, then (unless staff already chose to) shows the guests on record it probably is. */
  const save = async (anyway = false) => {
    if (saving) return;
    setFailure(null);
    const checked = checkQuickGuest(values);
    if (!checked.ok) return show(checked.errors);
    setErrors({});
    setSaving(true);
    try {
      if (!anyway) {
        const { guests } = await call('guests.similar', { fields: checked.fields });
        if (guests.length > 0) return setSimilar(guests);
      }
      const card = await call('guests.create', { fields: checked.fields });
      notifySuccess(t('guest.createdNotice', { name: fullName(card) }));
      onCreated({ id: card.id, name: fullName(card) });
    } catch (error) {
      const fields = callFieldErrors(error);
      if (fields) show(renamePhoneErrors(fields));
      else setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const keys = (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      // Over the list of guests on record, Enter is the focused button's; in a field, it goes to the list.
      if (similar) {
        const button = (event.target as HTMLElement).closest('button');
        if (button) button.click();
        else box.current?.querySelector<HTMLElement>('[data-testid$="-similar-pick"]')?.focus();
        return;
      }
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // With the list shown, Escape goes back to the form; else back to the search (what was typed there stays).
      if (similar) backToForm();
      else onCancel();
    }
  };

  const field = (
    key: keyof QuickGuestValues,
    label: string,
    extra: { required?: boolean; autoFocus?: boolean } = {},
  ) => (
    <TextInput
      size="xs"
      name={`quick-${key}`}
      // Escape here goes back to the search: the dialog around must not close and lose what was typed there.
      data-mantine-stop-propagation="true"
      data-testid={`${testId}-${key}`}
      label={label}
      withAsterisk={extra.required}
      data-autofocus={extra.autoFocus || undefined}
      autoFocus={extra.autoFocus}
      value={values[key]}
      error={fieldMessage(errors, key)}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setValues((current) => ({ ...current, [key]: value }));
      }}
    />
  );

  // The first empty required field takes the cursor: typically the reading, after a name was typed in the search.
  const firstEmpty = (['familyName', 'familyReading'] as const).find((key) => !values[key].trim()) ?? 'familyName';

  return (
    <Paper withBorder p="xs" radius="sm" bg="gray.0" ref={box} onKeyDown={keys} data-testid={testId}>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('finder.newTitle')}
        </Text>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          {field('familyName', t('fields.familyName'), { required: true, autoFocus: firstEmpty === 'familyName' })}
          {field('givenName', t('fields.givenName'))}
          {field('familyReading', t('fields.familyReading'), {
            required: true,
            autoFocus: firstEmpty === 'familyReading',
          })}
          {field('givenReading', t('fields.givenReading'))}
        </SimpleGrid>
        {field('phone', t('finder.phone'))}
        <Text size="xs" c="dimmed">
          {t('finder.laterOnCard')}
        </Text>
        {failure && (
          <Text size="xs" c="red" role="alert">
            {failure}
          </Text>
        )}
        {similar ? (
          <SimilarGuests
            guests={similar}
            pickLabel={t('similar.choose')}
            saving={saving}
            testId={`${testId}-similar`}
            onPick={choose}
            wouldLose={(guest) => losesTyped({ phones: [values.phone] }, guest)}
            onRegisterAnyway={() => void save(true)}
            onBack={backToForm}
          />
        ) : (
          <Group justify="flex-end" gap="xs">
            <Button size="compact-sm" variant="default" onClick={onCancel} data-testid={`${testId}-cancel`}>
              {t('common.cancel')}
            </Button>
            <Button size="compact-sm" loading={saving} onClick={() => void save()} data-testid={`${testId}-save`}>
              {t('finder.createAndPick')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
