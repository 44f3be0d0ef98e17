import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../shared/contract/staff.ts';
import { PinField } from './PinField.tsx';
import { usePinSwitch } from './use-pin-switch.ts';

/** Switching to a person while PINs are required: their PIN, Enter switches, Escape keeps who was working. */
export function PinPrompt({ member, onDone, onCancel }: { member: StaffMember; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const pinSwitch = usePinSwitch();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pinSwitch.busy) return;
    if (await pinSwitch.choose(member.id, pin)) onDone();
    else setPin('');
  };

  return (
    <Modal opened onClose={onCancel} title={t('access.pin.promptTitle', { name: member.name })} centered>
      <form onSubmit={submit} data-testid="pin-prompt">
        <Stack>
          <Text>{t('access.pin.promptLead', { name: member.name })}</Text>
          <PinField
            value={pin}
            onChange={(event) => setPin(event.currentTarget.value)}
            data-autofocus
            data-testid="pin-prompt-pin"
            error={pinSwitch.error !== null}
          />
          {pinSwitch.error && (
            <Alert color="red" data-testid="pin-error">
              {pinSwitch.error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('access.pin.cancel')}
            </Button>
            <Button type="submit" loading={pinSwitch.busy} data-testid="pin-prompt-submit">
              {t('access.pin.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
