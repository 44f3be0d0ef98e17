import { Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate, DuplicateSide, MergeField, MergeTake } from '../../shared/contract/duplicates.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { fieldText, sideName } from './reasons.ts';

type Which = 'a' | 'b';

/** The card kept by default: the one with more stays, else the older one (what staff have been using). */
function defaultKept(candidate: Candidate): Which {
  const { a, b } = candidate;
  if (a.stays !== b.stays) return a.stays > b.stays ? 'a' : 'b';
  return a.createdAt <= b.createdAt ? 'a' : 'b';
}

/** Per differing field, the card whose value is kept by default: the kept card's, unless it has none. */
function defaultChoices(candidate: Candidate, kept: Which): Record<MergeField, Which> {
  const other: Which = kept === 'a' ? 'b' : 'a';
  return Object.fromEntries(
    candidate.differing.map((field) => [field, candidate[kept][field] === '' ? other : kept]),
  ) as Record<MergeField, Which>;
}

export function MergeDialog({
  candidate,
  onClose,
  onMerge,
}: {
  candidate: Candidate;
  onClose(): void;
  onMerge(keptId: string, mergedId: string, take: MergeTake): Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const [kept, setKept] = useState<Which>(() => defaultKept(candidate));
  const [choices, setChoices] = useState(() => defaultChoices(candidate, kept));
  const [busy, setBusy] = useState(false);
  const side = (which: Which): DuplicateSide => candidate[which];
  const merged: Which = kept === 'a' ? 'b' : 'a';

  const chooseKept = (which: Which) => {
    setKept(which);
    setChoices(defaultChoices(candidate, which));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const take: MergeTake = Object.fromEntries(
      candidate.differing.map((field) => [field, choices[field] === kept ? 'kept' : 'merged']),
    );
    try {
      await onMerge(side(kept).id, side(merged).id, take);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog title={t('duplicates.dialog.title')} size="lg" onClose={onClose}>
      {/* A form: Enter anywhere in it (a radio has the focus) confirms the merge. */}
      <form onSubmit={submit} data-testid="merge-dialog">
        <Stack>
          <Radio.Group
            label={t('duplicates.dialog.keep')}
            value={kept}
            onChange={(value) => chooseKept(value as Which)}
          >
            <Group mt={4}>
              {(['a', 'b'] as const).map((which) => (
                <Radio
                  key={which}
                  value={which}
                  data-testid={`keep-${which}`}
                  data-autofocus={which === kept ? true : undefined}
                  label={`${sideName(side(which))}（${t('duplicates.stays', { count: side(which).stays })}）`}
                />
              ))}
            </Group>
          </Radio.Group>
          <Text size="sm" c="dimmed">
            {t('duplicates.dialog.keepHint')}
          </Text>
          <Text fw={600}>{t('duplicates.dialog.fieldsTitle')}</Text>
          {candidate.differing.length === 0 ? (
            <Text c="dimmed">{t('duplicates.dialog.noDifferences')}</Text>
          ) : (
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {candidate.differing.map((field) => (
                  <Table.Tr key={field} data-testid={`choose-${field}`}>
                    <Table.Th w="20%">{t(`fields.${field}`)}</Table.Th>
                    <Table.Td>
                      <Radio.Group
                        value={choices[field]}
                        onChange={(value) => setChoices({ ...choices, [field]: value as Which })}
                      >
                        <Group>
                          {(['a', 'b'] as const).map((which) => (
                            <Radio
                              key={which}
                              value={which}
                              data-testid={`choose-${field}-${which}`}
                              label={fieldText(t, i18n.language, side(which), field)}
                            />
                          ))}
                        </Group>
                      </Radio.Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="flex-end" py="md">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="confirm-merge">
              {t('duplicates.dialog.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormDialog>
  );
}
