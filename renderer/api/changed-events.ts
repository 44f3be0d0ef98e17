// The core's `changed` events, merged before the screens hear them. Every write announces the tables it
// changed, and each screen listening for one of them reads again: a card opened (its access record), or a
// batch applied from another PC, is a read and a redraw on every open screen. While sync catches up, batches
// arrive several times a second; each read and redraw then competed with what staff were doing on the same
// two cores, and each read counted as staff at work, which slows the sync down (docs/sync-protocol.md, Speed).
//
// So the first event after a quiet spell is passed on at once (a change from another PC is on screen as soon
// as it is here), and those that follow within the window are merged into one, passed on at the window's end
// with every table they named: nothing is dropped, a flood is at most one read per window.

/** How long after passing an event on the next ones are gathered into one. */
export const CHANGE_WINDOW_MS = 250;

export type ChangeMerger = {
  /** One event's tables, as the core announced them. */
  push(tables: readonly string[]): void;
  /** Drops what is gathered and stops the timer (nobody listens any more). */
  stop(): void;
};

export function mergeChanges(deliver: (tables: string[]) => void, windowMs: number = CHANGE_WINDOW_MS): ChangeMerger {
  let gathered: Set<string> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const closeWindow = () => {
    timer = undefined;
    if (!gathered) return; // nothing came during the window: the next event goes out at once
    const tables = [...gathered];
    gathered = undefined;
    timer = setTimeout(closeWindow, windowMs);
    deliver(tables);
  };

  return {
    push(tables) {
      if (timer === undefined) {
        timer = setTimeout(closeWindow, windowMs);
        deliver([...tables]);
        return;
      }
      gathered ??= new Set();
      for (const table of tables) gathered.add(table);
    },
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      gathered = undefined;
    },
  };
}
