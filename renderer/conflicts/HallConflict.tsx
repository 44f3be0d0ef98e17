import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Banquet } from '../../shared/contract/banquets.ts';
import type { Conflict } from '../../shared/contract/conflicts.ts';
import { useQuery } from '../api/hooks.ts';
import { routeHref } from '../app/route.ts';
import { BANQUET_TABLES, dealTitle, STAGE_COLOR, sama, stageLabel, timeSpan } from '../banquets/display.ts';
import { formatDayWithWeekday } from '../service/format.ts';
import { ConflictFrame, Side } from './ConflictFrame.tsx';
import { DecideButton } from './DecideButton.tsx';
import type { HallDoubleBooked } from './detail.ts';

/** A hall's name from a deal that holds it (a deal carries its halls' ids and names side by side). */
function hallName(id: string, deals: readonly Banquet[]): string | undefined {
  for (const deal of deals) {
    const index = deal.hallIds.indexOf(id);
    if (index >= 0) return deal.hallNames[index];
  }
  return undefined;
}

/**
 * 「松の間が同じ時間に2件の宴会で押さえられています」: two PCs each put a deal in the same hall at the same time.
 * Both deals stay held; staff move one, or decide that both may stay.
 */
export function HallConflict({ conflict, detail }: { conflict: Conflict; detail: HallDoubleBooked }) {
  const { t, i18n } = useTranslation();
  // One read for both deals: every deal of that day, with its group, organiser and hall names.
  const day = useQuery('banquets.list', { from: detail.date, to: detail.date }, BANQUET_TABLES);
  const deals = day.data?.banquets ?? [];
  const byId = new Map(deals.map((deal) => [deal.id, deal]));
  const halls = detail.halls.map((id) => hallName(id, deals) ?? '…').join(t('conflicts.separator'));
  const count = detail.deals.length;

  return (
    <ConflictFrame
      conflict={conflict}
      title={t('conflicts.hall.title', { halls, count })}
      subject={t('conflicts.hall.when', { date: formatDayWithWeekday(detail.date, i18n.language) })}
      hint={t('conflicts.hall.hint')}
      actions={
        <DecideButton
          conflictId={conflict.id}
          choice="both"
          label={t('conflicts.hall.keepBoth')}
          consequence={t('conflicts.hall.keepBothConfirm', { halls, count })}
          testId="decide-both"
        />
      }
    >
      {detail.deals.map((side) => {
        const deal = byId.get(side.id);
        return (
          <Side key={side.id}>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Anchor href={routeHref({ name: 'banquet', id: side.id })} fw={600} data-testid="conflict-deal">
                {deal ? dealTitle(deal) : '…'}
              </Anchor>
              <Badge color={STAGE_COLOR[side.stage]} tt="none">
                {stageLabel(side.stage)}
              </Badge>
            </Group>
            {deal?.groupName && <Text size="sm">{sama(deal.organiserName)}</Text>}
            <Text size="sm">
              {t('conflicts.hall.deal', {
                time: timeSpan({ startTime: side.start, endTime: side.end }),
                halls: deal ? deal.hallNames.join(t('conflicts.separator')) : halls,
              })}
            </Text>
          </Side>
        );
      })}
    </ConflictFrame>
  );
}
