// A hybrid logical clock: wall-clock milliseconds plus a counter, tagged with the node that made it.
// Timestamps from one node always increase even if the PC clock steps back, and a timestamp received
// from another PC (sync) pushes this clock past it, so ordering by HLC respects cause and effect.
// Format: 15-digit milliseconds ':' 5-digit counter ':' node id; string order is time order.

export type Hlc = {
  /** A new timestamp, later than every one this clock has issued or received. */
  now(): string;
  /** Advance past a timestamp that arrived from another node. */
  receive(remote: string): void;
};

export type HlcParts = { wall: number; counter: number; node: string };

const MAX_COUNTER = 99_999;

export function parseHlc(value: string): HlcParts {
  const [wall, counter, ...node] = value.split(':');
  return { wall: Number(wall), counter: Number(counter), node: node.join(':') };
}

export function formatHlc({ wall, counter, node }: HlcParts): string {
  return `${String(wall).padStart(15, '0')}:${String(counter).padStart(5, '0')}:${node}`;
}

export function createHlc(node: string, clock: () => number, last?: string): Hlc {
  let wall = 0;
  let counter = 0;
  if (last) ({ wall, counter } = parseHlc(last));

  const advance = (remoteWall: number, remoteCounter: number) => {
    const physical = clock();
    const nextWall = Math.max(wall, remoteWall, physical);
    if (nextWall === wall && nextWall === remoteWall) counter = Math.max(counter, remoteCounter) + 1;
    else if (nextWall === wall) counter += 1;
    else if (nextWall === remoteWall) counter = remoteCounter + 1;
    else counter = 0;
    wall = nextWall;
    if (counter > MAX_COUNTER) {
      // More than 100k events in one millisecond: borrow the next millisecond rather than overflow.
      wall += 1;
      counter = 0;
    }
  };

  return {
    now() {
      advance(0, 0);
      return formatHlc({ wall, counter, node });
    },
    receive(remote) {
      const parts = parseHlc(remote);
      advance(parts.wall, parts.counter);
    },
  };
}

/**
 * The time part of a stamp (milliseconds and counter, fixed width). The change log stores this beside
 * node_id instead of the full stamp: the node id is already a column, and the log is the largest table.
 * Log order is (time, node_id).
 */
export function hlcTime(stamp: string): string {
  return stamp.slice(0, 21);
}

export function hlcToIso(value: string): string {
  return new Date(parseHlc(value).wall).toISOString();
}
