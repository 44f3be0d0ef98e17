import { v7 as uuidv7 } from 'uuid';
import { FILE_CHUNK_BYTES, MAX_UPLOAD_BYTES } from '../../../shared/contract/files.ts';
import { CallFailure } from '../../../shared/contract/result.ts';

// Files in the core's memory, on their way in (a ledger to import, sent in chunks) or out (an export, rows
// an import set aside). Kept for an hour after their last use, then forgotten; a PC is not a file server, and
// a file the person picked is read once. Memory is bounded: at most MAX_HELD_BYTES in all, oldest first out.

const KEEP_MS = 60 * 60 * 1000;
const MAX_HELD_BYTES = 2 * MAX_UPLOAD_BYTES;

/**
 * A file the core made for a person: `madeFor` is the staff member whose call made it. Only they download it:
 * making it needed the permission (an export, the 宿泊者名簿, a disclosure), so the download needs no other, and
 * a file id seen by someone else opens nothing.
 */
export type HeldFile = { name: string; type: string; bytes: Buffer; madeFor: string | null };

type Upload = { name: string; size: number; parts: Buffer[]; received: number; touched: number };
type Made = HeldFile & { touched: number };
/** A whole upload, for the import that reads it (files.upload needs the import permission). */
type Received = Omit<HeldFile, 'madeFor'> & { touched: number };

export type FileStore = ReturnType<typeof createFileStore>;

export function createFileStore(clock: () => number = Date.now) {
  const uploads = new Map<string, Upload>();
  const made = new Map<string, Made>();
  const complete = new Map<string, Received>();

  const heldBytes = () => {
    let total = 0;
    for (const upload of uploads.values()) total += upload.received;
    for (const file of made.values()) total += file.bytes.length;
    for (const file of complete.values()) total += file.bytes.length;
    return total;
  };

  /** Forgets what was not used for an hour, then the oldest files while more than the bound is held. */
  const sweep = (incoming: number) => {
    const now = clock();
    for (const map of [uploads, made, complete] as Map<string, { touched: number }>[]) {
      for (const [key, value] of map) if (now - value.touched > KEEP_MS) map.delete(key);
    }
    while (heldBytes() + incoming > MAX_HELD_BYTES) {
      let oldest: { map: Map<string, { touched: number }>; key: string; touched: number } | undefined;
      for (const map of [uploads, made, complete] as Map<string, { touched: number }>[]) {
        for (const [key, value] of map) {
          if (!oldest || value.touched < oldest.touched) oldest = { map, key, touched: value.touched };
        }
      }
      if (!oldest) return;
      oldest.map.delete(oldest.key);
    }
  };

  return {
    /** Takes one chunk of a file being sent; the last chunk makes the file whole. */
    receive(input: { upload?: string; name: string; size: number; offset: number; chunk: string }) {
      if (input.size > MAX_UPLOAD_BYTES) {
        throw new CallFailure('invalid_input', 'file_too_large', undefined, {
          maxMb: String(MAX_UPLOAD_BYTES / 1024 / 1024),
        });
      }
      const bytes = Buffer.from(input.chunk, 'base64');
      let id = input.upload;
      let upload = id === undefined ? undefined : uploads.get(id);
      if (id !== undefined && !upload) throw new CallFailure('not_found', 'upload_expired');
      const resent = upload !== undefined && input.offset + bytes.length <= upload.received;
      if (!upload) {
        if (input.offset !== 0) throw new CallFailure('invalid_input', 'upload_out_of_order');
        sweep(input.size);
        id = uuidv7();
        upload = { name: input.name, size: input.size, parts: [], received: 0, touched: clock() };
        uploads.set(id, upload);
      }
      // A chunk sent twice (a retry after a lost answer) is taken once; one that skips ahead is refused.
      if (resent) {
        return { upload: id as string, received: upload.received, complete: upload.received === upload.size };
      }
      if (input.offset !== upload.received || upload.received + bytes.length > upload.size) {
        throw new CallFailure('invalid_input', 'upload_out_of_order');
      }
      upload.parts.push(bytes);
      upload.received += bytes.length;
      upload.touched = clock();
      if (upload.received === upload.size) {
        uploads.delete(id as string);
        complete.set(id as string, {
          name: upload.name,
          type: '',
          bytes: Buffer.concat(upload.parts),
          touched: clock(),
        });
      }
      return { upload: id as string, received: upload.received, complete: upload.received === upload.size };
    },

    /** A file sent whole by the screens; not_found when it expired or is still coming. */
    uploaded(id: string): Omit<HeldFile, 'madeFor'> {
      const file = complete.get(id);
      if (!file) {
        throw new CallFailure('not_found', uploads.has(id) ? 'upload_incomplete' : 'upload_expired');
      }
      file.touched = clock();
      return file;
    },

    /** A file the core made, for the screens to download; returns its id. */
    put(file: HeldFile): string {
      sweep(file.bytes.length);
      const id = uuidv7();
      made.set(id, { ...file, touched: clock() });
      return id;
    },

    /** One chunk of a made file, for the person it was made for. */
    chunk(id: string, offset: number, staffId: string | null) {
      const file = made.get(id);
      // Someone else's file answers as one gone: whether it exists is not theirs to learn.
      if (!file || file.madeFor !== staffId) throw new CallFailure('not_found', 'file_expired');
      if (offset > file.bytes.length) throw new CallFailure('invalid_input', 'download_out_of_order');
      file.touched = clock();
      const end = Math.min(offset + FILE_CHUNK_BYTES, file.bytes.length);
      return {
        name: file.name,
        type: file.type,
        size: file.bytes.length,
        chunk: file.bytes.subarray(offset, end).toString('base64'),
        nextOffset: end < file.bytes.length ? end : null,
      };
    },

    /** Files in the store (tests, a note of memory held). */
    held: () => heldBytes(),
  };
}
