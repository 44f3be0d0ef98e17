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
    // V8's code protection by memory keys (PKU, on recent Intel and AMD CPUs) keeps one process-wide map of JIT
    // pages; with many threads started and stopped (each test's core, its checkpoints' thread) a lookup can miss
    // it and V8 stops the whole process ("Check failed: jit_page.has_value()", SIGTRAP). CI met it once
    // (a fork lost in tests/http/edit-versions.test.ts); machines without PKU never do. Off for the test forks.
    execArgv: ['--no-memory-protection-keys'],
  },
});
