import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AllergensTab } from './AllergensTab.tsx';
import { CoursesTab } from './CoursesTab.tsx';
import { DishesTab } from './DishesTab.tsx';

/** The kitchen's catalogue: allergens (by legal class), dishes with their allergens, and courses. */
export function CataloguePage(_props: Record<string, never>) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('dishes');
  return (
    <Stack gap="md" data-testid="catalogue-page">
      <Title order={2}>{t('kitchen.catalogue.title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="allergens" data-testid="catalogue-allergens">
            {t('kitchen.catalogue.allergensTab')}
          </Tabs.Tab>
          <Tabs.Tab value="dishes" data-testid="catalogue-dishes">
            {t('kitchen.catalogue.dishesTab')}
          </Tabs.Tab>
          <Tabs.Tab value="courses" data-testid="catalogue-courses">
            {t('kitchen.catalogue.coursesTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="allergens" pt="md">
          <AllergensTab />
        </Tabs.Panel>
        <Tabs.Panel value="dishes" pt="md">
          <DishesTab />
        </Tabs.Panel>
        <Tabs.Panel value="courses" pt="md">
          <CoursesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
