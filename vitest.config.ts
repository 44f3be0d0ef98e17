import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    // A stray .only would run that test and quietly skip every other: refused on every machine, not only
    // where CI is set (.ci/run does not set it). To run one test, name it: `npx vitest run <file> -t <name>`.
    allowOnly: false,
  },
});
