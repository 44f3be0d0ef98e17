import { Alert, Button, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEALS, type Meal, REACTIONS, type Served } from '../../shared/contract/kitchen.ts';
import type { Stay } from '../../shared/contract/stays.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { formatDayWithWeekday } from '../service/format.ts';
import { DishAllergyBadge } from './DishAllergyBadge.tsx';
import { stayDays } from './display.ts';

const REACTION_COLOR = { praised: 'teal', left: 'orange', disliked: 'grape' } as const;

function ServedRow({ served }: { served: Served }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const react = async (reaction: Served['reaction']) => {
    setBusy(true);
    await attempt(() => call('served.react', { id: served.id, reaction }));
    setBusy(false);
  };
  return (
    <Group
      justify="space-between"
      data-testid="served-dish"
      data-served-id={served.id}
      data-reaction={served.reaction ?? ''}
    >
      <Group gap="xs">
        <Text>{served.dishName}</Text>
        <DishAllergyBadge severity={served.allergySeverity} />
      </Group>
      <Group gap={4}>
        {REACTIONS.map((reaction) => {
          const active = served.reaction === reaction;
          return (
            <Button
              key={reaction}
              size="compact-sm"
              variant={active ? 'filled' : 'default'}
              color={REACTION_COLOR[reaction]}
              disabled={busy}
              aria-pressed={active}
              data-testid={`react-${reaction}`}
              // A second tap on the chosen reaction clears it.
              onClick={() => react(active ? null : reaction)}
            >
              {t(`codes.reaction.${reaction}`)}
            </Button>
          );
        })}
      </Group>
    </Group>
  );
}

/** Record what was served at a meal that had no planned menu (a la carte, a changed plan). */
function RecordServed({ stay, onDone }: { stay: Stay; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState(stay.arrivalDate);
  const [meal, setMeal] = useState<Meal>('dinner');
  const [dishIds, setDishIds] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const dishes = useQuery('dishes.list', {}, ['dishes']);
  const save = async () => {
    if (dishIds.length === 0) return;
    setSaving(true);
    const result = await attempt(() => call('served.record', { stayId: stay.id, date, meal, dishIds }));
    setSaving(false);
    if (result) {
      notifySuccess(t('kitchen.served.recordedNotice', { count: result.served.length }));
      onDone();
    }
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="record-served">
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('kitchen.menu.date')}
            data={stayDays(stay.arrivalDate, stay.departureDate).map((day) => ({
              value: day,
              label: formatDayWithWeekday(day, i18n.language),
            }))}
            value={date}
            onChange={(value) => value && setDate(value)}
            allowDeselect={false}
            w={220}
          />
          <SegmentedControl
            value={meal}
            onChange={(value) => setMeal(value as Meal)}
            data={MEALS.map((value) => ({ value, label: t(`codes.meal.${value}`) }))}
          />
        </Group>
        <MultiSelect
          label={t('kitchen.served.dishes')}
          data={(dishes.data?.dishes ?? []).map((dish) => ({ value: dish.id, label: dish.name }))}
          value={dishIds}
          onChange={setDishIds}
          searchable
          data-testid="record-served-dishes"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={saving} disabled={dishIds.length === 0} data-testid="record-served-save">
            {t('kitchen.served.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** What was served on this stay, by day and meal, with the guest's reaction to each dish. */
export function ServedList({ stay }: { stay: Stay }) {
  const { t, i18n } = useTranslation();
  const [recording, setRecording] = useState(false);
  const query = useQuery('served.forStay', { stayId: stay.id }, ['served', 'dishes']);
  const served = (query.data?.served ?? []).filter((row) => !row.retractedAt);
  const meals = new Map<string, Served[]>();
  for (const row of served) {
    const key = `${row.date}|${row.meal}`;
    meals.set(key, [...(meals.get(key) ?? []), row]);
  }
  return (
    <Stack gap="sm" data-testid="served-list">
      <Group justify="space-between">
        <Title order={4}>{t('kitchen.served.title')}</Title>
        {!recording && (
          <Button size="xs" variant="light" onClick={() => setRecording(true)} data-testid="record-served-open">
            {t('kitchen.served.record')}
          </Button>
        )}
      </Group>
      {recording && <RecordServed stay={stay} onDone={() => setRecording(false)} />}
      {query.error && <Alert color="red">{errorMessage(query.error)}</Alert>}
      {query.data && served.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('kitchen.served.none')}
        </Text>
      )}
      {[...meals].map(([key, rows]) => {
        const first = rows[0] as Served;
        return (
          <Paper key={key} withBorder p="sm" radius="md" data-testid="served-meal">
            <Stack gap={6}>
              <Text fw={700} size="sm">
                {formatDayWithWeekday(first.date, i18n.language)} {t(`codes.meal.${first.meal}`)}
              </Text>
              {rows.map((row) => (
                <ServedRow key={row.id} served={row} />
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
