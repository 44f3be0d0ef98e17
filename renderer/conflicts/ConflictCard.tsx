import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../shared/contract/conflicts.ts';
import { AllergyConflict } from './AllergyConflict.tsx';
import { ConflictFrame } from './ConflictFrame.tsx';
import { readConflict } from './detail.ts';
import { FieldEditConflict } from './FieldEditConflict.tsx';
import { FieldGroupConflict } from './FieldGroupConflict.tsx';
import { HallConflict } from './HallConflict.tsx';
import { StagesConflict } from './StagesConflict.tsx';

/** One open conflict, in the words of its kind. */
export function ConflictCard({ conflict }: { conflict: Conflict }) {
  const { t } = useTranslation();
  const read = readConflict(conflict);
  switch (read.kind) {
    case 'hall_double_booked':
      return <HallConflict conflict={conflict} detail={read.detail} />;
    case 'allergy_duplicate':
      return <AllergyConflict conflict={conflict} detail={read.detail} />;
    case 'deal_final_stages':
      return <StagesConflict conflict={conflict} detail={read.detail} />;
    case 'field_group':
      return <FieldGroupConflict conflict={conflict} detail={read.detail} />;
    case 'field_edit':
      return <FieldEditConflict conflict={conflict} detail={read.detail} />;
    default:
      // A kind or shape from a newer version: say so rather than guess; updating this PC shows it.
      return <ConflictFrame conflict={conflict} title={t('conflicts.unreadable', { kind: conflict.kind })} />;
  }
}
