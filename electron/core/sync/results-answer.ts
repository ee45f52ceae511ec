import { isUtf8 } from 'node:buffer';
import { BODY_TEXT, type RemoteRevision } from '../store/replication-api';
import { answerText } from './http';

/**
 * A `_bulk_get` answer of 250 releases is over a megabyte of JSON. Made into one string, it
 * cost twice what parsing it did (1.27 MB: 11 ms to decode, half of it system time, against
 * 2 ms in pieces of 5 KB): a string that large lives in V8's large-object space, fresh memory
 * for each answer. So the answer's `results` are found in its bytes and each is decoded and
 * parsed on its own; the parsed answer is the same, and is checked as before.
 *
 * The bytes are read as JSON's grammar has them: strings skipped to their closing quote (one
 * not escaped by an odd run of backslashes), brackets counted outside strings, and the frame
 * around the results (`{"results":[ ... ]}`, with any whitespace) required exactly. Each result
 * is then parsed whole by JSON.parse, so anything the scan let through that is not JSON still
 * fails there. An answer of any other shape is parsed in one piece, as before.
 */

const RESULTS = Buffer.from('"results"', 'latin1');

/**
 * The parsed JSON of a `{"results": [...]}` answer; throws (as JSON.parse) when it is not JSON.
 * With `bodyTexts` (a `_bulk_get` answer), documents also carry their body's text where it can
 * be stored as it is (attachBodyTexts, below).
 */
export function parseResultsAnswer(bytes: Buffer, bodyTexts = false): unknown {
  const bounds = resultBounds(bytes);
  if (!bounds) return JSON.parse(answerText(bytes));
  const results: unknown[] = [];
  const texts = bodyTexts && isUtf8(bytes);
  const backslash = { at: -1 };
  for (let k = 0; k < bounds.length; k += 2) {
    const result: unknown = JSON.parse(answerText(bytes.subarray(bounds[k]!, bounds[k + 1]!)));
    if (texts) attachBodyTexts(bytes, bounds[k]!, bounds[k + 1]!, result, backslash);
    results.push(result);
  }
  return { results };
}

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Start and end offsets of each object in the answer's `results` array; null when the answer is not framed as `{"results":[{...},...]}`. */
export function resultBounds(bytes: Buffer): number[] | null {
  const n = bytes.length;
  let i = 0;
  const skip = () => {
    while (isSpace(bytes[i])) i++;
  };
  skip();
  if (bytes[i++] !== 0x7b) return null; // {
  skip();
  if (i + RESULTS.length > n || bytes.compare(RESULTS, 0, RESULTS.length, i, i + RESULTS.length) !== 0) return null;
  i += RESULTS.length;
  skip();
  if (bytes[i++] !== 0x3a) return null; // :
  skip();
  if (bytes[i++] !== 0x5b) return null; // [
  skip();
  const bounds: number[] = [];
  if (bytes[i] === 0x5d) i++; // ]: no results
  else {
    for (;;) {
      if (bytes[i] !== 0x7b) return null; // each result is an object
      const start = i;
      let depth = 0;
      for (; i < n; i++) {
        const c = bytes[i]!;
        if (c === 0x22) {
          // A string: to the first quote not escaped (preceded by an even run of backslashes).
          let q = bytes.indexOf(0x22, i + 1);
          for (;;) {
            if (q < 0) return null;
            let b = q - 1;
            while (bytes[b] === 0x5c) b--;
            if ((q - 1 - b) % 2 === 0) break;
            q = bytes.indexOf(0x22, q + 1);
          }
          i = q;
        } else if (c === 0x7b || c === 0x5b) depth++;
        else if ((c === 0x7d || c === 0x5d) && --depth === 0) break;
      }
      if (i >= n) return null;
      bounds.push(start, ++i);
      skip();
      const next = bytes[i++];
      if (next === 0x5d) break; // ]
      if (next !== 0x2c) return null; // ,
      skip();
    }
  }
  skip();
  if (bytes[i++] !== 0x7d) return null; // }
  skip();
  return i === n ? bounds : null;
}

/**
 * The body text of each document of a `_bulk_get` answer, found in the answer's bytes so that
 * the store writes it as it is (BODY_TEXT) instead of serialising the parsed body again:
 * JSON.stringify of a pulled release was about a tenth of a pull's client CPU.
 *
 * A text is given only where it is certainly what JSON.stringify makes of the parsed body: the
 * document's members that do not start with `_` (those are the envelope, which the store
 * never keeps in a body), and, in them, no white space, no escape that JSON.stringify would
 * write otherwise (`\/`, any `\u`), no number other than a plain integer of up to 15 digits
 * (`1.0`, `1e3` and `-0` are written otherwise), no key starting with a digit (JavaScript puts
 * integer keys first) and no key twice in one object (JSON.parse keeps the last one only: the
 * keys counted in the text must be as many as the parsed body has). The answer must be valid
 * UTF-8 (a decoder replaces what is not). Any other document is serialised as before.
 *
 * The texts are views of the answer's bytes, each framed in place by `{` and `}` where the
 * envelope's members were cut off: the answer is parsed first and never read again.
 * `backslash` carries the next backslash found from one result to the next (the results of an
 * answer are read in order): looked for afresh in each result, the search ran to the answer's end.
 */
function attachBodyTexts(bytes: Buffer, start: number, end: number, result: unknown, backslash: { at: number }): void {
  const found = okDocuments(bytes, start, end, backslash);
  if (!found || typeof result !== 'object' || result === null) return;
  const docs = (result as { docs?: unknown }).docs;
  if (!Array.isArray(docs)) return;
  const parsed: Record<string, unknown>[] = [];
  for (const d of docs as unknown[]) {
    const ok = typeof d === 'object' && d !== null ? (d as { ok?: unknown }).ok : undefined;
    if (typeof ok === 'object' && ok !== null && !Array.isArray(ok)) parsed.push(ok as Record<string, unknown>);
  }
  // The same documents in the same order, or the bytes were not read as JSON.parse read them.
  if (parsed.length !== found.length) return;
  for (let k = 0; k < found.length; k++) {
    const doc = parsed[k]!;
    const f = found[k]!;
    if (!f.canonical || f.keys !== bodyKeys(doc)) continue;
    (doc as RemoteRevision)[BODY_TEXT] = frame(bytes, f.members);
  }
}

/** What the scan learnt of one `ok` document. */
interface Found {
  /** Start and end offsets of each member not starting with `_` (from its key's quote to the comma or brace after it). */
  members: number[];
  /** Keys in those members, at every depth. */
  keys: number;
  canonical: boolean;
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const UNDERSCORE = 0x5f;
const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
/** Escapes JSON.stringify writes as they are: `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`. */
const isPlainEscape = (c: number | undefined) => c === QUOTE || c === BACKSLASH || c === 0x62 || c === 0x66 || c === 0x6e || c === 0x72 || c === 0x74;
const DOCS = Buffer.from('docs', 'latin1');
const OK = Buffer.from('ok', 'latin1');
/** Depths while reading one result: the result object 1, its `docs` array 2, an entry 3, the document 4. */
const DOC_DEPTH = 4;

/**
 * The `ok` documents of one result (`{"id":…,"docs":[{"ok":{…}},…]}`) at bytes[start, end), in
 * order; null when the result holds `docs` twice or an entry holds `ok` twice or not as an
 * object (JSON.parse would keep only the last: such an answer is serialised as before).
 */
function okDocuments(bytes: Buffer, start: number, end: number, next: { at: number }): Found[] | null {
  const found: Found[] = [];
  let depth = 0;
  /** The last key read at each of depths 1 and 3, by its content's offsets. */
  let keyStart = -1;
  let keyEnd = -1;
  let keyDepth = -1;
  let sawDocs = false;
  let inDocs = false;
  let okInEntry = false;
  let doc: Found | null = null;
  /** The member of the document being read: where it began, and whether it is kept (-1: between members). */
  let memberStart = -1;
  let kept = false;
  let backslash = next.at;
  const nameIs = (name: Buffer) => keyEnd - keyStart === name.length && bytes.compare(name, 0, name.length, keyStart, keyEnd) === 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      const checking = doc !== null && (depth > DOC_DEPTH ? kept : true);
      // To the closing quote; every escape on the way is looked at where its text counts.
      let from = i + 1;
      let q: number;
      for (;;) {
        q = bytes.indexOf(QUOTE, from);
        if (q < 0 || q >= end) {
          next.at = backslash;
          return null;
        }
        if (backslash < from) {
          backslash = bytes.indexOf(BACKSLASH, from);
          if (backslash < 0) backslash = bytes.length;
        }
        if (backslash > q) break;
        if (checking && !isPlainEscape(bytes[backslash + 1])) doc!.canonical = false;
        from = backslash + 2;
      }
      if (bytes[q + 1] === COLON) {
        if (doc !== null && depth === DOC_DEPTH) {
          memberStart = i;
          kept = bytes[i + 1] !== UNDERSCORE;
          if (kept) doc.keys++;
          if (kept && isDigit(bytes[i + 1])) doc.canonical = false;
        } else if (doc !== null) {
          if (kept) {
            doc.keys++;
            if (isDigit(bytes[i + 1])) doc.canonical = false;
          }
        } else if (depth === 1 || depth === 3) {
          keyStart = i + 1;
          keyEnd = q;
          keyDepth = depth;
        }
      }
      i = q;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (doc === null && keyDepth === depth) {
        if (depth === 1 && nameIs(DOCS)) {
          if (sawDocs || c !== OPEN_ARRAY) return null;
          sawDocs = true;
          inDocs = true;
        } else if (depth === 3 && inDocs && nameIs(OK)) {
          if (okInEntry || c !== OPEN_OBJECT) return null;
          okInEntry = true;
          doc = { members: [], keys: 0, canonical: true };
          memberStart = -1;
        }
        keyDepth = -1;
      }
      depth++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (doc !== null && depth === DOC_DEPTH) {
        if (memberStart >= 0 && kept) doc.members.push(memberStart, i);
        found.push(doc);
        doc = null;
      }
      depth--;
      if (depth === 2) okInEntry = false;
      if (depth === 1) inDocs = false;
      keyDepth = -1;
    } else if (doc !== null) {
      if (c === COMMA) {
        if (depth === DOC_DEPTH) {
          if (memberStart >= 0 && kept) doc.members.push(memberStart, i);
          memberStart = -1;
        }
      } else if (c === MINUS || isDigit(c)) {
        // A number: kept as its text only when JSON.stringify writes it the same (a plain integer).
        let j = c === MINUS ? i + 1 : i;
        const first = j;
        while (isDigit(bytes[j])) j++;
        const digits = j - first;
        const next = bytes[j];
        if (kept && (digits === 0 || digits > 15 || (bytes[first] === 0x30 && (digits > 1 || c === MINUS)) || !(next === COMMA || next === CLOSE_OBJECT || next === CLOSE_ARRAY))) doc.canonical = false;
        i = j - 1;
      } else if (c !== COLON && !(c >= 0x61 && c <= 0x7a)) {
        // White space, or anything else outside a string that is no part of true, false or null.
        doc.canonical = false;
      }
    }
  }
  next.at = backslash;
  return depth === 0 ? found : null;
}

/** Keys of a parsed document's members that do not start with `_`, at every depth (as the scan counts them). */
function bodyKeys(doc: Record<string, unknown>): number {
  let n = 0;
  for (const k in doc) {
    if (k.charCodeAt(0) === UNDERSCORE) continue;
    n += 1 + keysIn(doc[k]);
  }
  return n;
}

function keysIn(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (const x of v) if (typeof x === 'object' && x !== null) n += keysIn(x);
    return n;
  }
  for (const k in v) n += 1 + keysIn((v as Record<string, unknown>)[k]);
  return n;
}

/** The kept members as one JSON object's bytes: in place where they are side by side, else copied together. */
function frame(bytes: Buffer, members: readonly number[]): Uint8Array {
  if (members.length === 0) return Buffer.from('{}', 'latin1');
  let together = true;
  for (let k = 2; k < members.length; k += 2) if (members[k] !== members[k - 1]! + 1) together = false;
  if (together) {
    const from = members[0]! - 1;
    const to = members[members.length - 1]!;
    // The byte before the first member is the document's `{` or the comma after an envelope member; the one after the last, a comma or the `}`.
    bytes[from] = OPEN_OBJECT;
    bytes[to] = CLOSE_OBJECT;
    return bytes.subarray(from, to + 1);
  }
  const parts: Uint8Array[] = [Buffer.from('{', 'latin1')];
  for (let k = 0; k < members.length; k += 2) {
    if (k > 0) parts.push(Buffer.from(',', 'latin1'));
    parts.push(bytes.subarray(members[k]!, members[k + 1]!));
  }
  parts.push(Buffer.from('}', 'latin1'));
  return Buffer.concat(parts);
}
