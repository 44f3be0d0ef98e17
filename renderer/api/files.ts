import { FILE_CHUNK_BYTES } from '../../shared/contract/files.ts';
import type { CallOutput } from '../../shared/contract/index.ts';
import { call } from './client.ts';

// Files to and from the core over the ordinary contract (files.upload / files.download), so the same code
// works in Electron (IPC) and in a browser (HTTP), whose body limit the chunk size respects.

export type FileProgress = (sent: number, total: number) => void;

function toBase64(bytes: Uint8Array): string {
  let text = '';
  // In pieces: String.fromCharCode with half a megabyte of arguments overflows the stack.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let index = 0; index < raw.length; index++) bytes[index] = raw.charCodeAt(index);
  return bytes;
}

/** Sends a picked file to the core in chunks; answers the upload id the import (or another call) names. */
export async function uploadFile(file: File, onProgress?: FileProgress): Promise<string> {
  let upload: string | undefined;
  let offset = 0;
  onProgress?.(0, file.size);
  do {
    const piece = new Uint8Array(await file.slice(offset, offset + FILE_CHUNK_BYTES).arrayBuffer());
    const answer = await call('files.upload', {
      ...(upload ? { upload } : {}),
      name: file.name,
      size: file.size,
      offset,
      chunk: toBase64(piece),
    });
    upload = answer.upload;
    offset = answer.received;
    onProgress?.(offset, file.size);
    if (answer.complete) break;
  } while (offset < file.size);
  return upload as string;
}

/** Fetches a file the core made and hands it to the browser (or Electron) to save. */
export async function downloadFile(fileId: string, onProgress?: FileProgress): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  let name = 'yadocho';
  let type = 'application/octet-stream';
  while (offset !== null) {
    const answer: CallOutput<'files.download'> = await call('files.download', { file: fileId, offset });
    parts.push(fromBase64(answer.chunk));
    name = answer.name;
    type = answer.type || type;
    offset = answer.nextOffset;
    onProgress?.(offset ?? answer.size, answer.size);
  }
  saveBlob(new Blob(parts, { type }), name);
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the URL only has to live until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
