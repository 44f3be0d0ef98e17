import type { Translation } from '../../shared/i18n/translation.ts';
import type { jaJobs } from './jobs.ja.ts';

// English words of long jobs. Same keys as jobs.ja.ts.
export const enJobs: Translation<typeof jaJobs> = {
  kind: {
    'demo.load': 'Loading sample data',
    'search.rebuild': 'Rebuilding the search index',
    'import.read': 'Reading a ledger',
    'import.write': 'Importing a ledger',
    'import.undo': 'Undoing an import',
    'export.run': 'Exporting',
    'backup.run': 'Making a backup',
    'duplicates.scan': 'Looking for duplicate guests',
    'ranks.recompute': 'Recomputing guest ranks',
    'retention.review': 'Looking for guests past the retention period',
    'manager.days': 'Totalling arrivals by day for the manager’s view',
  },
  progress: '{{done}} / {{total}}',
  percent: '{{percent}}%',
  cancel: 'Stop',
  cancelling: 'Stopping…',
  cancelled: 'Stopped',
  failed: 'Failed part way',
  regionLabel: 'Running jobs',
  maintenance: {
    title: 'Maintenance',
    rebuildLabel: 'Rebuild the search index',
    rebuildHelp:
      'Run this when a guest who should be found is not. Search keeps working while it runs, and you can stop it at any time.',
    rebuild: 'Rebuild',
    rebuilt_one: 'The search index was rebuilt ({{count}} guest)',
    rebuilt_other: 'The search index was rebuilt ({{count}} guests)',
  },
};
