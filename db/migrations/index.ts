import { initial } from './0001-initial.ts';
import { service } from './0002-service.ts';
import { banquets } from './0003-banquets.ts';
import { replayableLog } from './0004-replayable-log.ts';
import { sharedRooms } from './0005-shared-rooms.ts';
import { imports } from './0006-imports.ts';
import { duplicates } from './0007-duplicates.ts';
import { roles } from './0008-roles.ts';
import { accessLog } from './0009-access-log.ts';
import { guestRights } from './0010-guest-rights.ts';
import { erasures } from './0011-erasures.ts';
import { guestRank } from './0012-guest-rank.ts';
import { managerSpeed } from './0013-manager-speed.ts';
import { salesImport } from './0014-sales-import.ts';
import { searchRecencyLag } from './0015-search-recency-lag.ts';
import { openRequests } from './0016-open-requests.ts';
import { servedPacked } from './0017-served-packed.ts';
import type { Migration } from './migration.ts';

// Static list, in order: works when bundled, and a new migration is one line here.
export const MIGRATIONS: readonly Migration[] = [
  initial,
  service,
  banquets,
  replayableLog,
  sharedRooms,
  imports,
  duplicates,
  roles,
  accessLog,
  guestRights,
  erasures,
  guestRank,
  managerSpeed,
  salesImport,
  searchRecencyLag,
  openRequests,
  servedPacked,
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
