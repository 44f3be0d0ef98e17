import { CallFailure } from '../../../shared/contract/result.ts';
import type { Handlers } from '../context.ts';
import type { SyncService } from './service.ts';

type SyncCalls =
  | 'sync.status'
  | 'sync.configure'
  | 'sync.invite'
  | 'sync.join'
  | 'sync.enterCode'
  | 'sync.confirm'
  | 'sync.cancelPairing'
  | 'sync.remove';

/** The sync calls; `service()` is null for a core without a database file (tests in memory): no sync there. */
export function syncHandlers(service: () => SyncService | null): Handlers<SyncCalls> {
  const on = (): SyncService => {
    const sync = service();
    if (!sync) throw new CallFailure('conflict', 'sync_unavailable');
    return sync;
  };
  return {
    'sync.status': () => on().status(),
    'sync.configure': (patch) =>
      on().configure(Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))),
    'sync.invite': () => on().invite(),
    'sync.join': ({ host, port, mergeRegister }) => on().join({ host, port }, mergeRegister ?? false),
    'sync.enterCode': ({ code }) => on().enterCode(code),
    'sync.confirm': ({ accept }) => on().confirm(accept),
    'sync.cancelPairing': () => on().cancelPairing(),
    'sync.remove': ({ device, reason }) => on().remove(device, reason ?? ''),
  };
}
