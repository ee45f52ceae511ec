import { randomBytes } from 'node:crypto';

/**
 * A `_bulk_get?attachments=true` answer of chunks is mostly base64: a request of 512 KiB of
 * chunks is 700 KB of JSON. Made into one string and parsed, it cost more than everything else
 * a download does (40 photos of 256 KB: 118 ms of 260 on the main thread): a string that large
 * lives in V8's large-object space, fresh memory for each answer (half of it system time), and
 * JSON.parse copies every base64 string out of it again. So each chunk's base64 is lifted out of
 * the bytes and decoded on its own, and the JSON that is left (a few hundred bytes a chunk) is
 * parsed and checked as before, with a placeholder where the base64 was.
 *
 * The placeholder stands only where the server's JSON had a string of base64 and nothing else:
 * the text after `"data":"` up to the next quote is taken only when it decodes to exactly the
 * length its size promises, which holds only when every character is one Node's decoder takes
 * (letters, digits, `+/-_`, `=` padding at the end): no quote, backslash, control or non-ASCII
 * character, so the text was a whole JSON string without escapes, and parsing the rest reads
 * every other part of the answer as it would have. The placeholder carries a random mark made
 * for this answer, so no text from the server can pass for one.
 */

const MARK = Buffer.from('"data":"', 'latin1');
const QUOTE = Buffer.from('"', 'latin1');
const EQUALS = 0x3d;

export interface ChunkAnswer {
  /** The answer's JSON with each lifted base64 string replaced by a placeholder. */
  text: Buffer;
  /** The bytes a `data` string of the parsed answer stands for: a placeholder's lifted bytes, or the string decoded as base64. */
  bytesOf(data: string): Buffer;
}

/**
 * The answer is taken as the pieces the socket gave it in (or one buffer), not joined first: a
 * joined copy was 700 KB of buffers an answer, and while photos come down each byte in buffers
 * counts towards V8's next full collection (see download.ts). Only the JSON left around the
 * base64, and a base64 string cut between two pieces, are copied. Each chunk is decoded over
 * its own base64 in the answer's buffers, which are therefore not the answer any more: read
 * nothing else from them.
 */
export function liftBase64(answer: Buffer | readonly Buffer[]): ChunkAnswer {
  const bytes = new Pieces(Buffer.isBuffer(answer) ? [answer] : answer);
  const mark = `~${randomBytes(12).toString('hex')}~`;
  const lifted = new Map<string, Buffer>();
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(MARK, 0); at >= 0; at = bytes.indexOf(MARK, at)) {
    const start = at + MARK.length;
    const end = bytes.indexOf(QUOTE, start);
    if (end < 0) break;
    at = end + 1;
    const decoded = wholeBase64(bytes.slice(start, end));
    if (!decoded) continue;
    const placeholder = `${mark}${lifted.size}`;
    lifted.set(placeholder, decoded);
    pieces.push(bytes.slice(from, start), Buffer.from(placeholder, 'latin1'));
    from = end;
  }
  if (lifted.size === 0) {
    const text = bytes.slice(0, bytes.length);
    return { text, bytesOf: (data) => Buffer.from(data, 'base64') };
  }
  pieces.push(bytes.slice(from, bytes.length));
  return { text: Buffer.concat(pieces), bytesOf: (data) => lifted.get(data) ?? Buffer.from(data, 'base64') };
}

/**
 * The bytes this padded base64 stands for, decoded in place over the base64 itself (its first
 * three quarters), or null when any character there is not base64: Node's decoder skips what it
 * does not take, so the output is then shorter than the length promises (a skipped character
 * costs 6 bits, more than two `=` can account for), and the text is put back as it was. In
 * place, a chunk costs no buffer of its own: its bytes stay in the answer's, which it keeps
 * alive while it is held.
 */
function wholeBase64(text: Buffer): Buffer | null {
  const length = text.length;
  if (length % 4 !== 0) return null;
  const padding = length > 0 && text[length - 1] === EQUALS ? (text[length - 2] === EQUALS ? 2 : 1) : 0;
  const base64 = text.toString('latin1');
  const written = text.write(base64, 0, length, 'base64');
  if (written === (length / 4) * 3 - padding) return text.subarray(0, written);
  text.write(base64, 0, length, 'latin1');
  return null;
}

/** Buffers read as one run of bytes, without joining them. */
class Pieces {
  /** Where each piece begins in the run. */
  private readonly starts: number[] = [];
  readonly length: number;

  constructor(private readonly parts: readonly Buffer[]) {
    let n = 0;
    for (const p of parts) {
      this.starts.push(n);
      n += p.length;
    }
    this.length = n;
  }

  /** The last piece that begins at or before `at` (for `at` inside the run: the piece holding it). */
  private pieceAt(at: number): number {
    let lo = 0;
    let hi = this.parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private byteAt(at: number): number {
    const i = this.pieceAt(at);
    return this.parts[i]![at - this.starts[i]!]!;
  }

  /** Where `needle` first occurs at or after `from`, a match across two or more pieces included; -1 where it does not. */
  indexOf(needle: Buffer, from: number): number {
    if (from >= this.length) return -1;
    for (let i = this.pieceAt(from); i < this.parts.length; i++) {
      const part = this.parts[i]!;
      const local = Math.max(0, from - this.starts[i]!);
      const found = part.indexOf(needle, local);
      if (found >= 0) return this.starts[i]! + found;
      // A match that begins near this piece's end and runs into the next ones.
      for (let k = Math.max(local, part.length - needle.length + 1); k < part.length; k++) {
        if (this.matchesAt(this.starts[i]! + k, needle)) return this.starts[i]! + k;
      }
    }
    return -1;
  }

  private matchesAt(at: number, needle: Buffer): boolean {
    if (at + needle.length > this.length) return false;
    for (let j = 0; j < needle.length; j++) if (this.byteAt(at + j) !== needle[j]) return false;
    return true;
  }

  /** Bytes [start, end) of the run: a view where one piece holds them, else a copy. */
  slice(start: number, end: number): Buffer {
    if (start >= end) return Buffer.alloc(0);
    const i = this.pieceAt(start);
    const local = start - this.starts[i]!;
    if (end - this.starts[i]! <= this.parts[i]!.length) return this.parts[i]!.subarray(local, end - this.starts[i]!);
    const out: Buffer[] = [];
    for (let k = i; k < this.parts.length && this.starts[k]! < end; k++) {
      const part = this.parts[k]!;
      out.push(part.subarray(Math.max(0, start - this.starts[k]!), Math.min(part.length, end - this.starts[k]!)));
    }
    return Buffer.concat(out);
  }
}
