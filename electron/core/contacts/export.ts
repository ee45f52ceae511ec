import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CONTACT_PHOTO_MAX_BYTES } from '../../shared/contacts/bulk-contract';
import { DATELINE_COLUMNS } from '../../shared/contacts/columns';
import { contactExportFileName } from '../../shared/contacts/export-name';
import { CSV_BOM, csvLine, type CsvSeparator } from '../../shared/csv-cell';
import { socialCell } from '../../shared/contacts/social';
import { visibilityCell } from '../../shared/contacts/visibility-cell';
import type { ContactFilter } from '../../shared/contacts/filter';
import type { CoreContext } from '../context';
import type { ChannelVisibility, Doc } from '../../shared/documents';
import { assertWritableTarget } from '../attachments/files';
import { diskFullError } from '../jobs';
import { catchUpSearch } from '../search/index-writer';
import { filterConditions } from './filter-sql';
import { DATA_PROTECTION_FIELDS, dataProtectionProperty, type DataProtectionField } from './data-protection-cells';
import { foldLine, TAG_PROPERTIES, VISIBILITY_PARAM, vEscape, vParam } from './vcard-text';

const isDataProtectionField = (f: string): f is DataProtectionField => (DATA_PROTECTION_FIELDS as readonly string[]).includes(f);

/**
 * Contacts out: CSV (Dateline's own columns, which its import reads back without a mapping;
 * UTF-8 with a byte-order mark so Excel shows Arabic and accents, separated by a comma or by
 * the semicolon French and Spanish Excel expect, every cell safe from formula injection) or vCard 4.0. The selection is some ids, a filter (search, list, beat...) or
 * every contact, in name order; documents are read one at a time, so an export of any size runs in flat memory.
 */

export type Selection = ContactFilter & { ids?: string[] | undefined };

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function* selectedContacts(ctx: CoreContext, sel: Selection): Generator<Doc<'contact'>> {
  let ids: Iterable<{ id: string }>;
  if (sel.ids) ids = sel.ids.map((id) => ({ id }));
  else {
    const where = filterConditions(sel, true);
    // The search index answers the query: bring it up to date with the last sync first.
    if (where !== null && sel.query !== undefined) catchUpSearch(ctx.library.db);
    ids =
      where === null
        ? []
        : ctx.library.db
            .prepare<(string | number)[], { id: string }>(
              `SELECT d.id FROM contact_p p JOIN docs d ON d.rowid = p.doc_rowid
               WHERE ${where.length ? where.map((w) => `(${w.sql})`).join(' AND ') : '1'} ORDER BY p.sort_name, p.doc_rowid`,
            )
            .iterate(...where.flatMap((w) => w.params));
  }
  for (const { id } of ids) yield ctx.library.repo.get('contact', id);
}

function outletNames(ctx: CoreContext): (id: string | null) => string | null {
  const cache = new Map<string, string | null>();
  return (id) => {
    if (id === null) return null;
    if (!cache.has(id)) cache.set(id, str(ctx.library.repo.find('outlet', id)?.name));
    return cache.get(id)!;
  };
}

function csvRow(c: Doc<'contact'>, outlet: (id: string | null) => string | null, separator: CsvSeparator): string {
  const { emails, phones } = c;
  const cells = DATELINE_COLUMNS.map(([, target]) => {
    const [field, type] = target.split(':');
    if (field === 'email') return emails.filter((e) => e.type === type).map((e) => e.address).join('; ');
    if (field === 'phone') return phones.filter((p) => p.type === type).map((p) => p.number).join('; ');
    if (field === 'outlet') return outlet(c.outlet) ?? '';
    if (field === 'social') return socialCell(c.socialHandles ?? []);
    if (field === 'visibility') return visibilityCell(emails, phones);
    if (field === 'doNotContact') return c.dataProtection?.doNotContact ? 'yes' : '';
    if (isDataProtectionField(field!)) return c.dataProtection?.[field] ?? '';
    const v = c[field!];
    if (Array.isArray(v)) return v.join('; ');
    return str(v) ?? '';
  });
  return csvLine(cells, separator);
}

export function csvHeader(separator: CsvSeparator = ','): string {
  return `${CSV_BOM}${csvLine(
    DATELINE_COLUMNS.map(([h]) => h),
    separator,
  )}`;
}

const TEL_TYPE: Record<string, string> = { mobile: 'cell', fax: 'fax', work: 'work,voice', other: 'voice' };
const EMAIL_TYPE: Record<string, string> = { work: 'work', personal: 'home', other: 'other' };

/**
 * A contact's photo as a data: URI for a vCard, so an export read back (or by a phone) keeps
 * it; none when its file is not on this computer yet (synced before it came down) or is larger
 * than an import would take back.
 */
function photoUris(ctx: CoreContext): (id: string | null | undefined) => string | null {
  return (id) => {
    if (!id) return null;
    const a = ctx.library.repo.find('attachment', id);
    if (!a || !a.mediaType.startsWith('image/') || a.size > CONTACT_PHOTO_MAX_BYTES || !ctx.blobs.has(a.sha256)) return null;
    return `data:${a.mediaType};base64,${ctx.blobs.read(a.sha256).toString('base64')}`;
  };
}

/** Who may see an e-mail or phone that is not public, as a parameter of its property (read back by vcard-to-contact.ts). */
const seenBy = (v: ChannelVisibility): string => (v === 'public' ? '' : `;${VISIBILITY_PARAM}=${v}`);

/** A web address with nothing a URI value cannot hold as it is (a space, a line break, a backslash). */
function isProfileLink(handle: string): boolean {
  const h = handle.toLowerCase();
  if (!h.startsWith('https://') && !h.startsWith('http://')) return false;
  for (const ch of handle) if (ch <= ' ' || ch === '\\' || ch === '\u007f') return false;
  return true;
}

/** One vCard 4.0 (RFC 6350). Fields vCard has no property for travel as X-DATELINE- ones. */
export function vcard4(c: Doc<'contact'>, outlet: (id: string | null) => string | null, photo: (id: string | null | undefined) => string | null = () => null): string {
  const name = c.name;
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${vEscape(name)}`];
  const org = str(c.organisation);
  if (org) lines.push(`ORG:${vEscape(org)}`);
  const role = str(c.role);
  if (role) lines.push(`TITLE:${vEscape(role)}`);
  for (const e of c.emails) lines.push(`EMAIL;TYPE=${EMAIL_TYPE[e.type] ?? 'other'}${seenBy(e.visibility)}:${vEscape(e.address)}`);
  for (const p of c.phones) lines.push(`TEL;VALUE=text;TYPE=${TEL_TYPE[p.type] ?? 'voice'}${seenBy(p.visibility)}:${vEscape(p.number)}`);
  c.languages.forEach((l, i) => lines.push(`LANG;PREF=${i + 1}:${l}`));
  if (c.beats.length) lines.push(`CATEGORIES:${c.beats.map(vEscape).join(',')}`);
  const notes = str(c.notes);
  if (notes) lines.push(`NOTE:${vEscape(notes)}`);
  lines.push(`X-DATELINE-KIND:${c.kind}`);
  if (c.countries.length) lines.push(`X-DATELINE-COUNTRIES:${c.countries.join(',')}`);
  for (const [field, property] of TAG_PROPERTIES) {
    const v = c[field];
    if (v?.length) lines.push(`${property}:${v.map(vEscape).join(',')}`);
  }
  // RFC 9554's SOCIALPROFILE: a profile's link as the URI it is, a handle ("@name") as text.
  for (const h of c.socialHandles ?? []) {
    const service = `SERVICE-TYPE=${vParam(h.network)}`;
    lines.push(isProfileLink(h.handle) ? `SOCIALPROFILE;${service}:${h.handle}` : `SOCIALPROFILE;${service};VALUE=text:${vEscape(h.handle)}`);
  }
  const o = outlet(c.outlet);
  if (o) lines.push(`X-DATELINE-OUTLET:${vEscape(o)}`);
  if (c.dataProtection?.doNotContact) lines.push('X-DATELINE-DO-NOT-CONTACT:TRUE');
  for (const f of DATA_PROTECTION_FIELDS) {
    const v = c.dataProtection?.[f];
    if (v) lines.push(`${dataProtectionProperty(f)}:${vEscape(v)}`);
  }
  const uri = photo(c.photo);
  if (uri) lines.push(`PHOTO:${uri}`);
  lines.push('END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** The whole export as pieces of text, one contact at a time. */
export function* exportPieces(ctx: CoreContext, format: 'csv' | 'vcf', sel: Selection, separator: CsvSeparator = ','): Generator<string> {
  const outlet = outletNames(ctx);
  const photo = photoUris(ctx);
  if (format === 'csv') yield csvHeader(separator);
  for (const c of selectedContacts(ctx, sel)) yield format === 'csv' ? csvRow(c, outlet, separator) : vcard4(c, outlet, photo);
}

/** Writes the export under a temporary name, then renames it: a reader never sees half a file. */
export function exportToFile(ctx: CoreContext, format: 'csv' | 'vcf', sel: Selection, out: string, separator: CsvSeparator = ','): { count: number; bytes: number } {
  assertWritableTarget(out, contactExportFileName(format, sel));
  const temp = join(dirname(out), `.${randomBytes(6).toString('hex')}.part`);
  const fd = openSync(temp, 'w');
  let count = 0;
  let bytes = 0;
  try {
    let buffered: string[] = [];
    let size = 0;
    const flush = () => {
      const b = Buffer.from(buffered.join(''), 'utf8');
      writeSync(fd, b);
      bytes += b.length;
      buffered = [];
      size = 0;
    };
    let first = format === 'csv';
    for (const piece of exportPieces(ctx, format, sel, separator)) {
      buffered.push(piece);
      size += piece.length;
      if (first) first = false;
      else count++;
      if (size > 256 * 1024) flush();
    }
    flush();
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, out);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    // The export's disk (a USB stick), not the library's, is the one that filled up.
    throw diskFullError(e, dirname(out)) ?? e;
  }
  return { count, bytes };
}
