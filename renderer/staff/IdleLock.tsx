import { ActionIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks.ts';
import { notifySuccess } from '../app/notify.ts';
import { useIdleTimer } from './idle-timer.ts';
import { useLock } from './lock-context.tsx';
import { useStaff } from './staff-context.tsx';

/**
 * Locks the screen after the inn's idle minutes (a setting) with nobody touching this window, while someone
 * is working here: a front-desk PC is shared, and the next person must not go on under the last one's name.
 */
export function IdleLock() {
  const settings = useQuery('settings.get', {}, ['settings']);
  const staff = useStaff();
  const lock = useLock();
  const someoneWorking = (staff.data?.currentStaffId ?? null) !== null && !lock.locked;
  const minutes = settings.data?.idleLockMinutes ?? 0;
  useIdleTimer(minutes, someoneWorking, () => void lock.lock());
  // Nothing to see; the minutes in force and whether the timer runs are on the element for a test to wait on.
  return <span hidden data-testid="idle-lock" data-minutes={minutes} data-armed={someoneWorking && minutes > 0} />;
}

/** The header's lock: leaving the desk for a moment locks the screen at once. */
export function LockButton() {
  const { t } = useTranslation();
  const staff = useStaff();
  const lock = useLock();
  if ((staff.data?.currentStaffId ?? null) === null) return null;
  return (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={t('access.lock.button')}
      title={t('access.lock.button')}
      onClick={() => {
        void lock.lock();
        notifySuccess(t('access.lock.lockedNotice'));
      }}
      data-testid="lock-button"
    >
      🔒
    </ActionIcon>
  );
}
