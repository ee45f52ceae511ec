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
const QUOTE = 0x22;
const EQUALS = 0x3d;

export interface ChunkAnswer {
  /** The answer's JSON with each lifted base64 string replaced by a placeholder. */
  text: Buffer;
  /** The bytes a `data` string of the parsed answer stands for: a placeholder's lifted bytes, or the string decoded as base64. */
  bytesOf(data: string): Buffer;
}

export function liftBase64(bytes: Buffer): ChunkAnswer {
  const mark = `~${randomBytes(12).toString('hex')}~`;
  const lifted = new Map<string, Buffer>();
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(MARK); at >= 0; at = bytes.indexOf(MARK, at)) {
    const start = at + MARK.length;
    const end = bytes.indexOf(QUOTE, start);
    if (end < 0) break;
    at = end + 1;
    const decoded = wholeBase64(bytes, start, end);
    if (!decoded) continue;
    const placeholder = `${mark}${lifted.size}`;
    lifted.set(placeholder, decoded);
    pieces.push(bytes.subarray(from, start), Buffer.from(placeholder, 'latin1'));
    from = end;
  }
  if (lifted.size === 0) return { text: bytes, bytesOf: (data) => Buffer.from(data, 'base64') };
  pieces.push(bytes.subarray(from));
  return { text: Buffer.concat(pieces), bytesOf: (data) => lifted.get(data) ?? Buffer.from(data, 'base64') };
}

/**
 * The bytes `bytes[start, end)` stand for as padded base64, or null when any character there is
 * not base64: Node's decoder skips what it does not take, so the output is then shorter than
 * the length promises (a skipped character costs 6 bits, more than two `=` can account for).
 */
function wholeBase64(bytes: Buffer, start: number, end: number): Buffer | null {
  const length = end - start;
  if (length % 4 !== 0) return null;
  const padding = length > 0 && bytes[end - 1] === EQUALS ? (bytes[end - 2] === EQUALS ? 2 : 1) : 0;
  const size = (length / 4) * 3 - padding;
  const decoded = Buffer.allocUnsafe(size);
  let written = 0;
  // In pieces: the text of a whole chunk as one string (over 128 KB) goes straight to V8's old
  // generation, the largest single allocation of a download (it did not measurably change how many
  // full collections a pull makes: test/bench/README.md). Each piece is a whole number of base64
  // quads, so the pieces decode to what the whole would.
  for (let at = start; at < end; at += DECODE_PIECE) {
    if (written >= size) return null;
    written += decoded.write(bytes.toString('latin1', at, Math.min(end, at + DECODE_PIECE)), written, 'base64');
  }
  return written === size ? decoded : null;
}

/** Base64 characters decoded at a time: a multiple of 4, and a string small enough for V8's young generation. */
const DECODE_PIECE = 48 * 1024;
