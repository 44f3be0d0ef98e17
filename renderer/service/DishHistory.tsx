import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { REACTIONS } from '../../shared/contract/kitchen.ts';
import { DishAllergyBadge } from '../kitchen/DishAllergyBadge.tsx';
import { formatDayWithWeekday } from './format.ts';
import type { GuestServiceData } from './use-guest-service.ts';

type Reaction = (typeof REACTIONS)[number];

const REACTION_COLOR: Record<Reaction, string> = { praised: 'teal', left: 'orange', disliked: 'red' };

export function ReactionBadge({ reaction, count }: { reaction: Reaction; count?: number }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      color={REACTION_COLOR[reaction]}
      variant="light"
      tt="none"
      data-testid="reaction"
      data-reaction={reaction}
    >
      {t(`codes.reaction.${reaction}`)}
      {count && count > 1 ? ` ×${count}` : ''}
    </Badge>
  );
}

function countReactions(reactions: readonly Reaction[]): Array<[Reaction, number]> {
  const counts = new Map<Reaction, number>();
  for (const reaction of reactions) counts.set(reaction, (counts.get(reaction) ?? 0) + 1);
  return [...counts];
}

/** What was served last time, meal by meal, and every dish served on earlier stays with the guest's reactions. */
export function DishHistory({
  lastServed,
  dishHistory,
}: {
  lastServed: GuestServiceData['lastServed'];
  dishHistory: GuestServiceData['dishHistory'];
}) {
  const { t, i18n } = useTranslation();
  const served = (lastServed?.served ?? []).filter((s) => s.retractedAt === null);
  return (
    <Paper withBorder radius="md" p="md" data-testid="dish-history">
      <Stack gap="sm">
        <Title order={4}>{t('service.served.title')}</Title>
        {!lastServed && dishHistory.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('service.served.none')}
          </Text>
        )}
        {lastServed && (
          <Stack gap={4} data-testid="last-served">
            <Text size="sm" fw={600}>
              {t('service.served.last', { date: formatDayWithWeekday(lastServed.arrivalDate, i18n.language) })}
            </Text>
            {served.map((item) => (
              <Group key={item.id} gap="xs">
                <Text size="sm" c="dimmed" w={90}>
                  {t(`codes.meal.${item.meal}`)}
                </Text>
                <Text size="sm">{item.dishName}</Text>
                <DishAllergyBadge severity={item.allergySeverity} />
                {item.reaction && <ReactionBadge reaction={item.reaction} />}
                {item.note && (
                  <Text size="xs" c="dimmed">
                    {item.note}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {dishHistory.length > 0 && (
          <Table striped verticalSpacing={4} data-testid="dish-history-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('service.served.dish')}</Table.Th>
                <Table.Th>{t('service.served.lastDate')}</Table.Th>
                <Table.Th>{t('service.served.times')}</Table.Th>
                <Table.Th>{t('service.served.reactions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dishHistory.map((dish) => (
                <Table.Tr key={dish.dishId} data-testid="dish-history-row">
                  <Table.Td>
                    <Group gap="xs">
                      {dish.dishName}
                      <DishAllergyBadge severity={dish.allergySeverity} />
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatDayWithWeekday(dish.lastDate, i18n.language)}</Table.Td>
                  <Table.Td>{t('service.served.timesValue', { count: dish.times })}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {countReactions(dish.reactions).map(([reaction, count]) => (
                        <ReactionBadge key={reaction} reaction={reaction} count={count} />
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
