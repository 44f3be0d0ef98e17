import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GuestRank } from '../../shared/contract/ranks.ts';

/**
 * A guest's rank (顧客ランク) as one badge: on the card, in a search row, on an arrival. A manual rank (VIP)
 * is gold and filled, a computed one outlined. Nothing when the guest has no rank.
 */
export function RankBadge({ rank, testId = 'rank-badge' }: { rank: GuestRank; testId?: string }) {
  const { t } = useTranslation();
  if (!rank) return null;
  return (
    <Badge
      size="sm"
      tt="none"
      color={rank.manual ? 'yellow' : 'grape'}
      variant={rank.manual ? 'filled' : 'outline'}
      data-testid={testId}
      data-manual={rank.manual}
      aria-label={t('ranks.badgeLabel', { name: rank.name })}
      style={{ flexShrink: 0 }}
    >
      {rank.name}
    </Badge>
  );
}
