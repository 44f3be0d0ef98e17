import { ActionIcon } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncPeer } from '../../shared/contract/sync.ts';
import { navigate } from '../app/route.ts';
import { useConflicts } from '../conflicts/conflicts-context.tsx';
import { useSync } from './sync-context.tsx';
import { type SyncHealth, syncHealth } from './sync-words.ts';

const COLOR = { ok: 'teal', neutral: 'gray', warn: 'yellow', alert: 'red' } as const;

/** The indicator's words: what a screen reader says and the tooltip shows. */
function label(t: TFunction, health: SyncHealth): string {
  switch (health.level) {
    case 'alert':
      return t('sync.indicator.conflicts', { count: health.count });
    case 'warn':
      return health.reason === 'offline'
        ? t('sync.indicator.offline', { name: health.peer.name })
        : t('sync.indicator.update');
    case 'neutral':
      if (health.reason === 'copy')
        return t(health.receiving ? 'sync.indicator.receivingCopy' : 'sync.indicator.sendingCopy');
      return t('sync.indicator.waiting');
    case 'ok':
      return health.reason === 'sending'
        ? t('sync.indicator.sending', { count: health.count })
        : t('sync.indicator.ok');
    default:
      return '';
  }
}

/**
 * The header's sign of how the group of PCs is doing: absent while sync is off or this PC has no peers, green
 * while every PC is in sync or being sent to, grey while PCs are being reached, amber when one has been away
 * for more than five minutes or needs an update, red while conflicts wait. It opens 「PC・同期」.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { status } = useSync();
  const { count } = useConflicts();
  // A PC never reached in this start has no lastSeen: it counts as away from when this screen first saw it so.
  const firstAway = useRef(new Map<string, number>());
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const offlineSince = (peer: SyncPeer) => {
    const seen = firstAway.current.get(peer.display);
    if (seen !== undefined) return seen;
    firstAway.current.set(peer.display, Date.now());
    return Date.now();
  };
  const health = syncHealth(status, count, Math.max(now, Date.now()), offlineSince);
  if (health.level === 'hidden') return null;
  const words = label(t, health);
  return (
    <ActionIcon
      color={COLOR[health.level]}
      variant={health.level === 'ok' || health.level === 'neutral' ? 'light' : 'filled'}
      size="lg"
      onClick={() => navigate({ name: 'sync' })}
      aria-label={words}
      title={words}
      data-testid="sync-indicator"
      data-level={health.level}
      style={{ flexShrink: 0 }}
    >
      <span aria-hidden="true" style={{ fontSize: '1.1rem', fontWeight: 700 }}>
        ⇄
      </span>
    </ActionIcon>
  );
}
