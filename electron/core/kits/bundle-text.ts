import { CSV_BOM, csvLine, csvSeparatorFor } from '../../shared/csv-cell';
import { commaFor, labelsFor } from '../../shared/kits/layout';
import { languageName } from '../../shared/ui/languages';
import { foldLine, vEscape } from '../contacts/vcard-text';
import type { KitContact } from './model';

/** The small text files of a bundle: contacts as vCard, captions as CSV and as plain text. */

/**
 * A name's family and given parts for vCard's N: "Popp, Ioana" as written, otherwise the last
 * word is the family name ("Ioana Popp" → Popp; Ioana), which address books sort by. A single
 * word is a family name alone.
 */
export function nameParts(name: string): { family: string; given: string } {
  const comma = /^([^,]+),\s*(.+)$/.exec(name.trim());
  if (comma) return { family: comma[1]!.trim(), given: comma[2]!.trim() };
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { family: words[0]!, given: '' };
  return { family: words[words.length - 1]!, given: words.slice(0, -1).join(' ') };
}

/**
 * vCard 3.0 (what Outlook, Apple Contacts, Android and Gmail all import) for the kit's press
 * contacts. The languages a contact speaks go in a note, named in the kit's language
 * ("Languages: Arabic, French"; "Langues: arabe, français"; "اللغات: العربية، الفرنسية").
 */
export function vCards(contacts: KitContact[], language: string): string {
  const l = labelsFor(language);
  return contacts
    .map((c) => {
      const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${vEscape(c.name)}`];
      const { family, given } = nameParts(c.name);
      lines.push(`N:${vEscape(family)};${vEscape(given)};;;`);
      if (c.organisation) lines.push(`ORG:${vEscape(c.organisation)}`);
      if (c.role) lines.push(`TITLE:${vEscape(c.role)}`);
      for (const e of c.emails) lines.push(`EMAIL;TYPE=INTERNET,${e.type === 'personal' ? 'HOME' : 'WORK'}:${vEscape(e.address)}`);
      for (const p of c.phones) {
        const type = p.type === 'mobile' ? 'CELL' : p.type === 'fax' ? 'FAX' : 'WORK';
        lines.push(`TEL;TYPE=${type},VOICE:${vEscape(p.number)}`);
      }
      if (c.languages.length) {
        const names = c.languages.map((tag) => languageName(tag, language)).join(commaFor(language));
        lines.push(`NOTE:${vEscape(`${l.languages}: ${names}`)}`);
      }
      lines.push('END:VCARD');
      return lines.map(foldLine).join('\r\n');
    })
    .join('\r\n')
    .concat(contacts.length ? '\r\n' : '');
}

export interface CaptionRow {
  file: string;
  caption: string | null;
  credit: string | null;
  altText: string | null;
  usageRights: string | null;
  usageExpires: string | null;
}

/**
 * UTF-8 with a byte-order mark (Excel reads Arabic and accents right only then), CRLF lines,
 * separated as a spreadsheet in the kit's language expects: a kit in French or Spanish goes to
 * journalists whose Excel splits by semicolons (the rule of every CSV Dateline writes, `csvSeparatorFor`).
 */
export function captionsCsv(rows: CaptionRow[], language: string): string {
  const separator = csvSeparatorFor(language);
  const header = csvLine(['file', 'caption', 'credit', 'alt text', 'usage rights', 'usage expires'], separator);
  return CSV_BOM + header + rows.map((r) => csvLine([r.file, r.caption, r.credit, r.altText, r.usageRights, r.usageExpires], separator)).join('');
}
