import { rebuildBestLists } from '../../search/champions';
import type { Migration } from './types';

/**
 * The search index's side index of best rows (see core/search/champions.ts): for each
 * frequent word beginning, the rows that score best for it and a bound on all the others, so
 * that a search scores a few hundred rows instead of every match and proves its page is the
 * top of the full ranking. Built here from the kept text of every entry.
 */
export const m0007: Migration = {
  version: 7,
  name: 'search-best-rows',
  up(db) {
    db.exec(`
      CREATE TABLE search_best (
        key TEXT NOT NULL,
        doc_rowid INTEGER NOT NULL,
        PRIMARY KEY (key, doc_rowid)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE search_best_key (
        key TEXT PRIMARY KEY,
        bound TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE search_odd (doc_rowid INTEGER PRIMARY KEY) STRICT;
      CREATE TABLE search_best_state (id INTEGER PRIMARY KEY CHECK (id = 1), generation INTEGER NOT NULL) STRICT;
      INSERT INTO search_best_state(id, generation) VALUES (1, 0);
    `);
    rebuildBestLists(db);
  },
};
