import { createHash } from 'node:crypto';
import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { removeQuietly } from '../../backups/files.ts';
import { copyInThread } from '../../backups/thread.ts';
import type { Logger } from '../../context.ts';
import { SNAPSHOT_CHUNK_BYTES, SNAPSHOT_WINDOW, type SnapshotMessage } from '../messages.ts';
import type { SnapshotStream } from '../session-terms.ts';

// The member's side of a first join by snapshot: an online copy of its register, made as a backup is made
// (SQLite's backup API in the backups' own thread, backups/thread.ts, so the core's thread and its screens
// keep working while pages are copied; the copy is sealed and quick-checked there), then streamed to the new
// PC in chunks from the file, never read whole. At most SNAPSHOT_WINDOW chunks are unacknowledged: the new PC
// acks what it has written to its disk, so neither side holds more than a few megabytes of it in memory. The
// SHA-256 is computed while sending and goes last (`snapshot_end`). The copy lives in the sync folder under a
// name of its own and is removed when the stream ends, however it ends.

/** Test-only throttle (tests/sync/snapshot-processes.test.ts): ms to wait before each chunk, and 64 KiB chunks. */
const TEST_SLOW_MS = Number(process.env.YADOCHO_TEST_SNAPSHOT_SLOW_MS ?? 0);

export const outgoingPrefix = 'snapshot-out-';

export function sendSnapshot(options: {
  /** The register's file. */
  source: string;
  /** The sync folder: where the copy is made. */
  folder: string;
  schema: number;
  send(message: SnapshotMessage): void;
  /** The stream is over without a complete copy sent (it sent `snapshot_refused` first when it could). */
  ended(): void;
  /** Bytes sent of the copy, for the status. */
  progress(done: number, total: number): void;
  /** The stream is over, sent or not: the status forgets it. */
  finished(): void;
  logger: Logger;
}): SnapshotStream {
  const id = uuidv7();
  const file = join(options.folder, `${outgoingPrefix}${id}.sqlite`);
  const abort = new AbortController();
  const chunkBytes = TEST_SLOW_MS > 0 ? 64 * 1024 : SNAPSHOT_CHUNK_BYTES;
  let acked = 0;
  let wake: (() => void) | null = null;
  let over = false;

  const finish = (sent: boolean) => {
    if (over) return;
    over = true;
    abort.abort();
    wake?.();
    options.finished();
    if (!sent) options.ended();
  };

  const run = async () => {
    closeSync(openSync(file, 'wx', 0o600));
    chmodSync(file, 0o600);
    const copy = copyInThread({
      source: options.source,
      dest: file,
      stepPages: 4096,
      integrity: 'none',
      onProgress: () => {},
      signal: abort.signal,
    });
    const outcome = await copy.result.catch((error: unknown) => ({ ok: false as const, message: String(error) }));
    if (!outcome.ok || !outcome.inspection.ok) {
      await copy.ended;
      if (!over) options.send({ t: 'snapshot_refused', reason: 'copy_failed' });
      throw new Error(`the register copy failed: ${outcome.ok ? JSON.stringify(outcome.inspection) : outcome.message}`);
    }
    const bytes = statSync(file).size;
    if (over) return;
    options.send({ t: 'snapshot_begin', id, bytes, schema: options.schema });
    const handle = await open(file, 'r');
    const hash = createHash('sha256');
    try {
      let at = 0;
      while (at < bytes) {
        while (!over && at - acked >= SNAPSHOT_WINDOW * chunkBytes) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
        }
        if (over) return;
        if (TEST_SLOW_MS > 0) await new Promise((resolve) => setTimeout(resolve, TEST_SLOW_MS));
        const buffer = Buffer.allocUnsafe(Math.min(chunkBytes, bytes - at));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
        if (bytesRead !== buffer.length) throw new Error('the register copy changed while it was sent');
        hash.update(buffer);
        if (over) return;
        options.send({ t: 'snapshot_chunk', id, at, data: buffer });
        at += bytesRead;
        options.progress(at, bytes);
      }
      options.send({ t: 'snapshot_end', id, sha256: hash.digest('hex') });
    } finally {
      await handle.close();
    }
    // Kept until the new PC has it all on disk; then the session carries on as an ordinary one.
    while (!over && acked < bytes) {
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };

  void run().then(
    () => {
      removeQuietly(file);
      finish(true);
    },
    (error: unknown) => {
      options.logger.warn(`sync: the register copy for a new PC was not sent: ${String(error)}`);
      removeQuietly(file);
      finish(false);
    },
  );

  return {
    ack(ackId, upTo) {
      if (ackId !== id) return;
      acked = Math.max(acked, upTo);
      const waiting = wake;
      wake = null;
      waiting?.();
    },
    cancel() {
      finish(true);
    },
  };
}
