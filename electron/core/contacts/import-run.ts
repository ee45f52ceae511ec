import type Database from 'better-sqlite3';
import { TextDecoder } from 'node:util';
import { recogniseHeaders, type ColumnMapping, type HeaderSet } from '../../shared/contacts/columns';
import type { ContactImportReport, ImportDecision, TextEncodingName } from '../../shared/contacts/bulk-contract';
import { cancelledError, DatelineError } from '../../shared/errors';
import { jobStep } from '../../shared/library/job-steps';
import type { JobHandle } from '../jobs';
import { holdTransaction } from '../store/held-transaction';
import type { CoreContext } from '../context';
import type { ByteSource } from './byte-source';
import { CsvReader } from './csv-parse';
import { assertText, ChunkDecoder, detectEncoding } from './encoding';
import { isProblem, planColumns, rowName, rowToContact, type ColumnPlan } from './row-to-contact';
import { ContactStager } from './stage';
import { suppressionCheck } from './suppression';
import { VcardReader } from './vcard-parse';
import { officeCountry } from './write';
import { isCardProblem, vcardToContact } from './vcard-to-contact';
import { refOf } from '../../shared/contacts/row-notes';

/**
 * One contacts import, CSV or vCard, from the first byte to the report: detect the format and
 * encoding, decode chunk by chunk, read records, turn each into a contact or a reason, and
 * stage it. All of it runs in one SQLite transaction; without `commit` the transaction is
 * rolled back at the end, so the preview reports exactly what the commit will do.
 */

export interface ImportOptions {
  encoding?: TextEncodingName | undefined;
  mapping?: ColumnMapping | undefined;
  decisions?: Record<string, ImportDecision> | undefined;
  takeFileLegalBasis?: boolean | undefined;
  commit: boolean;
  expectSha256?: string | undefined;
  office?: string | undefined;
  limit: number;
}

const SAMPLE_ROWS = 8;
/**
 * Bytes decoded and handed to the reader at a time; progress and a cancel are heard between
 * pieces (some hundreds of rows). Small, so that each piece's text is an ordinary young string
 * that dies with its rows: a whole megabyte read from the file, decoded at once, went straight
 * to V8's large-object space, which only a full collection frees, and the bench's 100,000-row
 * import left 36 MB of such text (two bytes a character) among the garbage that made its peak
 * memory grow with the file.
 */
const PIECE_BYTES = 32 * 1024;
/** The start of the file decoded first: at least the 64K characters checked for binary content, whatever the encoding. */
const HEAD_BYTES = 256 * 1024;

/** Byte for byte, so that a control byte is found at its offset whatever the file's encoding. */
const LATIN1 = new TextDecoder('latin1');

/** Waits for the event loop to run once: progress events go out, a cancel comes in. */
const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs an import as a job: progress (bytes read of the file's size, and rows read) between
 * slices of the file, and a cancel heard there, which rolls the one transaction back, so
 * nothing is half-stored. Without a job (a bare call) it runs the same way, unreported.
 */
export async function runContactImport(ctx: CoreContext, source: ByteSource, opts: ImportOptions, job: JobHandle | null): Promise<ContactImportReport> {
  const db = ctx.library.db;
  // Said from the start, so that even a file refused at once is not reported as an import when it was a preview.
  job?.progress(0, source.size, jobStep('CONTACTS_READING', { count: 0, preview: !opts.commit }));
  try {
    return await holdTransaction(db, () => withSmallCache(db, () => readAndStage(ctx, source, opts, job)), (r) => opts.commit && !r.needsMapping);
  } finally {
    source.close();
  }
}

/**
 * SQLite's page cache while an import writes, in KiB. The library's cache (32 MB) fills as the
 * import's writes grow the file, so the peak memory of an import grew with its size up to that
 * much; a bulk write gains nothing from it (pages it changes beyond the cache go to the WAL
 * early, as they would at the commit). Measured on the bench's 100,000 rows: peak 208 MB with
 * the library's cache and 184 MB with this one when the heap is capped (239 and 299 MB against
 * 224 and 230 MB when it is not), and no more CPU time (14.0 and 14.1 s against 14.0 and 12.6 s).
 */
const IMPORT_CACHE_KIB = 8192;

/** Runs `work` (inside the held transaction: one import at a time) with the import's cache, then restores the library's. */
async function withSmallCache<T>(db: Database.Database, work: () => Promise<T>): Promise<T> {
  const before = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    db.pragma(`cache_size = ${before}`);
  }
}

/**
 * The office of an import and the country its phones are read in: the office chosen, or
 * else the library's only office for the country alone.
 */
function importOffice(ctx: CoreContext, chosen: string | undefined): { office: string | null; country: string | null } {
  if (chosen !== undefined) {
    ctx.library.docs.require(chosen, 'office');
    return { office: chosen, country: officeCountry(ctx, chosen) };
  }
  const only = ctx.library.db.prepare<[], { id: string }>('SELECT d.id FROM office_p p JOIN docs d ON d.rowid = p.doc_rowid LIMIT 2').all();
  return { office: null, country: only.length === 1 ? officeCountry(ctx, only[0]!.id) : null };
}

async function readAndStage(ctx: CoreContext, source: ByteSource, opts: ImportOptions, job: JobHandle | null): Promise<ContactImportReport> {
  const first = source.next();
  if (first === null) throw new DatelineError('EMPTY_FILE', `${source.label} is empty; there are no contacts in it.`);
  const detected = detectEncoding(first);
  if (opts.encoding === undefined && detected.mixedAt !== undefined) {
    // A binary file (a photo or spreadsheet renamed .csv) also has high bytes that happen to form UTF-8 characters: say what it is first.
    assertText(LATIN1.decode(first.subarray(0, 65536)), source.label);
    const line = first.subarray(0, detected.mixedAt).reduce((n, b) => (b === 10 ? n + 1 : n), 1);
    throw new DatelineError(
      'INVALID_INPUT',
      `The file mixes encodings: it has UTF-8 text, but line ${line} holds bytes that are not UTF-8. Choose the encoding it was mostly saved in (the other part will look wrong), or save it again as UTF-8.`,
      { params: { reason: 'mixedEncodings', line } },
    );
  }
  const encoding = opts.encoding ?? detected.encoding;
  const skip = opts.encoding === undefined || opts.encoding === detected.encoding ? detected.bom : 0;
  const decoder = new ChunkDecoder(encoding, opts.encoding === undefined);
  const headEnd = Math.min(first.length, skip + HEAD_BYTES);
  const headText = decoder.decode(first.subarray(skip, headEnd), false);
  assertText(headText.slice(0, 65536), source.label);
  const format: 'csv' | 'vcard' = /^\s*BEGIN:VCARD/i.test(headText) ? 'vcard' : 'csv';

  const stager = new ContactStager(ctx.library.db, ctx.library.docs, ctx.blobs, { author: ctx.library.author }, {
    decisions: opts.decisions ?? {},
    takeFileLegalBasis: opts.takeFileLegalBasis ?? false,
    limit: opts.limit,
    isSuppressed: suppressionCheck(ctx),
    ...importOffice(ctx, opts.office),
  });

  let headers: string[] = [];
  let headerSet: HeaderSet | null = null;
  let mapping: ColumnMapping = {};
  let plan: ColumnPlan | null = null;
  let needsMapping = false;
  const sample: string[][] = [];
  let stopReading = false;
  let blank = 0;
  /** Columns left out not yet seen holding a value, and those seen so. */
  let leftOutUnseen: number[] = [];
  const leftOutSeen = new Set<number>();

  let push: (text: string) => void;
  let end: () => void;
  let csv: CsvReader | null = null;
  if (format === 'csv') {
    const reader = (csv = new CsvReader((cells, r) => {
      // A blank row is passed over: counted after the header, and before it not even that (the header is the first row with words).
      if (cells.every((c) => c.trim() === '')) {
        if (headers.length > 0) blank++;
        return;
      }
      if (headers.length === 0) {
        headers = cells.map((c) => c.trim());
        const known = recogniseHeaders(headers);
        headerSet = known.set;
        if (opts.mapping) {
          const missing = Object.keys(opts.mapping).filter((h) => !headers.includes(h));
          if (missing.length === Object.keys(opts.mapping).length) {
            throw new DatelineError('INVALID_INPUT', `The mapping names none of the file's columns (it has: ${headers.map((h) => `"${h}"`).join(', ')}).`, {
              path: ['mapping'],
              params: { headers: headers.slice(0, 20), reason: 'mappingNoColumns' },
            });
          }
          mapping = Object.fromEntries(headers.map((h) => [h, opts.mapping![h] ?? 'ignore']));
        } else {
          mapping = known.mapping;
          needsMapping = known.set === null;
        }
        plan = planColumns(headers, mapping);
        // A label column that types an imported e-mail or phone (Google's "Phone 1 - Label": "Móvil") is read, not left out.
        const labels = new Set(plan.labelOf.filter((l, j): l is number => l !== null && plan!.targets[j] !== 'ignore'));
        leftOutUnseen = headers.flatMap((h, i) => (h !== '' && mapping[h] === 'ignore' && !labels.has(i) ? [i] : []));
        return;
      }
      if (leftOutUnseen.length > 0 && leftOutUnseen.some((i) => (cells[i] ?? '').trim() !== '')) {
        for (const i of leftOutUnseen) if ((cells[i] ?? '').trim() !== '') leftOutSeen.add(i);
        leftOutUnseen = leftOutUnseen.filter((i) => !leftOutSeen.has(i));
      }
      if (sample.length < SAMPLE_ROWS) sample.push(cells);
      if (needsMapping) {
        if (sample.length >= SAMPLE_ROWS) stopReading = true;
        return;
      }
      const c = rowToContact(cells, plan!);
      if (c === null) return;
      if (isProblem(c)) stager.refuse(r, rowName(cells, plan!), `row ${r}, column "${c.column}": ${c.reason.message}`, c.column, refOf(c.reason), cells);
      else stager.add(r, c.fields, c.outletName, c.warnings);
    }));
    push = (t) => reader.push(t);
    end = () => reader.end();
  } else {
    const reader = new VcardReader((card, n) => {
      const c = vcardToContact(card, n);
      if (isCardProblem(c)) stager.refuse(n, c.name, `card ${n}${c.name ? ` (${c.name})` : ''}: ${c.reason.message}`, c.column, refOf(c.reason));
      else stager.add(n, c.fields, c.outletName, c.warnings, c.photo);
    });
    push = (t) => reader.push(t);
    end = () => reader.end();
  }

  let read = 0;
  /** Hands text read from `bytes` to the reader, then reports and listens for a cancel. */
  const handed = async (text: string, bytes: number) => {
    push(text);
    read += bytes;
    if (!job) return;
    job.progress(read, source.size, jobStep('CONTACTS_READING', { count: stager.counts.rows, preview: !opts.commit }));
    await pause();
    if (job.signal.aborted) throw cancelledError();
  };
  /** Decodes `bytes` piece by piece; text after the first chunk is checked for the zero characters of a binary file. */
  const feed = async (bytes: Uint8Array, check: boolean) => {
    for (let at = 0; at < bytes.length && !stopReading; at += PIECE_BYTES) {
      const piece = bytes.subarray(at, at + PIECE_BYTES);
      const text = decoder.decode(piece, false);
      if (check && text.includes('\u0000')) assertText(text, source.label);
      await handed(text, piece.length);
    }
  };
  await handed(headText, headEnd);
  await feed(first.subarray(headEnd), false);
  for (let chunk = source.next(); chunk !== null; chunk = source.next()) {
    if (stopReading) continue; // still hashed, not read
    await feed(chunk, true);
  }
  if (!stopReading) {
    push(decoder.decode(new Uint8Array(0), true));
    end();
  }
  stager.finish();
  const sha256 = source.sha256();
  if (opts.expectSha256 && opts.expectSha256 !== sha256) {
    throw new DatelineError('CONFLICT', `${source.label} changed since it was previewed; preview it again before importing.`, { params: { reason: 'changedSincePreview' } });
  }
  if (format === 'csv' && headers.length === 0) throw new DatelineError('EMPTY_FILE', `${source.label} has no header row; there are no contacts in it.`);
  return {
    format,
    encoding,
    separator: csv?.separator ?? null,
    headers,
    headerSet,
    mapping,
    needsMapping,
    blank,
    sha256,
    sample,
    leftOut: [...leftOutSeen].sort((a, b) => a - b).map((i) => headers[i]!),
    ...stager.counts,
    outcomes: stager.outcomes,
    more: stager.more,
    committed: opts.commit && !needsMapping,
  };
}
