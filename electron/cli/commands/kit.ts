import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SECTION_KINDS, type KitItem } from '../../shared/documents';
import { DatelineError } from '../../shared/errors';
import { embargoFileTag, EXPORT_FORMATS, sectionLabel, type ExportFormat } from '../../shared/kits/layout';
import type { KitSummary } from '../../shared/kits/contract';
import { unreadable } from '../../core/attachments/files';
import { markdownToRichText } from '../../core/markdown';
import { closePdfPrinter } from '../../core/kits/pdf';
import { toApiError } from '../../core/jobs';
import { intOption, need, UsageError, type Command, type Values } from '../cli';

/**
 * `dateline kit create|list` and `dateline export`: assembling a press kit from the command
 * line, finding it again, and writing it as DOCX, PDF, ZIP bundle and kit-lite.
 */

const LANGS = /^[a-z]{2,3}(-[A-Za-z0-9]{2,4})*(,[a-z]{2,3}(-[A-Za-z0-9]{2,4})*)*$/;
const ITEM_HELP = 'an --item is release:ID, release:ID:en,ar (chosen language versions), attachment:ID, contact:ID or section:KIND:FILE.md';

type ParsedItem = Exclude<KitItem, { kind: 'section' }> | { kind: 'section'; sectionKind: (typeof SECTION_KINDS)[number]; file: string };

function parseItem(raw: string): ParsedItem {
  const colon = raw.indexOf(':');
  const kind = colon > 0 ? raw.slice(0, colon) : '';
  const rest = colon > 0 ? raw.slice(colon + 1) : '';
  if (rest === '') throw new UsageError(`--item "${raw}": ${ITEM_HELP}`);
  switch (kind) {
    case 'release': {
      const last = rest.lastIndexOf(':');
      if (last > 0 && LANGS.test(rest.slice(last + 1))) {
        return { kind: 'release', id: rest.slice(0, last), languages: rest.slice(last + 1).split(',') };
      }
      return { kind: 'release', id: rest };
    }
    case 'attachment':
    case 'contact':
      return { kind, id: rest };
    case 'section': {
      const sep = rest.indexOf(':');
      const sectionKind = sep > 0 ? rest.slice(0, sep) : '';
      const file = sep > 0 ? rest.slice(sep + 1) : '';
      if (!(SECTION_KINDS as readonly string[]).includes(sectionKind) || file === '') {
        throw new UsageError(`--item "${raw}": a section is section:KIND:FILE.md with KIND one of ${SECTION_KINDS.join(', ')}`);
      }
      return { kind: 'section', sectionKind: sectionKind as (typeof SECTION_KINDS)[number], file };
    }
    default:
      throw new UsageError(`--item "${raw}": ${ITEM_HELP}`);
  }
}

function readSection(item: Extract<ParsedItem, { kind: 'section' }>, language: string): KitItem {
  let text: string;
  try {
    const st = statSync(item.file);
    if (!st.isFile()) throw new DatelineError('NOT_A_FILE', `${item.file} is not a file; a section is written in a Markdown file.`, { params: { path: item.file } });
    if (st.size > 5 * 1024 * 1024) throw new DatelineError('FILE_TOO_LARGE', `${item.file} is larger than 5 MB; a kit section is far smaller.`, { params: { path: item.file } });
    text = readFileSync(item.file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof DatelineError) throw e;
    throw unreadable(item.file, e);
  }
  // A first "# Title" line is the section's title; otherwise it is named by its kind.
  const m = /^#\s+(.+)\r?\n?/.exec(text);
  const title = m ? m[1]!.trim() : sectionLabel(item.sectionKind, language);
  return { kind: 'section', sectionKind: item.sectionKind, title, body: markdownToRichText(m ? text.slice(m[0].length) : text) };
}

function parseFormats(v: string | undefined): ExportFormat[] {
  if (v === undefined) return [...EXPORT_FORMATS];
  const list = v.split(',').map((f) => f.trim().toLowerCase()).filter((f) => f !== '');
  const bad = list.find((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
  if (bad !== undefined || list.length === 0) throw new UsageError(`--format: "${bad ?? v}" is not a format; use any of ${EXPORT_FORMATS.join(',')}`);
  return [...new Set(list)] as ExportFormat[];
}

const SUBCOMMANDS = ['create', 'list'] as const;

/** One line per kit: id, items, last change, embargo, title (the title last: it may hold anything). */
function kitLine(k: KitSummary): string {
  const items = `${k.itemCount} item${k.itemCount === 1 ? '' : 's'}`;
  const embargo = k.embargo ? `  ${embargoFileTag(k.embargo.at)}` : '';
  return `${k.id}  ${items.padEnd(9)}  ${k.updatedAt.slice(0, 16).replace('T', ' ')}${embargo}  ${k.title}`;
}

export const kitCommand: Command = {
  name: 'kit',
  subcommands: SUBCOMMANDS,
  usage:
    '  kit create --title T [--language L] [--office ID] --item KIND:ID...\n                                        assemble a press kit (items: release:ID[:en,ar], attachment:ID, contact:ID, section:KIND:FILE.md)\n' +
    '  kit list [--query Q] [--limit N] [--cursor C]\n                                        list kits, last changed first: id, items, last change, embargo, title\n',
  takes(pos) {
    if (pos[1] === 'create') return ['title', 'language', 'office', 'item'];
    return pos[1] === 'list' ? ['query', 'limit', 'cursor'] : null;
  },
  check(pos: string[], v: Values) {
    const sub = pos[1];
    if (!sub || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
      throw new UsageError(sub ? `unknown kit command "${sub}" (try: ${SUBCOMMANDS.join(', ')})` : `kit needs a command: ${SUBCOMMANDS.join(', ')}`);
    }
    if (sub === 'list') {
      intOption(v.limit, 'limit', 1, 500);
      return;
    }
    if (!v.title || v.title.trim() === '') throw new UsageError('kit create needs --title');
    for (const raw of v.item ?? []) parseItem(raw);
  },
  writes: (pos) => pos[1] === 'create',
  async run(cli, pos, v) {
    if (pos[1] === 'list') {
      const page = await cli.call('kit.list', { limit: intOption(v.limit, 'limit', 1, 500) ?? 50, cursor: v.cursor ?? null, ...(v.query ? { query: v.query } : {}) });
      const footer = page.nextCursor ? `\n${page.items.length} of ${page.total}; next page: --cursor ${page.nextCursor}` : `\n${page.total} kit${page.total === 1 ? '' : 's'}`;
      const none = v.query ? `No kit matches "${v.query}".` : 'No kits yet. Assemble one with `dateline kit create --title T --item KIND:ID...`.';
      cli.print(page, page.total === 0 ? none : page.items.map(kitLine).join('\n') + footer);
      return;
    }
    const language = v.language ?? 'en';
    const items = (v.item ?? []).map(parseItem).map((it) => (it.kind === 'section' ? readSection(it, language) : it));
    // Every item is checked before the kit is stored, so a typo in an id stores nothing.
    for (const it of items) {
      if (it.kind === 'attachment') await cli.call('attachment.get', { id: it.id });
      if (it.kind === 'contact') await cli.call('contact.get', { id: it.id });
      if (it.kind === 'release') {
        const versions = await cli.call('release.versions', { id: it.id });
        const missing = (it.languages ?? []).find((l) => !versions.some((x) => x.language === l));
        if (missing) {
          throw new DatelineError('NOT_FOUND', `Release ${it.id} has no "${missing}" version (it has: ${versions.map((x) => x.language).join(', ')}).`, {
            params: { id: it.id, language: missing },
          });
        }
      }
    }
    const created = await cli.call('kit.create', {
      title: need([v.title ?? ''], 0, '--title'),
      language,
      ...(v.office ? { office: v.office } : {}),
      items,
    });
    cli.print(created);
  },
};

/**
 * The core asks to confirm an embargoed export, which the app does with a button; here the
 * confirmation is a flag, so the refusal names it.
 */
function confirmByFlag(e: unknown): unknown {
  const err = toApiError(e);
  if (err.code !== 'INVALID_INPUT' || err.params?.reason !== 'embargo') return e;
  return new DatelineError(err.code, `${err.message} To export it, run the command again with --confirm-embargo.`, {
    ...(err.path ? { path: err.path } : {}),
    ...(err.params ? { params: err.params } : {}),
  });
}

export const exportCommand: Command = {
  name: 'export',
  usage:
    '  export KIT_ID [--format docx,pdf,zip,lite] [--out DIR] [--confirm-embargo]\n                                        write a kit as Word, PDF, ZIP bundle and kit-lite (default: all four, here); a kit under embargo needs --confirm-embargo\n',
  takes: () => ['format', 'out', 'confirm-embargo'],
  check(pos: string[], v: Values) {
    if (!pos[1]) throw new UsageError('export needs the KIT_ID (see `dateline kit create`)');
    if (pos.length > 2) throw new UsageError(`export takes one KIT_ID, not "${pos.slice(1).join(' ')}"`);
    parseFormats(v.format);
  },
  // It writes files, never the library.
  writes: () => false,
  async run(cli, pos, v, io) {
    const formats = parseFormats(v.format);
    try {
      const result = await cli.job('kit.export', { id: need(pos, 1, 'the KIT_ID'), formats, outDir: resolve(v.out ?? '.'), confirmEmbargo: v['confirm-embargo'] }).catch((e: unknown) => {
        throw confirmByFlag(e);
      });
      if (!cli.json) for (const w of result.warnings) io.err(`warning: ${w.message}\n`);
      cli.print(
        result.files,
        result.files.map((f) => f.path).join('\n'),
      );
    } finally {
      await closePdfPrinter();
    }
  },
};
