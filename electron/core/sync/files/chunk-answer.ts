import { randomBytes } from 'node:crypto';
import { answerText } from '../http';

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
 * Decoded into `into`'s buffer when it gives one of exactly that length, else into a new one.
 */
function wholeBase64(bytes: Buffer, start: number, end: number, into?: () => Buffer | null): Buffer | null {
  const length = end - start;
  if (length % 4 !== 0) return null;
  const padding = length > 0 && bytes[end - 1] === EQUALS ? (bytes[end - 2] === EQUALS ? 2 : 1) : 0;
  const size = (length / 4) * 3 - padding;
  const given = into?.();
  const out = given && given.length === size ? given : Buffer.allocUnsafe(size);
  return out.write(bytes.toString('latin1', start, end), 0, size, 'base64') === size ? out : null;
}

/** A `_bulk_get` answer of chunks as BulkGetChunks (files-peer.ts) accepts it. */
export interface ChunkReply {
  results: { id: string; docs: { ok?: unknown }[] }[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether an answer passes BulkGetChunks, decided by hand (zod, which words a refusal, copies every member). */
export function isChunkReply(value: unknown): value is ChunkReply {
  if (!isObject(value) || !Array.isArray(value.results)) return false;
  for (const r of value.results as unknown[]) {
    if (!isObject(r) || typeof r.id !== 'string' || !Array.isArray(r.docs)) return false;
    for (const d of r.docs as unknown[]) if (!isObject(d)) return false;
  }
  return true;
}

/** A chunk document's base64 (as ChunkGot in files-peer.ts accepts it), when it is the document `id` names; else null. */
export function chunkData(ok: unknown, id: string): string | null {
  if (!isObject(ok) || ok._id !== id || !id.startsWith('chunk-') || !isObject(ok._attachments)) return null;
  const attachment = ok._attachments.data;
  return isObject(attachment) && typeof attachment.data === 'string' ? attachment.data : null;
}

/**
 * The chunks of an answer, each chunk's base64 decoded straight into the buffer `into` gives for
 * its hash (a download gives the chunk's place in the file it is putting together, so a photo's
 * 32 chunks are not 32 buffers joined into a 33rd); chunks it gives none are decoded into their
 * own. Every `"data":"` string is taken as base64 before parsing; when each of them is whole
 * base64, the answer's text is what liftBase64 makes of it and its chunks the bytes liftBase64
 * gives them. Null for any other answer (a string that is not base64, text that is not JSON, a
 * reply of another shape): the caller then reads it with liftBase64 and BulkGetChunks, whose
 * refusal words what is wrong. Keys are chunk hashes.
 */
export function decodeChunks(bytes: Buffer, into: (sha256: string) => Buffer | null): Map<string, Buffer> | null {
  const mark = `~${randomBytes(12).toString('hex')}~`;
  const spans: number[] = [];
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(MARK); at >= 0; at = bytes.indexOf(MARK, at)) {
    const start = at + MARK.length;
    const end = bytes.indexOf(QUOTE, start);
    if (end < 0) break;
    at = end + 1;
    pieces.push(bytes.subarray(from, start), Buffer.from(`${mark}${spans.length / 2}`, 'latin1'));
    spans.push(start, end);
    from = end;
  }
  pieces.push(bytes.subarray(from));
  let reply: unknown;
  try {
    reply = JSON.parse(answerText(Buffer.concat(pieces)));
  } catch {
    return null;
  }
  if (!isChunkReply(reply)) return null;
  const decoded = new Uint8Array(spans.length / 2);
  const chunks = new Map<string, Buffer>();
  for (const result of reply.results) {
    for (const d of result.docs) {
      const data = chunkData(d.ok, result.id);
      if (data === null) continue;
      const sha = result.id.slice('chunk-'.length);
      const k = data.startsWith(mark) ? Number(data.slice(mark.length)) : -1;
      // Not a placeholder: the base64 did not follow `"data":"` exactly, and is decoded as liftBase64's bytesOf does.
      if (!(k >= 0 && k < decoded.length && data === `${mark}${k}`)) {
        chunks.set(sha, Buffer.from(data, 'base64'));
        continue;
      }
      const bytesOfChunk = wholeBase64(bytes, spans[2 * k]!, spans[2 * k + 1]!, () => into(sha));
      if (!bytesOfChunk) return null;
      decoded[k] = 1;
      chunks.set(sha, bytesOfChunk);
    }
  }
  // A string taken as base64 that no chunk uses must be whole too, as liftBase64 would lift it.
  for (let k = 0; k < decoded.length; k++) if (!decoded[k] && !wholeBase64(bytes, spans[2 * k]!, spans[2 * k + 1]!)) return null;
  return chunks;
}
