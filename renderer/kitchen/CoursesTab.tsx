import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, Select, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Course, type Dish, kitchenCalls } from '../../shared/contract/kitchen.ts';
import { textLimits } from '../../shared/contract/limits.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { ConflictPanel } from '../app/ConflictPanel.tsx';
import type { Choice } from '../app/edit-conflict.ts';
import { FormDialog } from '../app/FormDialog.tsx';
import { FormFooter } from '../app/FormFooter.tsx';
import { LimitedTextarea, LimitedTextInput } from '../app/LimitedText.tsx';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { useEditConflict } from '../app/use-edit-conflict.ts';
import { formatYen } from '../service/format.ts';
import { useCallForm } from './use-call-form.ts';

type Editing = { mode: 'new' } | { mode: 'edit'; course: Course };

/** The contract's limits of a course's texts, for the counters. */
const LIMITS = textLimits(kitchenCalls['courses.create'].input.shape.fields.shape);
type CourseValues = { name: string; priceYen: number; note: string; dishIds: string[] };

const LABEL_OF: Record<string, string> = {
  name: 'kitchen.catalogue.courseName',
  priceYen: 'kitchen.catalogue.price',
  note: 'kitchen.catalogue.note',
  dishIds: 'kitchen.catalogue.courseDishes',
};

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The course's dishes in serving order: add from the catalogue, move up or down, remove. */
function OrderedDishes({
  dishIds,
  dishes,
  onChange,
  error,
}: {
  dishIds: string[];
  dishes: Dish[];
  onChange(ids: string[]): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const byId = new Map(dishes.map((dish) => [dish.id, dish]));
  const available = dishes.filter((dish) => dish.deletedAt === null && !dishIds.includes(dish.id));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('kitchen.catalogue.courseDishes')}
      </Text>
      {dishIds.map((id, index) => {
        const dish = byId.get(id);
        return (
          <Group key={id} gap="xs" wrap="nowrap" data-testid="course-dish">
            <Text size="sm" w={24} c="dimmed">
              {index + 1}.
            </Text>
            <Text size="xs" c="dimmed" w={80}>
              {dish ? t(`codes.dishCategory.${dish.category}`) : ''}
            </Text>
            <Text style={{ flex: 1 }}>{dish?.name ?? '—'}</Text>
            <ActionIcon
              variant="subtle"
              aria-label={t('kitchen.catalogue.moveUp')}
              disabled={index === 0}
              onClick={() => onChange(move(dishIds, index, index - 1))}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('kitchen.catalogue.moveDown')}
              disabled={index === dishIds.length - 1}
              onClick={() => onChange(move(dishIds, index, index + 1))}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('kitchen.catalogue.removeDish')}
              onClick={() => onChange(dishIds.filter((other) => other !== id))}
            >
              ×
            </ActionIcon>
          </Group>
        );
      })}
      <Select
        placeholder={t('kitchen.catalogue.addDishToCourse')}
        data={available.map((dish) => ({
          value: dish.id,
          label: t('kitchen.common.withNote', { text: dish.name, note: t(`codes.dishCategory.${dish.category}`) }),
        }))}
        value={null}
        onChange={(value) => value && onChange([...dishIds, value])}
        searchable
        error={error}
        data-testid="course-add-dish"
      />
    </Stack>
  );
}

function CourseForm({ editing, dishes, onClose }: { editing: Editing; dishes: Dish[]; onClose(): void }) {
  const { t } = useTranslation();
  const current = editing.mode === 'edit' ? editing.course : undefined;
  const [name, setName] = useState(current?.name ?? '');
  const [priceYen, setPriceYen] = useState<number>(current?.priceYen ?? 0);
  const [note, setNote] = useState(current?.note ?? '');
  const [dishIds, setDishIds] = useState<string[]>(current?.dishIds ?? []);
  const edit = useEditConflict(current?.version);
  const form = useCallForm(edit);
  const values: CourseValues = { name, priceYen, note, dishIds };

  const submit = (fields: CourseValues, version: number | undefined) =>
    form.save(
      () =>
        current
          ? call('courses.update', { id: current.id, patch: fields, version })
          : call('courses.create', { fields }),
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
    setPriceYen(next.values.priceYen);
    setNote(next.values.note);
    setDishIds(next.values.dishIds);
    void submit(next.values, next.version);
  };
  const shown = (field: string, value: unknown): string | undefined => {
    if (field === 'priceYen' && typeof value === 'number') return formatYen(value);
    if (field !== 'dishIds' || !Array.isArray(value)) return undefined;
    const byId = new Map(dishes.map((dish) => [dish.id, dish.name]));
    return value.map((id) => byId.get(id) ?? '?').join(t('conflict.separator'));
  };

  return (
    <form onSubmit={save} data-testid="course-form">
      <Stack>
        <LimitedTextInput
          max={LIMITS.name}
          label={t('kitchen.catalogue.courseName')}
          name="name"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={form.errorOf('name')}
          data-autofocus
        />
        <NumberInput
          label={t('kitchen.catalogue.price')}
          name="priceYen"
          value={priceYen}
          onChange={(value) => setPriceYen(typeof value === 'number' ? value : Number(value) || 0)}
          min={0}
          step={1000}
          thousandSeparator=","
          prefix="¥"
          allowDecimal={false}
          error={form.errorOf('priceYen')}
        />
        <OrderedDishes dishIds={dishIds} dishes={dishes} onChange={setDishIds} error={form.errorOf('dishIds')} />
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
          saveTestId="save-course"
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

/** Courses (コース): a name, a price and the dishes in the order they are served. */
export function CoursesTab() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const courses = useQuery('courses.list', { includeDeleted: true }, ['courses', 'dishes']);
  const dishes = useQuery('dishes.list', { includeDeleted: true }, ['dishes']);

  const withdraw = async (course: Course) => {
    const result = await attempt(() => call('courses.delete', { id: course.id }));
    if (result) notifySuccess(t('kitchen.catalogue.withdrawnNotice', { name: course.name }));
  };

  const list = courses.data?.courses ?? [];
  return (
    <Stack gap="md" data-testid="courses-tab">
      <Group justify="flex-end">
        <Button onClick={() => setEditing({ mode: 'new' })} data-testid="add-course">
          + {t('kitchen.catalogue.addCourse')}
        </Button>
      </Group>
      {courses.error && <Alert color="red">{errorMessage(courses.error)}</Alert>}
      {courses.data && list.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('kitchen.catalogue.noCourses')}
        </Text>
      )}
      {list.map((course) => {
        const withdrawn = course.deletedAt !== null;
        return (
          <Paper key={course.id} withBorder p="sm" radius="md" data-testid="course-row" data-withdrawn={withdrawn}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Group gap="xs">
                  <Text fw={700} td={withdrawn ? 'line-through' : undefined}>
                    {course.name}
                  </Text>
                  {course.priceYen > 0 && <Text>{formatYen(course.priceYen)}</Text>}
                  {withdrawn && (
                    <Badge color="gray" variant="light" tt="none">
                      {t('kitchen.catalogue.withdrawn')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {course.dishes.map((dish) => dish.name).join(' → ')}
                </Text>
              </Stack>
              {!withdrawn && (
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ mode: 'edit', course })}>
                    {t('kitchen.catalogue.edit')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => withdraw(course)}
                    data-testid="withdraw-course"
                  >
                    {t('kitchen.catalogue.withdraw')}
                  </Button>
                </Group>
              )}
            </Group>
          </Paper>
        );
      })}
      {editing && (
        <FormDialog
          onClose={() => setEditing(null)}
          title={editing?.mode === 'edit' ? t('kitchen.catalogue.editCourse') : t('kitchen.catalogue.addCourse')}
          centered
          size="lg"
        >
          <CourseForm editing={editing} dishes={dishes.data?.dishes ?? []} onClose={() => setEditing(null)} />
        </FormDialog>
      )}
    </Stack>
  );
}
