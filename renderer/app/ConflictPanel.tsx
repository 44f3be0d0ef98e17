import { Alert, Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { byColumn, type Choice, changeKey, decodeStored, type EditConflict, type FieldOf } from './edit-conflict.ts';
import { useInnClock } from './inn-clock.tsx';

// What every edit form shows when its save was refused because someone changed the same fields meanwhile:
// per field, your value and theirs (who, when), and a choice; then the form saves again with the choices.

export type ConflictPanelProps = {
  conflict: EditConflict;
  /** The form's current values: the shape each stored value is shown in. */
  values: object;
  /** The field's label on the form. */
  labelOf(field: string): string;
  /** A field's value as a person reads it; the default shows text, lists joined, yes/no, and "(empty)". */
  show?(field: string, value: unknown): string | undefined;
  /** Which form field a change is; by default its column's name in camelCase. */
  fieldOf?: FieldOf;
  saving: boolean;
  onResolve(choices: Record<string, Choice>): void;
};

export function ConflictPanel({
  conflict,
  values,
  labelOf,
  show,
  fieldOf = byColumn,
  saving,
  onResolve,
}: ConflictPanelProps) {
  const { t } = useTranslation();
  const clock = useInnClock();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const decided = conflict.changes.every((change) => choices[changeKey(change)]);
  const ref = useRef<HTMLDivElement>(null);
  // The panel appears at the foot of a form that may be scrolled: bring it where the person is looking.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, []);

  const readable = (field: string, stored: unknown): string => {
    const value = decodeStored(stored, (values as Record<string, unknown>)[field]);
    const own = show?.(field, value);
    if (own !== undefined) return own;
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return t('conflict.empty');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (Array.isArray(value)) return value.map(String).join(t('conflict.separator'));
    return String(value);
  };

  return (
    <Alert ref={ref} color="orange" title={t('conflict.title')} data-testid="conflict-panel" role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('conflict.lead')}</Text>
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('conflict.field')}</Table.Th>
              <Table.Th>{t('conflict.yours')}</Table.Th>
              <Table.Th>{t('conflict.theirs')}</Table.Th>
              <Table.Th>{t('conflict.choose')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflict.changes.map((change) => {
              const field = fieldOf(change);
              const key = changeKey(change);
              return (
                <Table.Tr key={key} data-testid={`conflict-${field}`}>
                  <Table.Td fw={600}>{labelOf(field)}</Table.Td>
                  <Table.Td data-testid="conflict-yours" style={{ whiteSpace: 'pre-wrap' }}>
                    {readable(field, change.yours)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                    <Text size="sm" data-testid="conflict-theirs">
                      {readable(field, change.theirs)}
                    </Text>
                    <Text size="xs" c="dimmed" data-testid="conflict-by">
                      {t('conflict.changedBy', {
                        name: change.staffName ?? t('conflict.unknownStaff'),
                        at: clock.dateTime(change.at),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Radio.Group
                      aria-label={labelOf(field)}
                      value={choices[key] ?? null}
                      onChange={(choice) => setChoices((current) => ({ ...current, [key]: choice as Choice }))}
                    >
                      <Stack gap={6}>
                        <Radio value="mine" label={t('conflict.keepMine')} data-testid={`keep-mine-${field}`} />
                        <Radio value="theirs" label={t('conflict.takeTheirs')} data-testid={`take-theirs-${field}`} />
                      </Stack>
                    </Radio.Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end">
          <Button
            color="orange"
            disabled={!decided}
            loading={saving}
            onClick={() => onResolve(choices)}
            data-testid="conflict-save"
          >
            {t('conflict.save')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
