import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Hall, LAYOUTS, type Layout } from '../../shared/contract/banquets.ts';
import { type EditableHall, hallCalls } from '../../shared/contract/halls.ts';
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
import { useCallForm } from '../kitchen/use-call-form.ts';
import { toggleWithdrawn } from '../kitchen/withdraw.ts';

type Editing = { mode: 'new' } | { mode: 'edit'; hall: EditableHall };

/** The contract's limits of a hall's texts, for the counters. */
const LIMITS = textLimits(hallCalls['halls.create'].input.shape.fields.shape);
type HallFields = {
  name: string;
  capacity: Record<Layout, number>;
  combinableWith: string[];
  note: string;
  sortOrder: number;
};

/** The form's values flat, as the hall's columns are (capacity_seated…), for the conflict panel. */
function flat(fields: HallFields) {
  const { capacity, ...rest } = fields;
  return {
    ...rest,
    capacitySeated: capacity.seated,
    capacityStanding: capacity.standing,
    capacityTheatre: capacity.theatre,
  };
}
function unflat(values: ReturnType<typeof flat>): HallFields {
  const { capacitySeated, capacityStanding, capacityTheatre, ...rest } = values;
  return { ...rest, capacity: { seated: capacitySeated, standing: capacityStanding, theatre: capacityTheatre } };
}
const LAYOUT_OF: Record<string, Layout> = {
  capacitySeated: 'seated',
  capacityStanding: 'standing',
  capacityTheatre: 'theatre',
};

function HallForm({ editing, halls, onClose }: { editing: Editing; halls: Hall[]; onClose(): void }) {
  const { t } = useTranslation();
  const current = editing.mode === 'edit' ? editing.hall : undefined;
  const [name, setName] = useState(current?.name ?? '');
  const [capacity, setCapacity] = useState<Record<Layout, number>>(
    current?.capacity ?? { seated: 0, standing: 0, theatre: 0 },
  );
  const [combinableWith, setCombinableWith] = useState<string[]>(current?.combinableWith ?? []);
  const [note, setNote] = useState(current?.note ?? '');
  const [sortOrder, setSortOrder] = useState<number>(current?.sortOrder ?? halls.length);
  const edit = useEditConflict(current?.version);
  const form = useCallForm(edit);
  const fields: HallFields = { name, capacity, combinableWith, note, sortOrder };

  const submit = (sent: HallFields, version: number | undefined) =>
    form.save(
      () =>
        current
          ? call('halls.update', { id: current.id, fields: sent, version })
          : call('halls.create', { fields: sent }),
      (saved) => saved.name,
      onClose,
    );
  const save = (event: FormEvent) => {
    event.preventDefault();
    void submit(fields, edit.version);
  };
  const resolve = (choices: Record<string, Choice>) => {
    const next = edit.resolve(flat(fields), choices);
    if (!next) return;
    const resolved = unflat(next.values);
    setName(resolved.name);
    setCapacity(resolved.capacity);
    setCombinableWith(resolved.combinableWith);
    setNote(resolved.note);
    setSortOrder(resolved.sortOrder);
    void submit(resolved, next.version);
  };
  const labelOf = (field: string): string => {
    const layout = LAYOUT_OF[field];
    if (layout) return t('banquet.halls.capacityOf', { layout: t(`banquet.codes.layout.${layout}`) });
    return field === 'note' ? t('banquet.fields.note') : t(`banquet.halls.${field}`);
  };
  const shown = (field: string, value: unknown): string | undefined => {
    if (field !== 'combinableWith' || !Array.isArray(value) || value.length === 0) return undefined;
    const byId = new Map(halls.map((hall) => [hall.id, hall.name]));
    return value.map((id) => byId.get(id) ?? '?').join(t('conflict.separator'));
  };
  const others = halls.filter(
    (hall) => hall.id !== current?.id && (hall.deletedAt === null || combinableWith.includes(hall.id)),
  );

  return (
    <form onSubmit={save} data-testid="hall-form" noValidate>
      <Stack>
        <LimitedTextInput
          max={LIMITS.name}
          label={t('banquet.halls.name')}
          name="name"
          withAsterisk
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={form.errorOf('name')}
          data-testid="hall-name"
          data-autofocus
        />
        <SimpleGrid cols={3}>
          {LAYOUTS.map((layout) => (
            <NumberInput
              key={layout}
              label={t('banquet.halls.capacityOf', { layout: t(`banquet.codes.layout.${layout}`) })}
              name={`capacity.${layout}`}
              value={capacity[layout]}
              min={0}
              max={2000}
              allowDecimal={false}
              allowNegative={false}
              suffix={t('banquet.form.personsSuffix')}
              onChange={(value) =>
                setCapacity((c) => ({ ...c, [layout]: typeof value === 'number' ? value : Number(value) || 0 }))
              }
              error={form.errorOf(`capacity.${layout}`)}
              data-testid={`hall-capacity-${layout}`}
            />
          ))}
        </SimpleGrid>
        {form.errorOf('capacity') && (
          <Text c="red" size="sm">
            {form.errorOf('capacity')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('banquet.halls.capacityHint')}
        </Text>
        <MultiSelect
          label={t('banquet.halls.combinableWith')}
          description={t('banquet.halls.combinableHint')}
          data={others.map((hall) => ({ value: hall.id, label: hall.name }))}
          value={combinableWith}
          onChange={setCombinableWith}
          error={form.errorOf('combinableWith')}
          data-testid="hall-combinable"
        />
        <NumberInput
          label={t('banquet.halls.sortOrder')}
          value={sortOrder}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          onChange={(value) => setSortOrder(typeof value === 'number' ? value : Number(value) || 0)}
          error={form.errorOf('sortOrder')}
        />
        <LimitedTextarea
          max={LIMITS.note}
          maxRows={4}
          label={t('banquet.fields.note')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={form.errorOf('note')}
          autosize
          minRows={2}
        />
        {edit.conflict && (
          <ConflictPanel
            conflict={edit.conflict}
            values={flat(fields)}
            labelOf={labelOf}
            show={shown}
            saving={form.saving}
            onResolve={resolve}
          />
        )}
        <FormFooter
          formError={form.formError}
          saving={form.saving}
          saveLabel={t('banquet.halls.save')}
          saveTestId="save-hall"
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

/** 会場: the banquet halls, their capacity in each layout, and which can be opened into one another. */
export function HallsPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing | null>(null);
  const query = useQuery('halls.list', { includeDeleted: true }, ['halls']);
  const halls = query.data?.halls ?? [];
  const nameOf = new Map(halls.map((hall) => [hall.id, hall.name]));
  return (
    <Stack gap="md" data-testid="halls-page">
      <Group justify="space-between">
        <Title order={2}>{t('banquet.halls.title')}</Title>
        <Button onClick={() => setEditing({ mode: 'new' })} data-testid="add-hall">
          + {t('banquet.halls.add')}
        </Button>
      </Group>
      {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {query.data && halls.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('banquet.halls.empty')}
        </Text>
      )}
      {halls.map((hall) => {
        const withdrawn = hall.deletedAt !== null;
        return (
          <Paper key={hall.id} withBorder p="sm" radius="md" data-testid="hall-row" data-withdrawn={withdrawn}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={4}>
                <Group gap="xs">
                  <Text fw={700} td={withdrawn ? 'line-through' : undefined}>
                    {hall.name}
                  </Text>
                  {withdrawn && (
                    <Badge color="gray" variant="light" tt="none">
                      {t('banquet.halls.withdrawn')}
                    </Badge>
                  )}
                </Group>
                <Group gap="md">
                  {LAYOUTS.map((layout) => (
                    <Text key={layout} size="sm" c={hall.capacity[layout] ? undefined : 'dimmed'}>
                      {t(`banquet.codes.layout.${layout}`)}{' '}
                      {hall.capacity[layout]
                        ? t('banquet.common.persons', { count: hall.capacity[layout] })
                        : t('banquet.halls.notOffered')}
                    </Text>
                  ))}
                </Group>
                {hall.combinableWith.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('banquet.halls.combinesWith', {
                      halls: hall.combinableWith.map((id) => nameOf.get(id) ?? '—').join(t('kitchen.common.separator')),
                    })}
                  </Text>
                )}
                {hall.note && (
                  <Text size="sm" c="dimmed">
                    {hall.note}
                  </Text>
                )}
              </Stack>
              <Group gap={4} wrap="nowrap">
                {!withdrawn && (
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ mode: 'edit', hall })}>
                    {t('banquet.halls.edit')}
                  </Button>
                )}
                <Button
                  size="compact-sm"
                  variant="subtle"
                  color={withdrawn ? 'gray' : 'red'}
                  data-testid={withdrawn ? 'restore-hall' : 'withdraw-hall'}
                  onClick={() =>
                    toggleWithdrawn(hall, hall.name, {
                      withdraw: () => call('halls.delete', { id: hall.id }),
                      restore: () => call('halls.restore', { id: hall.id }),
                    })
                  }
                >
                  {withdrawn ? t('banquet.halls.restore') : t('banquet.halls.withdraw')}
                </Button>
              </Group>
            </Group>
          </Paper>
        );
      })}
      {editing && (
        <FormDialog
          onClose={() => setEditing(null)}
          title={editing.mode === 'edit' ? t('banquet.halls.editTitle') : t('banquet.halls.add')}
          centered
          size="lg"
        >
          <HallForm editing={editing} halls={halls} onClose={() => setEditing(null)} />
        </FormDialog>
      )}
    </Stack>
  );
}
