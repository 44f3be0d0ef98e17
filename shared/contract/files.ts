import { z } from 'zod';
import { id } from './common.ts';
import { call } from './define.ts';

// Files between the screens and the core, over the same contract as every call (IPC and HTTP alike): a file
// the person picked (a ledger to import) goes up in chunks, a file the core made (an export, the rows an
// import set aside) comes down in chunks. Chunks are base64 and small enough for the HTTP door's body limit.
// The core keeps these files in memory for a while (electron/core/files/store.ts); nothing is written to disk.

/** Bytes per chunk before base64: 512 KiB, so one call's body stays under the HTTP door's 1 MB limit. */
export const FILE_CHUNK_BYTES = 512 * 1024;
/** The largest file the core takes: a ledger bigger than this is refused before it is read. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const base64Chunk = z
  .string()
  .max(Math.ceil(FILE_CHUNK_BYTES / 3) * 4, { error: 'too_long' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'invalid' });

export const fileCalls = {
  'files.upload': call({
    summary:
      'Sends one chunk of a file the person picked (base64, at most 512 KiB decoded). The first chunk omits `upload` and gets one; `size` is the whole file, so a file over 100 MB is refused before any chunk is kept.',
    writes: false,
    input: z
      .object({
        upload: id.optional(),
        name: z.string().min(1).max(255),
        size: z.number().int().nonnegative(),
        offset: z.number().int().nonnegative(),
        chunk: base64Chunk,
      })
      .strict(),
    output: z.object({ upload: z.string(), received: z.number().int(), complete: z.boolean() }),
  }),
  'files.download': call({
    summary:
      'Reads one chunk of a file the core made (an export, rows set aside), from `offset`; `nextOffset` is null after the last chunk.',
    writes: false,
    input: z.object({ file: id, offset: z.number().int().nonnegative() }).strict(),
    output: z.object({
      name: z.string(),
      type: z.string(),
      size: z.number().int(),
      chunk: z.string(),
      nextOffset: z.number().int().nullable(),
    }),
  }),
};
