import { csvCell as cell } from '../../shared/csv-cell';
import { foldLine, vEscape } from '../contacts/vcard-text';
import type { KitContact } from './model';

/** The small text files of a bundle: contacts as vCard, captions as CSV and as plain text. */

/** vCard 3.0 (what Outlook, Apple Contacts, Android and Gmail all import) for the kit's press contacts. */
export function vCards(contacts: KitContact[]): string {
  return contacts
    .map((c) => {
      const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${vEscape(c.name)}`];
      // N is required in 3.0; a name is not split into given and family names by guessing.
      lines.push(`N:${vEscape(c.name)};;;;`);
      if (c.organisation) lines.push(`ORG:${vEscape(c.organisation)}`);
      if (c.role) lines.push(`TITLE:${vEscape(c.role)}`);
      for (const e of c.emails) lines.push(`EMAIL;TYPE=INTERNET,${e.type === 'personal' ? 'HOME' : 'WORK'}:${vEscape(e.address)}`);
      for (const p of c.phones) {
        const type = p.type === 'mobile' ? 'CELL' : p.type === 'fax' ? 'FAX' : 'WORK';
        lines.push(`TEL;TYPE=${type},VOICE:${vEscape(p.number)}`);
      }
      if (c.languages.length) lines.push(`NOTE:${vEscape(`Languages: ${c.languages.join(', ')}`)}`);
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

/** UTF-8 with a byte-order mark (Excel reads Arabic and accents right only then), CRLF lines. */
export function captionsCsv(rows: CaptionRow[]): string {
  const header = ['file', 'caption', 'credit', 'alt text', 'usage rights', 'usage expires'].map(cell).join(',');
  const body = rows.map((r) => [r.file, r.caption, r.credit, r.altText, r.usageRights, r.usageExpires].map(cell).join(','));
  return `\uFEFF${[header, ...body].join('\r\n')}\r\n`;
}

/** The captions as plain text, for kit-lite: readable on any phone without a spreadsheet. */
export function captionsText(title: string, rows: CaptionRow[], creditWord: string): string {
  const lines = [title, ''];
  rows.forEach((r, i) => {
    lines.push(`${i + 1}. ${r.file}`);
    if (r.caption) lines.push(`   ${r.caption}`);
    if (r.credit) lines.push(`   ${creditWord}: ${r.credit}`);
    if (r.usageRights) lines.push(`   ${r.usageRights}${r.usageExpires ? ` (until ${r.usageExpires})` : ''}`);
    lines.push('');
  });
  return lines.join('\r\n');
}
