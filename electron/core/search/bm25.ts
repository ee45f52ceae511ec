/**
 * FTS5's bm25 ranking written out, so that a few rows can be scored without asking FTS5 to
 * score every match (it calls bm25 once per match). The arithmetic is done in the same order
 * as SQLite's (ext/fts5/fts5_aux.c, default column weights of 1), so a score computed here
 * is the number `rank` gives for the same row.
 *
 * The index's text is stored folded and joined by single spaces (see search/entry.ts). For
 * "plain" tokens (the test below) FTS5's unicode61 tokenizer (remove_diacritics 2) produces
 * the same tokens from that text, so a row's phrase frequencies and length can be read from
 * its kept text. A row with any other token is "odd": its tokens as FTS5 sees them are not
 * known here, and it is never scored here.
 */

export const K1 = 1.2;
export const B = 0.75;

/**
 * Letters and digits FTS5's unicode61 tokenizer keeps as they are in folded text: ASCII
 * lower case and digits, the Latin letters that folding leaves alone (ø ł đ ð þ ħ ı ŋ, checked
 * against SQLite in test/search/bm25.test.ts) and the Arabic letters and digits of Unicode 6.1.
 */
const PLAIN = 'a-z0-9\\u00f0\\u00f8\\u00fe\\u0111\\u0127\\u0131\\u0142\\u014b\\u0621-\\u063a\\u0641-\\u064a\\u0660-\\u0669\\u0671-\\u06d3\\u06f0-\\u06f9';
const PLAIN_TOKEN = new RegExp(`^[${PLAIN}]+$`);
// Plain tokens joined by single spaces, as indexText writes them (or nothing).
const PLAIN_TEXT = new RegExp(`^(?:[${PLAIN}]+(?: [${PLAIN}]+)*)?$`);

export const isPlainToken = (t: string): boolean => PLAIN_TOKEN.test(t);
/** Whether kept text is plain tokens joined by single spaces (FTS5 splits it as we do). */
export const isPlainText = (text: string): boolean => PLAIN_TEXT.test(text);

/** A query phrase: one token, matched whole or (`prefix`) as the start of a token. */
export interface Phrase {
  token: string;
  prefix: boolean;
}

// A MATCH expression of single words only, as ftsQuery writes one: `"a" "b"*`.
const WORDS_ONLY = /^"[^" ]+"\*?(?: "[^" ]+"\*?)*$/u;

/**
 * The phrases of a MATCH expression built by ftsQuery when each is one word (`"a" "b"*`);
 * null when it asks for words side by side or for one of several forms (a quoted phrase, a
 * figure: search/terms.ts), which are scored only by FTS5.
 */
export function matchPhrases(match: string): Phrase[] | null {
  if (!WORDS_ONLY.test(match)) return null;
  return [...match.matchAll(/"([^"]*)"(\*?)/g)].map((m) => ({ token: m[1]!, prefix: m[2] === '*' }));
}

/** The index's statistics bm25 reads: rows, and tokens in all columns of all rows. */
export interface IndexTotals {
  rows: number;
  tokens: number;
}

/** One varint of FTS5's records: 7 bits a byte, high bit set while more follow, a 9th byte whole. */
export function varint(buf: Uint8Array, at: number): [number, number] {
  let v = 0;
  for (let i = 0; i < 9; i++) {
    const b = buf[at + i]!;
    if (i === 8) return [v * 256 + b, at + 9];
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return [v, at + i + 1];
  }
  return [v, at + 9];
}

/** The totals in FTS5's averages record (rowid 1 of its data table): rows, then tokens per column. */
export function decodeTotals(block: Uint8Array, columns: number): IndexTotals {
  const [rows, first] = varint(block, 0);
  let at = first;
  let tokens = 0;
  for (let c = 0; c < columns; c++) {
    const [n, next] = varint(block, at);
    tokens += n;
    at = next;
  }
  return { rows, tokens };
}

/** A row's length in tokens, all columns, from its record in FTS5's docsize table. */
export function rowLength(sz: Uint8Array, columns: number): number {
  let d = 0;
  let at = 0;
  for (let c = 0; c < columns; c++) {
    const [n, next] = varint(sz, at);
    d += n;
    at = next;
  }
  return d;
}

/** bm25's inverse document frequency for a phrase found in `hits` of `rows` rows, floored as FTS5 does. */
export function idf(rows: number, hits: number): number {
  const v = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return v <= 0 ? 1e-6 : v;
}

/** One phrase's share of a row's score: frequency `f` in a row of `d` tokens. */
export function termWeight(f: number, d: number, avgdl: number): number {
  return (f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * d) / avgdl));
}

/** The row's phrase frequencies (tokens equal to, or starting with, each phrase's token). */
export function phraseFrequencies(tokens: readonly string[], phrases: readonly Phrase[]): number[] {
  const f = phrases.map(() => 0);
  for (const t of tokens) {
    for (let i = 0; i < phrases.length; i++) {
      const p = phrases[i]!;
      if (p.prefix ? t.startsWith(p.token) : t === p.token) f[i]!++;
    }
  }
  return f;
}

/** The score `rank` gives a row (lower is better): -Σ idf × weight, summed in phrase order. */
export function bm25(freqs: readonly number[], idfs: readonly number[], d: number, avgdl: number): number {
  let score = 0.0;
  for (let i = 0; i < idfs.length; i++) score += idfs[i]! * termWeight(freqs[i]!, d, avgdl);
  return -1.0 * score;
}

/** The tokens of a kept entry, as FTS5 counts them (title first, then body), or null for an odd row. */
export function entryTokens(title: string, body: string): string[] | null {
  if (!isPlainText(title) || !isPlainText(body)) return null;
  const out = title === '' ? [] : title.split(' ');
  if (body !== '') for (const t of body.split(' ')) out.push(t);
  return out;
}

/**
 * The keys a token counts under in the side index of best rows (champions.ts): each of its
 * beginnings of at least MIN_KEY characters, itself included. A key stands for every token
 * starting with it, so a whole word typed as the last (prefix) word of a query is a key too.
 */
export function tokenKeys(t: string, each: (key: string) => void): void {
  for (let n = MIN_KEY; n <= t.length; n++) each(t.slice(0, n));
}

export const MIN_KEY = 3;

/**
 * The keys of each token, remembered, or null for a token that is not plain: a release has
 * about 200 distinct tokens and 1,100 beginnings of them, and cutting and hashing those
 * beginnings again for every write was most of what keeping the lists cost a write. `isKey`
 * (null: there are no keys) must not change while the cache is used.
 */
export function keysOfTokens(isKey: ((key: string) => boolean) | null): (token: string) => readonly string[] | null {
  const known = new Map<string, readonly string[] | null>();
  const none: readonly string[] = [];
  return (t) => {
    let keys = known.get(t);
    if (keys === undefined) {
      if (!isPlainToken(t)) keys = null;
      else if (isKey === null) keys = none;
      else {
        const found: string[] = [];
        tokenKeys(t, (k) => {
          if (isKey(k)) found.push(k);
        });
        keys = found;
      }
      // Names, e-mail addresses and numbers are tokens too: forget them all now and then.
      if (known.size >= 200_000) known.clear();
      known.set(t, keys);
    }
    return keys;
  };
}

/**
 * How often each key occurs in a row: for each key, the tokens starting with it; null when a
 * token is not plain (an odd row). Tokens as entryTokens gives them, or as kept (split on spaces).
 */
export function keyFrequencies(tokens: readonly string[], keysOf: (token: string) => readonly string[] | null): Map<string, number> | null {
  const perToken = new Map<string, number>();
  for (const t of tokens) perToken.set(t, (perToken.get(t) ?? 0) + 1);
  const out = new Map<string, number>();
  for (const [t, n] of perToken) {
    const keys = keysOf(t);
    if (keys === null) return null;
    for (const k of keys) out.set(k, (out.get(k) ?? 0) + n);
  }
  return out;
}
