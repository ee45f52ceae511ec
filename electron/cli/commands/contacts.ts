import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ColumnMappingSchema, type ColumnMapping } from '../../shared/contacts/columns';
import { TEXT_ENCODINGS, type ContactImportReport, type RowOutcome, type TextEncodingName } from '../../shared/contacts/bulk-contract';
import { refusedRows, refusedRowsCsv, refusedSeparator } from '../../shared/contacts/refused-csv';
import { DatelineError, invalidInput } from '../../shared/errors';
import { assertWritableTarget, unreadable } from '../../core/attachments/files';
import { intOption, need, UsageError, type Cli, type Command, type Values } from '../cli';

/**
 * `dateline contacts import|export|list|show`: the media list from the command line. An import
 * is stored at once (the command line is the confirmation) unless --dry-run, which prints what
 * would be created, merged and refused, with reasons, and stores nothing. A row already in the
 * library that would add nothing to it is listed as unchanged, apart from the merges.
 */

const SUBCOMMANDS = ['import', 'export', 'list', 'show', 'erase'] as const;

const ENCODING_ALIASES: Record<string, TextEncodingName> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  utf16: 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  '1252': 'windows-1252',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  latin1: 'windows-1252',
  '1256': 'windows-1256',
  cp1256: 'windows-1256',
  'windows-1256': 'windows-1256',
};

function encodingOption(v: string | undefined): TextEncodingName | undefined {
  if (v === undefined) return undefined;
  const e = ENCODING_ALIASES[v.toLowerCase()];
  if (!e) throw new UsageError(`--encoding "${v}" is not one Dateline reads (use ${TEXT_ENCODINGS.join(', ')})`);
  return e;
}

function readMapping(path: string | undefined): ColumnMapping | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    if (statSync(path).size > 1024 * 1024) throw new DatelineError('FILE_TOO_LARGE', `${path} is larger than 1 MB; a column mapping is far smaller.`);
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof DatelineError) throw e;
    throw unreadable(path, e);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DatelineError('INVALID_INPUT', `${path} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = ColumnMappingSchema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error, { context: path });
  return parsed.data;
}

function outcomeLine(o: RowOutcome, dryRun: boolean, unit: string): string {
  const who = o.name ?? '(no name)';
  const verb = dryRun
    ? { create: 'would create', merge: 'would merge', unchanged: 'unchanged', refuse: 'refused', skip: 'skipped' }[o.action]
    : { create: 'created', merge: 'merged', unchanged: 'unchanged', refuse: 'refused', skip: 'skipped' }[o.action];
  // A refused card's reason names it already ("card 4 (Name): ..."); a refused row's does not.
  const refusedWho = o.name !== null && unit === 'row' ? `${o.name}: ` : '';
  let line = `  ${unit} ${String(o.row).padEnd(6)} ${verb.padEnd(12)} ${o.action === 'refuse' ? refusedWho : who}`;
  if (o.into && o.action === 'unchanged') line += `: already in the library as ${o.into.name}${o.into.id ? ` (${o.into.id})` : ''}, nothing to add`;
  else if (o.into) line += ` into ${o.into.name}${o.into.row !== null ? ` (${unit} ${o.into.row})` : o.into.id ? ` (${o.into.id})` : ''}: ${o.into.reason}`;
  if (o.reason && o.action === 'refuse') line += o.reason;
  if (o.suggestion) line += `  (maybe the same person as ${o.suggestion.name}${o.suggestion.row !== null ? `, ${unit} ${o.suggestion.row}` : ''}: ${o.suggestion.reason})`;
  for (const w of o.warnings ?? []) line += `\n${' '.repeat(unit.length + 17)}note: ${w}`;
  return line.trimEnd();
}

/** Rows whose record disagrees with the contact's on the legal basis: said in the summary too, since a merge keeps one. */
function differingNote(r: ContactImportReport): string {
  const kept = r.outcomes.filter((o) => o.differences?.some((d) => d.kept === 'contact')).length;
  const taken = r.outcomes.filter((o) => o.differences?.some((d) => d.kept === 'file')).length;
  const parts = [
    ...(kept > 0 ? [`${kept} legal ${kept === 1 ? 'basis' : 'bases'} differing from the contact's (the contact's kept)`] : []),
    ...(taken > 0 ? [`${taken} legal ${taken === 1 ? 'basis' : 'bases'} taken from the file`] : []),
  ];
  return parts.length ? `; ${parts.join(', ')}` : '';
}

function humanReport(file: string, r: ContactImportReport, dryRun: boolean): string {
  const how = r.format === 'csv' ? `${r.encoding}, ${r.separator === '\t' ? 'tab' : `"${r.separator}"`}-separated${r.headerSet ? `, ${r.headerSet} columns` : ', columns from the mapping'}` : `vCard, ${r.encoding}`;
  const unit = r.format === 'csv' ? 'row' : 'card';
  const lines = [`${file} (${how}): ${r.rows} ${r.rows === 1 ? unit : `${unit}s`}`];
  if (r.leftOut.length > 0) lines.push(`  Not imported: ${r.leftOut.join(', ')}`);
  lines.push(...r.outcomes.map((o) => outcomeLine(o, dryRun, unit)));
  if (r.more > 0) lines.push(`  ... and ${r.more} more (--json lists them all)`);
  const summary =
    `${r.created} ${dryRun ? 'to create' : 'created'}, ${r.merged} ${dryRun ? 'to merge' : 'merged'}, ${r.refused} refused, ${r.skipped} skipped` +
    (r.unchanged > 0 ? `; ${r.unchanged} already in the library, unchanged` : '') +
    // Passed over, not refused: said so that the rows counted add up to the rows in the spreadsheet.
    (r.blank > 0 ? `; ${r.blank} blank ${r.blank === 1 ? 'row' : 'rows'} skipped` : '') +
    differingNote(r);
  const stored = r.created + r.merged > 0 ? `Stored in one go: ${summary}.` : `Nothing to store: ${summary}.`;
  // An import that stored its other rows exits 0: the last line says plainly what became of the refused ones.
  const refused = r.refused > 0 ? ` ${r.refused} ${r.refused === 1 ? unit : `${unit}s`} refused; nothing else was changed for ${r.refused === 1 ? 'it' : 'them'}.` : '';
  lines.push(dryRun ? `Nothing stored (--dry-run): ${summary}.` : `${stored}${refused}`);
  return lines.join('\n');
}

/**
 * --refused FILE.csv: the refused rows with their reasons, to correct in a spreadsheet and import
 * again. Written after the import, so a failure here is said, not thrown: the import is stored.
 */
function writeRefused(path: string, r: ContactImportReport): string {
  if (r.format !== 'csv') return `${path} not written: a vCard file has no rows to write (--refused is for CSV files).`;
  const rows = refusedRows(r.outcomes);
  try {
    writeFileSync(path, refusedRowsCsv(r.headers, rows, (o) => o.reason ?? '', 'Reason', refusedSeparator(r.separator, 'en')));
  } catch (e) {
    return `${path} not written: ${(e as Error).message}.`;
  }
  return `${rows.length} refused ${rows.length === 1 ? 'row' : 'rows'} written to ${path}, with a Reason column; correct them and import that file again.`;
}

async function importContacts(cli: Cli, pos: string[], v: Values): Promise<void> {
  const file = resolve(need(pos, 2, 'the contacts FILE (.csv, .txt or .vcf)'));
  const dryRun = v['dry-run'] === true;
  const mapping = readMapping(v.mapping);
  const encoding = encodingOption(v.encoding);
  const refusedOut = v.refused === undefined ? null : resolve(v.refused);
  if (refusedOut) assertWritableTarget(refusedOut, 'refused.csv');
  const report = await cli.job('contact.importFile', {
    path: file,
    commit: !dryRun,
    limit: cli.json ? 1_000_000 : 10_000,
    ...(mapping ? { mapping } : {}),
    ...(encoding ? { encoding } : {}),
    ...(v.office ? { office: v.office } : {}),
    ...(v['take-file-legal-basis'] === true ? { takeFileLegalBasis: true } : {}),
  });
  if (report.needsMapping) {
    const suggestion = JSON.stringify(report.mapping, null, 2);
    throw new DatelineError(
      'INVALID_INPUT',
      `${pos[2]}: these columns are not an Outlook or Google export's, so Dateline needs to be told where each goes: ${report.headers.map((h) => `"${h}"`).join(', ')}. ` +
        `Write a mapping file (column to field: name, givenName, familyName, role, organisation, outlet, email:work, phone:mobile, notes, ignore, ...) and pass --mapping FILE.json; ` +
        `a start from the headers Dateline recognised:\n${suggestion}`,
      { params: { headers: report.headers.join(', ') } },
    );
  }
  const saved = refusedOut ? `\n${writeRefused(refusedOut, report)}` : '';
  cli.print(report, humanReport(pos[2]!, report, dryRun) + saved);
}

/** The contact filter given as options: --query, --list, --beat, --country, --language, --outlet. */
const FILTER_OPTIONS = ['query', 'list', 'beat', 'country', 'language', 'outlet'] as const;

function filterOf(v: Values): Record<string, string> {
  const f: Record<string, string> = {};
  for (const k of FILTER_OPTIONS) {
    const value = v[k];
    if (value) f[k] = value;
  }
  return f;
}

/** --separator: by name, since a bare ; ends a command in a shell. */
const SEPARATOR_OPTION: Record<string, ',' | ';' | undefined> = { comma: ',', semicolon: ';', ',': ',', ';': ';' };

async function exportContacts(cli: Cli, v: Values): Promise<void> {
  const format = v.format;
  if (format !== 'csv' && format !== 'vcf') throw new UsageError('contacts export needs --format csv or --format vcf');
  if (!v.out) throw new UsageError('contacts export needs --out FILE');
  if (v.list) {
    // A list name mistyped would otherwise write an empty file and look like success.
    const { lists } = await cli.call('contact.facets', {});
    if (!lists.includes(v.list)) {
      const known = lists.length ? `the lists in use are: ${lists.map((l) => `"${l}"`).join(', ')}` : 'no contact is on any list yet';
      throw new DatelineError('NOT_FOUND', `No contact is on a list named "${v.list}"; ${known}.`, { params: { list: v.list } });
    }
  }
  const separator = v.separator === undefined ? undefined : SEPARATOR_OPTION[v.separator];
  if (v.separator !== undefined && (format !== 'csv' || separator === undefined)) {
    throw new UsageError('contacts export takes --separator comma or --separator semicolon, with --format csv only (semicolon for French or Spanish Excel)');
  }
  const r = await cli.call('contact.exportFile', {
    format,
    out: resolve(v.out),
    ...filterOf(v),
    ...(separator ? { separator } : {}),
  });
  cli.print(r, `${r.count} contact${r.count === 1 ? '' : 's'} written to ${r.path}`);
}

export const contactsCommand: Command = {
  name: 'contacts',
  subcommands: SUBCOMMANDS,
  usage:
    '  contacts import FILE [--dry-run] [--mapping FILE.json] [--encoding E] [--office ID] [--take-file-legal-basis]\n' +
    '                   [--refused FILE.csv]\n' +
    '                                        read contacts from CSV (Outlook, Google, Excel) or vCard;\n' +
    '                                        --dry-run shows what would be created, merged and refused\n' +
    '                                        (and what is already in the library, unchanged);\n' +
    '                                        --office: theirs, and the country of phones written without one;\n' +
    '                                        --take-file-legal-basis: where a row merging into a contact states\n' +
    '                                        another legal basis, store the row\'s data-protection record\n' +
    '                                        (without it, the contact\'s is kept and the row says so);\n' +
    '                                        --refused: write the refused rows and their reasons to FILE.csv\n' +
    '  contacts export --format csv|vcf --out FILE [--separator comma|semicolon] [FILTER]\n' +
    '  contacts list [FILTER] [--limit N] [--cursor C]\n' +
    '                                        FILTER: --query Q --list NAME --beat B --country CC --language L --outlet ID\n' +
    '  contacts show ID\n' +
    '  contacts erase ID                     erase a person at their request (no later import brings them back)\n',
  takes(pos) {
    switch (pos[1]) {
      case 'import':
        return ['dry-run', 'mapping', 'encoding', 'office', 'take-file-legal-basis', 'refused'];
      case 'export':
        return ['format', 'out', 'separator', ...FILTER_OPTIONS];
      case 'list':
        return [...FILTER_OPTIONS, 'limit', 'cursor'];
      case 'show':
      case 'erase':
        return [];
      default:
        return null;
    }
  },
  check(pos) {
    const sub = pos[1];
    if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
      throw new UsageError(sub ? `unknown contacts command "${sub}" (try: ${SUBCOMMANDS.join(', ')})` : `contacts needs a command: ${SUBCOMMANDS.join(', ')}`);
    }
    if (sub === 'import' && !pos[2]) throw new UsageError('contacts import needs a FILE (.csv, .txt or .vcf)');
    if ((sub === 'show' || sub === 'erase') && !pos[2]) throw new UsageError(`contacts ${sub} needs the contact's ID`);
  },
  writes: (pos, v) => (pos[1] === 'import' && v['dry-run'] !== true) || pos[1] === 'erase',
  async run(cli, pos, v) {
    const sub = pos[1];
    if (sub === 'import') return importContacts(cli, pos, v);
    if (sub === 'export') return exportContacts(cli, v);
    if (sub === 'show') {
      cli.print(await cli.call('contact.get', { id: need(pos, 2, 'the contact ID') }));
      return;
    }
    if (sub === 'erase') {
      const r = await cli.call('contact.erase', { id: need(pos, 2, 'the contact ID') });
      cli.print(
        r,
        `${r.id} erased: every stored version of it removed; ${r.suppressedKeys} e-mail/phone key${r.suppressedKeys === 1 ? '' : 's'} added to ${r.office === null ? "this library's own suppression record (it has no office)" : `the suppression record of ${r.office}`}, so no import brings the person back; ${r.releasesChanged} release(s), ${r.kitsChanged} kit(s) and ${r.officesChanged} office(s) no longer name them. Backups taken before still hold the data.`,
      );
      return;
    }
    if (sub === 'list') {
      const filter = filterOf(v);
      const page = await cli.call('contact.list', {
        limit: intOption(v.limit, 'limit', 1, 500) ?? 50,
        cursor: v.cursor ?? null,
        ...filter,
      });
      // Where the person works, as the contacts screen says it: the organisation typed, and the outlet picked when it is another.
      const where = (c: (typeof page.items)[number]) => [c.organisation, c.outletName !== c.organisation ? c.outletName : null].filter((w): w is string => !!w).join(', ');
      const lines = page.items.map((c) => `${c.id}  ${c.kind.padEnd(12)}  ${c.name}${where(c) ? `  (${where(c)})` : ''}`);
      const footer = page.nextCursor ? `\n${page.items.length} of ${page.total}; next page: --cursor ${page.nextCursor}` : `\n${page.total} contact${page.total === 1 ? '' : 's'}`;
      let none = 'No contacts yet. Import some with `dateline contacts import FILE`.';
      if (page.total === 0 && Object.keys(filter).length > 0) {
        // Filters that match no one are not an empty library: say how many there are.
        const all = (await cli.call('library.info', {})).counts.contact;
        if (all > 0) none = `No contact matches these filters (${all} contact${all === 1 ? '' : 's'} in the library).`;
      }
      cli.print(page, page.total === 0 ? none : lines.join('\n') + footer);
      return;
    }
    throw new UsageError(`unknown contacts command "${sub}"`);
  },
};
