/**
 * What the import screen accepts, and reading a picked or dropped file into the base64 the
 * contract carries. Limits are checked here only to answer fast; the core checks them again.
 */

import { bytesToBase64 } from '../../electron/shared/base64';

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
 * 40 000 sinistrés"), not left for the library's sanitiser, which makes each one "_".
 */
export function headlineFileName(headline: string): string {
  let out = '';
  for (const ch of headline) {
    if (ch === ':' || ch === '|') out += ' - ';
    else if (ch === '/' || ch === '\\') out += '-';
    else if (ch === '"') out += "'";
    else if ('<>?*'.includes(ch)) out += ' ';
    else out += ch;
  }
  return out.split(/\s+/u).filter(Boolean).join(' ');
}
