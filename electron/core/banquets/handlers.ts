import type { CoreContext, Handlers } from '../context.ts';
import { calendarHandlers } from './calendar.ts';
import { dealHandlers } from './deals.ts';
import { followUpHandlers } from './follow-ups.ts';
import { hallHandlers } from './halls.ts';
import { loadReport } from './reports.ts';
import { stageHandlers } from './stages.ts';

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

/** Banquet sales: halls, deals and their pipeline, the hall calendar, reports and follow-up calls. */
export function banquetHandlers(ctx: CoreContext): Handlers<BanquetCalls> {
  return {
    ...hallHandlers(ctx),
    ...dealHandlers(ctx),
    ...stageHandlers(ctx),
    ...calendarHandlers(ctx),
    'banquets.report': (input) => loadReport(ctx, input),
    ...followUpHandlers(ctx),
  };
}
