import { type Call, DAY_MS } from './service-common.ts';

// Puts the generated calls in time order without holding ten years of them. The stay history is drawn in
// arrival order, and each stay's calls fall within a few weeks of its arrival (booked up to 60 days ahead,
// status set after departure), so they are kept in day buckets and a day is written once the generator says
// nothing earlier can come any more (advance). Other sources (the guests' registrations and edits, the notes
// drawn after the history) are already sorted, and are merged in as the history is written.

/** A sorted stream of calls: the time of the next one (Infinity when done), and taking it. */
export type CallSource = { peek(): number; take(): Call };

export function sortedSource(calls: Call[]): CallSource {
  const sorted = [...calls].sort((a, b) => a.t - b.t);
  let next = 0;
  return {
    peek: () => sorted[next]?.t ?? Number.POSITIVE_INFINITY,
    take: () => sorted[next++] as Call,
  };
}

export class Timeline {
  private readonly buckets = new Map<number, Call[]>();
  /** The first day not written yet: nothing may be emitted before it. */
  private nextDay: number | undefined;
  private lastDay = Number.NEGATIVE_INFINITY;
  private readonly run: (call: Call) => void;
  private readonly sources: CallSource[];

  constructor(run: (call: Call) => void, sources: CallSource[]) {
    this.run = run;
    this.sources = sources;
  }

  emit(call: Call) {
    const day = Math.floor(call.t / DAY_MS);
    if (this.nextDay !== undefined && day < this.nextDay) {
      throw new Error(`timeline: a call at ${new Date(call.t).toISOString()} comes after its day was written`);
    }
    let bucket = this.buckets.get(day);
    if (!bucket) {
      bucket = [];
      this.buckets.set(day, bucket);
    }
    bucket.push(call);
    if (day > this.lastDay) this.lastDay = day;
  }

  /** Nothing emitted from now on is earlier than `t`: write every day before t's. */
  advance(t: number) {
    const until = Math.floor(t / DAY_MS);
    if (this.nextDay === undefined) this.nextDay = Math.min(until, ...this.buckets.keys());
    for (; this.nextDay < until; this.nextDay++) this.flush(this.nextDay);
  }

  /** Writes everything left, the other sources included. */
  finish() {
    if (this.nextDay === undefined) this.nextDay = Math.min(Number.POSITIVE_INFINITY, ...this.buckets.keys());
    for (; this.nextDay <= this.lastDay; this.nextDay++) this.flush(this.nextDay);
    this.drain(Number.POSITIVE_INFINITY);
  }

  private flush(day: number) {
    const bucket = this.buckets.get(day);
    if (!bucket) return;
    this.buckets.delete(day);
    bucket.sort((a, b) => a.t - b.t); // stable: calls of one time keep the order they were drawn in
    for (const call of bucket) {
      this.drain(call.t);
      this.run(call);
    }
  }

  /** Runs the other sources' calls up to time t (theirs first on a tie), in time order. */
  private drain(t: number) {
    for (;;) {
      let best: CallSource | undefined;
      let bestTime = t;
      for (const source of this.sources) {
        const next = source.peek();
        if (next === Number.POSITIVE_INFINITY) continue; // done
        if (next <= bestTime && (best === undefined || next < bestTime)) {
          best = source;
          bestTime = next;
        }
      }
      if (!best) return;
      this.run(best.take());
    }
  }
}
