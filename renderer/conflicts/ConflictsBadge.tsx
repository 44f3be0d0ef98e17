import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/route.ts';
import { useConflicts } from './conflicts-context.tsx';

/**
 * The header's reminder that something recorded on two PCs waits for staff: shown only while there is an open
 * conflict or a held change, so a quiet day has nothing here to learn to ignore.
 */
export function ConflictsBadge() {
  const { t } = useTranslation();
  const { count } = useConflicts();
  if (count === 0) return null;
  return (
    <Button
      color="orange"
      variant="filled"
      size="compact-md"
      onClick={() => navigate({ name: 'conflicts' })}
      aria-label={t('conflicts.badgeLabel', { count })}
      title={t('conflicts.badgeLabel', { count })}
      data-testid="conflicts-badge"
      data-count={count}
      style={{ flexShrink: 0 }}
    >
      {t('conflicts.badge', { count })}
    </Button>
  );
}
