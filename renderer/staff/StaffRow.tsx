import { Badge, Button, Group, Paper, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/contract/roles.ts';
import type { StaffMember } from '../../shared/contract/staff.ts';
import { call } from '../api/client.ts';
import { ConflictPanel } from '../app/ConflictPanel.tsx';
import type { Choice } from '../app/edit-conflict.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { LimitedTextInput } from '../app/LimitedText.tsx';
import { attempt, errorMessage, notifyError, notifySuccess } from '../app/notify.ts';
import { useEditConflict } from '../app/use-edit-conflict.ts';
import { STAFF_LIMITS } from './limits.ts';
import { PinField, pinLooksRight } from './PinField.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r, i) => r === b[i]);

/** What the row says about a member at a glance: whether they have a PIN, and a lockout still running. */
function PinBadges({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  const clock = useInnClock();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={member.hasPin ? 'teal' : 'gray'} variant="light" data-testid="staff-pin-state">
        {member.hasPin ? t('access.manager.hasPin') : t('access.manager.noPin')}
      </Badge>
      {member.lockedUntil && (
        <Badge color="red" variant="light" data-testid="staff-locked-out">
          {t('access.manager.lockedOut', { time: clock.dateTime(member.lockedUntil) })}
        </Badge>
      )}
    </Group>
  );
}

/** Setting or resetting a member's PIN (a manager's reset also ends a lockout), or removing it. */
function PinSetter({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async (next: string | null) => {
    if (next !== null && !pinLooksRight(next)) return setError(t('access.pin.format'));
    setError(null);
    try {
      await call('staff.setPin', { id: member.id, pin: next });
      setPin('');
      notifySuccess(t(next === null ? 'access.manager.pinCleared' : 'access.manager.pinSaved', { name: member.name }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <PinField
        label={t('access.manager.newPin')}
        value={pin}
        onChange={(event) => setPin(event.currentTarget.value)}
        onKeyDown={(event) => {
          // The row is a form of its own (the name); Enter here sets the PIN instead of renaming.
          if (event.key === 'Enter') {
            event.preventDefault();
            void save(pin);
          }
        }}
        error={error}
        w={200}
        data-testid="staff-new-pin"
      />
      <Button variant="light" onClick={() => void save(pin)} disabled={!pin} data-testid="set-staff-pin">
        {member.hasPin ? t('access.manager.resetPin') : t('access.manager.setPin')}
      </Button>
      {member.hasPin && (
        <Button variant="subtle" color="gray" onClick={() => void save(null)} data-testid="clear-staff-pin">
          {t('access.manager.clearPin')}
        </Button>
      )}
    </Group>
  );
}

/** One member in the staff manager: name and reading, roles, PIN, and whether they still work here. */
export function StaffRow({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  const [name, setName] = useState(member.name);
  const [reading, setReading] = useState(member.reading);
  const [roles, setRoles] = useState<Role[]>(member.roles);
  const edit = useEditConflict(member.version);
  const changed = name.trim() !== member.name || reading.trim() !== member.reading;

  const rename = async (values: { name: string; reading: string }, version: number | undefined) => {
    edit.clear();
    try {
      const saved = await call('staff.update', { id: member.id, ...values, version });
      edit.rebase(saved.version); // the row stays open: a later rename is based on this one
      notifySuccess(t('staff.savedNotice'));
    } catch (error) {
      if (!edit.caught(error)) notifyError(error);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (changed) void rename({ name, reading }, edit.version);
  };
  const resolve = (choices: Record<string, Choice>) => {
    const next = edit.resolve({ name, reading }, choices);
    if (!next) return;
    setName(next.values.name);
    setReading(next.values.reading);
    void rename(next.values, next.version);
  };
  const setActive = async (active: boolean) => {
    if (await attempt(() => call('staff.update', { id: member.id, active }))) notifySuccess(t('staff.savedNotice'));
  };
  const saveRoles = async () => {
    const saved = await attempt(() => call('staff.update', { id: member.id, roles }));
    if (saved) notifySuccess(t('access.manager.rolesSaved', { name: saved.name }));
    else setRoles(member.roles);
  };

  return (
    <Paper withBorder p="sm" radius="md" data-testid="staff-row" data-staff-id={member.id}>
      <Stack gap="xs">
        <form onSubmit={save}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <LimitedTextInput
              max={STAFF_LIMITS.name}
              label={t('staff.name')}
              name="name"
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <LimitedTextInput
              max={STAFF_LIMITS.reading}
              label={t('staff.reading')}
              name="reading"
              value={reading}
              onChange={(event) => setReading(event.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light" disabled={!changed || !name.trim()} data-testid="rename-staff">
              {t('staff.rename')}
            </Button>
            {member.active ? (
              <Button variant="subtle" color="red" data-testid="deactivate-staff" onClick={() => setActive(false)}>
                {t('staff.deactivate')}
              </Button>
            ) : (
              <Group gap={4} wrap="nowrap">
                <Badge color="gray">{t('staff.inactive')}</Badge>
                <Button variant="subtle" data-testid="reactivate-staff" onClick={() => setActive(true)}>
                  {t('staff.reactivate')}
                </Button>
              </Group>
            )}
          </Group>
          {edit.conflict && (
            <ConflictPanel
              conflict={edit.conflict}
              values={{ name, reading }}
              labelOf={(field) => t(`staff.${field}`)}
              saving={false}
              onResolve={resolve}
            />
          )}
        </form>
        <Group gap="xs" align="flex-end" justify="space-between">
          <RoleCheckboxes value={roles} onChange={setRoles} testId="staff-roles" />
          <Button
            variant="light"
            disabled={roles.length === 0 || sameRoles(roles, member.roles)}
            onClick={() => void saveRoles()}
            data-testid="save-staff-roles"
          >
            {t('access.manager.saveRoles')}
          </Button>
        </Group>
        <Group gap="md" align="flex-end" justify="space-between">
          <PinSetter member={member} />
          <PinBadges member={member} />
        </Group>
      </Stack>
    </Paper>
  );
}
