import type { Migration } from './types';

/**
 * Which editing session made a revision, for the revisions this library's editors committed
 * (`draft.commit`). History reads it to show the saves of one session as one version; nothing
 * else does, and it never leaves this library (a revision from elsewhere, a restore, an import or
 * a life-cycle action has no row). Older revisions have none either: their history stays as it
 * was, one entry each. Version 11 is left to another branch.
 */
export const m0012: Migration = {
  version: 12,
  name: 'revision-sessions',
  up(db) {
    db.exec(`
      CREATE TABLE rev_sessions (
        doc_rowid INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        rev TEXT NOT NULL,
        session TEXT NOT NULL,
        PRIMARY KEY (doc_rowid, rev)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
