import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/contract/sync.ts';

/**
 * The PCs with sync on that this PC heard on the LAN (mDNS and the UDP beacon), to pick instead of typing an
 * address. Only those already in a group can let this PC in; the others are shown so nobody wonders where
 * they went. Picking one fills the address and port; the code then says whether it is the right PC.
 */
export function FoundPcs({
  found,
  onPick,
}: {
  found: SyncStatus['discovered'];
  onPick: (address: { host: string; port: number }) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="sync-found">
      <Text size="sm" fw={600}>
        {t('sync.join.found')}
      </Text>
      {found.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('sync.join.noneFound')}
        </Text>
      )}
      {found.map((pc) => (
        <Group key={`${pc.short}-${pc.host}`} justify="space-between" wrap="nowrap">
          <Text size="sm">
            {pc.name} ({pc.short}) — {pc.host}
            {pc.inGroup ? '' : ` ${t('sync.join.notInGroup')}`}
          </Text>
          <Button
            size="xs"
            variant="light"
            disabled={!pc.inGroup}
            onClick={() => onPick({ host: pc.host, port: pc.port })}
          >
            {t('sync.join.pick')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
