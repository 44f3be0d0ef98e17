import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { type CoreHost, startCoreHost, WORKER_SOURCE } from '../../electron/core-host/host.ts';
import { startHttpServer } from '../../electron/http/server.ts';
import type { JobProgress } from '../../shared/contract/jobs.ts';
import { RENDERER_DIR } from '../support/app-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { type Percentiles, summarize } from './stats.ts';

// Keystroke to results on screen, in real Chromium, against the core on a benchmark database: what the
// front desk feels. The core runs in its worker thread behind the HTTP door, as `npm run serve` runs it. Each
// character is typed as a person types it; the page records, for every input event, the time from the event
// (its timeStamp: when the key reached the page) to the first animation frame after the search page shows
// the answer to that exact text (data-shown-query on the outcome).
//
// Twice: with the core otherwise idle, and while the search index is rebuilt in the same worker
// (system.rebuildSearchIndex, in slices; started again should it finish, and cancelled at the end, which
// drops its shadow table and leaves the cached database's index as it was). The rebuild is background upkeep:
// its slices wait while staff are calling (jobs/runner.ts), at most a second each, so the log says how far it
// got while the keystrokes were timed, beside how far it gets in the same time with nobody typing.

/** What a person types, one character at a time: names, readings, romaji, phones. */
export const TYPED = [
  'さとう',
  'たかはし',
  'ﾀｶﾊｼ',
  'スズキ',
  '田中',
  '渡邊',
  '山﨑',
  '高橋一郎',
  'tanaka',
  'satou',
  'yamamoto hanako',
  '090-1234',
  '5678',
  '0312345678',
  'itou',
  'なかむら',
  '小林',
  'kobayashi',
  'わたなべ',
  '佐々木',
];

export type UiLatency =
  | {
      timing: Percentiles;
      duringRebuild: Percentiles;
      /** Guests the rebuild went through while the keystrokes were timed, and in as long with nobody typing. */
      rebuildMoved: { typing: number; quiet: number; ms: number };
    }
  | { skipped: string };

async function typeAll(page: Page, texts: readonly string[]): Promise<void> {
  const box = page.getByTestId('guest-search');
  for (const text of texts) {
    await box.fill('');
    for (const character of text) {
      await page.keyboard.type(character);
      // Wait for this keystroke's answer before the next one, as a person reads as they type.
      await page.waitForFunction(
        (expected) => document.querySelector(`[data-shown-query="${CSS.escape(expected)}"]`) !== null,
        await box.inputValue(),
        { timeout: 10_000 },
      );
    }
  }
  await page.waitForTimeout(50); // the last animation frame
}

const samplesSoFar = (page: Page) => page.evaluate(() => (window as unknown as { __latency: number[] }).__latency);

/** Keeps an index rebuild running in the core until stopped; then cancels it and waits for its answer. */
function keepRebuilding(core: CoreHost, log: (line: string) => void) {
  let job: string | undefined;
  let stopping = false;
  let runs = 0;
  /** Guests the rebuilds went through so far (progress is by rowid: the scan's place). */
  let through = 0;
  let before = 0;
  const stopListening = core.onProgress((progress: JobProgress) => {
    if (progress.kind !== 'search.rebuild') return;
    if (progress.state === 'running') {
      if (progress.job !== job) before = through;
      job = progress.job;
      through = before + progress.done;
    }
  });
  const loop = (async () => {
    while (!stopping) {
      runs++;
      const result = await core.call('system.rebuildSearchIndex', {});
      if (!result.ok && result.error.code !== 'cancelled') throw new Error(`rebuild failed: ${result.error.code}`);
    }
  })();
  const started = new Promise<void>((resolve) => {
    const stop = core.onProgress((progress) => {
      if (progress.kind === 'search.rebuild') {
        stop();
        resolve();
      }
    });
  });
  return {
    started,
    /** How far the rebuilds have scanned, in guests' rowids (the job's progress). */
    through: () => through,
    async stop() {
      stopping = true;
      if (job) await core.call('jobs.cancel', { job });
      await loop;
      stopListening();
      log(`  the index rebuild ran throughout (${runs === 1 ? 'cancelled at the end' : `${runs - 1} completed`})`);
    },
  };
}

/** Why keystrokes cannot be timed here, or undefined when Chromium and the built renderer are there. */
export function uiLatencyUnavailable(): string | undefined {
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`;
  if (!existsSync(`${RENDERER_DIR}/index.html`)) return 'renderer not built (npm run build:renderer)';
  return undefined;
}

/**
 * The search page in Chromium against `core` behind the HTTP door, instrumented. `time(texts)` types them as
 * a person does and answers the keystroke-to-results latency of each character.
 */
export async function openSearchPage(core: CoreHost) {
  const server = await startHttpServer({ core, staticDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.goto(server.pageUrl);
  await page.getByTestId('guest-search').waitFor();
  await page.evaluate(instrument);
  let seen = 0;
  return {
    async time(texts: readonly string[]): Promise<number[]> {
      await typeAll(page, texts);
      const samples = (await samplesSoFar(page)).slice(seen);
      seen += samples.length;
      return samples;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export async function measureUiLatency(dataFile: string, log: (line: string) => void): Promise<UiLatency> {
  const unavailable = uiLatencyUnavailable();
  if (unavailable) return { skipped: unavailable };
  const core = await startCoreHost({
    file: dataFile,
    entry: WORKER_SOURCE,
    quiet: true,
    logger: { info() {}, warn() {}, error: console.error },
  });
  const search = await openSearchPage(core);
  try {
    await search.time(TYPED); // the first pass warms caches and the JIT
    const idle = await search.time(TYPED);
    log(`  ${idle.length} keystrokes timed in Chromium`);

    const rebuild = keepRebuilding(core, log);
    await rebuild.started;
    const typingFrom = rebuild.through();
    const typingStarted = performance.now();
    const during = await search.time(TYPED);
    const ms = performance.now() - typingStarted;
    const typing = rebuild.through() - typingFrom;
    // As long again with nobody typing: how far the rebuild gets when the desk is quiet.
    const quietFrom = rebuild.through();
    await new Promise((resolve) => setTimeout(resolve, ms));
    const quiet = rebuild.through() - quietFrom;
    await rebuild.stop();
    log(`  ${during.length} keystrokes timed while the search index was rebuilt in the worker`);
    log(
      `  the rebuild went through ${typing} guests in the ${Math.round(ms)} ms of typing, ${quiet} in as long with nobody typing`,
    );
    return { timing: summarize(idle), duringRebuild: summarize(during), rebuildMoved: { typing, quiet, ms } };
  } finally {
    await search.close();
    await core.close();
  }
}

/** Runs in the page: pairs each input event with the frame that first shows its answer. */
function instrument() {
  const samples: number[] = [];
  (window as unknown as { __latency: number[] }).__latency = samples;
  const sent = new Map<string, number>();
  // On the document: the screen may render the search box anew (the sync indicator's status arriving).
  document.addEventListener(
    'input',
    (event) => {
      const box = event.target as HTMLInputElement;
      if (box.getAttribute('data-testid') === 'guest-search') sent.set(box.value, event.timeStamp);
    },
    true,
  );
  new MutationObserver(() => {
    for (const element of document.querySelectorAll('[data-shown-query]')) {
      const query = element.getAttribute('data-shown-query') ?? '';
      const started = sent.get(query);
      if (started === undefined) continue;
      sent.delete(query);
      requestAnimationFrame(() => samples.push(performance.now() - started));
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-shown-query'],
  });
}
