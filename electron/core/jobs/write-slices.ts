import type { WriteSession } from '../changes/write.ts';
import type { Actor } from '../context.ts';
import type { SliceClock, SliceProgress } from './runner.ts';

// A writing job in slices, each its own transaction through the one write path (`actor.write`). The work is
// a generator of units: it writes through the session it is given and `yield`s after each unit that may end
// a slice (a guest with its companion link, a stay with its dinners). Units are packed into a slice until the
// slice's time is used, then the transaction commits and the job yields to the runner. A unit is never split
// across two transactions, so a cancel or a failure leaves whole units behind and never half of one.
//
// The work holds one session for its whole life, but every slice is a new transaction with its own session:
// the session handed to the work follows the slice's, and refuses to write between slices.

export function* writeInSlices<T>(
  actor: Actor,
  slice: SliceClock,
  work: (session: WriteSession) => Generator<unknown, T, void>,
  progress: () => SliceProgress,
): Generator<SliceProgress, T, void> {
  let current: WriteSession | undefined;
  const following: WriteSession = {
    writeRow(table, id, values, options) {
      if (!current) throw new Error('writeInSlices: a write outside a slice');
      return current.writeRow(table, id, values, options);
    },
    now() {
      if (!current) throw new Error('writeInSlices: a write outside a slice');
      return current.now();
    },
    nowMs() {
      if (!current) throw new Error('writeInSlices: a write outside a slice');
      return current.nowMs();
    },
    newId() {
      if (!current) throw new Error('writeInSlices: a write outside a slice');
      return current.newId();
    },
  };
  const units = work(following);
  for (;;) {
    const finished = actor.write((session) => {
      current = session;
      try {
        for (;;) {
          const step = units.next();
          if (step.done) return { value: step.value };
          if (slice.due()) return undefined;
        }
      } finally {
        current = undefined;
      }
    });
    if (finished) return finished.value;
    yield progress();
  }
}
