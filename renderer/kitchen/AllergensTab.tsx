import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLERGEN_CLASSES, allergyCalls, type EditableAllergen } from '../../shared/contract/allergies.ts';
import { textLimits } from '../../shared/contract/limits.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { ConflictPanel } from '../app/ConflictPanel.tsx';
import type { Choice } from '../app/edit-conflict.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { FormFooter } from '../app/FormFooter.tsx';
import { LimitedTextInput } from '../app/LimitedText.tsx';
import { errorMessage } from '../app/notify.ts';
import { useEditConflict } from '../app/use-edit-conflict.ts';
import { useCallForm } from './use-call-form.ts';
import { toggleWithdrawn } from './withdraw.ts';

type AllergenClass = (typeof ALLERGEN_CLASSES)[number];
type Editing = { mode: 'new' } | { mode: 'edit'; allergen: EditableAllergen };

/** The contract's limits of a catalogue allergen's names, for the counters. */
const LIMITS = textLimits(allergyCalls['allergens.create'].input.shape.fields.shape);
type AllergenValues = { nameJa: string; nameEn: string; legalClass: AllergenClass };

function AllergenForm({ editing, onClose }: { editing: Editing; onClose(): void }) {
  const { t } = useTranslation();
  const current = editing.mode === 'edit' ? editing.allergen : undefined;
  const [nameJa, setNameJa] = useState(current?.nameJa ?? '');
  const [nameEn, setNameEn] = useState(current?.nameEn ?? '');
  const [legalClass, setLegalClass] = useState<AllergenClass>(current?.legalClass ?? 'other');
  const edit = useEditConflict(current?.version);
  const form = useCallForm(edit);
  const values: AllergenValues = { nameJa, nameEn, legalClass };

  const submit = (fields: AllergenValues, version: number | undefined) =>
    form.save(
      () =>
        current
          ? call('allergens.update', { id: current.id, patch: fields, version })
          : call('allergens.create', { fields }),
      (saved) => saved.nameJa,
      onClose,
    );
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(values, edit.version);
  };
  const resolve = (choices: Record<string, Choice>) => {
    const next = edit.resolve(values, choices);
    if (!next) return;
    setNameJa(next.values.nameJa);
    setNameEn(next.values.nameEn);
    setLegalClass(next.values.legalClass);
    void submit(next.values, next.version);
  };

  return (
    <form onSubmit={save} data-testid="allergen-form">
      <Stack>
        <LimitedTextInput
          max={LIMITS.nameJa}
          label={t('kitchen.catalogue.nameJa')}
          name="nameJa"
          value={nameJa}
          onChange={(event) => setNameJa(event.currentTarget.value)}
          error={form.errorOf('nameJa')}
          data-autofocus
        />
        <LimitedTextInput
          max={LIMITS.nameEn}
          label={t('kitchen.catalogue.nameEn')}
          name="nameEn"
          value={nameEn}
          onChange={(event) => setNameEn(event.currentTarget.value)}
          error={form.errorOf('nameEn')}
        />
        <Select
          label={t('kitchen.catalogue.legalClass')}
          data={ALLERGEN_CLASSES.map((value) => ({ value, label: t(`codes.allergenClass.${value}`) }))}
          value={legalClass}
          onChange={(value) => value && setLegalClass(value as AllergenClass)}
          allowDeselect={false}
          error={form.errorOf('legalClass')}
        />
        {edit.conflict && (
          <ConflictPanel
            conflict={edit.conflict}
            values={values}
            labelOf={(field) => t(`kitchen.catalogue.${field}`)}
            show={(field, value) =>
              field === 'legalClass' ? t(`codes.allergenClass.${value as AllergenClass}`) : undefined
            }
            saving={form.saving}
            onResolve={resolve}
          />
        )}
        <FormFooter
          formError={form.formError}
          saving={form.saving}
          saveLabel={t('kitchen.catalogue.save')}
          saveTestId="save-allergen"
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

/** The allergen catalogue by legal class: the labelling list is data the inn can revise, not code. */
export function AllergensTab() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const query = useQuery('allergens.list', { includeDeleted: true }, ['allergens']);
  const allergens = query.data?.allergens ?? [];

  const toggle = (allergen: EditableAllergen) =>
    toggleWithdrawn(allergen, allergen.nameJa, {
      withdraw: () => call('allergens.delete', { id: allergen.id }),
      restore: () => call('allergens.restore', { id: allergen.id }),
    });

  return (
    <Stack gap="md" data-testid="allergens-tab">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('kitchen.catalogue.allergensHint')}
        </Text>
        <Button onClick={() => setEditing({ mode: 'new' })} data-testid="add-allergen">
          + {t('kitchen.catalogue.addAllergen')}
        </Button>
      </Group>
      {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {ALLERGEN_CLASSES.map((legalClass) => {
        const rows = allergens.filter((allergen) => allergen.legalClass === legalClass);
        if (rows.length === 0) return null;
        return (
          <Stack key={legalClass} gap="xs">
            <Title order={5}>{t(`codes.allergenClass.${legalClass}`)}</Title>
            <Table verticalSpacing={4} striped>
              <Table.Tbody>
                {rows.map((allergen) => {
                  const withdrawn = allergen.deletedAt !== null;
                  return (
                    <Table.Tr key={allergen.id} data-testid="allergen-row" data-withdrawn={withdrawn}>
                      <Table.Td w="35%">
                        <Text fw={600} c={withdrawn ? 'dimmed' : undefined} td={withdrawn ? 'line-through' : undefined}>
                          {allergen.nameJa}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {allergen.nameEn}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {withdrawn && (
                          <Badge color="gray" variant="light" tt="none">
                            {t('kitchen.catalogue.withdrawn')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {!withdrawn && (
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              onClick={() => setEditing({ mode: 'edit', allergen })}
                            >
                              {t('kitchen.catalogue.edit')}
                            </Button>
                          )}
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color={withdrawn ? 'teal' : 'red'}
                            onClick={() => toggle(allergen)}
                            data-testid={withdrawn ? 'restore-allergen' : 'withdraw-allergen'}
                          >
                            {withdrawn ? t('kitchen.catalogue.restore') : t('kitchen.catalogue.withdraw')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
        );
      })}
      {editing && (
        <FormDialog
          onClose={() => setEditing(null)}
          title={editing?.mode === 'edit' ? t('kitchen.catalogue.editAllergen') : t('kitchen.catalogue.addAllergen')}
          centered
        >
          <AllergenForm editing={editing} onClose={() => setEditing(null)} />
        </FormDialog>
      )}
    </Stack>
  );
}
