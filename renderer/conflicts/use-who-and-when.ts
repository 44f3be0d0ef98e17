import { useTranslation } from 'react-i18next';
import { useInnClock } from '../app/inn-clock.tsx';
import { useStaff } from '../staff/staff-context.tsx';

/**
 * "山田 花子・2026/06/15 10:02": who recorded one side of a conflict and when. Conflicts name staff by id
 * (they are data every PC derives alike); the names come from the staff list the header already reads, which
 * includes staff no longer active, so an old side still has its name.
 */
export function useWhoAndWhen(): (staffId: string | null, at: string) => string {
  const { t } = useTranslation();
  const clock = useInnClock();
  const staff = useStaff();
  return (staffId, at) => {
    const name = staff.data?.staff.find((member) => member.id === staffId)?.name ?? t('conflicts.unknownStaff');
    return t('conflicts.by', { who: name, when: clock.dateTime(at) });
  };
}
