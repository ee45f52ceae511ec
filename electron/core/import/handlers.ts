import { DatelineError } from '../../shared/errors';
import { IMPORT_MAX_BYTES, type IMPORT_API, type ImportContactRead, ImportedContactSchema, ImportedReleaseSchema, type ImportPreview, type ImportPreviewInput, type ImportSource } from '../../shared/import/contract';
import type { Handlers } from '../dispatcher';
import type { CoreContext } from '../context';
import { commitImport, matchContact, sourceFile } from './commit';
import { findDuplicate } from './duplicate';
import { extractContacts, leadingName } from './contacts';
import type { ParseInput } from './parse';
import { quoteSpeakerIn } from './quote-line';
import { parseInWorker } from './run';

/**
 * import.preview parses in a worker and only reads the library (to say which contacts already
 * exist); import.commit is the one place an import writes.
 */

function parseInputOf(source: ImportSource): ParseInput {
  if (source.data !== undefined) {
    const name = source.name ?? 'file';
    const bytes = Buffer.from(source.data, 'base64');
    if (bytes.length > IMPORT_MAX_BYTES) {
      throw new DatelineError('FILE_TOO_LARGE', `"${name}" is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; a release is far smaller.`, { params: { name, limit: IMPORT_MAX_BYTES, reason: 'importTooLarge' } });
    }
    return { name, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), ...(source.mediaType ? { mediaType: source.mediaType } : {}) };
  }
  if (source.html !== undefined) return { name: source.name ?? 'pasted page', html: source.html };
  return { name: source.name ?? 'pasted text', text: source.text ?? '' };
}

export async function previewImport(input: ImportPreviewInput, ctx: CoreContext): Promise<ImportPreview> {
  const started = performance.now();
  const { allowNotARelease, ...source } = input;
  const parsed = await parseInWorker({ ...parseInputOf(source), ...(allowNotARelease ? { allowNotARelease: true } : {}) });
  // The worker is ours, but its output crosses a thread: hold it to the contract.
  const release = ImportedReleaseSchema.parse(parsed.release);
  const contacts = parsed.contacts.map((c) => {
    const contact = ImportedContactSchema.parse(c);
    return { ...contact, match: matchContact(ctx, contact.email, contact.phone) };
  });
  return {
    name: parsed.name,
    format: parsed.format,
    size: parsed.size,
    release,
    contacts,
    source: parsed.source,
    warnings: parsed.warnings,
    confidence: parsed.confidence,
    elapsedMs: Math.round(performance.now() - started),
    duplicate: findDuplicate(ctx, release, sourceFile(source).bytes),
  };
}

/**
 * The people in one line the person picked from the source: the importer's contact reader, so a
 * sentence ("For further information please contact …") gives the person in it, not itself as
 * a name. A line with a name and no details gives the name alone. One short line of text, read
 * here rather than in the worker: the reader's patterns are bounded (test/core/regex-safety).
 */
export function readContactLine(text: string, ctx: CoreContext): ImportContactRead[] {
  const found = extractContacts([[text]]);
  const named = leadingName(text.replace(/^[^:：]{1,60}[:：]\s*/u, '').split(/[,;،؛|]/u)[0]!);
  const people = found.length > 0 ? found : named ? [{ name: named.name, role: null, organisation: null, email: null, phone: null }] : [];
  return people.flatMap((c) => {
    const contact = ImportedContactSchema.safeParse(c);
    return contact.success ? [{ ...contact.data, match: matchContact(ctx, contact.data.email, contact.data.phone) }] : [];
  });
}

export const importHandlers: Pick<Handlers, keyof typeof IMPORT_API> = {
  'import.preview': (input, ctx) => previewImport(input, ctx),
  'import.commit': (input, ctx) => commitImport(input, ctx),
  'import.readContact': (input, ctx) => readContactLine(input.text, ctx),
  // A few lines of bounded length, read here rather than in the worker, as a contact line is (test/import/read-quote.test.ts times the worst).
  'import.readQuote': (input) => quoteSpeakerIn(input.lines, input.index),
};
