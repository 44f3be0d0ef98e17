import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { attempt, notifySuccess } from '../app/notify.ts';
import { useStaff } from './staff-context.tsx';

/** Who is working at this PC: every write names them in the history. */
export function StaffSwitcher() {
  const { t } = useTranslation();
  const staff = useStaff();
  const active = staff.data?.staff.filter((member) => member.active) ?? [];
  const current = staff.data?.currentStaffId ?? null;

  const choose = async (id: string | null) => {
    if (!id || id === current) return;
    const result = await attempt(() => call('staff.setCurrent', { id }));
    staff.refetch();
    const name = active.find((member) => member.id === id)?.name;
    if (result && name) notifySuccess(t('staff.switchedNotice', { name }));
  };

  return (
    <Select
      data-testid="staff-switcher"
      aria-label={t('staff.switcherLabel')}
      placeholder={t('staff.switcherPlaceholder')}
      data={active.map((member) => ({ value: member.id, label: member.name }))}
      value={current}
      onChange={choose}
      allowDeselect={false}
      searchable
      w={200}
      error={staff.data && current === null && active.length > 0 ? true : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
