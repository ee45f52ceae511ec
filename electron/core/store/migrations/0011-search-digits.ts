import { requeueForSearch } from '../../search/index-writer';
import { foldText } from '../../../shared/search/text';
import type { Migration } from './types';

// A decimal digit other than ASCII, as the old folding left it in kept text and sort names.
const OTHER_DIGIT = /(?![0-9])\p{Nd}/u;
// Rows holding any character outside printable ASCII: the only ones worth testing in JavaScript.
const NOT_ASCII = "GLOB '*[^ -~]*'";

/**
 * Search folds the decimal digits of every script to ASCII ("4500" finds "٤٥٠٠" and "۴۵۰۰").
 * Entries indexed before kept such digits as written, and only those entries change: they go
 * back to the search queue (index-writer.ts), which indexes them again with the new folding
 * before the first search answers, instead of rebuilding every entry here. Contact and outlet
 * sort names are folded text too (duplicate checks compare them with a folded name), so those
 * holding such digits are folded again.
 */
export const m0011: Migration = {
  version: 11,
  name: 'search-digits',
  up(db) {
    const stale: number[] = [];
    const kept = db.prepare<[], { doc_rowid: number; title: string; body: string }>(
      `SELECT doc_rowid, title, body FROM search_text WHERE title ${NOT_ASCII} OR body ${NOT_ASCII}`,
    );
    for (const e of kept.iterate()) if (OTHER_DIGIT.test(e.title) || OTHER_DIGIT.test(e.body)) stale.push(e.doc_rowid);
    requeueForSearch(db, stale);

    for (const table of ['contact_p', 'outlet_p'] as const) {
      const rows = db.prepare<[], { doc_rowid: number; name: string }>(`SELECT doc_rowid, name FROM ${table} WHERE sort_name ${NOT_ASCII}`).all();
      const update = db.prepare<[string, number]>(`UPDATE ${table} SET sort_name = ? WHERE doc_rowid = ?`);
      for (const r of rows) if (OTHER_DIGIT.test(r.name)) update.run(foldText(r.name), r.doc_rowid);
    }
  },
};
