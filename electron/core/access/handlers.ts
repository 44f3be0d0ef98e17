import { sql } from '../../../db/query.ts';
import { CallFailure } from '../../../shared/contract/result.ts';
import type { CoreContext, Handlers } from '../context.ts';
import { listAccess } from './list.ts';
import { recordAccess } from './record.ts';

type AccessLogCalls = 'accessLog.list' | 'accessLog.sheetPrinted';

export function accessLogHandlers(ctx: CoreContext): Handlers<AccessLogCalls> {
  return {
    'accessLog.list': (input) => {
      // A card opened a moment ago is listed: its record, written after the card was sent, goes in first.
      ctx.afterAnswer.flush();
      return listAccess(ctx, input);
    },

    // The screen says it sent a sheet to the printer (or Electron saved it as a PDF): the core cannot see that
    // happen. One stay's sheet is about that stay's guest; a whole day's about nobody in particular.
    'accessLog.sheetPrinted': ({ sheet, date, stayId, via }, actor) => {
      let guestId: string | null = null;
      if (stayId) {
        const stay = ctx.run.first(sql.selectFrom('stays').select('guest_id').where('id', '=', stayId));
        if (!stay) throw new CallFailure('not_found', 'stay_not_found');
        guestId = stay.guest_id;
      }
      const detail = { sheet, date, via, ...(stayId ? { stayId } : {}) };
      return { entry: recordAccess(ctx, actor, { action: 'sheet_printed', guestId, detail }) };
    },
  };
}
