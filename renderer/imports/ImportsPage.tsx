import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/hooks.ts';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportWizard } from './ImportWizard.tsx';
import { SalesWizard } from './SalesWizard.tsx';

// 台帳を取り込む (#/imports): bringing an inn's existing ledger into the register, and the imports made so far
// with their undo. The same page imports sales (売上の取り込み): the amounts of stays already recorded. Reached from the header menu and from the empty register's first-run offers.

export function ImportsPage() {
  const { t } = useTranslation();
  // Refetched whenever an import is written or undone, here or on another PC (its batch row is synced).
  const imports = useQuery('imports.list', {}, ['imports']);
  const [mode, setMode] = useState<'ledger' | 'sales'>('ledger');
  return (
    <Stack gap="lg" data-testid="imports-page">
      <Stack gap={4}>
        <Title order={2}>{t('imports.screen.title')}</Title>
        <Text size="sm" c="dimmed" maw={900}>
          {t('imports.screen.intro')}
        </Text>
      </Stack>
      <SegmentedControl
        value={mode}
        onChange={(value) => setMode(value as 'ledger' | 'sales')}
        aria-label={t('imports.screen.mode.label')}
        data={[
          { value: 'ledger', label: t('imports.screen.mode.ledger') },
          { value: 'sales', label: t('imports.screen.mode.sales') },
        ]}
        data-testid="import-mode"
        style={{ alignSelf: 'flex-start' }}
      />
      {mode === 'ledger' ? (
        <ImportWizard onImportsChanged={imports.refetch} />
      ) : (
        <SalesWizard onImportsChanged={imports.refetch} />
      )}
      <ImportHistory imports={imports} onUndone={imports.refetch} />
    </Stack>
  );
}
