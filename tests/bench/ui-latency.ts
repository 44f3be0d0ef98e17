import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { openDatabase } from '../../db/open.ts';
import { openNodeIdentity } from '../../electron/core/changes/identity.ts';
import { createCore } from '../../electron/core/create-core.ts';
import { startHttpServer } from '../../electron/http/server.ts';
import { RENDERER_DIR } from '../support/app-server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { type Percentiles, summarize } from './stats.ts';

// Keystroke to results on screen, in real Chromium, against the core on a benchmark database: what the
// front desk feels. Each character is typed as a person types it; the page records, for every input
// event, the time from the event (its timeStamp: when the key reached the page) to the first animation
// frame after the search page shows the answer to that exact text (data-shown-query on the outcome).

/** What a person types, one character at a time: names, readings, romaji, phones. */
const TYPED = [
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

export type UiLatency = { timing: Percentiles } | { skipped: string };

export async function measureUiLatency(dataFile: string, log: (line: string) => void): Promise<UiLatency> {
  if (!existsSync(CHROMIUM_PATH)) return { skipped: `no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)` };
  if (!existsSync(`${RENDERER_DIR}/index.html`)) return { skipped: 'renderer not built (npm run build:renderer)' };
  const db = openDatabase(dataFile);
  const core = createCore({
    db,
    nodeId: openNodeIdentity(db).nodeId,
    logger: { info() {}, warn() {}, error: console.error },
  });
  const server = await startHttpServer({ core, staticDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(server.pageUrl);
    const box = page.getByTestId('guest-search');
    await box.waitFor();
    await page.evaluate(instrument);
    for (const text of [...TYPED, ...TYPED]) {
      await box.fill('');
      for (const character of text) {
        await page.keyboard.type(character);
        // Wait for this keystroke's answer before the next one, as a person reads as they type.
        await page.waitForFunction(
          (expected) => document.querySelector(`[data-shown-query="${CSS.escape(expected)}"]`) !== null,
          await box.inputValue(),
          { timeout: 5_000 },
        );
      }
    }
    await page.waitForTimeout(50); // the last animation frame
    const samples = await page.evaluate(() => (window as unknown as { __latency: number[] }).__latency);
    const warm = samples.slice(TYPED.join('').length); // the first pass warms caches and the JIT
    log(`  ${warm.length} keystrokes timed in Chromium`);
    return { timing: summarize(warm) };
  } finally {
    await browser.close();
    await server.close();
    core.close();
    db.close();
  }
}

/** Runs in the page: pairs each input event with the frame that first shows its answer. */
function instrument() {
  const samples: number[] = [];
  (window as unknown as { __latency: number[] }).__latency = samples;
  const box = document.querySelector('[data-testid="guest-search"]') as HTMLInputElement;
  const sent = new Map<string, number>();
  box.addEventListener('input', (event) => sent.set(box.value, event.timeStamp));
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
