import { DatelineError } from '../../shared/errors';
import { decodeCursor, encodeCursor } from './paging';

/** A listed row and the texts it is ordered by, most significant first. */
export interface CollatedRow {
  rowid: number;
  keys: readonly string[];
}

const collators = new Map<string, Intl.Collator>();

/** The collation of a language (numbers inside words in their numeric order: "Phase 2" before "Phase 10"). */
export function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale, { numeric: true });
    collators.set(locale, c);
  }
  return c;
}

// Between the keys of a multi-key cursor: no list's text holds it (control characters are
// left out of every imported or typed text).
const SEP = '\u0000';

/**
 * One page of rows in the collation of `locale` (Intl.Collator: letters count before accents and
 * capitals, so "eau" comes before "École" and "École" beside "Ecole"; Arabic letters in their own
 * order): by each key in turn, a row whose first key is empty last in either direction, the
 * document as tie-breaker. `keys`: how many each row has. `what` names the order in the error a foreign cursor gets.
 *
 * SQLite's collations cannot be given a language's (better-sqlite3 registers none), so the
 * caller reads the keys of every row its filters keep and the page is chosen here: each row is
 * compared with the cursor and with the worst row of the page so far (two comparisons a row, no
 * sort of the whole list).
 */
export function collatedPage(
  rows: readonly CollatedRow[],
  spec: {
    keys: number;
    limit: number;
    cursor: string | null;
    direction: 'asc' | 'desc';
    locale: string;
    what: string;
    /** The first keys' places in the collation, when the caller ranked them (a key it has not ranked, as a cursor's, is collated). */
    rankOfFirst?: (key: string) => number | undefined;
  },
): { rowids: number[]; nextCursor: string | null; total: number } {
  const compare = collator(spec.locale).compare;
  const sign = spec.direction === 'desc' ? -1 : 1;
  const rankOfFirst = spec.rankOfFirst;
  const order = (a: CollatedRow, b: CollatedRow): number => {
    if ((a.keys[0] === '') !== (b.keys[0] === '')) return a.keys[0] === '' ? 1 : -1;
    const ra = rankOfFirst?.(a.keys[0]!);
    const rb = ra === undefined ? undefined : rankOfFirst?.(b.keys[0]!);
    let from = 0;
    if (ra !== undefined && rb !== undefined) {
      if (ra !== rb) return sign * (ra - rb);
      from = 1;
    }
    for (let i = from; i < a.keys.length; i++) {
      const c = compare(a.keys[i]!, b.keys[i]!);
      if (c !== 0) return sign * c;
    }
    return sign * (a.rowid - b.rowid);
  };

  const width = spec.keys;
  const cursor = decodeCursor(spec.cursor);
  const cursorKeys = cursor && typeof cursor[0] === 'string' ? (width === 1 ? [cursor[0]] : cursor[0].split(SEP)) : null;
  if (cursor && (cursorKeys === null || cursorKeys.length !== width)) {
    throw new DatelineError('INVALID_INPUT', `cursor: this page cursor is not one of a list in ${spec.what} order; start from the first page.`, { path: ['cursor'], params: { reason: 'staleCursor' } });
  }
  const after: CollatedRow | null = cursor && cursorKeys ? { keys: cursorKeys, rowid: cursor[1] } : null;

  // The best limit + 1 rows after the cursor, kept in order; one more than a page tells whether another follows.
  const keep = spec.limit + 1;
  const best: CollatedRow[] = [];
  for (const r of rows) {
    if (best.length === keep && order(r, best[keep - 1]!) >= 0) continue;
    if (after && order(r, after) <= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(best[mid]!, r) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, r);
    if (best.length > keep) best.pop();
  }
  const more = best.length > spec.limit;
  const page = more ? best.slice(0, spec.limit) : best;
  const last = page[page.length - 1];
  return { rowids: page.map((r) => r.rowid), nextCursor: more && last ? encodeCursor(last.keys.join(SEP), last.rowid) : null, total: rows.length };
}
