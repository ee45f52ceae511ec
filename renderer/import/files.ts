/**
 * What the import screen accepts, and reading a picked or dropped file into the base64 the
 * contract carries. Limits are checked here only to answer fast; the core checks them again.
 */

import { bytesToBase64 } from '../../electron/shared/base64';
import { writtenForFileName } from '../../electron/shared/file-names';

export const IMPORT_EXTENSIONS = ['.docx', '.html', '.htm', '.md', '.markdown', '.txt'] as const;
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.join(',');

export function extensionOf(name: string): string {
  const m = name.toLowerCase().match(/\.[a-z0-9]{1,9}$/u);
  return m ? m[0] : '';
}

/** A file the contacts import reads and the release import does not (a .txt may be either: it is read as a release). */
export function isContactsFile(name: string): boolean {
  return ['.csv', '.tsv', '.vcf', '.vcard'].includes(extensionOf(name));
}

export function isImportable(name: string): boolean {
  return (IMPORT_EXTENSIONS as readonly string[]).includes(extensionOf(name)) || extensionOf(name) === '.doc';
}

export async function readAsBase64(file: File): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/**
 * A release's headline as the name of its pasted original ("….txt"): the characters file
 * systems refuse written as a person would in a name ("Niger : 40 000 sinistrés" → "Niger -
 * 40 000 sinistrés"), as a kit's exported files are, not left for the library's sanitiser.
 */
export function headlineFileName(headline: string): string {
  return writtenForFileName(headline).split(/\s+/u).filter(Boolean).join(' ');
}
