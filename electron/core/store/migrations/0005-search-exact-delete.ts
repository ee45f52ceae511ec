import { rebuildProjections } from '../projections';
import type { Migration } from './types';

/**
 * The search index forgets removed documents exactly. FTS5's contentless_delete tables drop a
 * removed document's postings but never lower the row count and token totals bm25 reads
 * (SQLite 3.53: ten documents, two deleted, still count ten), so scores drifted from a fresh
 * index as a library lived. The index becomes a plain contentless table, and `search_text`
 * keeps the exact text each entry was indexed with, so a removal hands FTS5 those values
 * (its 'delete' command) and the totals follow. Every existing library carries the drifted
 * totals, so the index is rebuilt from the winners here.
 */
export const m0005: Migration = {
  version: 5,
  name: 'search-exact-delete',
  up(db) {
    db.exec(`
      DROP TABLE search_fts;
      CREATE VIRTUAL TABLE search_fts USING fts5(
        title, body,
        content = '',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      CREATE TABLE search_text (
        doc_rowid INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
    `);
    rebuildProjections(db);
  },
};
