import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../shared/contract/conflicts.ts';
import { routeHref } from '../app/route.ts';
import { useStaff } from '../staff/staff-context.tsx';
import { ConflictFrame, OpenButton, Side } from './ConflictFrame.tsx';
import { DecideButton } from './DecideButton.tsx';
import { type EditSide, type FieldEdit, stampToIso } from './detail.ts';
import { fieldLabel, storedValueText } from './field-text.ts';
import { useRecord } from './use-record.ts';
import { useWhoAndWhen } from './use-who-and-when.ts';

/**
 * Two PCs changed one field while apart: the later edit stands everywhere (the merge rule), the other is shown
 * here with who made it and when, until staff keep the field as it is ("kept") or change it on the record.
 */
export function FieldEditConflict({ conflict, detail }: { conflict: Conflict; detail: FieldEdit }) {
  const { t, i18n } = useTranslation();
  const staff = useStaff();
  const whoAndWhen = useWhoAndWhen();
  const record = useRecord(conflict.table, conflict.rowA);
  const field = fieldLabel(conflict.table, detail.column);
  const staffName = (id: string) => staff.data?.staff.find((member) => member.id === id)?.name;
  const value = (side: EditSide) =>
    storedValueText(conflict.table, detail.column, side.value, i18n.language, staffName);

  const show = (side: EditSide, heading: string, testId: string) => (
    <Side heading={heading} testId={testId}>
      <Text size="sm" fw={600} style={{ whiteSpace: 'pre-wrap' }} data-testid="conflict-value">
        {value(side)}
      </Text>
      <Text size="xs" c="dimmed">
        {whoAndWhen(side.staff, stampToIso(side.hlc))}
      </Text>
    </Side>
  );

  return (
    <ConflictFrame
      conflict={conflict}
      title={t('conflicts.edit.title', { record: record.name, field })}
      subject={
        record.route ? (
          <Anchor href={routeHref(record.route)} fw={600} data-testid="conflict-record">
            {record.name}
          </Anchor>
        ) : (
          record.name
        )
      }
      hint={t('conflicts.edit.hint')}
      actions={
        <>
          {record.route && <OpenButton route={record.route} label={t('conflicts.edit.open')} />}
          <DecideButton
            conflictId={conflict.id}
            choice="kept"
            label={t('conflicts.edit.keep')}
            consequence={t('conflicts.edit.keepConfirm', { field, value: value(detail.kept) })}
            testId="decide-kept"
          />
        </>
      }
    >
      {show(detail.kept, t('conflicts.edit.kept'), 'conflict-kept')}
      {show(detail.other, t('conflicts.edit.other'), 'conflict-other')}
    </ConflictFrame>
  );
}
