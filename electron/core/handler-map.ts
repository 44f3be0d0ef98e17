import type { CallName } from '../../shared/contract/index.ts';
import { accessLogHandlers } from './access/handlers.ts';
import { addressHandlers } from './addresses/handlers.ts';
import type { PostcodeBook } from './addresses/postcode-book.ts';
import { allergyHandlers } from './allergies/handlers.ts';
import { arrivalHandlers } from './arrivals/handlers.ts';
import { backupHandlers } from './backups/handlers.ts';
import type { createBackupService } from './backups/service.ts';
import { banquetHandlers } from './banquets/handlers.ts';
import { conflictHandlers } from './conflicts/handlers.ts';
import type { CoreContext, Handler } from './context.ts';
import { duplicateHandlers } from './duplicates/handlers.ts';
import { erasureHandlers } from './erasure/handlers.ts';
import { exportHandlers } from './exports/handlers.ts';
import { fileHandlers } from './files/handlers.ts';
import { guestRightsHandlers } from './guest-rights/handlers.ts';
import { guestHandlers } from './guests/handlers.ts';
import type { createSearch } from './guests/search.ts';
import type { SearchCues } from './guests/search-cues.ts';
import type { createSearchIndex } from './guests/search-index.ts';
import { importHandlers } from './imports/handlers.ts';
import { salesImportHandlers } from './imports/sales/handlers.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { kitchenHandlers } from './kitchen/handlers.ts';
import type { createDayTotals } from './manager/day-totals.ts';
import { managerHandlers } from './manager/handlers.ts';
import type { createRequestMonths } from './manager/request-months.ts';
import { rankHandlers } from './ranks/handlers.ts';
import type { createRankKeeper } from './ranks/keeper.ts';
import { requestHandlers } from './requests/handlers.ts';
import { serviceHandlers } from './service/handlers.ts';
import { settingsHandlers } from './settings/handlers.ts';
import { staffHandlers } from './staff/handlers.ts';
import { stayHandlers } from './stays/handlers.ts';
import { syncHandlers } from './sync/handlers.ts';
import type { SyncService } from './sync/service.ts';
import { systemHandlers } from './system/handlers.ts';

// Every call of the contract and the domain that answers it: the one place that says so. A call the contract
// names and no domain answers fails the `satisfies` below at compile time.

/** What the handlers need beyond the context: the parts of the core made around them. */
export type HandlerParts = {
  search: ReturnType<typeof createSearch>;
  /** What a search hit says of a guest (today, allergy, last visit, rank), for the guests.similar rows too. */
  searchCues: SearchCues;
  searchIndex: ReturnType<typeof createSearchIndex>;
  postcodes: PostcodeBook;
  backups: ReturnType<typeof createBackupService>;
  /** The sync service, once made (it needs the core itself). */
  sync: () => SyncService | null;
  dayTotals: ReturnType<typeof createDayTotals>;
  requestMonths: ReturnType<typeof createRequestMonths>;
  ranks: ReturnType<typeof createRankKeeper>;
};

export function allHandlers(ctx: CoreContext, parts: HandlerParts) {
  return {
    ...systemHandlers(ctx),
    ...jobHandlers(ctx),
    ...staffHandlers(ctx),
    ...guestHandlers(ctx, parts.search, parts.searchCues),
    ...addressHandlers(parts.postcodes),
    ...settingsHandlers(ctx),
    ...stayHandlers(ctx),
    ...allergyHandlers(ctx),
    ...requestHandlers(ctx),
    ...kitchenHandlers(ctx),
    ...serviceHandlers(ctx),
    ...arrivalHandlers(ctx),
    ...banquetHandlers(ctx),
    ...conflictHandlers(ctx),
    ...fileHandlers(ctx),
    ...exportHandlers(ctx),
    ...importHandlers(ctx, parts.searchIndex),
    ...salesImportHandlers(ctx),
    ...backupHandlers(parts.backups),
    ...syncHandlers(parts.sync),
    ...duplicateHandlers(ctx),
    ...accessLogHandlers(ctx),
    ...guestRightsHandlers(ctx),
    ...erasureHandlers(ctx),
    ...managerHandlers(ctx, { dayTotals: parts.dayTotals, requestMonths: parts.requestMonths }),
    ...rankHandlers(ctx, parts.ranks),
  } satisfies { [N in CallName]: Handler<N> };
}
