import { test as base, expect } from '@playwright/test';
import { type AppOptions, type RunningApp, startApp } from '../support/app-server.ts';

// Each test gets its own server on a fresh database file, serving the built renderer (npm run build:renderer),
// with the core in its worker thread as `npm run serve` runs it. `appOptions` tunes it per file (test.use).
export type AppFixture = { url: string; dataFile: string; restart(): Promise<void>; running: RunningApp };

export const test = base.extend<{ app: AppFixture; appOptions: AppOptions }>({
  appOptions: [{}, { option: true }],
  app: async ({ appOptions }, use) => {
    const running = await startApp(appOptions);
    const fixture: AppFixture = {
      get url() {
        return running.server.pageUrl;
      },
      dataFile: running.dataFile,
      restart: () => running.restart(),
      running,
    };
    await use(fixture);
    await running.stop();
  },
});

export { expect };
