import { Badge } from '@mantine/core';
import type { Severity } from '../../shared/contract/allergies.ts';
import { SEVERITY_COLOR } from './format.ts';

/**
 * A small mark in an allergy's colour, filled for an anaphylaxis: beside a dish that carries someone's
 * allergen, or a search result for a guest with an allergy on record. The caller gives the words.
 */
export function SeverityBadge({ severity, label, testId }: { severity: Severity; label: string; testId: string }) {
  return (
    <Badge
      size="sm"
      tt="none"
      color={SEVERITY_COLOR[severity]}
      variant={severity === 'anaphylaxis' ? 'filled' : 'light'}
      data-testid={testId}
      data-severity={severity}
    >
      {label}
    </Badge>
  );
}
