import { ActionIcon, Badge, Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConflicts } from '../conflicts/conflicts-context.tsx';
import { ExportDialog } from '../exports/ExportDialog.tsx';
import { StaffManager } from '../staff/StaffManager.tsx';
import { navigate } from './route.ts';

/** Less frequent places: importing a ledger, managing staff, deleted guests, exports, conflicts between PCs. */
export function HeaderMenu() {
  const { t } = useTranslation();
  const [managing, setManaging] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { count } = useConflicts();
  return (
    <>
      <Menu position="bottom-end" width={220}>
        <Menu.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('header.menu')}
            title={t('header.menu')}
            data-testid="header-menu"
          >
            ☰
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item data-testid="manager-link" onClick={() => navigate({ name: 'manager' })}>
            {t('manager.nav')}
          </Menu.Item>
          <Menu.Item data-testid="catalogue-link" onClick={() => navigate({ name: 'catalogue' })}>
            {t('header.catalogue')}
          </Menu.Item>
          <Menu.Item data-testid="imports-link" onClick={() => navigate({ name: 'imports' })}>
            {t('header.importLedger')}
          </Menu.Item>
          <Menu.Item data-testid="settings-link" onClick={() => navigate({ name: 'settings' })}>
            {t('header.settings')}
          </Menu.Item>
          <Menu.Item data-testid="manage-staff" onClick={() => setManaging(true)}>
            {t('header.manageStaff')}
          </Menu.Item>
          <Menu.Item data-testid="duplicates-link" onClick={() => navigate({ name: 'duplicates' })}>
            {t('duplicates.nav')}
          </Menu.Item>
          <Menu.Item data-testid="deleted-guests-link" onClick={() => navigate({ name: 'deleted' })}>
            {t('header.deletedGuests')}
          </Menu.Item>
          <Menu.Item data-testid="export-link" onClick={() => setExporting(true)}>
            {t('exports.menu')}
          </Menu.Item>
          <Menu.Item
            data-testid="conflicts-link"
            onClick={() => navigate({ name: 'conflicts' })}
            rightSection={
              count > 0 ? (
                <Badge color="orange" size="sm" circle>
                  {count}
                </Badge>
              ) : undefined
            }
          >
            {t('conflicts.title')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <StaffManager opened={managing} onClose={() => setManaging(false)} />
      {/* Mounted only while open: it reads the search box's text, which changes on every keystroke. */}
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </>
  );
}
