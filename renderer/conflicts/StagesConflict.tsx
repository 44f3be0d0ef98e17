import { Anchor, Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NEXT_STAGES } from '../../shared/contract/banquets.ts';
import type { Conflict } from '../../shared/contract/conflicts.ts';
import { useQuery } from '../api/hooks.ts';
import { routeHref } from '../app/route.ts';
import { BANQUET_TABLES, dealTitle, STAGE_COLOR, stageLabel, timeSpan } from '../banquets/display.ts';
import { formatDayWithWeekday } from '../service/format.ts';
import { ConflictFrame, OpenButton, Side } from './ConflictFrame.tsx';
import { DecideButton } from './DecideButton.tsx';
import type { DealFinalStages } from './detail.ts';
import { useWhoAndWhen } from './use-who-and-when.ts';

/**
 * 「失注とキャンセルが両方記録されています」: a deal ended one way on one PC and another way on the other (or moved on
 * after it ended). Staff choose the timeline entry that stands; the deal's stage follows it on every PC.
 */
export function StagesConflict({ conflict, detail }: { conflict: Conflict; detail: DealFinalStages }) {
  const { t, i18n } = useTranslation();
  const whoAndWhen = useWhoAndWhen();
  const deal = useQuery('banquets.get', { id: conflict.rowA }, BANQUET_TABLES);
  const timeline = new Map((deal.data?.timeline ?? []).map((entry) => [entry.id, entry]));
  const finals = detail.stages.filter((entry) => NEXT_STAGES[entry.stage].length === 0);
  const later = detail.stages.find((entry) => !finals.includes(entry));
  const title =
    finals.length >= 2 || !later
      ? t('conflicts.finalStages.titleBoth', {
          stages: finals.map((entry) => stageLabel(entry.stage)).join(t('conflicts.and')),
        })
      : t('conflicts.finalStages.titleAfter', {
          final: finals.map((entry) => stageLabel(entry.stage)).join(t('conflicts.and')),
          next: stageLabel(later.stage),
        });
  const banquet = deal.data?.banquet;

  return (
    <ConflictFrame
      conflict={conflict}
      title={title}
      subject={
        <Anchor href={routeHref({ name: 'banquet', id: conflict.rowA })} fw={600} data-testid="conflict-deal">
          {banquet
            ? `${dealTitle(banquet)}　${formatDayWithWeekday(banquet.date, i18n.language)} ${timeSpan(banquet)}`
            : '…'}
        </Anchor>
      }
      hint={t('conflicts.finalStages.hint')}
      actions={
        <>
          <OpenButton route={{ name: 'banquet', id: conflict.rowA }} label={t('conflicts.finalStages.openDeal')} />
          {detail.stages.map((entry) => (
            <DecideButton
              key={entry.id}
              conflictId={conflict.id}
              choice={entry.id}
              label={t('conflicts.finalStages.choose', { stage: stageLabel(entry.stage) })}
              consequence={t('conflicts.finalStages.chooseConfirm', { stage: stageLabel(entry.stage) })}
              testId={`decide-stage-${entry.stage}`}
            />
          ))}
        </>
      }
    >
      {detail.stages.map((entry) => {
        const event = timeline.get(entry.id);
        return (
          <Side key={entry.id}>
            <Badge color={STAGE_COLOR[entry.stage]} tt="none" data-testid="conflict-stage" data-stage={entry.stage}>
              {stageLabel(entry.stage)}
            </Badge>
            {event?.lostReason && (
              <Text size="sm">
                {t('banquet.deal.lostLine', {
                  reason: t(`banquet.codes.lostReason.${event.lostReason}`),
                  competitor: event.competitor,
                })}
              </Text>
            )}
            {event?.note && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {event.note}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {whoAndWhen(entry.staffId, entry.at)}
            </Text>
          </Side>
        );
      })}
    </ConflictFrame>
  );
}
