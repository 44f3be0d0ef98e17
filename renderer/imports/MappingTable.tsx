import { Alert, Badge, List, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField } from '../../shared/contract/imports.ts';
import { fieldLabel, mappingIssueLabel } from './labels.ts';

// The column mapping: each header cell of the ledger with the field it is imported as, chosen from a Select
// (「取り込まない」 for none), and where that choice came from: guessed from the header, remembered from the last
// import of a ledger with this header, or changed here. Problems with the mapping block the import.

export type Mapping = (ImportField | null)[];
export type MappingSource = 'guessed' | 'remembered' | 'given';

const SKIP = '-';

export function MappingTable({
  header,
  mapping,
  initial,
  initialSource,
  issues,
  disabled,
  onChange,
}: {
  header: string[];
  mapping: Mapping;
  /** The mapping the first preview proposed, and how: a column differing from it was changed here. */
  initial: Mapping;
  initialSource: MappingSource;
  issues: string[];
  disabled: boolean;
  onChange: (column: number, field: ImportField | null) => void;
}) {
  const { t } = useTranslation();
  const options = [
    { value: SKIP, label: t('imports.screen.mapping.skip') },
    ...IMPORT_FIELDS.map((field) => ({ value: field, label: fieldLabel(field) })),
  ];
  const origin = (column: number) => {
    if ((mapping[column] ?? null) !== (initial[column] ?? null)) return 'changed';
    return initialSource === 'remembered' ? 'remembered' : 'guessed';
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="import-mapping">
      <Stack gap="sm">
        <Title order={4}>{t('imports.screen.mapping.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('imports.screen.mapping.help')}
        </Text>
        {issues.length > 0 && (
          <Alert
            color="red"
            variant="light"
            title={t('imports.screen.mapping.issuesTitle')}
            data-testid="mapping-issues"
          >
            <List size="sm">
              {issues.map((issue) => (
                <List.Item key={issue} data-testid="mapping-issue" data-issue={issue}>
                  {mappingIssueLabel(issue)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Table withTableBorder striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="35%">{t('imports.screen.mapping.column')}</Table.Th>
              <Table.Th w="40%">{t('imports.screen.mapping.field')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {header.map((cell, column) => {
              const name = cell.trim() || t('imports.screen.mapping.blankHeader');
              const how = origin(column);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a header's columns are fixed by the file; two may share a name
                <Table.Tr key={column} data-testid="mapping-row" data-header={cell}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      data={options}
                      value={mapping[column] ?? SKIP}
                      allowDeselect={false}
                      searchable
                      // Read-only, not disabled, while a preview runs: a disabled field would drop the keyboard's focus.
                      readOnly={disabled}
                      aria-label={t('imports.screen.mapping.selectLabel', { header: name })}
                      data-testid="mapping-select"
                      onChange={(value) => {
                        if (value === null) return;
                        onChange(column, value === SKIP ? null : (value as ImportField));
                      }}
                      comboboxProps={{ withinPortal: true }}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      size="sm"
                      variant="light"
                      color={how === 'changed' ? 'indigo' : how === 'remembered' ? 'teal' : 'gray'}
                      data-testid="mapping-origin"
                    >
                      {t(`imports.screen.mapping.${how}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
