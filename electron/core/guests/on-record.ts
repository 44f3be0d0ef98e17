// 名寄せ leaves the merged card in place, naming the guest it was merged into (who may since have been merged
// again: A into B, then B into C). The search, its match list and guests.similar all follow those names to the
// guest on record, the same way and equally far.

/** How many merges deep a merged card is followed to the guest on record. */
const MERGE_HOPS = 10;

/**
 * The guest on record for a card: the card itself unless merged, else the guest at the end of its merges, read
 * with `byId`; undefined when that chain is longer than MERGE_HOPS or leads to a guest no longer there.
 */
export function guestOnRecord<Row extends { merged_into: string | null }>(
  card: Row | undefined,
  byId: (id: string) => Row | undefined,
): Row | undefined {
  let current = card;
  for (let hop = 0; current?.merged_into && hop < MERGE_HOPS; hop++) current = byId(current.merged_into);
  return current && !current.merged_into ? current : undefined;
}
