import { openDatabase } from '../../db/open.ts';
import { createPostcodeBook } from '../../electron/core/addresses/postcode-book.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import type { Figure } from './report.ts';
import { measure, summarize } from './stats.ts';

// The address from the postcode (addresses.byPostcode) through the core's dispatch: the first lookup of a
// core, which reads Japan Post's data file (resources/postcodes), and the lookups after it. Its own
// in-memory core, as the data does not depend on the register's size. `node tests/bench/postcode-figures.ts`
// prints them alone; `npm run bench` includes them.

/** Typed as desks type them: one town, a city's catch-all, 66 towns, two prefectures, unknown. */
const TYPED = ['〒１００−０００１', '060-0000', '452-0961', '4980000', '999-9999', '530-0001', '812-0011'];
const FIRST_LOOKUPS = 5;
const RUNS = 2_000;

function freshCore() {
  const db = openDatabase(':memory:');
  const core = createCore({
    db,
    nodeId: openNodeIdentity(db).nodeId,
    logger: { info() {}, warn() {}, error() {} },
    postcodes: createPostcodeBook(),
  });
  const close = () => {
    core.close();
    db.close();
  };
  return { core, close };
}

export async function postcodeFigures(size: number): Promise<Figure[]> {
  const first: number[] = [];
  for (let i = 0; i < FIRST_LOOKUPS; i++) {
    const { core, close } = freshCore();
    const started = performance.now();
    const answer = await core.call('addresses.byPostcode', { postcode: '100-0001' });
    first.push(performance.now() - started);
    if (!answer.ok) throw new Error(`addresses.byPostcode failed: ${JSON.stringify(answer.error)}`);
    close();
  }
  const { core, close } = freshCore();
  const timing = await measure(RUNS, 200, (i) =>
    core.call('addresses.byPostcode', { postcode: TYPED[i % TYPED.length] }),
  );
  close();
  return [
    { name: 'addresses.byPostcode.first (reads the data file)', size, timing: summarize(first) },
    { name: 'addresses.byPostcode', size, timing },
  ];
}

if (import.meta.main) {
  const { printTable } = await import('./report.ts');
  printTable(await postcodeFigures(0), console.log);
}
