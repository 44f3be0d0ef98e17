import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { removeQuietly } from '../../backups/files.ts';
import type { SnapshotMessage, SnapshotRefusal } from '../messages.ts';
import type { SnapshotInbox } from '../session-terms.ts';

// The new PC's side of the transfer: the member's chunks go straight to a file in the sync folder
// (`snapshot-in.partial`, owner-only), each at the offset it says, in order, hashed as it is written and
// acknowledged once written (the member's send window). At `snapshot_end` the size and the SHA-256 must
// match what was announced and sent; only then is the file flushed and renamed `snapshot-in.sqlite`, and
// handed on to be checked and swapped in (stage.ts, coordinator.ts). Anything else (a gap, a chunk past
// the announced size, a wrong digest, no room on the disk) drops the partial file and fails the transfer:
// the register in use was never touched.

export const PARTIAL_NAME = 'snapshot-in.partial';
export const RECEIVED_NAME = 'snapshot-in.sqlite';

/** Room the disk must have beyond the copy: the register is kept aside, not removed, when the copy goes in. */
const SPARE_BYTES = 64 * 1024 * 1024;

export function receiveSnapshot(options: {
  folder: string;
  send(message: SnapshotMessage): void;
  fail(reason: SnapshotRefusal): void;
  progress(done: number, total: number): void;
  /** The whole copy is on disk with the right digest: `file` is to be checked and swapped in. */
  received(file: string, schema: number): void;
  /** Test-only hook: free bytes the disk reports (a full disk is hard to make in a test). */
  freeBytes?: (folder: string) => number;
}): SnapshotInbox {
  const partial = join(options.folder, PARTIAL_NAME);
  let state: {
    id: string;
    bytes: number;
    schema: number;
    fd: number;
    written: number;
    hash: ReturnType<typeof createHash>;
  } | null = null;
  let over = false;

  const drop = () => {
    if (state) {
      try {
        closeSync(state.fd);
      } catch {
        // closed already
      }
    }
    state = null;
    removeQuietly(partial);
  };
  const fail = (reason: SnapshotRefusal) => {
    if (over) return;
    over = true;
    drop();
    options.fail(reason);
  };
  const freeBytes =
    options.freeBytes ??
    ((folder: string) => {
      const stats = statfsSync(folder);
      return stats.bavail * stats.bsize;
    });

  return {
    take(message) {
      if (over) return;
      try {
        if (message.t === 'snapshot_begin') {
          if (state) return fail('check_failed');
          if (freeBytes(options.folder) < message.bytes + SPARE_BYTES) return fail('no_space');
          removeQuietly(partial);
          const fd = openSync(partial, 'wx', 0o600);
          state = {
            id: message.id,
            bytes: message.bytes,
            schema: message.schema,
            fd,
            written: 0,
            hash: createHash('sha256'),
          };
          options.progress(0, message.bytes);
          return;
        }
        if (message.t === 'snapshot_chunk') {
          if (!state || message.id !== state.id || message.at !== state.written) return fail('check_failed');
          const data = Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength);
          if (state.written + data.length > state.bytes) return fail('check_failed');
          let done = 0;
          while (done < data.length) done += writeSync(state.fd, data, done, data.length - done, state.written + done);
          state.hash.update(data);
          state.written += data.length;
          options.send({ t: 'snapshot_ack', id: state.id, upTo: state.written });
          options.progress(state.written, state.bytes);
          return;
        }
        if (message.t === 'snapshot_end') {
          if (!state || message.id !== state.id || state.written !== state.bytes) return fail('check_failed');
          if (state.hash.digest('hex') !== message.sha256) return fail('check_failed');
          fsyncSync(state.fd);
          closeSync(state.fd);
          const { schema } = state;
          state = null;
          over = true;
          const file = join(options.folder, RECEIVED_NAME);
          renameSync(partial, file);
          options.received(file, schema);
        }
      } catch (error) {
        // ENOSPC while writing, or any other disk trouble: the transfer fails, the register stays as it is.
        fail((error as NodeJS.ErrnoException).code === 'ENOSPC' ? 'no_space' : 'check_failed');
      }
    },
    cancel() {
      if (over) return;
      over = true;
      drop();
    },
  };
}
