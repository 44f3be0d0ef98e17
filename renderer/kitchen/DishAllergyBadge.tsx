import { useTranslation } from 'react-i18next';
import type { Severity } from '../../shared/contract/allergies.ts';
import { SeverityBadge } from '../service/SeverityBadge.tsx';

/**
 * Beside a dish someone was served or is listed: it carries an allergen of theirs, in that allergy's colour
 * (filled for an anaphylaxis), wherever the dish is shown.
 */
export function DishAllergyBadge({ severity }: { severity: Severity | null }) {
  const { t } = useTranslation();
  if (!severity) return null;
  return (
    <SeverityBadge
      severity={severity}
      testId="served-dish-allergy"
      label={t('kitchen.common.allergen', { severity: t(`codes.severity.${severity}`) })}
    />
  );
}
