import { expect, test } from '@playwright/test';

// Playwright's workers start a core per spec (its worker thread, its checkpoints' thread): like the unit test
// forks, they run V8 with its memory-key code protection off (vitest.config.ts says why; package.json's
// test:e2e passes the flag, which the workers inherit).
test('the Playwright worker runs V8 with its memory-key code protection off', () => {
  expect(process.execArgv).toContain('--no-memory-protection-keys');
});
