/**
 * What the import screen accepts, and reading a picked or dropped file into the base64 the
 * contract carries. Limits are checked here only to answer fast; the core checks them again.
 */

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

/** Base64 in slices: one String.fromCharCode over megabytes would overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

export async function readAsBase64(file: File): Promise<string> {
  return toBase64(new Uint8Array(await file.arrayBuffer()));
}
