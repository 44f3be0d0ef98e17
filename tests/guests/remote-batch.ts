import { columnSpec, tableSpec } from '../../db/log/registry.ts';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { makeStamp } from '../../electron/core/changes/hlc.ts';
import type { ShippedTx } from '../../electron/core/changes/shipped.ts';

// Transactions as another PC ships them (changes/shipped.ts): new guests and renames, for tests of how a
// batch from elsewhere lands in the search index.

const guests = tableSpec('guests');
const col = (name: string) => columnSpec('guests', name)?.id as number;

export function remotePc(node = '7f000000-0000-7000-8000-000000000002') {
  let stamp = makeStamp(Date.now(), 0);
  const tx = (call: string, entries: ShippedTx['entries']): ShippedTx => ({
    node,
    hlc: stamp++,
    staff: null,
    call,
    schema: LATEST_VERSION,
    entries,
  });
  return {
    /** `count` new guests, half read べっかん and half わかれ, each with a phone 090-0000-nnnn. */
    newGuests(count: number, idPrefix = '01900000-0000-7000-8000-'): { ids: string[]; transactions: ShippedTx[] } {
      const ids = Array.from({ length: count }, (_, i) => `${idPrefix}${String(i).padStart(12, '0')}`);
      const transactions = ids.map((id, i) =>
        tx('guests.create', [
          {
            table: guests.id,
            row: id,
            col: 0,
            value: [
              [col('family_name'), `別館${i}`],
              [col('family_reading'), i % 2 ? 'べっかん' : 'わかれ'],
              [col('phones'), JSON.stringify([{ number: `090-0000-${String(i).padStart(4, '0')}`, label: '' }])],
              [col('created_at'), new Date().toISOString()],
              [col('last_activity_at'), Date.now() - i],
            ],
            prev: null,
          },
        ]),
      );
      return { ids, transactions };
    },
    /** A rename that also moves the guest's last activity (all its search rows move). */
    rename(id: string, name: string, reading: string): ShippedTx {
      return tx('guests.update', [
        { table: guests.id, row: id, col: col('family_name'), value: name, prev: null },
        { table: guests.id, row: id, col: col('family_reading'), value: reading, prev: null },
        { table: guests.id, row: id, col: col('last_activity_at'), value: Date.now() + 60_000, prev: null },
      ]);
    },
  };
}
