// Lists of numbers for the jobs that hold a whole register or ledger at once (the duplicate scan, an import's
// plan): four bytes an item, where an array of numbers or of small objects takes ten times that and more, and
// the heap V8 lets grow before it collects scales with what is alive (core-host/heap.ts).

/** An Int32Array that grows by doubling, for lists whose length is known only at the end. */
export class Int32List {
  private items = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  at(index: number): number {
    return this.items[index] as number;
  }

  /** Replaces the item at `index` (which must be below `length`). */
  set(index: number, value: number): void {
    if (index >= this.length) throw new RangeError(`Int32List: ${index} is past the end (${this.length})`);
    this.items[index] = value;
  }

  increment(index: number): void {
    this.items[index] = (this.items[index] as number) + 1;
  }

  /** Whether `value` is among the items from `from` on. */
  includesFrom(from: number, value: number): boolean {
    for (let index = from; index < this.length; index++) if (this.items[index] === value) return true;
    return false;
  }

  /** The items, trimmed to their length (a copy: the spare room is let go with the list). */
  done(): Int32Array {
    return this.items.slice(0, this.length);
  }
}
