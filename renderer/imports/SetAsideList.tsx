import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/contract/index.ts';
import { call } from '../api/client.ts';
import { downloadFile } from '../api/files.ts';
import { attempt, notifySuccess } from '../app/notify.ts';
import { currentLanguage } from '../i18n/index.ts';
import { reasonLabel } from './labels.ts';
import type { Mapping } from './MappingTable.tsx';

// The rows the import leaves out, each with its line in the file, the reason in words and the cell that caused
// it, and a file of them (the original cells plus the reason) to fix in Excel and import again.

type Preview = CallOutput<'imports.preview'>;

export function SetAsideList({ preview, upload, mapping }: { preview: Preview; upload: string; mapping: Mapping }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const total = preview.counts.setAside;
  const rows = preview.setAside;

  const save = async () => {
    setSaving(true);
    const saved = await attempt(async () => {
      const file = await call('imports.setAsideFile', { upload, mapping, language: currentLanguage() });
      await downloadFile(file.file);
      return file;
    });
    setSaving(false);
    if (saved) notifySuccess(t('imports.screen.setAside.saved', { count: saved.rows }));
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="set-aside">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={5}>{t('imports.screen.setAside.title')}</Title>
          {total > 0 && (
            <Button variant="default" size="xs" loading={saving} onClick={save} data-testid="save-set-aside">
              {t('imports.screen.setAside.save')}
            </Button>
          )}
        </Group>
        {total === 0 ? (
          <Text size="sm" c="dimmed">
            {t('imports.screen.setAside.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600} maxHeight={260}>
            <Table striped stickyHeader verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('imports.screen.setAside.line')}</Table.Th>
                  <Table.Th>{t('imports.screen.setAside.reason')}</Table.Th>
                  <Table.Th>{t('imports.screen.setAside.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, index) => {
                  const column = row.column === null ? undefined : preview.header[row.column];
                  const value = row.value ?? '';
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one line may be set aside once per reason
                    <Table.Tr key={`${row.line}-${index}`} data-testid="set-aside-row" data-line={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td data-testid="set-aside-reason" data-reason={row.reason}>
                        {reasonLabel(row.reason)}
                      </Table.Td>
                      <Table.Td data-testid="set-aside-value">
                        {column ? t('imports.screen.setAside.columnValue', { column, value }) : value}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {total > rows.length && (
          <Text size="xs" c="dimmed">
            {t('imports.screen.setAside.more', { count: total - rows.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
