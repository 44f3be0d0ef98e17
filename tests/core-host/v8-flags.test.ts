import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The test processes start and stop hundreds of threads (each test's core, its checkpoints' thread). Where the
// CPU has memory protection keys, V8's map of JIT pages can miss one under that churn and V8 stops the whole
// process (vitest.config.ts says more). They run with that protection off.
const FLAG = '--no-memory-protection-keys';

describe('the test processes', () => {
  it('run V8 with its memory-key code protection off: this vitest fork', () => {
    expect(process.execArgv).toContain(FLAG);
  });

  it('and the Playwright runner of npm test, whose workers inherit its flags', () => {
    const scripts = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts;
    expect(scripts['test:e2e']).toMatch(new RegExp(`node ${FLAG} \\S*playwright\\S*cli\\.js test `));
  });
});
