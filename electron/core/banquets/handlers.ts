import type { CoreContext, Handlers } from '../context.ts';

// STUB (lead): the banquet helper replaces this file with the real handlers, split by concern
// (halls.ts, deals.ts, stages.ts, calendar.ts, follow-ups.ts, reports.ts, allergy-check.ts).

export type BanquetCalls =
  | 'halls.list'
  | 'halls.create'
  | 'halls.update'
  | 'halls.delete'
  | 'halls.restore'
  | 'banquets.create'
  | 'banquets.update'
  | 'banquets.advance'
  | 'banquets.get'
  | 'banquets.list'
  | 'banquets.calendar'
  | 'banquets.report'
  | 'followUps.list'
  | 'followUps.setStatus';

const notYet = () => {
  throw new Error('not implemented');
};

export function banquetHandlers(_ctx: CoreContext): Handlers<BanquetCalls> {
  return {
    'halls.list': notYet,
    'halls.create': notYet,
    'halls.update': notYet,
    'halls.delete': notYet,
    'halls.restore': notYet,
    'banquets.create': notYet,
    'banquets.update': notYet,
    'banquets.advance': notYet,
    'banquets.get': notYet,
    'banquets.list': notYet,
    'banquets.calendar': notYet,
    'banquets.report': notYet,
    'followUps.list': notYet,
    'followUps.setStatus': notYet,
  };
}
