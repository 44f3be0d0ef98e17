import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../shared/contract/conflicts.ts';
import { routeHref } from '../app/route.ts';
import { formatDayWithWeekday } from '../service/format.ts';
import { ConflictFrame, OpenButton } from './ConflictFrame.tsx';
import type { FieldGroup } from './detail.ts';
import { useRecord } from './use-record.ts';

/**
 * Fields that only make sense together, changed apart on two PCs: 「出発日が到着日より前になっています」. No form
 * allows this, so there is nothing to choose between: staff open the record and put it right, and the
 * conflict goes away by itself when the check finds nothing.
 */
export function FieldGroupConflict({ conflict, detail }: { conflict: Conflict; detail: FieldGroup }) {
  const { t, i18n } = useTranslation();
  const day = (value: string) => formatDayWithWeekday(value, i18n.language);
  const record = useRecord(conflict.table, conflict.rowA);
  const route = record.route ?? { name: 'search' };
  let title: string;
  switch (detail.group) {
    case 'dates':
      title = t('conflicts.group.dates', { arrival: day(detail.arrival), departure: day(detail.departure) });
      break;
    case 'times':
      title = t('conflicts.group.times', { start: detail.start, end: detail.end });
      break;
    case 'hold':
      title = t('conflicts.group.hold', { expiry: day(detail.holdExpiresOn), date: day(detail.date) });
      break;
  }
  const fix = detail.group === 'dates' ? t('conflicts.group.fixStay') : t('conflicts.group.fixDeal');
  return (
    <ConflictFrame
      conflict={conflict}
      title={title}
      subject={
        <Anchor href={routeHref(route)} fw={600} data-testid="conflict-record">
          {record.name}
        </Anchor>
      }
      hint={t('conflicts.group.hint')}
      actions={<OpenButton route={route} label={fix} testId="conflict-fix" />}
    />
  );
}
