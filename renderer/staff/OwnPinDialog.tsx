import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../shared/contract/staff.ts';
import { call } from '../api/client.ts';
import { errorMessage, notifySuccess } from '../app/notify.ts';
import { PinField, pinLooksRight } from './PinField.tsx';

/**
 * A person changes their own PIN: the current one first (someone at a PC left unlocked cannot take the PIN
 * over; a wrong one counts towards the lockout), then the new one twice.
 */
export function OwnPinDialog({ me, onClose }: { me: StaffMember; onClose(): void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<{ next?: string; again?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!pinLooksRight(next)) return setProblem({ next: t('access.pin.format') });
    if (next.normalize('NFKC').trim() !== again.normalize('NFKC').trim()) {
      return setProblem({ again: t('access.pin.mismatch') });
    }
    setProblem({});
    setBusy(true);
    try {
      await call('staff.setPin', { id: me.id, pin: next, ...(me.hasPin ? { currentPin: current } : {}) });
      notifySuccess(t('access.ownPin.savedNotice'));
      onClose();
    } catch (failure) {
      setProblem({ form: errorMessage(failure) });
      setCurrent('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('access.ownPin.title', { name: me.name })} centered>
      <form onSubmit={save} data-testid="own-pin-dialog">
        <Stack>
          {me.hasPin && (
            <PinField
              label={t('access.ownPin.current')}
              value={current}
              onChange={(event) => setCurrent(event.currentTarget.value)}
              data-autofocus
              data-testid="own-pin-current"
            />
          )}
          <PinField
            label={t('access.ownPin.next')}
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
            error={problem.next}
            data-autofocus={me.hasPin ? undefined : true}
            data-testid="own-pin-next"
          />
          <PinField
            label={t('access.ownPin.again')}
            value={again}
            onChange={(event) => setAgain(event.currentTarget.value)}
            error={problem.again}
            data-testid="own-pin-again"
          />
          {problem.form && (
            <Alert color="red" data-testid="own-pin-error">
              {problem.form}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('access.ownPin.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="own-pin-save">
              {t('access.ownPin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
