import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableMenuPlan } from '../../shared/contract/kitchen.ts';
import { call } from '../api/client.ts';
import { useQuery } from '../api/hooks.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { editConflictOf } from '../app/edit-conflict.ts';
import { errorMessage, notifyError, notifySuccess } from '../app/notify.ts';
import { formatDayWithWeekday } from '../service/format.ts';
import { DishWarnings } from './DishWarnings.tsx';
import { FLOOR_TABLES } from './display.ts';
import { swapDish, warningCounts } from './menu-model.ts';

function PlannedMenu({ menu }: { menu: EditableMenuPlan }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const planned = menu.status === 'planned';
  const counts = warningCounts(menu);

  // Swap and cancel send the version on screen. Changed meanwhile elsewhere, the menu has already refetched
  // (the change's event): there is nothing to choose between, only to look again.
  const run = async (work: () => Promise<unknown>, notice?: string) => {
    setBusy(true);
    try {
      await work();
      if (notice) notifySuccess(notice);
    } catch (error) {
      notifyError(error, editConflictOf(error) ? t('kitchen.menu.changedMeanwhile') : undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="sm" radius="md" data-testid="planned-menu" data-menu-id={menu.id} data-status={menu.status}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={700}>
              {formatDayWithWeekday(menu.date, i18n.language)} {t(`codes.meal.${menu.meal}`)}
            </Text>
            <Text>{menu.courseName}</Text>
            <Badge color={planned ? 'indigo' : 'teal'} variant="light" tt="none" data-testid="menu-status">
              {t(`kitchen.menu.status.${menu.status}`)}
            </Badge>
            {counts.allergen > 0 && (
              <Badge color={counts.anaphylaxis > 0 ? 'red' : 'orange'} tt="none">
                {t('kitchen.menu.allergenCount', { count: counts.allergen })}
              </Badge>
            )}
            {counts.repeated > 0 && (
              <Badge color="blue" variant="light" tt="none">
                {t('kitchen.menu.repeatCount', { count: counts.repeated })}
              </Badge>
            )}
          </Group>
          {planned && (
            <Group gap="xs">
              <Button
                size="xs"
                color="teal"
                loading={busy}
                data-testid="serve-menu"
                onClick={() => run(() => call('menus.serve', { id: menu.id }), t('kitchen.menu.servedNotice'))}
              >
                {t('kitchen.menu.serve')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                disabled={busy}
                data-testid="cancel-menu"
                onClick={() => setCancelling(true)}
              >
                {t('kitchen.menu.cancelPlan')}
              </Button>
            </Group>
          )}
          <ConfirmDialog
            opened={cancelling}
            title={t('kitchen.menu.cancelPlanTitle')}
            action={t('kitchen.menu.cancelPlanAction')}
            busy={busy}
            testId="cancel-menu-dialog"
            onClose={() => setCancelling(false)}
            onConfirm={() =>
              run(() => call('menus.update', { id: menu.id, status: 'cancelled', version: menu.version })).then(() =>
                setCancelling(false),
              )
            }
          >
            {t('kitchen.menu.cancelPlanBody', {
              date: formatDayWithWeekday(menu.date, i18n.language),
              meal: t(`codes.meal.${menu.meal}`),
              course: menu.courseName,
            })}
          </ConfirmDialog>
        </Group>
        <DishWarnings
          dishes={menu.dishes}
          unchecked={menu.uncheckedAllergies}
          busy={busy}
          onSwap={
            planned
              ? (from, to) =>
                  run(
                    () =>
                      call('menus.update', {
                        id: menu.id,
                        dishIds: swapDish(menu.dishIds, from, to),
                        version: menu.version,
                      }),
                    t('kitchen.menu.swappedNotice'),
                  )
              : undefined
          }
        />
      </Stack>
    </Paper>
  );
}

/** The stay's menus (planned and served), each with its current warnings. */
export function PlannedMenus({ stayId }: { stayId: string }) {
  const { t } = useTranslation();
  const query = useQuery('menus.forStay', { stayId }, FLOOR_TABLES);
  if (query.error) return <Alert color="red">{errorMessage(query.error)}</Alert>;
  const menus = query.data?.menus ?? [];
  return (
    <Stack gap="sm" data-testid="planned-menus">
      <Title order={4}>{t('kitchen.menu.plannedTitle')}</Title>
      {query.data && menus.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('kitchen.menu.nonePlanned')}
        </Text>
      )}
      {menus.map((menu) => (
        <PlannedMenu key={menu.id} menu={menu} />
      ))}
    </Stack>
  );
}
