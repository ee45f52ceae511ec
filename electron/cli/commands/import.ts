import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isDatelineError, type ApiError } from '../../shared/errors';
import { headlineHasLetters, IMPORT_MAX_BYTES, type ImportCommitted, type ImportConfidence, type ImportDuplicate, type ImportedContact, type ImportedRelease, type ImportPreview } from '../../shared/import/contract';
import { unreadable } from '../../core/attachments/files';
import { toApiError } from '../../core/jobs';
import { DatelineError } from '../../shared/errors';
import { UsageError, type Cli, type Command } from '../cli';

/**
 * `dateline import release FILE... [--dry-run] [--allow-duplicate] [--allow-not-a-release] [--json]`:
 * reads releases from Word files, web pages, Markdown and text. The command line is the person's
 * confirmation, so without --dry-run each file's release, contacts and original are stored; with
 * it nothing is. A release the library already holds is skipped (error DUPLICATE) unless
 * --allow-duplicate; a page Dateline takes for a list of stories, or for no release at all, is
 * refused (error NOT_A_RELEASE) unless --allow-not-a-release.
 */

type FileResult =
  | {
      file: string;
      ok: true;
      release: ImportedRelease;
      contacts: ImportedContact[];
      warnings: string[];
      confidence: ImportConfidence;
      duplicate: ImportDuplicate | null;
      id?: string;
    }
  | { file: string; ok: false; error: { code: string; message: string } };

async function readSource(path: string): Promise<{ name: string; data: string }> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw unreadable(path, e);
  }
  if (info.isDirectory()) throw new DatelineError('NOT_A_FILE', `${path} is a folder; give the files inside it.`, { params: { path } });
  if (!info.isFile()) throw new DatelineError('NOT_A_FILE', `${path} is not a regular file.`, { params: { path } });
  if (info.size === 0) throw new DatelineError('EMPTY_FILE', `${path} is empty (0 bytes); there is nothing to import.`, { params: { path } });
  if (info.size > IMPORT_MAX_BYTES) {
    throw new DatelineError('FILE_TOO_LARGE', `${path} is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; a release is far smaller.`, { params: { path } });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    // A file stat can see but this user may not open.
    throw unreadable(path, e);
  }
  return { name: basename(path), data: bytes.toString('base64') };
}

function contactLine(c: ImportedContact & { match?: { name: string } | null }): string {
  const parts = [c.name ?? '(no name)', c.role, c.organisation, c.email ? `<${c.email}>` : null, c.phone].filter(Boolean);
  return `${parts.join(', ')}${c.match ? `  (matches existing contact ${c.match.name})` : ''}`;
}

function alreadyStored(d: ImportDuplicate): string {
  return `Already in the library: "${d.headline}" (${d.id}), stored ${d.storedAt.slice(0, 10)}`;
}

function human(file: string, preview: ImportPreview, committed: ImportCommitted | null): string {
  const r = preview.release;
  const lines = [
    committed ? `${file}: stored as ${committed.id}` : `${file}: read (not stored: --dry-run)`,
    `  Headline:     ${r.headline ?? '(none found)'}`,
  ];
  if (r.subheadline) lines.push(`  Subheadline:  ${r.subheadline}`);
  lines.push(`  Dateline:     ${[r.datelinePlace, r.releaseDate].filter(Boolean).join(', ') || '(none found)'}`);
  if (r.embargo) lines.push(`  Embargo:      ${r.embargo.at ?? '(time not read)'}${r.embargo.timeZone ? ` (${r.embargo.timeZone})` : ''}  "${r.embargo.text}"`);
  lines.push(`  Language:     ${r.language}; ${r.body.length} paragraph${r.body.length === 1 ? '' : 's'}, ${r.quotes.length} quote${r.quotes.length === 1 ? '' : 's'}`);
  for (const q of r.quotes) {
    const who = `${q.speaker ?? '(speaker not named)'}${q.speaker && q.role ? ` (${q.role})` : ''}`;
    lines.push(`  Quote:        ${who}: "${q.text.length > 80 ? `${q.text.slice(0, 79)}…` : q.text}"`);
  }
  if (r.notesToEditors) lines.push(`  Notes:        ${r.notesToEditors.split('\n')[0]!.slice(0, 80)}`);
  if (r.boilerplate) lines.push(`  Boilerplate:  ${r.boilerplate.split('\n')[0]!.slice(0, 80)}`);
  if (r.endMark) lines.push(`  End mark:     ${r.endMark}`);
  if (preview.contacts.length === 0) lines.push('  Contacts:     (none found)');
  for (const c of preview.contacts) lines.push(`  Contact:      ${contactLine(c)}`);
  for (const w of preview.warnings) lines.push(`  Note:         ${w.message}`);
  if (preview.duplicate) lines.push(`  Note:         ${alreadyStored(preview.duplicate)}`);
  if (committed) {
    const made = committed.contacts.filter((c) => c.created).length;
    lines.push(`  Stored:       ${made} new contact${made === 1 ? '' : 's'}, ${committed.contacts.length - made} matched; original kept as ${committed.attachment.id}`);
  }
  return lines.join('\n');
}

export const importCommand: Command = {
  name: 'import',
  subcommands: ['release'],
  usage:
    '  import release FILE... [--dry-run] [--allow-duplicate] [--allow-not-a-release]\n' +
    '                                        read releases from .docx, .html, .md or .txt files and store them\n' +
    '                                        (--dry-run: show what would be stored, store nothing;\n' +
    '                                        a release already in the library is skipped unless --allow-duplicate;\n' +
    '                                        a page that looks like a list of stories, or like no release, is\n' +
    '                                        refused unless --allow-not-a-release, which reads it as a release)\n',
  takes: (pos) => (pos[1] === 'release' ? ['dry-run', 'allow-duplicate', 'allow-not-a-release'] : null),
  check(pos) {
    const sub = pos[1];
    if (sub !== 'release') throw new UsageError(sub ? `unknown import command "${sub}" (try: import release FILE...)` : 'import needs a command: import release FILE...');
    if (pos.length < 3) throw new UsageError('import release needs at least one FILE (.docx, .html, .htm, .md or .txt)');
  },
  writes: (_pos, values) => values['dry-run'] !== true,
  async run(cli: Cli, pos, values, io) {
    const dryRun = values['dry-run'] === true;
    const allowNotARelease = values['allow-not-a-release'] === true;
    const files = pos.slice(2);
    const results: FileResult[] = [];
    for (const file of files) {
      if (cli.stopped) break;
      try {
        const source = await readSource(file);
        const preview = await cli.call('import.preview', { ...source, allowNotARelease });
        let committed: ImportCommitted | null = null;
        if (!dryRun) {
          // import.commit refuses a headline with no letters in words meant for the review
          // screen ("write the headline before storing"); here there is nowhere to write it.
          if (!headlineHasLetters(preview.release.headline)) {
            throw new DatelineError(
              'INVALID_INPUT',
              "no headline was found in it, so it was not stored. Put the headline on the file's first line, or open the file on the Import screen and write the headline there.",
            );
          }
          committed = await cli.call('import.commit', {
            release: preview.release,
            contacts: preview.contacts.map(({ name, role, organisation, email, phone }) => ({ name, role, organisation, email, phone })),
            source,
            allowDuplicate: values['allow-duplicate'] === true,
          });
        }
        const contacts = preview.contacts.map(({ name, role, organisation, email, phone }) => ({ name, role, organisation, email, phone }));
        results.push({ file, ok: true, release: preview.release, contacts, warnings: preview.warnings.map((w) => w.message), confidence: preview.confidence, duplicate: preview.duplicate, ...(committed ? { id: committed.id } : {}) });
        if (!cli.json) io.out(`${human(file, preview, committed)}\n\n`);
      } catch (e) {
        const err: ApiError = isDatelineError(e) ? e.toApiError() : toApiError(e);
        results.push({ file, ok: false, error: { code: err.code, message: err.message } });
        if (!cli.json) io.out(`${file}: error ${err.code}: ${err.message}\n\n`);
      }
    }
    if (cli.json) cli.print(results);
    if (cli.stopped) {
      // Each file is stored on its own: those before Ctrl+C stay stored, the rest were not begun.
      const stored = results.filter((r) => r.ok).length;
      const kept = dryRun || stored === 0 ? 'nothing was stored' : `the ${stored === 1 ? 'release' : `${stored} releases`} stored before ${stored === 1 ? 'stays' : 'stay'} in the library, the other files were not imported`;
      throw new DatelineError(
        'CANCELLED',
        `Stopped (Ctrl+C) after ${results.length} of ${files.length} files; ${kept}.`,
        { params: { what: 'job' } },
      );
    }
    const failed = results.filter((r): r is Extract<FileResult, { ok: false }> => !r.ok);
    if (failed.length > 0) {
      // Files already in the library are said apart from files that could not be read.
      const skipped = failed.filter((r) => r.error.code === 'DUPLICATE').length;
      const broken = failed.length - skipped;
      const notReleases = failed.filter((r) => r.error.code === 'NOT_A_RELEASE').length;
      const parts = [
        broken === files.length
          ? `${broken === 1 ? 'the file' : `all ${broken} files`} could not be imported`
          : broken > 0
            ? `${broken} of ${files.length} files could not be imported`
            : null,
        skipped > 0 ? `${files.length === 1 ? 'the release' : `${skipped} of ${files.length}`} ${skipped === 1 ? 'was' : 'were'} already in the library and skipped (--allow-duplicate stores ${skipped === 1 ? 'it' : 'them'} anyway)` : null,
        // The importer can take a release for a list of stories; the person who knows better says so.
        notReleases > 0 ? `${files.length === 1 ? 'it was' : notReleases === 1 ? 'one was' : `${notReleases} were`} refused as no single release (--allow-not-a-release reads ${notReleases === 1 ? 'it' : 'them'} as a release anyway)` : null,
      ].filter(Boolean);
      const rest = files.length - failed.length;
      const others = rest === 0 ? (dryRun ? '' : '; nothing was stored') : `; the others were ${dryRun ? 'read' : 'stored'}`;
      const first = failed.find((r) => r.error.code !== 'DUPLICATE') ?? failed[0]!;
      throw new DatelineError(first.error.code as ApiError['code'], `${parts.join('; ')}${others}.`);
    }
  },
};
