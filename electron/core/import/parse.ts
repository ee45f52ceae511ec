import { marked } from 'marked';
import { DatelineError } from '../../shared/errors';
import type { ImportConfidence, ImportFormat, ImportSourceBlock, ImportedContact, ImportedRelease } from '../../shared/import/contract';
import { copiedDateStamp, textToBlocks, wrapWidth, type Block } from './blocks';
import { docxToHtml } from './docx';
import { extractRelease, type ExtractOptions, type PageMeta } from './extract';
import { blocksToHtml, readHtml, sourceBlocks } from './html';
import { cleanLine, decodeText, withoutControls } from './normalise';
import { checkCleanText, checkRoughText } from './text-size';
import { TEXT_NODE_MAX_CHARS } from '../../shared/richtext';
import type { Warning } from '../../shared/warnings';

/**
 * The whole reading of one source, with no store and no I/O: bytes or text in, a draft out.
 * The worker runs this; tests call it directly.
 */

export interface ParseInput {
  name: string;
  bytes?: Uint8Array;
  text?: string;
  html?: string;
  mediaType?: string;
  /** Read the page even when it looks like no release (the person said so after a refusal). */
  allowNotARelease?: boolean;
}

export interface Parsed {
  name: string;
  format: ImportFormat;
  size: number;
  release: ImportedRelease;
  contacts: ImportedContact[];
  source: { blocks: ImportSourceBlock[]; html: string };
  warnings: Warning[];
  confidence: ImportConfidence;
}

const HTML_LIKE = /^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])|<(?:p|div|h1|h2|article|main|table|br)[\s>/]/iu;

export function formatOf(name: string, mediaType: string | undefined, bytes: Uint8Array): ImportFormat {
  const ext = name.toLowerCase().match(/\.([a-z0-9]{1,8})$/u)?.[1] ?? '';
  if (ext === 'docx' || ext === 'docm' || ext === 'dotx' || ext === 'doc') return 'docx';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || ext === 'mht') return 'html';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'txt' || ext === 'text') return 'text';
  if (mediaType?.includes('html')) return 'html';
  if (mediaType?.includes('markdown')) return 'markdown';
  if (mediaType?.includes('wordprocessingml') || mediaType === 'application/msword') return 'docx';
  // No telling name: the bytes decide (a zip or an OLE file is a Word file, else text or HTML).
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'docx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return 'docx';
  return 'text';
}

function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]{2,30})/iu)?.[1] ?? null;
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  return controls > sample.length * 0.02;
}

const clip = (s: string | null, max: number): string | null => (s === null ? null : s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * A paragraph as pieces a text node holds: the cleaned text is at most as long as one node, but a
 * paragraph the reading joined from lines gains a space per line, so it is split at a space, never cut.
 */
function inPieces(p: string): string[] {
  const pieces: string[] = [];
  let rest = p;
  while (rest.length > TEXT_NODE_MAX_CHARS) {
    const space = rest.lastIndexOf(' ', TEXT_NODE_MAX_CHARS);
    const at = space > 0 ? space : TEXT_NODE_MAX_CHARS;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  return [...pieces, rest];
}

/** Holds what was found to the sizes the release document allows; an absurd "headline" is no headline. */
function conform(r: ImportedRelease): ImportedRelease {
  return {
    ...r,
    headline: r.headline !== null && r.headline.length > 500 ? null : r.headline,
    subheadline: clip(r.subheadline, 1000),
    datelinePlace: clip(r.datelinePlace, 200),
    embargo: r.embargo ? { ...r.embargo, text: clip(r.embargo.text, 1000)! } : null,
    body: r.body.flatMap(inPieces).slice(0, 5000),
    quotes: r.quotes.slice(0, 500).map((q) => ({ speaker: clip(q.speaker, 200), ...(q.role ? { role: clip(q.role, 300) } : {}), text: clip(q.text, 10_000)! })),
    notesToEditors: clip(r.notesToEditors, 50_000),
    boilerplate: clip(r.boilerplate, 20_000),
  };
}

function conformContact(c: ImportedContact): ImportedContact {
  return { name: clip(c.name, 300), role: clip(c.role, 300), organisation: clip(c.organisation, 300), email: c.email && c.email.length <= 320 ? c.email : null, phone: clip(c.phone, 40) };
}

function finish(name: string, format: ImportFormat, size: number, blocks: Block[], meta: PageMeta, options: ExtractOptions): Parsed {
  checkCleanText(name, blocks.map((b) => b.text));
  const extracted = extractRelease(blocks, meta, options);
  const release = conform(extracted.release);
  const contacts = extracted.contacts.slice(0, 50).map(conformContact);
  const warnings = extracted.warnings;
  return { name, format, size, release, contacts, source: { blocks: sourceBlocks(blocks), html: blocksToHtml(blocks) }, warnings, confidence: extracted.confidence };
}

export async function parseSource(input: ParseInput): Promise<Parsed> {
  const name = input.name;
  const options: ExtractOptions = { allowNotARelease: input.allowNotARelease === true };
  // Control characters are left out of the text before it is read, so no field, block or
  // export of the release carries them (the original, kept as an attachment, is untouched).
  if (input.text !== undefined) {
    const text = withoutControls(input.text);
    const format: ImportFormat = HTML_LIKE.test(text.slice(0, 5000)) ? 'html' : 'text';
    const size = Buffer.byteLength(input.text, 'utf8');
    if (text.trim() === '') throw new DatelineError('EMPTY_FILE', 'The pasted text is empty.');
    checkRoughText(name, text, format === 'html');
    if (format === 'html') {
      const r = readHtml(text, { page: true });
      return finish(name, 'html', size, r.blocks, r.meta, options);
    }
    return finishText(name, size, text, options);
  }
  if (input.html !== undefined) {
    const html = withoutControls(input.html);
    if (html.trim() === '') throw new DatelineError('EMPTY_FILE', 'The pasted HTML is empty.');
    checkRoughText(name, html, true);
    const r = readHtml(html, { page: true });
    return finish(name, 'html', Buffer.byteLength(input.html, 'utf8'), r.blocks, r.meta, options);
  }
  const bytes = input.bytes ?? new Uint8Array();
  if (bytes.length === 0) throw new DatelineError('EMPTY_FILE', `"${name}" is empty (0 bytes); there is nothing to import.`, { params: { name } });
  const format = formatOf(name, input.mediaType, bytes);
  if (format === 'docx') {
    const html = withoutControls(await docxToHtml(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    checkRoughText(name, html, true);
    const r = readHtml(html, { page: false });
    return finish(name, 'docx', bytes.length, r.blocks, {}, options);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03) {
    throw new DatelineError('FILE_UNREADABLE', `"${name}" is a zip archive, not a text or web page; a Word file must end in .docx.`, { params: { name, reason: 'zipNotDocx' } });
  }
  const decoded = decodeText(bytes, format === 'html' ? declaredCharset(bytes) : null);
  if (looksBinary(decoded)) {
    throw new DatelineError('FILE_UNREADABLE', `"${name}" is not text (it holds binary data); import a .docx, .html, .md or .txt file.`, { params: { name, reason: 'binary' } });
  }
  const text = withoutControls(decoded);
  if (text.trim() === '') throw new DatelineError('EMPTY_FILE', `"${name}" has no text in it.`, { params: { name } });
  // Markdown's markup is a few characters a line: measured as text, as plain text is.
  checkRoughText(name, text, format === 'html');
  if (format === 'html') {
    const r = readHtml(text, { page: true });
    return finish(name, 'html', bytes.length, r.blocks, r.meta, options);
  }
  if (format === 'markdown') {
    // Raw HTML in Markdown goes through the same cleaning as a web page's.
    // A line break means a new line (contact blocks), unless the file was wrapped at a width.
    // "###" alone on its line is the release's end mark, which Markdown would read as an empty
    // heading and drop: written out as the characters it is.
    const md = text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/^([ \t]{0,3})(#{3,})[ \t]*$/gm, (_, indent: string, marks: string) => `${indent}${marks.replace(/#/g, '\\#')}`);
    const breaks = wrapWidth(md.split('\n').map(cleanLine)) === null;
    const html = marked.parse(md, { async: false, gfm: true, breaks });
    const r = readHtml(html, { page: false });
    return finish(name, 'markdown', bytes.length, r.blocks, {}, options);
  }
  return finishText(name, bytes.length, text, options);
}

/** Plain text: a date stamp the copy opens with is the page's metadata, not its first line. */
function finishText(name: string, size: number, text: string, options: ExtractOptions): Parsed {
  const stamp = copiedDateStamp(text);
  return finish(name, 'text', size, textToBlocks(stamp.text), { copiedIso: stamp.dateIso }, options);
}
