import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportField } from '../../shared/contract/imports.ts';
import type { CallOutput } from '../../shared/contract/index.ts';
import { type Mapping, type MappingSource, MappingTable } from './MappingTable.tsx';
import { PreviewRows } from './PreviewRows.tsx';
import { ChangeSummary, ImportCountTiles } from './PreviewSummary.tsx';
import { SetAsideList } from './SetAsideList.tsx';

// Step 2: what the core read from the file (its name, sheet, encoding), the column mapping to confirm, and what
// the import would record, before anything is written.

type Preview = CallOutput<'imports.preview'>;

function SourceLine({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const item = (label: string, value: string, testId: string) => (
    <Text size="sm" data-testid={testId}>
      <Text span c="dimmed" size="sm">
        {label}
      </Text>{' '}
      {value}
    </Text>
  );
  return (
    <Group gap="lg" data-testid="import-source">
      {item(t('imports.screen.source.fileName'), preview.fileName, 'import-file-name')}
      {preview.sheetName !== null && item(t('imports.screen.source.sheet'), preview.sheetName, 'import-sheet')}
      {preview.encoding !== null && item(t('imports.screen.source.encoding'), preview.encoding, 'import-encoding')}
      {item(
        t('imports.screen.source.headerLine'),
        t('imports.screen.source.lineNumber', { line: preview.headerLine }),
        'import-header-line',
      )}
    </Group>
  );
}

export function PreviewPanel({
  preview,
  upload,
  mapping,
  initial,
  initialSource,
  busy,
  onMappingChange,
}: {
  preview: Preview;
  upload: string;
  mapping: Mapping;
  initial: Mapping;
  initialSource: MappingSource;
  busy: boolean;
  onMappingChange: (column: number, field: ImportField | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="import-preview" data-busy={busy || undefined}>
      <Paper withBorder radius="md" p="sm">
        <SourceLine preview={preview} />
      </Paper>
      <MappingTable
        header={preview.header}
        mapping={mapping}
        initial={initial}
        initialSource={initialSource}
        issues={preview.mappingIssues}
        disabled={busy}
        onChange={onMappingChange}
      />
      <Paper withBorder radius="md" p="md">
        <Stack gap="xs">
          <Text fw={700}>{t('imports.screen.counts.title')}</Text>
          <ImportCountTiles counts={preview.counts} />
        </Stack>
      </Paper>
      <PreviewRows rows={preview.preview} />
      <ChangeSummary summary={preview.changeSummary} />
      <SetAsideList preview={preview} upload={upload} mapping={mapping} />
    </Stack>
  );
}
