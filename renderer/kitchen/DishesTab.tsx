import { Alert, Badge, Button, Group, MultiSelect, Select, Stack, Table, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLERGEN_CLASSES, type Allergen } from '../../shared/contract/allergies.ts';
import { DISH_CATEGORIES, type EditableDish, kitchenCalls } from '../../shared/contract/kitchen.ts';
import { textLimits } from '../../shared/contract/limits.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { ConflictPanel } from '../app/ConflictPanel.tsx';
import type { Choice } from '../app/edit-conflict.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { FormFooter } from '../app/FormFooter.tsx';
import { LimitedTextarea, LimitedTextInput } from '../app/LimitedText.tsx';
import { errorMessage } from '../app/notify.ts';
import { useEditConflict } from '../app/use-edit-conflict.ts';
import { allergenName } from '../service/format.ts';
import { useCallForm } from './use-call-form.ts';
import { toggleWithdrawn } from './withdraw.ts';

type Category = (typeof DISH_CATEGORIES)[number];

/** The contract's limits of a dish's texts, for the counters. */
const LIMITS = textLimits(kitchenCalls['dishes.create'].input.shape.fields.shape);
type Editing = { mode: 'new' } | { mode: 'edit'; dish: EditableDish };
type DishValues = { name: string; reading: string; category: Category; allergenIds: string[]; note: string };

const LABEL_OF: Record<string, string> = {
  name: 'kitchen.catalogue.dishName',
  reading: 'kitchen.catalogue.reading',
  category: 'kitchen.catalogue.category',
  allergenIds: 'kitchen.catalogue.allergens',
  note: 'kitchen.catalogue.note',
};

/** Allergens to choose from, grouped by legal class; a withdrawn one only if the dish already has it. */
function allergenOptions(
  allergens: readonly Allergen[],
  keep: readonly string[],
  language: string,
  t: (k: string) => string,
) {
  return ALLERGEN_CLASSES.map((legalClass) => ({
    group: t(`codes.allergenClass.${legalClass}`),
    items: allergens
      .filter((a) => a.legalClass === legalClass && (a.deletedAt === null || keep.includes(a.id)))
      .map((a) => ({ value: a.id, label: allergenName(a, language) })),
  })).filter((group) => group.items.length > 0);
}

function DishForm({ editing, allergens, onClose }: { editing: Editing; allergens: Allergen[]; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const current = editing.mode === 'edit' ? editing.dish : undefined;
  const [name, setName] = useState(current?.name ?? '');
  const [reading, setReading] = useState(current?.reading ?? '');
  const [category, setCategory] = useState<Category>(current?.category ?? 'appetizer');
  const [allergenIds, setAllergenIds] = useState<string[]>(current?.allergenIds ?? []);
  const [note, setNote] = useState(current?.note ?? '');
  const edit = useEditConflict(current?.version);
  const form = useCallForm(edit);
  const values: DishValues = { name, reading, category, allergenIds, note };

  const submit = (fields: DishValues, version: number | undefined) =>
    form.save(
      () =>
        current ? call('dishes.update', { id: current.id, patch: fields, version }) : call('dishes.create', { fields }),
      (saved) => saved.name,
      onClose,
    );
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(values, edit.version);
  };
  const resolve = (choices: Record<string, Choice>) => {
    const next = edit.resolve(values, choices);
    if (!next) return;
    setName(next.values.name);
    setReading(next.values.reading);
    setCategory(next.values.category);
    setAllergenIds(next.values.allergenIds);
    setNote(next.values.note);
    void submit(next.values, next.version);
  };
  const shown = (field: string, value: unknown): string | undefined => {
    if (field === 'category') return t(`codes.dishCategory.${value as Category}`);
    if (field !== 'allergenIds' || !Array.isArray(value) || value.length === 0) return undefined;
    const byId = new Map(allergens.map((allergen) => [allergen.id, allergenName(allergen, i18n.language)]));
    return value.map((id) => byId.get(id) ?? '?').join(t('conflict.separator'));
  };

  return (
    <form onSubmit={save} data-testid="dish-form">
      <Stack>
        <LimitedTextInput
          max={LIMITS.name}
          label={t('kitchen.catalogue.dishName')}
          name="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={form.errorOf('name')}
          data-autofocus
        />
        <LimitedTextInput
          max={LIMITS.reading}
          label={t('kitchen.catalogue.reading')}
          name="reading"
          value={reading}
          onChange={(event) => setReading(event.currentTarget.value)}
          error={form.errorOf('reading')}
        />
        <Select
          label={t('kitchen.catalogue.category')}
          name="category"
          data={DISH_CATEGORIES.map((value) => ({ value, label: t(`codes.dishCategory.${value}`) }))}
          value={category}
          onChange={(value) => value && setCategory(value as Category)}
          allowDeselect={false}
          error={form.errorOf('category')}
          data-testid="dish-category"
        />
        <MultiSelect
          label={t('kitchen.catalogue.allergens')}
          placeholder={t('kitchen.catalogue.allergensPlaceholder')}
          data={allergenOptions(allergens, current?.allergenIds ?? [], i18n.language, t)}
          value={allergenIds}
          onChange={setAllergenIds}
          searchable
          clearable
          error={form.errorOf('allergenIds')}
          data-testid="dish-allergens"
        />
        <LimitedTextarea
          max={LIMITS.note}
          maxRows={4}
          label={t('kitchen.catalogue.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={form.errorOf('note')}
          autosize
          minRows={2}
        />
        {edit.conflict && (
          <ConflictPanel
            conflict={edit.conflict}
            values={values}
            labelOf={(field) => t(LABEL_OF[field] ?? field)}
            show={shown}
            saving={form.saving}
            onResolve={resolve}
          />
        )}
        <FormFooter
          formError={form.formError}
          saving={form.saving}
          saveLabel={t('kitchen.catalogue.save')}
          saveTestId="save-dish"
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

/** The dish catalogue by course position, each dish with its allergens. */
export function DishesTab() {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const dishes = useQuery('dishes.list', { includeDeleted: true }, ['dishes', 'allergens']);
  const allergens = useQuery('allergens.list', { includeDeleted: true }, ['allergens']);
  const byId = new Map((allergens.data?.allergens ?? []).map((a) => [a.id, a]));

  const toggle = (dish: EditableDish) =>
    toggleWithdrawn(dish, dish.name, {
      withdraw: () => call('dishes.delete', { id: dish.id }),
      restore: () => call('dishes.restore', { id: dish.id }),
    });

  const list = dishes.data?.dishes ?? [];
  return (
    <Stack gap="md" data-testid="dishes-tab">
      <Group justify="flex-end">
        <Button onClick={() => setEditing({ mode: 'new' })} data-testid="add-dish">
          + {t('kitchen.catalogue.addDish')}
        </Button>
      </Group>
      {dishes.error && <Alert color="red">{errorMessage(dishes.error)}</Alert>}
      {dishes.data && list.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('kitchen.catalogue.noDishes')}
        </Text>
      )}
      {list.length > 0 && (
        <Table verticalSpacing={4} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('kitchen.catalogue.category')}</Table.Th>
              <Table.Th>{t('kitchen.catalogue.dishName')}</Table.Th>
              <Table.Th>{t('kitchen.catalogue.allergens')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((dish) => {
              const withdrawn = dish.deletedAt !== null;
              return (
                <Table.Tr key={dish.id} data-testid="dish-row" data-dish-id={dish.id} data-withdrawn={withdrawn}>
                  <Table.Td>
                    <Text size="sm">{t(`codes.dishCategory.${dish.category}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fw={600} td={withdrawn ? 'line-through' : undefined} c={withdrawn ? 'dimmed' : undefined}>
                      {dish.name}
                    </Text>
                    {dish.reading && (
                      <Text size="xs" c="dimmed">
                        {dish.reading}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {dish.allergenIds.map((id) => {
                        const allergen = byId.get(id);
                        return (
                          <Badge key={id} variant="light" color="orange" tt="none">
                            {allergen ? allergenName(allergen, i18n.language) : '—'}
                          </Badge>
                        );
                      })}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {withdrawn ? (
                        <Badge color="gray" variant="light" tt="none">
                          {t('kitchen.catalogue.withdrawn')}
                        </Badge>
                      ) : (
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ mode: 'edit', dish })}>
                          {t('kitchen.catalogue.edit')}
                        </Button>
                      )}
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color={withdrawn ? 'teal' : 'red'}
                        onClick={() => toggle(dish)}
                        data-testid={withdrawn ? 'restore-dish' : 'withdraw-dish'}
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
      )}
      {editing && (
        <FormDialog
          onClose={() => setEditing(null)}
          title={editing?.mode === 'edit' ? t('kitchen.catalogue.editDish') : t('kitchen.catalogue.addDish')}
          centered
        >
          <DishForm editing={editing} allergens={allergens.data?.allergens ?? []} onClose={() => setEditing(null)} />
        </FormDialog>
      )}
    </Stack>
  );
}
