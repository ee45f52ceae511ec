/**
 * What the import screen accepts, and reading a picked or dropped file into the base64 the
 * contract carries. Limits are checked here only to answer fast; the core checks them again.
 */

import { bytesToBase64 } from '../../electron/shared/base64';

export const IMPORT_EXTENSIONS = ['.docx', '.html', '.htm', '.md', '.markdown', '.txt'] as const;
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.join(',');
/** Same as the core's IMPORT_MAX_BYTES (40 MB). */
export const IMPORT_LIMIT_BYTES = 40 * 1024 * 1024;

export function extensionOf(name: string): string {
  const m = name.toLowerCase().match(/\.[a-z0-9]{1,9}$/u);
  return m ? m[0] : '';
}

export function isImportable(name: string): boolean {
  return (IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(name)) || extensionOf(name) === '.doc';
}

export async function readAsBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
