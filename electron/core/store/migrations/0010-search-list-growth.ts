import type { Migration } from './types';

/**
 * The background job that lists words which became frequent after the lists of best rows were
 * built (core/search/grow-lists.ts): where it stands, so that it resumes after a restart, and the
 * lists it is building. `scanned_rows` 0: the first idle moment looks for such words, which an
 * existing library grown since migration 7 may have.
 */
export const m0010: Migration = {
  version: 10,
  name: 'search-list-growth',
  up(db) {
    db.exec(`
      CREATE TABLE search_best_job (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        build INTEGER NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('idle', 'scan', 'build', 'save')),
        scanned_rows INTEGER NOT NULL,
        scan_rows INTEGER NOT NULL,
        after_term TEXT NOT NULL,
        term_rows TEXT NOT NULL,
        after_rowid INTEGER NOT NULL,
        since_seq INTEGER NOT NULL,
        avgdl REAL NOT NULL
      ) STRICT;
      INSERT INTO search_best_job VALUES (1, 0, 'idle', 0, 0, '', '[]', 0, 0, 1);
      CREATE TABLE search_best_draft (
        key TEXT PRIMARY KEY,
        state TEXT
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
