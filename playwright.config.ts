import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium.ts';

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  // A stray .only would run that test and quietly skip every other: refused on every machine, not only
  // where CI is set (.ci/run does not set it). To run one test, name it: `npx playwright test <file> -g <name>`.
  // `npm run test:e2e` starts the runner with V8's memory-key code protection off, as the unit tests run
  // (vitest.config.ts says why); its workers inherit the flag.
  forbidOnly: true,
  projects: [
    {
      name: 'chromium',
      testIgnore: /(electron|screenshots)\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
    {
      // The README's screenshots: `npm run screenshots`, not part of `npm test`.
      name: 'screenshots',
      testMatch: /screenshots\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
    {
      name: 'electron',
      testMatch: /electron\.spec\.ts$/,
    },
  ],
});
