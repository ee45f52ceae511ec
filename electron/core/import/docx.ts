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

function refuse(name: string, why: string): DatelineError {
  return new DatelineError('FILE_UNREADABLE', `"${name}" ${why}`, { params: { name } });
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
      return refuse(name, 'is protected with a password. Open it in Word, remove the password (File > Info > Protect Document), save, and import it again.');
    }
    return refuse(name, 'is in the old Word format (.doc), which Dateline does not read. Open it in Word and save it as .docx (File > Save As > Word Document), then import that file.');
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return refuse(name, 'is a PNG image, not a Word document (its name ends in .docx, its content does not match).');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return refuse(name, 'is a JPEG image, not a Word document.');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return refuse(name, 'is a PDF, not a Word document. Copy its text and paste it into the import box instead.');
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return refuse(name, 'is an RTF file. Open it in Word and save it as .docx, then import that file.');
  return refuse(name, 'is not a Word document: a .docx file is a zip archive, and this file is not one.');
}

function open(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

/** Inflates one entry, refusing (and stopping) once it passes `cap` bytes, whatever the header claims. */
function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<Buffer | 'too-big'> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size > cap) {
          done = true;
          stream.destroy();
          resolve('too-big');
          return;
        }
        chunks.push(c);
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

const MAMMOTH_PARTS = /^(word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels|_rels\/\.rels|\[Content_Types\]\.xml)$/u;

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

/** Checks a .docx archive before it is converted; throws a DatelineError naming the problem. */
export async function inspectDocx(name: string, bytes: Buffer): Promise<void> {
  const notDocx = sniffNotDocx(name, bytes);
  if (notDocx) throw notDocx;
  let zip: yauzl.ZipFile;
  try {
    zip = await open(bytes);
  } catch (e) {
    throw refuse(name, `is damaged: it starts like a Word document but its zip structure cannot be read (${(e as Error).message}).`);
  }
  try {
    let entries = 0;
    let total = 0;
    let hasDocument = false;
    await new Promise<void>((resolve, reject) => {
      const fail = (e: unknown) => {
        zip.close();
        reject(e);
      };
      zip.on('error', (e: Error) => fail(refuse(name, `is damaged: ${e.message}.`)));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        void (async () => {
          entries++;
          if (entries > DOCX_LIMITS.entries) return fail(refuse(name, `holds more than ${DOCX_LIMITS.entries} parts; a Word document has a few dozen. It was not opened.`));
          if (entry.isEncrypted()) return fail(refuse(name, 'is encrypted; remove the password in Word, save, and import it again.'));
          total += entry.uncompressedSize;
          if (total > DOCX_LIMITS.totalUncompressed) {
            return fail(refuse(name, `would expand to more than ${DOCX_LIMITS.totalUncompressed / 1024 / 1024} MB (a "zip bomb"); it was not opened.`));
          }
          const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
          if (entry.uncompressedSize > 1024 * 1024 && ratio > DOCX_LIMITS.ratio) {
            return fail(refuse(name, `has a part ("${entry.fileName.slice(0, 100)}") that expands ${Math.round(ratio)} times (a "zip bomb"); it was not opened.`));
          }
          if (MAMMOTH_PARTS.test(entry.fileName)) {
            if (entry.fileName === 'word/document.xml') hasDocument = true;
            const data = await inflate(zip, entry, DOCX_LIMITS.xmlPart);
            if (data === 'too-big') return fail(refuse(name, `has a part ("${entry.fileName}") larger than ${DOCX_LIMITS.xmlPart / 1024 / 1024} MB once expanded; it was not opened.`));
            const head = data.subarray(0, 4096).toString('utf8');
            if (/<!DOCTYPE|<!ENTITY/iu.test(head) || data.includes('<!ENTITY')) {
              return fail(refuse(name, `contains a document type declaration in "${entry.fileName}", which Word never writes; it was not opened.`));
            }
            if (entry.fileName === 'word/document.xml') {
              const { depth, count } = tableNesting(data.toString('utf8'));
              if (depth > DOCX_LIMITS.tableDepth) return fail(refuse(name, `has tables nested ${depth} deep; Dateline reads at most ${DOCX_LIMITS.tableDepth}. Flatten the tables in Word and import again.`));
              if (count > DOCX_LIMITS.tables) return fail(refuse(name, `has ${count} tables; Dateline reads at most ${DOCX_LIMITS.tables}.`));
            }
          }
          zip.readEntry();
        })().catch((e: unknown) => fail(e instanceof DatelineError ? e : refuse(name, `is damaged: ${(e as Error).message}.`)));
      });
      zip.readEntry();
    });
    if (!hasDocument) throw refuse(name, 'is a zip archive but not a Word document (it has no word/document.xml).');
  } finally {
    zip.close();
  }
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
    throw refuse(name, `could not be read as a Word document (${(e as Error).message.slice(0, 200)}).`);
  }
}
