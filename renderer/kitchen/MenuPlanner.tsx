import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEALS, type Meal } from '../../shared/contract/kitchen.ts';
import type { Stay } from '../../shared/contract/stays.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { useInnClock } from '../app/inn-clock.tsx';
import { attempt, errorMessage, notifySuccess } from '../app/notify.ts';
import { formatDayWithWeekday, formatYen } from '../service/format.ts';
import { DishWarnings } from './DishWarnings.tsx';
import { FLOOR_TABLES, stayDays } from './display.ts';
import { swapDish } from './menu-model.ts';

function defaultDay(stay: Stay, today: string): string {
  return today >= stay.arrivalDate && today <= stay.departureDate ? today : stay.arrivalDate;
}

/**
 * Plan a meal: choose the day, the meal and the course; the check shows every flag before anything is saved,
 * alternatives can be swapped in, and "献立を確定" saves the plan.
 */
export function MenuPlanner({ stay }: { stay: Stay }) {
  const { t, i18n } = useTranslation();
  const clock = useInnClock();
  const [date, setDate] = useState(() => defaultDay(stay, clock.today()));
  const [meal, setMeal] = useState<Meal>('dinner');
  const [courseId, setCourseId] = useState<string | null>(null);
  const [dishIds, setDishIds] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  // The meal's season first (a December dinner: the winter courses), the dearest first within it.
  const courses = useQuery('courses.list', { forDate: date }, ['courses', 'dishes']);
  const check = useQuery(
    'menus.check',
    courseId ? { stayId: stay.id, courseId, ...(dishIds ? { dishIds } : {}) } : null,
    FLOOR_TABLES,
  );
  const menus = useQuery('menus.forStay', { stayId: stay.id }, FLOOR_TABLES);
  // While a swap is being checked, the previous answer stays on screen (same course), so nothing jumps.
  const shown = useRef<typeof check.data>(undefined);
  if (check.data) shown.current = check.data;
  if (!courseId) shown.current = undefined;
  const preview = check.data ?? shown.current;
  // A dish that can kill someone in the party is never confirmed in passing: staff tick that they saw it, for
  // exactly the dishes on screen (a swap or another course asks again).
  const lethal = (preview?.dishes ?? []).filter((dish) => dish.allergies.some((a) => a.severity === 'anaphylaxis'));
  const shownDishes = (dishIds ?? preview?.dishIds ?? []).join(',');
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  const mustAcknowledge = lethal.length > 0 && acknowledged !== shownDishes;
  const alreadyPlanned = (menus.data?.menus ?? []).some(
    (menu) => menu.date === date && menu.meal === meal && menu.status !== 'cancelled',
  );

  const chooseCourse = (id: string | null) => {
    setCourseId(id);
    setDishIds(null);
  };

  const swap = (from: string, to: string) => {
    const current = dishIds ?? preview?.dishIds ?? [];
    setDishIds(swapDish(current, from, to));
  };

  const confirm = async () => {
    if (!courseId || !preview) return;
    setSaving(true);
    const plan = await attempt(() =>
      call('menus.plan', { stayId: stay.id, date, meal, courseId, dishIds: dishIds ?? preview.dishIds }),
    );
    setSaving(false);
    if (plan) {
      notifySuccess(
        t('kitchen.menu.plannedNotice', {
          date: formatDayWithWeekday(plan.date, i18n.language),
          meal: t(`codes.meal.${plan.meal}`),
        }),
      );
      chooseCourse(null);
    }
  };

  const courseOptions = (courses.data?.courses ?? []).map((course) => ({
    value: course.id,
    label:
      course.priceYen > 0
        ? t('kitchen.common.withNote', { text: course.name, note: formatYen(course.priceYen) })
        : course.name,
  }));

  return (
    <Paper withBorder p="md" radius="md" data-testid="menu-planner">
      <Stack gap="sm">
        <Title order={4}>{t('kitchen.menu.planTitle')}</Title>
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
            data-testid="plan-date"
            w={220}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('kitchen.menu.meal')}
            </Text>
            <SegmentedControl
              value={meal}
              onChange={(value) => setMeal(value as Meal)}
              data={MEALS.map((value) => ({ value, label: t(`codes.meal.${value}`) }))}
              data-testid="plan-meal"
            />
          </Stack>
          <Select
            label={t('kitchen.menu.course')}
            placeholder={t('kitchen.menu.chooseCourse')}
            data={courseOptions}
            value={courseId}
            onChange={chooseCourse}
            searchable
            nothingFoundMessage={t('kitchen.menu.noCourses')}
            data-testid="plan-course"
            w={300}
          />
        </Group>
        {courses.data && courses.data.courses.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('kitchen.menu.noCoursesHint')}
          </Text>
        )}
        {alreadyPlanned && (
          <Text size="sm" c="orange.8" data-testid="meal-already-planned">
            {t('kitchen.menu.alreadyPlanned')}
          </Text>
        )}
        {check.error && <Alert color="red">{errorMessage(check.error)}</Alert>}
        {courseId && !preview && !check.error && <Loader size="sm" />}
        {preview && (
          <Stack gap="sm" data-testid="menu-preview">
            <DishWarnings
              dishes={preview.dishes}
              unchecked={preview.uncheckedAllergies}
              onSwap={swap}
              busy={check.loading}
            />
            {lethal.length > 0 && (
              <Checkbox
                color="red"
                checked={acknowledged === shownDishes}
                onChange={(event) => setAcknowledged(event.currentTarget.checked ? shownDishes : null)}
                label={t('kitchen.menu.acknowledgeAnaphylaxis', {
                  count: lethal.length,
                  dishes: lethal.map((dish) => dish.dishName).join(t('kitchen.common.separator')),
                })}
                data-testid="acknowledge-anaphylaxis"
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => chooseCourse(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={confirm}
                loading={saving}
                disabled={check.loading || alreadyPlanned || mustAcknowledge}
                data-testid="confirm-menu"
              >
                {t('kitchen.menu.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
