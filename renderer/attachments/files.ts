/**
 * Turning what the person picked or dropped into `attachment.add` input, refusing what cannot
 * be a single file (a folder), what carries nothing (0 bytes), what is over the library's
 * limit, or what the system will not let us read, before anything is sent or stored.
 */

import { bytesToBase64 } from '../../electron/shared/base64';

export type FileProblem =
  | { kind: 'folder'; name: string }
  | { kind: 'empty'; name: string }
  | { kind: 'tooLarge'; name: string; size: number; limit: number }
  | { kind: 'unreadable'; name: string; detail: string };

export interface ReadyFile {
  name: string;
  mediaType: string | undefined;
  data: string;
  size: number;
}

export interface Candidate {
  file: File;
  /** Known from the drop: the item is a directory, whatever the File object claims. */
  isFolder: boolean;
}

/** What was dropped: folders are flagged from their entries, since their File looks like an empty file. */
export function candidatesFromDrop(dt: DataTransfer): Candidate[] {
  const out: Candidate[] = [];
  const items = dt.items ? Array.from(dt.items) : [];
  if (items.length > 0) {
    for (const item of items) {
      if (item.kind !== 'file') continue;
      const file = item.getAsFile();
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      if (file) out.push({ file, isFolder: entry?.isDirectory === true });
    }
    return out;
  }
  return Array.from(dt.files).map((file) => ({ file, isFolder: false }));
}

export function candidatesFromInput(files: FileList | null): Candidate[] {
  return files ? Array.from(files).map((file) => ({ file, isFolder: false })) : [];
}

export async function readCandidate(c: Candidate, limit: number): Promise<{ ok: true; file: ReadyFile } | { ok: false; problem: FileProblem }> {
  const { file } = c;
  const name = file.name || 'file';
  if (c.isFolder) return { ok: false, problem: { kind: 'folder', name } };
  if (file.size === 0) return { ok: false, problem: { kind: 'empty', name } };
  if (file.size > limit) return { ok: false, problem: { kind: 'tooLarge', name, size: file.size, limit } };
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (e) {
    return { ok: false, problem: { kind: 'unreadable', name, detail: e instanceof Error ? e.message : String(e) } };
  }
  // A file can change between picking and reading (a sync client truncating it).
  if (buffer.byteLength === 0) return { ok: false, problem: { kind: 'empty', name } };
  return {
    ok: true,
    file: { name, mediaType: file.type || undefined, data: bytesToBase64(new Uint8Array(buffer)), size: buffer.byteLength },
  };
}
