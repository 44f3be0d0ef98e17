import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../shared/contract/allergies.ts';
import { SEVERITY_COLOR } from '../service/format.ts';

/**
 * Beside a dish someone was served or is listed: it carries an allergen of theirs, in that allergy's colour
 * (filled for an anaphylaxis), wherever the dish is shown.
 */
export function DishAllergyBadge({ severity }: { severity: Severity | null }) {
  const { t } = useTranslation();
  if (!severity) return null;
  return (
    <Badge
      size="sm"
      tt="none"
      color={SEVERITY_COLOR[severity]}
      variant={severity === 'anaphylaxis' ? 'filled' : 'light'}
      data-testid="served-dish-allergy"
      data-severity={severity}
    >
      {t('kitchen.common.allergen', { severity: t(`codes.severity.${severity}`) })}
    </Badge>
  );
}
