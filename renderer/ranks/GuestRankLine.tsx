import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { attempt, notifySuccess } from '../app/notify.ts';
import { useMayCall } from '../staff/permissions.ts';
import { RankBadge } from './RankBadge.tsx';

/** What changes a guest's rank: their stays, a manual rank, the rules, a recompute (ranks/keeper.ts). */
export const RANK_TABLES = ['guest_ranks', 'stays', 'guest_manual_ranks', 'guests', 'settings'];

/**
 * The guest's rank on the card, with the manual rank a manager gives by hand (the manual ranks of the rules;
 * shown only when the rules have one, and to those who may set it).
 */
export function GuestRankLine({ guestId }: { guestId: string }) {
  const { t } = useTranslation();
  const rank = useQuery('ranks.ofGuest', { guestId }, RANK_TABLES);
  const rules = useQuery('ranks.rules', {}, ['settings']);
  const may = useMayCall();
  const manualRanks = may('ranks.setManual')
    ? (rules.data?.rules ?? []).filter((rule) => rule.manual).map((rule) => rule.name)
    : [];

  const setManual = async (value: string | null) => {
    const done = await attempt(() => call('ranks.setManual', { guestId, rank: value }));
    if (done) {
      notifySuccess(t('ranks.card.manualSaved'));
      rank.refetch();
    }
  };

  if (!rank.data?.rank && manualRanks.length === 0) return null;
  return (
    <Group gap="xs" data-testid="guest-rank">
      <RankBadge rank={rank.data?.rank ?? null} />
      {manualRanks.length > 0 && (
        <Select
          size="xs"
          w={160}
          aria-label={t('ranks.card.setManual')}
          data-testid="manual-rank"
          placeholder={t('ranks.card.noManual')}
          clearable
          data={manualRanks}
          value={rank.data?.manualRank ?? null}
          onChange={(value) => void setManual(value)}
        />
      )}
    </Group>
  );
}
