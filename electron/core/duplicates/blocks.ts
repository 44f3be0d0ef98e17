// The duplicate scan's blocks (scan.ts), held compactly: the scan keeps a whole register's worth of them. As a
// Map from each key to an array of guests, with each guest's keys kept beside, they took about 60 bytes per key
// and guest, plus the key's text: over 500 MB at 1,000,000 guests, under a heap limit of 2 GB (core-host/heap.ts).
//
// Here a key is given a block number when first seen (a Map from its text, let go once the reading ends), each
// guest's block numbers follow one another in one Int32Array, and once every guest is in, each block's members
// are laid out one block after another in another (a counting sort), so a block is a range of one array and a
// guest's blocks a range of the other: about 12 bytes per key and guest.

import { Int32List } from '../compact/int32-list.ts';

/** Guests grouped by key, guests numbered 0, 1, 2, … in the order they were added. */
export type Blocks = {
  /** How many blocks (keys) there are. */
  readonly count: number;
  /** How many guests block `block` holds. */
  size(block: number): number;
  /** Block `block`'s guests are `members[start(block)]` up to `members[start(block + 1)]`. */
  readonly members: Int32Array;
  start(block: number): number;
  /** Guest `guest`'s blocks are `blocksOfGuests[guestStart(guest)]` up to `blocksOfGuests[guestStart(guest + 1)]`. */
  readonly blocksOfGuests: Int32Array;
  guestStart(guest: number): number;
};

/** Builds the blocks as guests are read: `add` each guest's keys in turn, then `finish`. */
export class BlocksBuilder {
  private numberOf: Map<string, number> | null = new Map();
  /** Each guest's block numbers, one guest after another. */
  private readonly guestBlocks = new Int32List();
  /** Where each guest's block numbers start in guestBlocks (one more entry than guests: the end). */
  private readonly guestStarts = new Int32List();
  /** How many guests each block holds. */
  private readonly sizes = new Int32List();

  constructor() {
    this.guestStarts.push(0);
  }

  /** Adds the next guest with its keys (a key given twice counts once). */
  add(keys: readonly string[]): void {
    const numberOf = this.numberOf;
    if (!numberOf) throw new Error('blocks already finished');
    const first = this.guestBlocks.length;
    for (const key of keys) {
      let block = numberOf.get(key);
      if (block === undefined) {
        block = numberOf.size;
        numberOf.set(key, block);
        this.sizes.push(0);
      } else if (this.guestBlocks.includesFrom(first, block)) {
        continue;
      }
      this.guestBlocks.push(block);
      this.sizes.increment(block);
    }
    this.guestStarts.push(this.guestBlocks.length);
  }

  /** Lays the blocks out; the keys' text is let go. */
  finish(): Blocks {
    this.numberOf = null;
    const sizes = this.sizes.done();
    const blockCount = sizes.length;
    const starts = new Int32Array(blockCount + 1);
    for (let block = 0; block < blockCount; block++) {
      starts[block + 1] = (starts[block] as number) + (sizes[block] as number);
    }
    const blocksOfGuests = this.guestBlocks.done();
    const guestStarts = this.guestStarts.done();
    const members = new Int32Array(blocksOfGuests.length);
    const next = starts.slice(0, blockCount);
    for (let guest = 0; guest < guestStarts.length - 1; guest++) {
      for (let k = guestStarts[guest] as number; k < (guestStarts[guest + 1] as number); k++) {
        const block = blocksOfGuests[k] as number;
        members[next[block] as number] = guest;
        next[block] = (next[block] as number) + 1;
      }
    }
    return {
      count: blockCount,
      size: (block) => sizes[block] as number,
      members,
      start: (block) => starts[block] as number,
      blocksOfGuests,
      guestStart: (guest) => guestStarts[guest] as number,
    };
  }
}
