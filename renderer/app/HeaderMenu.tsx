import { ActionIcon, Badge, Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConflicts } from '../conflicts/conflicts-context.tsx';
import { ExportDialog } from '../exports/ExportDialog.tsx';
import { OwnPinDialog } from '../staff/OwnPinDialog.tsx';
import { useMayCall } from '../staff/permissions.ts';
import { StaffManager } from '../staff/StaffManager.tsx';
import { useStaff } from '../staff/staff-context.tsx';
import { navigate } from './route.ts';

/** Less frequent places: importing a ledger, managing staff, deleted guests, exports, conflicts between PCs. */
export function HeaderMenu() {
  const { t } = useTranslation();
  const [managing, setManaging] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [changingPin, setChangingPin] = useState(false);
  const staff = useStaff().data;
  const me = staff?.staff.find((member) => member.id === staff.currentStaffId) ?? null;
  const { count } = useConflicts();
  // Only what the person's roles allow is offered; the core refuses the rest in words all the same.
  const may = useMayCall();
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
          {may('manager.overview') && (
            <Menu.Item data-testid="manager-link" onClick={() => navigate({ name: 'manager' })}>
              {t('manager.nav')}
            </Menu.Item>
          )}
          {may('dishes.list') && (
            <Menu.Item data-testid="catalogue-link" onClick={() => navigate({ name: 'catalogue' })}>
              {t('header.catalogue')}
            </Menu.Item>
          )}
          {may('imports.list') && (
            <Menu.Item data-testid="imports-link" onClick={() => navigate({ name: 'imports' })}>
              {t('header.importLedger')}
            </Menu.Item>
          )}
          {may('settings.update') && (
            <Menu.Item data-testid="settings-link" onClick={() => navigate({ name: 'settings' })}>
              {t('header.settings')}
            </Menu.Item>
          )}
          {may('staff.create') && (
            <Menu.Item data-testid="manage-staff" onClick={() => setManaging(true)}>
              {t('header.manageStaff')}
            </Menu.Item>
          )}
          {may('duplicates.list') && (
            <Menu.Item data-testid="duplicates-link" onClick={() => navigate({ name: 'duplicates' })}>
              {t('duplicates.nav')}
            </Menu.Item>
          )}
          {may('accessLog.list') && (
            <Menu.Item data-testid="access-log-link" onClick={() => navigate({ name: 'accessLog' })}>
              {t('accessLog.nav')}
            </Menu.Item>
          )}
          {may('registers.guestRegister') && (
            <Menu.Item data-testid="register-link" onClick={() => navigate({ name: 'register' })}>
              {t('guestRights.register.nav')}
            </Menu.Item>
          )}
          {may('guests.retentionReview') && (
            <Menu.Item data-testid="retention-link" onClick={() => navigate({ name: 'retention' })}>
              {t('guestRights.retention.nav')}
            </Menu.Item>
          )}
          {may('guests.listDeleted') && (
            <Menu.Item data-testid="deleted-guests-link" onClick={() => navigate({ name: 'deleted' })}>
              {t('header.deletedGuests')}
            </Menu.Item>
          )}
          {may('exports.run') && (
            <Menu.Item data-testid="export-link" onClick={() => setExporting(true)}>
              {t('exports.menu')}
            </Menu.Item>
          )}
          {may('conflicts.list') && (
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
          )}
          {may('sync.status') && (
            <Menu.Item data-testid="sync-link" onClick={() => navigate({ name: 'sync' })}>
              {t('sync.nav')}
            </Menu.Item>
          )}
          {me && (
            <Menu.Item data-testid="own-pin-link" onClick={() => setChangingPin(true)}>
              {t('access.ownPin.menu')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {may('staff.create') && <StaffManager opened={managing} onClose={() => setManaging(false)} />}
      {changingPin && me && <OwnPinDialog me={me} onClose={() => setChangingPin(false)} />}
      {/* Mounted only while open: it reads the search box's text, which changes on every keystroke. */}
      {exporting && may('exports.run') && <ExportDialog onClose={() => setExporting(false)} />}
    </>
  );
}
