import { Checkbox, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../shared/contract/roles.ts';

/** A person's roles as checkboxes in the inn's words (オーナー, 支配人, フロント…); a person may hold several. */
export function RoleCheckboxes({
  value,
  onChange,
  error,
  testId,
}: {
  value: Role[];
  onChange(roles: Role[]): void;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={t('access.manager.roles')}
      value={value}
      onChange={(roles) => onChange(ROLES.filter((role) => roles.includes(role)))}
      error={error}
      data-testid={testId}
    >
      <Group gap="md" mt={4}>
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.role.${role}`)} data-role={role} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}
