import { test as base, expect } from '@playwright/test';
import { type RunningApp, startApp } from '../support/app-server.ts';

// Each test gets its own server on a fresh database file, serving the built renderer (npm run build:renderer).
export type AppFixture = { url: string; dataFile: string; restart(): Promise<void>; running: RunningApp };

export const test = base.extend<{ app: AppFixture }>({
  app: async ({}, use) => {
    const running = await startApp();
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
