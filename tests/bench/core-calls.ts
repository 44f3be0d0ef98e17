import { closeSync, openSync, readSync } from 'node:fs';
import type { Core } from '../../electron/core/create-core.ts';

// What the figures' scripts share about running a core: calls that throw on an error, a quiet logger, and the
// page cache warmed as on a PC where the app has been running.

/** The core's logger, quiet but for warnings and errors. */
export const quiet = { info() {}, warn: console.warn, error: console.error };

/** core.call that throws on an error result: a failing call must not be timed as a fast one. */
export function caller(core: Core) {
  return async (name: string, input: unknown) => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name} ${JSON.stringify(input)} failed: ${JSON.stringify(result.error)}`);
    // biome-ignore lint/suspicious/noExplicitAny: the bench reads results loosely; contract tests check shapes.
    return result.value as any;
  };
}

/**
 * Reads the database file once, start to end, so the OS holds it in its page cache as on a PC where the app
 * has been running: the read figures then time the app, not the disk. (A 1M database is 14 GB; the write
 * test's copy, made after the read figures, evicts it again, which is why each size warms its own file, and the
 * write test its copy.)
 */
export function warmPageCache(file: string): number {
  const started = performance.now();
  const buffer = Buffer.allocUnsafe(8 * 2 ** 20);
  const fd = openSync(file, 'r');
  try {
    while (readSync(fd, buffer, 0, buffer.length, null) > 0) {}
  } finally {
    closeSync(fd);
  }
  return (performance.now() - started) / 1000;
}
