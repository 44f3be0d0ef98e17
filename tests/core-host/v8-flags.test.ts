import { describe, expect, it } from 'vitest';

// The test forks start and stop hundreds of threads (each test's core, its checkpoints' thread). Where the CPU has
// memory protection keys, V8's map of JIT pages can miss one under that churn and V8 stops the whole process
// (vitest.config.ts says more). The fork this test runs in is one of them: it must have the protection off.
describe('a test fork', () => {
  it('runs V8 with its memory-key code protection off', () => {
    expect(process.execArgv).toContain('--no-memory-protection-keys');
  });
});
