import { TextDecoder } from 'node:util';
import { DatelineError } from '../../shared/errors';
import type { TextEncodingName } from '../../shared/contacts/bulk-contract';

/**
 * Which encoding a contacts file is in, from its first bytes: a byte-order mark when there is
 * one (Excel's "Unicode Text" is UTF-16LE with one), zero bytes in every other position for
 * UTF-16 without one, valid UTF-8, or else a Windows code page: Arabic (1256) when the bytes
 * above 127 come in runs, as the letters of Arabic words do, Western (1252) when they sit
 * alone between ASCII letters, as accents do.
 */

export interface Detected {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bom: number;
  /** Where UTF-8 and single-byte text are both found: the offset of the first byte that is not UTF-8. */
  mixedAt?: number;
}

export function detectEncoding(head: Uint8Array): Detected {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const n = Math.min(head.length, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  if (n >= 4 && zeroOdd > n / 8 && zeroEven === 0) return { encoding: 'utf-16le', bom: 0 };
  if (n >= 4 && zeroEven > n / 8 && zeroOdd === 0) return { encoding: 'utf-16be', bom: 0 };
  if (isUtf8(head)) return { encoding: 'utf-8', bom: 0 };
  const mixedAt = utf8AndOther(head);
  let high = 0;
  let inRuns = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i]! < 0x80) continue;
    high++;
    if ((i > 0 && head[i - 1]! >= 0x80) || (i + 1 < head.length && head[i + 1]! >= 0x80)) inRuns++;
  }
  const encoding = high > 0 && inRuns / high > 0.6 ? 'windows-1256' : 'windows-1252';
  return mixedAt === null ? { encoding, bom: 0 } : { encoding, bom: 0, mixedAt };
}

/** How many bytes the UTF-8 character a lead byte opens takes (2 to 4), or 0 for a byte that opens none. */
function utf8Length(c: number): number {
  return c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
}

/** Whether a well-formed UTF-8 character of `len` bytes starts at `i`. */
function utf8At(b: Uint8Array, i: number, len: number): boolean {
  let ok = len > 0 && i + len <= b.length;
  for (let k = 1; ok && k < len; k++) ok = (b[i + k]! & 0xc0) === 0x80;
  return ok;
}

/** The offset of the first byte that is not UTF-8, when well-formed UTF-8 characters occur too; else null. */
function utf8AndOther(b: Uint8Array): number | null {
  let good = 0;
  let firstBad: number | null = null;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) continue;
    const len = utf8Length(c);
    if (utf8At(b, i, len)) {
      good++;
      i += len - 1;
    } else if (i + len <= b.length || len === 0) firstBad ??= i;
  }
  return good > 0 && firstBad !== null ? firstBad : null;
}

/** Valid UTF-8, allowing the head to end in the middle of a character. */
function isUtf8(head: Uint8Array): boolean {
  let end = head.length;
  // Step back over a character cut by the end of the sample (at most 3 continuation bytes).
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = head[end - k]!;
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end -= k;
    break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * A file that is not text at all (a spreadsheet saved as .xlsx, a photo renamed .csv): zero
 * bytes or control characters that no text export writes. UTF-16 is checked after decoding.
 */
export function assertText(sample: string, where: string): void {
  // eslint-disable-next-line no-control-regex
  const bad = sample.search(/[\u0000-\u0008\u000B\u000E-\u001A\u001C-\u001F]/);
  if (bad >= 0) {
    throw new DatelineError('INVALID_INPUT', `${where} is not a text file (binary content near character ${bad + 1}); export the contacts as CSV or vCard and try again.`, {
      params: { reason: 'notText', offset: bad },
    });
  }
}

/**
 * Decodes a byte stream chunk by chunk; bytes that are not in the encoding are an error that
 * names the line they are on (counted in the bytes read so far).
 */
export class ChunkDecoder {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private lines = 1;
  /**
   * `detected`: the encoding was read from the file's first bytes, not chosen by the person. A
   * Windows code page decodes any byte, so UTF-8 text further on (rows pasted from another
   * export) would come out garbled without a word: each later chunk is looked at for it.
   */
  constructor(
    readonly encoding: TextEncodingName,
    private readonly detected = false,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  }

  decode(bytes: Uint8Array, final: boolean): string {
    if (this.detected && this.encoding.startsWith('windows-')) this.assertNoUtf8(bytes);
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: !final });
    } catch {
      const loose = new TextDecoder(this.encoding).decode(bytes);
      const bad = loose.indexOf('\uFFFD');
      const line = this.lines + countLines(loose.slice(0, bad < 0 ? loose.length : bad));
      throw new DatelineError(
        'INVALID_INPUT',
        `The file is not all ${ENCODING_LABELS[this.encoding]}: line ${line} holds bytes that are not. It may mix encodings; choose the encoding it was saved in, or save it again as UTF-8.`,
        { params: { reason: 'notInEncoding', encoding: this.encoding, line } },
      );
    }
    this.lines += countLines(text);
    return text;
  }

  private assertNoUtf8(bytes: Uint8Array): void {
    const at = utf8Run(bytes);
    if (at === null) return;
    // A code page has one byte a character: the bytes before are the characters before.
    const line = this.lines + countLines(LATIN1.decode(bytes.subarray(0, at)));
    throw new DatelineError(
      'INVALID_INPUT',
      `The file mixes encodings: it starts in ${ENCODING_LABELS[this.encoding]}, but line ${line} holds UTF-8 text. Choose the encoding it was mostly saved in (the other part will look wrong), or save it again as UTF-8.`,
      { params: { reason: 'mixedEncodings', line } },
    );
  }
}

const LATIN1 = new TextDecoder('latin1');

/**
 * Bytes of a Windows code page file that read as UTF-8 text: most of a chunk's bytes above 127
 * forming well-formed UTF-8 characters, as an accent or an Arabic letter written in UTF-8 does
 * (two or three such bytes each). In Windows-1252 or -1256 text such pairs are rare (a letter
 * before one of the few letters coded 0x80-0xBF), so fewer than half of the high bytes.
 */
function utf8Run(bytes: Uint8Array): number | null {
  let high = 0;
  let inUtf8 = 0;
  let chars = 0;
  let first: number | null = null;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c < 0x80) continue;
    const len = utf8Length(c);
    if (utf8At(bytes, i, len)) {
      high += len;
      inUtf8 += len;
      chars++;
      first ??= i;
      i += len - 1;
    } else high++;
  }
  return chars >= 3 && inUtf8 / high >= 0.5 ? first : null;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western)',
  'windows-1256': 'Windows-1256 (Arabic)',
};
