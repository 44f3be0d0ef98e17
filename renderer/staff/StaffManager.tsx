import { Button, Divider, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPERATIONAL_ROLES, type Role } from '../../shared/contract/roles.ts';
import { call } from '../api/client.ts';
import { LimitedTextInput } from '../app/LimitedText.tsx';
import { attempt, notifySuccess } from '../app/notify.ts';
import { STAFF_LIMITS } from './limits.ts';
import { PinField, pinLooksRight } from './PinField.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { StaffRow } from './StaffRow.tsx';
import { useStaff } from './staff-context.tsx';

/** A new colleague: name, reading, their roles and (optionally) their PIN. */
function AddStaff() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [reading, setReading] = useState('');
  const [roles, setRoles] = useState<Role[]>([...OPERATIONAL_ROLES]);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | undefined>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || roles.length === 0) return;
    if (pin && !pinLooksRight(pin)) return setPinError(t('access.pin.format'));
    setPinError(undefined);
    if (await attempt(() => call('staff.create', { name, reading, roles, ...(pin ? { pin } : {}) }))) {
      setName('');
      setReading('');
      setRoles([...OPERATIONAL_ROLES]);
      setPin('');
      notifySuccess(t('staff.savedNotice'));
    }
  };

  return (
    <form onSubmit={add} data-testid="add-staff-form">
      <Stack gap="xs">
        <Title order={5}>{t('staff.addTitle')}</Title>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <LimitedTextInput
            max={STAFF_LIMITS.name}
            label={t('staff.name')}
            data-testid="new-staff-name"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <LimitedTextInput
            max={STAFF_LIMITS.reading}
            label={t('staff.reading')}
            data-testid="new-staff-reading"
            value={reading}
            onChange={(event) => setReading(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <PinField
            label={t('access.manager.newPinOptional')}
            value={pin}
            onChange={(event) => setPin(event.currentTarget.value)}
            error={pinError}
            w={220}
            data-testid="new-staff-pin"
          />
        </Group>
        <Group gap="xs" align="flex-end" justify="space-between">
          <RoleCheckboxes value={roles} onChange={setRoles} testId="new-staff-roles" />
          <Button type="submit" data-testid="add-staff" disabled={!name.trim() || roles.length === 0}>
            {t('staff.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Add staff with their roles and PINs, rename them, or mark them as no longer working here (kept in history). */
export function StaffManager({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const members = staff.data?.staff ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('staff.manageTitle')} size="xl">
      <Stack data-testid="staff-manager">
        {members.length === 0 && <Text c="dimmed">{t('staff.none')}</Text>}
        {members.map((member) => (
          <StaffRow
            key={[member.id, member.name, member.reading, member.active, member.roles.join('+'), member.hasPin].join(
              ':',
            )}
            member={member}
          />
        ))}
        <Divider />
        <AddStaff />
      </Stack>
    </Modal>
  );
}
