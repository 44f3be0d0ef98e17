import { Badge, Button, Divider, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../shared/contract/staff.ts';
import { call } from '../api/client.ts';
import { ConflictPanel } from '../app/ConflictPanel.tsx';
import type { Choice } from '../app/edit-conflict.ts';
import { LimitedTextInput } from '../app/LimitedText.tsx';
import { attempt, notifyError, notifySuccess } from '../app/notify.ts';
import { useEditConflict } from '../app/use-edit-conflict.ts';
import { STAFF_LIMITS } from './limits.ts';
import { useStaff } from './staff-context.tsx';

function StaffRow({ member }: { member: StaffMember }) {
  const { t } = useTranslation();
  const [name, setName] = useState(member.name);
  const [reading, setReading] = useState(member.reading);
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

  return (
    <form onSubmit={save} data-testid="staff-row" data-staff-id={member.id}>
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
  );
}

/** Add staff, rename them, or mark them as no longer working here (they stay in the history). */
export function StaffManager({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const staff = useStaff();
  const [name, setName] = useState('');
  const [reading, setReading] = useState('');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    if (await attempt(() => call('staff.create', { name, reading }))) {
      setName('');
      setReading('');
      notifySuccess(t('staff.savedNotice'));
    }
  };

  const members = staff.data?.staff ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={t('staff.manageTitle')} size="xl">
      <Stack data-testid="staff-manager">
        {members.length === 0 && <Text c="dimmed">{t('staff.none')}</Text>}
        {members.map((member) => (
          <StaffRow key={`${member.id}:${member.name}:${member.reading}:${member.active}`} member={member} />
        ))}
        <Divider />
        <Title order={5}>{t('staff.addTitle')}</Title>
        <form onSubmit={add}>
          <Group gap="xs" align="flex-end" wrap="nowrap">
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
            <Button type="submit" data-testid="add-staff" disabled={!name.trim()}>
              {t('staff.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Modal>
  );
}
