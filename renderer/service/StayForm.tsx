import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../shared/contract/limits.ts';
import {
  BOOKING_CHANNELS,
  type EditableStay,
  STAY_PURPOSES,
  STAY_STATUSES,
  stayCreateSchema,
} from '../../shared/contract/stays.ts';
import { CallErrorException, call } from '../api/client.ts';
import { ConflictPanel } from '../app/ConflictPanel.tsx';
import type { Choice } from '../app/edit-conflict.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { FormFooter } from '../app/FormFooter.tsx';
import { useInnClock } from '../app/inn-clock.tsx';
import { LimitedTextarea, LimitedTextInput } from '../app/LimitedText.tsx';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { PastDateWarning } from '../app/PastDateWarning.tsx';
import { type PastDate, pastStayDate } from '../app/past-date.ts';
import { useEditConflict } from '../app/use-edit-conflict.ts';
import { fullName } from '../guests/names.ts';
import { useStaff } from '../staff/staff-context.tsx';
import { callFieldErrors, type FieldErrors, fieldMessage, focusFirstError } from './field-errors.ts';
import { formatYen } from './format.ts';
import { PartyPicker } from './PartyPicker.tsx';
import { checkStay, newStayValues, onForm, type StayValues, stayPatch, stayValues } from './stay-form-model.ts';

/** The contract's limits of the stay's text fields, for the counters. */
const LIMITS = textLimits(stayCreateSchema.shape);

type TextField = 'arrivalDate' | 'departureDate' | 'plan' | 'reservationNo' | 'note';

/** Record a stay for a guest, or edit one. Checked with the contract's schema first, then the core's issues. */
export function StayForm({ guestId, stay, onClose }: { guestId: string; stay?: EditableStay; onClose(): void }) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const staff = useStaff();
  const [values, setValues] = useState<StayValues>(() =>
    stay ? stayValues(stay) : newStayValues(clock.today(), staff.data?.currentStaffId ?? null),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  // The room is taken on those nights: the message names the party there, and staff may share the room.
  const [roomTaken, setRoomTaken] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A planned day before today waits for a second, explicit save (the values stay as typed).
  const [past, setPast] = useState<PastDate | null>(null);
  const edit = useEditConflict(stay?.version);
  const formRef = useRef<HTMLFormElement>(null);
  const knownParty = useMemo(
    () => new Map((stay?.party ?? []).map((member) => [member.guestId, fullName(member)])),
    [stay],
  );
  const staffOptions = (staff.data?.staff ?? [])
    .filter((member) => member.active || member.id === values.staffId)
    .map((member) => ({ value: member.id, label: member.name }));

  const set = <K extends keyof StayValues>(key: K, value: StayValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const error = (field: string) => fieldMessage(errors, field);
  const text = (field: TextField) => ({
    name: field,
    value: values[field],
    error: error(field),
    onChange: (event: { currentTarget: { value: string } }) => set(field, event.currentTarget.value),
  });

  const showErrors = (next: FieldErrors) => {
    setErrors(next);
    focusFirstError(formRef.current, next);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!saving) void submit(values, edit.version);
  };

  /** Staff read who is in the room and chose to put this party in it too. */
  const saveShared = () => {
    if (saving) return;
    const next = { ...values, sharedRoom: true };
    setValues(next);
    // The save that found the room taken had passed the past-date question already.
    void submit(next, edit.version, true);
  };

  const resolve = (choices: Record<string, Choice>) => {
    const next = saving ? null : edit.resolve(values, choices);
    if (!next) return;
    setValues(next.values);
    void submit(next.values, next.version, true);
  };

  const submit = async (current: StayValues, version: number | undefined, pastConfirmed = false) => {
    setErrors({});
    setFormError(null);
    setRoomTaken(null);
    setPast(null);
    edit.clear();
    const checked = checkStay(guestId, current);
    if (!checked.ok) return showErrors(checked.errors);
    const pastDay = pastStayDate(checked.value as typeof checked.value & { status: string }, stay, clock.today());
    if (pastDay && !pastConfirmed) return setPast(pastDay);
    const patch = stay ? stayPatch(checked.value, stay) : undefined;
    if (patch && Object.keys(patch).length === 0) return onClose();
    setSaving(true);
    try {
      if (stay && patch) await call('stays.update', { id: stay.id, patch, version });
      else await call('stays.create', { fields: checked.value });
      notifySuccess(stay ? t('service.stays.savedNotice') : t('service.stays.createdNotice'));
      onClose();
    } catch (failure) {
      const fields = callFieldErrors(failure);
      if (fields) showErrors(onForm(fields));
      else if (failure instanceof CallErrorException && failure.error.detail === 'room_taken')
        setRoomTaken(errorMessage(failure));
      else if (!edit.caught(failure)) setFormError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  };

  /** A value in the conflict panel as the form shows it: codes by their names, the staff member by name. */
  const shown = (field: string, value: unknown): string | undefined => {
    if (value === null || value === '') return undefined;
    if (field === 'status') return t(`codes.stayStatus.${value as StayValues['status']}` as const);
    if (field === 'purpose') return t(`codes.purpose.${value as NonNullable<StayValues['purpose']>}` as const);
    if (field === 'channel') return t(`codes.channel.${value as NonNullable<StayValues['channel']>}` as const);
    if (field === 'staffId') return staffOptions.find((option) => option.value === value)?.label;
    if (field === 'amountYen' && typeof value === 'number') return formatYen(value);
    if (field === 'sharedRoom') return value === true || value === 1 ? t('common.yes') : t('common.no');
    return undefined;
  };

  const choice = (codes: readonly string[], group: 'stayStatus' | 'purpose' | 'channel') =>
    codes.map((value) => ({ value, label: t(`codes.${group}.${value}` as const) }));

  return (
    <FormDialog
      onClose={onClose}
      size="xl"
      title={stay ? t('service.stays.form.titleEdit') : t('service.stays.form.titleNew')}
    >
      <form ref={formRef} data-testid="stay-form" onSubmit={save} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={4} spacing="sm">
            <TextInput
              type="date"
              label={t('service.stays.form.arrivalDate')}
              withAsterisk
              data-autofocus
              {...text('arrivalDate')}
            />
            <TextInput
              type="date"
              label={t('service.stays.form.departureDate')}
              withAsterisk
              {...text('departureDate')}
            />
            <NumberInput
              name="adults"
              label={t('service.stays.form.adults')}
              min={0}
              max={99}
              allowDecimal={false}
              allowNegative={false}
              value={values.adults}
              onChange={(value) => set('adults', value)}
              error={error('adults')}
            />
            <NumberInput
              name="children"
              label={t('service.stays.form.children')}
              min={0}
              max={99}
              allowDecimal={false}
              allowNegative={false}
              value={values.children}
              onChange={(value) => set('children', value)}
              error={error('children')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <TagsInput
              name="rooms"
              data-testid="stay-rooms"
              label={t('service.stays.form.rooms')}
              description={t('service.stays.form.roomsHint')}
              withAsterisk
              value={values.rooms}
              onChange={(rooms) => set('rooms', rooms)}
              acceptValueOnBlur
              splitChars={[',', '、', ' ']}
              error={error('rooms')}
            />
            <Select
              name="status"
              data-testid="stay-status"
              label={t('service.stays.form.status')}
              data={choice(STAY_STATUSES, 'stayStatus')}
              value={values.status}
              allowDeselect={false}
              onChange={(value) => value && set('status', value as StayValues['status'])}
              error={error('status')}
            />
          </SimpleGrid>
          <PartyPicker
            guestId={guestId}
            value={values.partyIds}
            known={knownParty}
            onChange={(ids) => set('partyIds', ids)}
            error={error('partyIds')}
          />
          <SimpleGrid cols={3} spacing="sm">
            <LimitedTextInput label={t('service.stays.form.plan')} max={LIMITS.plan} {...text('plan')} />
            <Select
              name="purpose"
              data-testid="stay-purpose"
              label={t('service.stays.form.purpose')}
              data={choice(STAY_PURPOSES, 'purpose')}
              value={values.purpose}
              clearable
              onChange={(value) => set('purpose', value as StayValues['purpose'])}
              error={error('purpose')}
            />
            <Select
              name="channel"
              data-testid="stay-channel"
              label={t('service.stays.form.channel')}
              data={choice(BOOKING_CHANNELS, 'channel')}
              value={values.channel}
              clearable
              onChange={(value) => set('channel', value as StayValues['channel'])}
              error={error('channel')}
            />
            <LimitedTextInput
              label={t('service.stays.form.reservationNo')}
              max={LIMITS.reservationNo}
              {...text('reservationNo')}
            />
            <NumberInput
              name="amountYen"
              label={t('service.stays.form.amountYen')}
              prefix="¥"
              thousandSeparator=","
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={values.amountYen}
              onChange={(value) => set('amountYen', value)}
              error={error('amountYen')}
            />
            <Select
              name="staffId"
              data-testid="stay-staff"
              label={t('service.stays.form.staffId')}
              data={staffOptions}
              value={values.staffId}
              clearable
              onChange={(value) => set('staffId', value)}
              error={error('staffId')}
            />
          </SimpleGrid>
          <LimitedTextarea
            label={t('service.stays.form.note')}
            autosize
            minRows={2}
            maxRows={4}
            max={LIMITS.note}
            {...text('note')}
          />
          {(values.sharedRoom || stay?.sharedRoom) && (
            <Checkbox
              data-testid="stay-shared-room"
              label={t('service.stays.form.sharedRoom')}
              description={t('service.stays.form.sharedRoomHint')}
              checked={values.sharedRoom}
              onChange={(event) => set('sharedRoom', event.currentTarget.checked)}
            />
          )}
          {roomTaken && (
            <Alert color="orange" data-testid="room-taken" role="alert">
              <Stack gap="xs">
                {roomTaken}
                <Group justify="flex-end">
                  <Button
                    variant="light"
                    color="orange"
                    loading={saving}
                    onClick={saveShared}
                    data-testid="save-shared-room"
                  >
                    {t('service.stays.form.saveShared')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {past && (
            <PastDateWarning past={past} saving={saving} onConfirm={() => void submit(values, edit.version, true)} />
          )}
          {edit.conflict && (
            <ConflictPanel
              conflict={edit.conflict}
              values={values}
              labelOf={(field) => t(`service.stays.form.${field}`)}
              show={shown}
              saving={saving}
              onResolve={resolve}
            />
          )}
          <FormFooter
            formError={formError}
            hasFieldErrors={Object.keys(errors).length > 0}
            saving={saving}
            saveLabel={t('service.stays.form.save')}
            saveTestId="save-stay"
            onCancel={onClose}
          />
        </Stack>
      </form>
    </FormDialog>
  );
}
