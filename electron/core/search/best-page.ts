import type Database from 'better-sqlite3';
import { bm25, entryTokens, idf, isPlainToken, K1, matchPhrases, MIN_KEY, phraseFrequencies, rowLength, termWeight } from './bm25';
import { boundWeight, boundWeightAt, buildBestList, FREQUENT_KEY_ROWS, indexTotals, LAZY_LIST_MAX_ROWS, type Bound } from './champions';

/** A match with what the filters and the tie-break need (`deleted` is null for an entry with no document). */
export interface Ranked {
  rowid: number;
  score: number;
  id: string;
  type: string;
  deleted: number | null;
  status: string | null;
  release_date: string | null;
}

/** How a page was found: proven from the lists of best rows, or by ranking every match. */
export type SearchPath = 'best-rows' | 'full';

interface Candidate extends Ranked {
  title: string;
  body: string;
}

interface Statements {
  count: Database.Statement<[string], number>;
  bound: Database.Statement<[string], string>;
  odd: Database.Statement<[], number>;
  candidates: Database.Statement<[string], Omit<Candidate, 'score'>>;
  sized: Database.Statement<[string], { rowid: number; sz: Buffer }>;
  one: Database.Statement<[number], Omit<Candidate, 'score'>>;
  exact: Database.Statement<[string, number], number>;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements | null {
  let s = cache.get(db);
  if (s !== undefined) return s;
  if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'search_best_key'").get() === undefined) return null;
  s = {
          count: db.prepare<[string], number>('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck(),
          bound: db.prepare<[string], string>('SELECT bound FROM search_best_key WHERE key = ?').pluck(),
          odd: db.prepare<[], number>('SELECT count(*) FROM search_odd').pluck(),
          // CROSS JOIN keeps the candidates first: left to itself, the planner scanned every document.
          candidates: db.prepare(
            `SELECT c.value AS rowid, s.title, s.body, d.id, d.type, d.deleted, r.status, r.release_date
             FROM json_each((SELECT json_group_array(doc_rowid) FROM
                  (SELECT doc_rowid FROM search_best WHERE key IN (SELECT value FROM json_each(?)) UNION SELECT doc_rowid FROM search_odd))) c
             CROSS JOIN search_text s ON s.doc_rowid = c.value
             CROSS JOIN docs d ON d.rowid = c.value
             LEFT JOIN release_p r ON r.doc_rowid = c.value`,
          ),
          sized: db.prepare(
            'SELECT f.rowid AS rowid, z.sz AS sz FROM search_fts f CROSS JOIN search_fts_docsize z ON z.id = f.rowid WHERE search_fts MATCH ?',
          ),
          one: db.prepare(
            `SELECT s.doc_rowid AS rowid, s.title, s.body, d.id, d.type, d.deleted, r.status, r.release_date
             FROM search_text s JOIN docs d ON d.rowid = s.doc_rowid LEFT JOIN release_p r ON r.doc_rowid = s.doc_rowid
             WHERE s.doc_rowid = ?`,
          ),
          exact: db.prepare<[string, number], number>('SELECT rank FROM search_fts WHERE search_fts MATCH ? AND rowid = ?').pluck(),
        };
  cache.set(db, s);
  return s;
}

/** Whether this connection may write (a read-only or query-only copy searches without building lists). */
const canWrite = (db: Database.Database): boolean => !db.readonly && db.pragma('query_only', { simple: true }) !== 1;

/** Below this many matches, a query of one word is ranked in full: that is cheap already. */
const FEW_MATCHES = 1500;
/** Below this many rows holding every word of a query of several words, it is ranked in full. */
const FEW_MATCHES_OF_ALL = 3000;
/** Past this many matches, bounding each match by its length costs more than ranking them. */
const MAX_SIZED = 30_000;
/** Past this many matches scored one by one, ranking them all is cheaper. */
const MAX_READ = 300;
/** Odd rows are scored by FTS5 one by one (each costs a count of every phrase); past this many, rank in full. */
const MAX_ODD = 8;
// Room for the last bit of a sum done in another order: a score this close to the bound is not proven.
const MARGIN = 1e-9;

/**
 * The best `k` wanted matches in the order `order`, proven from the lists of best rows
 * (champions.ts), or null when they cannot be proven and the caller must rank every match.
 *
 * Every row not listed under any of the query's words scores no better than `outside`: for a
 * word with a list, its bound's best weight at today's average length; for a word without
 * one, bm25's ceiling k1 + 1. The listed rows are scored exactly, from their kept text and
 * today's totals (bm25.ts). Listed rows that beat `outside` beat every unlisted one, so when
 * at least `k` wanted rows do, they are the top `k` of the full ranking.
 */
export function bestPage(
  db: Database.Database,
  match: string,
  k: number,
  wanted: (r: Ranked) => boolean,
  order: (a: Ranked, b: Ranked) => number,
): Ranked[] | null {
  const s = statements(db);
  if (s === null) return null;
  const phrases = matchPhrases(match);
  if (phrases === null) return null;
  // What ranking every match costs: how many rows hold every word. Counted first, so that a
  // query cheap to rank in full pays one count before it.
  const all = s.count.get(match) ?? 0;
  if (all < (phrases.length === 1 ? FEW_MATCHES : FEW_MATCHES_OF_ALL)) return null;
  const hits = phrases.length === 1 ? [all] : phrases.map((p) => s.count.get(`"${p.token}"${p.prefix ? '*' : ''}`) ?? 0);
  const bounds = phrases.map((p): Bound | undefined => {
    if (p.token.length < MIN_KEY || !isPlainToken(p.token)) return undefined;
    let b = s.bound.get(p.token);
    const rows = b === undefined && canWrite(db) ? s.count.get(`"${p.token}"*`)! : 0;
    if (rows >= FREQUENT_KEY_ROWS && rows <= LAZY_LIST_MAX_ROWS) {
      db.transaction(() => buildBestList(db, p.token)).immediate();
      b = s.bound.get(p.token);
    }
    return b === undefined ? undefined : (JSON.parse(b) as Bound);
  });
  if (bounds.every((b) => b === undefined)) return null;
  if ((s.odd.get() ?? 0) > MAX_ODD) return null;

  const totals = indexTotals(db);
  const avgdl = totals.tokens / totals.rows;
  const idfs = hits.map((h) => idf(totals.rows, h));
  let best = 0;
  bounds.forEach((b, i) => {
    best += idfs[i]! * (b === undefined ? K1 + 1 : boundWeight(b, avgdl));
  });
  const outside = -best;
  const proven = outside - MARGIN * Math.abs(outside);

  const score = (c: Omit<Candidate, 'score'>): Ranked | null => {
    const tokens = entryTokens(c.title, c.body);
    let value: number | undefined;
    if (tokens === null) {
      // An odd row: only FTS5 knows its tokens. Skip it when a word is not even in its text.
      if (phrases.some((p) => !c.title.includes(p.token) && !c.body.includes(p.token))) return null;
      value = s.exact.get(match, c.rowid);
      if (value === undefined) return null;
    } else {
      const f = phraseFrequencies(tokens, phrases);
      if (f.includes(0)) return null;
      value = bm25(f, idfs, tokens.length, avgdl);
    }
    return { rowid: c.rowid, score: value, id: c.id, type: c.type, deleted: c.deleted, status: c.status, release_date: c.release_date };
  };

  const keys = [...new Set(phrases.filter((_, i) => bounds[i] !== undefined).map((p) => p.token))];
  const seen = new Set<number>();
  const scored: Ranked[] = [];
  for (const c of s.candidates.all(JSON.stringify(keys))) {
    seen.add(c.rowid);
    const r = score(c);
    if (r !== null && wanted(r)) scored.push(r);
  }
  scored.sort(order);
  if (scored.length >= k && scored[k - 1]!.score < proven) return scored.filter((r) => r.score < proven);

  // Not proven by the lists alone, usually a query of several words: the best rows of each
  // word need not hold the others. Each unlisted match gets a bound from its own length (an
  // unlisted row has at most the frequency of the bound's points no longer than itself), and
  // matches are scored from their text, most promising first, until the page beats the bound
  // of every match left.
  const sized = s.sized.all(match);
  if (sized.length > MAX_SIZED) return null;
  const rest: { rowid: number; best: number }[] = [];
  for (const m of sized) {
    if (seen.has(m.rowid)) continue;
    const d = rowLength(m.sz, 2);
    let w = 0;
    bounds.forEach((b, i) => {
      w += idfs[i]! * (b === undefined ? termWeight(d, d, avgdl) : boundWeightAt(b, d, avgdl));
    });
    rest.push({ rowid: m.rowid, best: -w });
  }
  rest.sort((a, b) => a.best - b.best);
  for (let at = 0; ; at++) {
    const next = rest[at];
    if (next === undefined) return scored;
    if (scored.length >= k && scored[k - 1]!.score < next.best - MARGIN * Math.abs(next.best)) {
      return scored.filter((r) => r.score < next.best - MARGIN * Math.abs(next.best));
    }
    if (at >= MAX_READ) return null;
    const c = s.one.get(next.rowid);
    const r = c === undefined ? null : score(c);
    if (r !== null && wanted(r)) {
      scored.push(r);
      scored.sort(order);
    }
  }
}
