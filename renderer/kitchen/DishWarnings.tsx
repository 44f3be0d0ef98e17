import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DishWarning, MenuPlan } from '../../shared/contract/kitchen.ts';
import { formatDay } from '../i18n/format.ts';
import { allergenName, SEVERITY_COLOR } from '../service/format.ts';
import { isFlagged } from './menu-model.ts';

type Props = {
  dishes: readonly DishWarning[];
  unchecked: MenuPlan['uncheckedAllergies'];
  /** When given, each flagged dish offers its alternatives to swap in. */
  onSwap?: (fromDishId: string, toDishId: string) => void;
  busy?: boolean;
};

function AllergyLines({ dish }: { dish: DishWarning }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      {dish.allergies.map((allergy) =>
        allergy.severity === 'anaphylaxis' ? (
          <Alert key={allergy.allergyId} color="red" variant="filled" p="xs" data-testid="dish-anaphylaxis">
            <Text fw={800}>
              {t('kitchen.menu.anaphylaxisBanner', {
                guest: allergy.guestName,
                allergen: allergenName(allergy, i18n.language),
              })}
            </Text>
          </Alert>
        ) : (
          <Group key={allergy.allergyId} gap="xs" data-testid="dish-allergy" data-severity={allergy.severity}>
            <Badge color={SEVERITY_COLOR[allergy.severity]} tt="none">
              {t(`codes.severity.${allergy.severity}`)}
            </Badge>
            <Text size="sm" fw={600}>
              {allergenName(allergy, i18n.language)}
            </Text>
            <Text size="sm">{t('kitchen.common.guestSama', { name: allergy.guestName })}</Text>
            <Text size="sm" c="dimmed">
              {allergy.tracesOk ? t('sheet.tracesOk') : t('sheet.tracesNotOk')}
            </Text>
          </Group>
        ),
      )}
    </>
  );
}

function DishRow({ dish, onSwap, busy }: { dish: DishWarning; onSwap?: Props['onSwap']; busy?: boolean }) {
  const { t, i18n } = useTranslation();
  const flagged = isFlagged(dish);
  const border = dish.worstSeverity ? `var(--mantine-color-${SEVERITY_COLOR[dish.worstSeverity]}-6)` : undefined;
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="planned-dish"
      data-dish-id={dish.dishId}
      data-flagged={flagged}
      data-severity={dish.worstSeverity ?? ''}
      data-repeated={dish.servedBefore.length > 0}
      style={border ? { borderColor: border, borderWidth: 2 } : undefined}
    >
      <Stack gap={4}>
        <Group gap="xs" justify="space-between">
          <Group gap="xs">
            <Text size="xs" c="dimmed" w={80}>
              {t(`codes.dishCategory.${dish.category}`)}
            </Text>
            <Text fw={700} data-testid="planned-dish-name">
              {dish.dishName}
            </Text>
          </Group>
          {!flagged && (
            <Badge color="teal" variant="light" tt="none">
              {t('kitchen.menu.ok')}
            </Badge>
          )}
        </Group>
        <AllergyLines dish={dish} />
        {dish.servedBefore.map((served) => (
          <Text key={`${served.stayId}-${served.date}-${served.meal}`} size="sm" c="blue.8" data-testid="dish-repeated">
            {t('kitchen.menu.servedBefore', {
              date: formatDay(served.date, i18n.language),
              meal: t(`codes.meal.${served.meal}`),
            })}
          </Text>
        ))}
        {dish.reactions.map((reaction) => (
          <Text key={`${reaction.date}-${reaction.reaction}`} size="sm" c="grape.8" data-testid="dish-reaction">
            {t('kitchen.menu.reactionBefore', {
              date: formatDay(reaction.date, i18n.language),
              reaction: t(`codes.reaction.${reaction.reaction}`),
            })}
          </Text>
        ))}
        {onSwap && flagged && dish.alternatives.length > 0 && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('kitchen.menu.alternatives')}
            </Text>
            {dish.alternatives.map((alternative) => (
              <Button
                key={alternative.dishId}
                size="compact-sm"
                variant="light"
                color="teal"
                disabled={busy}
                data-testid="swap-dish"
                data-alternative-id={alternative.dishId}
                onClick={() => onSwap(dish.dishId, alternative.dishId)}
              >
                ⇄ {alternative.name}
              </Button>
            ))}
          </Group>
        )}
        {onSwap && flagged && dish.alternatives.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('kitchen.menu.noAlternatives')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The planned dishes in course order, each with why it is flagged and what could replace it. */
export function DishWarnings({ dishes, unchecked, onSwap, busy }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="dish-warnings">
      {unchecked.length > 0 && (
        <Alert color="yellow" title={t('kitchen.menu.uncheckedTitle')} data-testid="unchecked-allergies">
          {unchecked
            .map((allergy) =>
              t('kitchen.menu.uncheckedLine', {
                guest: allergy.guestName,
                name: allergy.name,
                severity: t(`codes.severity.${allergy.severity}`),
              }),
            )
            .join('、')}
        </Alert>
      )}
      {dishes.map((dish) => (
        <DishRow key={dish.dishId} dish={dish} onSwap={onSwap} busy={busy} />
      ))}
    </Stack>
  );
}
