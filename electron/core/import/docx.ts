import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { DatelineError } from '../../shared/errors';

/**
 * Word files. A .docx is a zip archive of XML parts; before mammoth sees one, the archive is
 * inspected: it must be a zip (not an old .doc, a password-protected file, a PDF or a picture
 * renamed), hold a sensible number of entries, not inflate to a bomb, carry no DTD (XXE) and
 * no tables nested absurdly deep. Only then is it converted, with images and any external
 * file access switched off.
 */

export const DOCX_LIMITS = {
  entries: 2000,
  /** What the archive claims it inflates to, all entries together. */
  totalUncompressed: 300 * 1024 * 1024,
  /** Each XML part mammoth reads, inflated for real (not as claimed). */
  xmlPart: 40 * 1024 * 1024,
  /** Ratio past which an entry is a bomb rather than well-compressed XML. */
  ratio: 200,
  tableDepth: 40,
  tables: 20_000,
};

/**
 * What a file named .docx turned out to be, for the words the window gives it: locked with a
 * password, the old .doc format, another kind of file (`format`), a zip that is no Word document,
 * one whose parts would expand far past a Word document's, or damaged.
 */
type NotDocxKind = 'password' | 'oldWord' | 'image' | 'pdf' | 'rtf' | 'notZip' | 'noDocument' | 'unsafe' | 'damaged';

function refuse(name: string, why: string, kind: NotDocxKind = 'damaged', format?: string): DatelineError {
  return new DatelineError('FILE_UNREADABLE', `"${name}" ${why}`, { params: { name, reason: 'notDocx', kind, ...(format ? { format } : {}) } });
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

function utf16(s: string): Buffer {
  return Buffer.from(s, 'utf16le');
}

/** Says what a file that is not a .docx actually is. */
export function sniffNotDocx(name: string, bytes: Uint8Array): DatelineError | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (buf.includes(utf16('EncryptedPackage')) || buf.includes(utf16('EncryptionInfo'))) {
      return refuse(name, 'is protected with a password. Open it in Word, remove the password (File > Info > Protect Document), save, and import it again.', 'password');
    }
    return refuse(name, 'is in the old Word format (.doc), which Dateline does not read. Open it in Word and save it as .docx (File > Save As > Word Document), then import that file.', 'oldWord');
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return refuse(name, 'is a PNG image, not a Word document (its name ends in .docx, its content does not match).', 'image', 'PNG');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return refuse(name, 'is a JPEG image, not a Word document.', 'image', 'JPEG');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return refuse(name, 'is a PDF, not a Word document. Copy its text and paste it into the import box instead.', 'pdf');
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return refuse(name, 'is an RTF file. Open it in Word and save it as .docx, then import that file.', 'rtf');
  return refuse(name, 'is not a Word document: a .docx file is a zip archive, and this file is not one.', 'notZip');
}

function open(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // Sizes are checked here, against what each entry really inflates to, with a message of our own.
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: false, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

type Inflated = Buffer | { refused: string };

/**
 * Inflates one entry for real and stops at the first sign of a bomb, whatever its header claims:
 * more bytes than declared, more than `cap`, or past 1 MB at a ratio no Word part has. The
 * bytes are kept only when `keep` (the XML parts that are checked further).
 */
function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number, keep: boolean): Promise<Inflated> {
  const part = entry.fileName.slice(0, 100);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const stop = (refused: string) => {
        done = true;
        stream.destroy();
        resolve({ refused });
      };
      stream.on('data', (c: Buffer) => {
        if (done) return;
        size += c.length;
        if (size > entry.uncompressedSize) return stop(`has a part ("${part}") that declares ${entry.uncompressedSize} bytes but expands to more (a "zip bomb"); it was not opened.`);
        if (size > cap) return stop(`has a part ("${part}") larger than ${Math.round(cap / 1024 / 1024)} MB once expanded; it was not opened.`);
        const ratio = size / Math.max(1, entry.compressedSize);
        if (size > 1024 * 1024 && ratio > DOCX_LIMITS.ratio) return stop(`has a part ("${part}") that expands ${Math.round(ratio)} times (a "zip bomb"); it was not opened.`);
        if (keep) chunks.push(c);
      });
      stream.on('error', (e) => {
        if (!done) reject(e);
      });
      stream.on('end', () => {
        if (!done) resolve(Buffer.concat(chunks));
      });
    });
  });
}

/** The parts mammoth reads by their usual names, whatever the relationships say. */
const MAMMOTH_PARTS = /^(word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels|_rels\/\.rels|\[Content_Types\]\.xml)$/u;
const IMAGE_RELATIONSHIP = /\/relationships\/image$/u;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/giu, (_m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? '';
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'u').exec(tag);
  return m ? xmlText(m[1] ?? m[2] ?? '') : null;
}

/** The relationships file of a part, where mammoth looks for it: "word/document.xml" → "word/_rels/document.xml.rels". */
function relsOf(part: string): string {
  const cut = part.lastIndexOf('/');
  return `${part.slice(0, cut + 1)}_rels/${part.slice(cut + 1)}.rels`;
}

/** The part a relationships file belongs to ("" for the package's own "_rels/.rels"). */
function folderOfSource(rels: string): string {
  const cut = rels.lastIndexOf('_rels/');
  return rels.slice(0, Math.max(0, cut - 1));
}

/** Every name a target may be looked up by: as mammoth joins it, and with "." and ".." resolved. */
function targetNames(folder: string, target: string): string[] {
  const path = target.split('#')[0]!;
  const joined = path.startsWith('/') ? path.slice(1) : folder ? `${folder}/${path}` : path;
  const parts: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  let decoded = joined;
  try {
    decoded = decodeURIComponent(joined);
  } catch {
    // A malformed escape is looked up as written.
  }
  return [...new Set([joined, parts.join('/'), decoded])];
}

/** Targets of the internal relationships in a relationships part, images apart (mammoth does not read them here). */
export function relationshipTargets(rels: string, xml: string): string[] {
  const folder = folderOfSource(rels);
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]{1,64}:)?Relationship\s[^>]*>/gu)) {
    const target = attribute(m[0], 'Target');
    if (target === null || attribute(m[0], 'TargetMode')?.toLowerCase() === 'external') continue;
    if (IMAGE_RELATIONSHIP.test(attribute(m[0], 'Type') ?? '')) continue;
    out.push(...targetNames(folder, target));
  }
  return out;
}

/** Deepest nesting of tables in document XML, and how many there are. */
export function tableNesting(xml: string): { depth: number; count: number } {
  let depth = 0;
  let max = 0;
  let count = 0;
  for (const m of xml.matchAll(/<(\/?)w:tbl(?=[\s>/])/gu)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else {
      depth++;
      count++;
      if (depth > max) max = depth;
    }
  }
  return { depth: max, count };
}

/** Visits each entry in turn; `visit` returns a refusal to stop there. */
async function eachEntry(name: string, bytes: Buffer, visit: (zip: yauzl.ZipFile, entry: yauzl.Entry) => Promise<string | null>): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open(bytes);
  } catch (e) {
    throw refuse(name, `is damaged: it starts like a Word document but its zip structure cannot be read (${(e as Error).message}).`);
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: unknown) => {
        zip.close();
        reject(e);
      };
      zip.on('error', (e: Error) => fail(refuse(name, `is damaged: ${e.message}.`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        visit(zip, entry)
          .then((refused) => (refused === null ? zip.readEntry() : fail(refuse(name, refused, 'unsafe'))))
          .catch((e: unknown) => fail(e instanceof DatelineError ? e : refuse(name, `is damaged: ${(e as Error).message}.`)));
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
}

function checkXml(part: string, data: Buffer): string | null {
  const head = data.subarray(0, 4096).toString('utf8');
  if (/<!DOCTYPE|<!ENTITY/iu.test(head) || data.includes('<!ENTITY')) return `contains a document type declaration in "${part.slice(0, 100)}", which Word never writes; it was not opened.`;
  if (!data.includes('w:tbl')) return null;
  const { depth, count } = tableNesting(data.toString('utf8'));
  if (depth > DOCX_LIMITS.tableDepth) return `has tables nested ${depth} deep; Dateline reads at most ${DOCX_LIMITS.tableDepth}. Flatten the tables in Word and import again.`;
  if (count > DOCX_LIMITS.tables) return `has ${count} tables; Dateline reads at most ${DOCX_LIMITS.tables}.`;
  return null;
}

/**
 * Checks a .docx archive before it is converted; throws a DatelineError naming the problem.
 * First every entry is inflated for real (nothing kept but the relationships), so no part
 * mammoth could be led to, by its usual name or by any relationship, is a bomb, whatever its
 * header declares. Then the parts mammoth reads as XML (the usual names and every internal
 * target reachable from "_rels/.rels", followed part by part) are checked for DTDs and tables.
 */
export async function inspectDocx(name: string, bytes: Buffer): Promise<void> {
  const notDocx = sniffNotDocx(name, bytes);
  if (notDocx) throw notDocx;
  const names = new Set<string>();
  const rels = new Map<string, string>();
  let declared = 0;
  await eachEntry(name, bytes, async (zip, entry) => {
    names.add(entry.fileName);
    if (names.size > DOCX_LIMITS.entries) return `holds more than ${DOCX_LIMITS.entries} parts; a Word document has a few dozen. It was not opened.`;
    if (entry.isEncrypted()) return 'is encrypted; remove the password in Word, save, and import it again.';
    declared += entry.uncompressedSize;
    if (declared > DOCX_LIMITS.totalUncompressed) return `would expand to more than ${DOCX_LIMITS.totalUncompressed / 1024 / 1024} MB (a "zip bomb"); it was not opened.`;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > 1024 * 1024 && ratio > DOCX_LIMITS.ratio) return `has a part ("${entry.fileName.slice(0, 100)}") that expands ${Math.round(ratio)} times (a "zip bomb"); it was not opened.`;
    if (entry.fileName.endsWith('/')) return null;
    const isRels = entry.fileName.endsWith('.rels');
    const data = await inflate(zip, entry, isRels ? DOCX_LIMITS.xmlPart : DOCX_LIMITS.totalUncompressed, isRels);
    if (!Buffer.isBuffer(data)) return data.refused;
    if (isRels) rels.set(entry.fileName, data.toString('utf8'));
    return null;
  });

  const readable = new Set([...names].filter((n) => MAMMOTH_PARTS.test(n)));
  const queue = ['_rels/.rels', ...readable];
  while (queue.length > 0) {
    const part = queue.pop()!;
    if (!names.has(part)) continue;
    readable.add(part);
    const own = relsOf(part);
    if (names.has(own) && !readable.has(own)) queue.push(own);
    const xml = rels.get(part);
    if (xml === undefined) continue;
    for (const target of relationshipTargets(part, xml)) if (names.has(target) && !readable.has(target)) queue.push(target);
  }
  const main = (() => {
    const xml = rels.get('_rels/.rels');
    const targets = xml === undefined ? [] : [...xml.matchAll(/<(?:[\w.-]{1,64}:)?Relationship\s[^>]*>/gu)].filter((m) => (attribute(m[0], 'Type') ?? '').endsWith('/officeDocument')).flatMap((m) => targetNames('', attribute(m[0], 'Target') ?? ''));
    return targets.find((t) => names.has(t)) ?? 'word/document.xml';
  })();
  if (!names.has(main)) throw refuse(name, 'is a zip archive but not a Word document (it has no word/document.xml).', 'noDocument');

  await eachEntry(name, bytes, async (zip, entry) => {
    if (!readable.has(entry.fileName)) return null;
    const data = await inflate(zip, entry, DOCX_LIMITS.xmlPart, true);
    return Buffer.isBuffer(data) ? checkXml(entry.fileName, data) : data.refused;
  });
}

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

/** The document's HTML, by mammoth, after inspection. Images are dropped: only text is imported. */
export async function docxToHtml(name: string, bytes: Buffer): Promise<string> {
  await inspectDocx(name, bytes);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return result.value;
  } catch (e) {
    const message = (e as Error).message;
    // The XML parser's own words ("[xmldom error] element parse error: Hierarchy request error...") say nothing to a person.
    if (message.includes('[xmldom ')) {
      throw refuse(name, 'is damaged: part of its XML is broken (cut short or badly edited), so it cannot be read. Open it in Word and save it again, or paste its text.');
    }
    throw refuse(name, `could not be read as a Word document (${message.slice(0, 200)}).`);
  }
}
