import type Database from 'better-sqlite3';
import { bm25, entryTokens, idf, isPlainToken, K1, matchPhrases, MIN_KEY, phraseFrequencies } from './bm25';
import { boundWeight, buildBestList, FREQUENT_KEY_ROWS, indexTotals, type Bound } from './champions';

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
          exact: db.prepare<[string, number], number>('SELECT rank FROM search_fts WHERE search_fts MATCH ? AND rowid = ?').pluck(),
        };
  cache.set(db, s);
  return s;
}

/** Whether this connection may write (a read-only or query-only copy searches without building lists). */
const canWrite = (db: Database.Database): boolean => !db.readonly && db.pragma('query_only', { simple: true }) !== 1;

/** Below this many matches of its rarest word, a query is ranked in full: that is cheap already. */
const FEW_MATCHES = 1500;
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
  const hits = phrases.map((p) => s.count.get(`"${p.token}"${p.prefix ? '*' : ''}`) ?? 0);
  if (Math.min(...hits) < FEW_MATCHES) return null;
  const bounds = phrases.map((p): Bound | undefined => {
    if (p.token.length < MIN_KEY || !isPlainToken(p.token)) return undefined;
    let b = s.bound.get(p.token);
    if (b === undefined && canWrite(db) && s.count.get(`"${p.token}"*`)! >= FREQUENT_KEY_ROWS) {
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

  const keys = [...new Set(phrases.filter((_, i) => bounds[i] !== undefined).map((p) => p.token))];
  const page: Ranked[] = [];
  for (const c of s.candidates.all(JSON.stringify(keys))) {
    const tokens = entryTokens(c.title, c.body);
    let score: number | undefined;
    if (tokens === null) {
      // An odd row: only FTS5 knows its tokens. Skip it when a word is not even in its text.
      if (phrases.some((p) => !c.title.includes(p.token) && !c.body.includes(p.token))) continue;
      score = s.exact.get(match, c.rowid);
      if (score === undefined) continue;
    } else {
      const f = phraseFrequencies(tokens, phrases);
      if (f.includes(0)) continue;
      score = bm25(f, idfs, tokens.length, avgdl);
    }
    const r: Ranked = { rowid: c.rowid, score, id: c.id, type: c.type, deleted: c.deleted, status: c.status, release_date: c.release_date };
    if (score < proven && wanted(r)) page.push(r);
  }
  return page.length >= k ? page.sort(order) : null;
}
