import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../shared/contract/staff.ts';
import { call } from '../api/client.ts';
import { attempt, notifySuccess } from '../app/notify.ts';
import { PinPrompt } from './PinPrompt.tsx';
import { useStaff } from './staff-context.tsx';

/** Who is working at this PC: every write names them in the history. With PINs required, theirs is asked. */
export function StaffSwitcher() {
  const { t } = useTranslation();
  const staff = useStaff();
  const [asking, setAsking] = useState<StaffMember | null>(null);
  const active = staff.data?.staff.filter((member) => member.active) ?? [];
  const current = staff.data?.currentStaffId ?? null;

  const switched = (member: StaffMember) => notifySuccess(t('staff.switchedNotice', { name: member.name }));

  const choose = async (id: string | null) => {
    const member = active.find((one) => one.id === id);
    if (!member || member.id === current) return;
    if (staff.data?.pinsRequired) {
      setAsking(member);
      return;
    }
    const result = await attempt(() => call('staff.setCurrent', { id: member.id }));
    staff.refetch();
    if (result) switched(member);
  };

  return (
    <>
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
      {asking && (
        <PinPrompt
          member={asking}
          onCancel={() => setAsking(null)}
          onDone={() => {
            switched(asking);
            setAsking(null);
          }}
        />
      )}
    </>
  );
}
