import { randomUUID } from 'node:crypto';
import type { Migration } from './types';

/**
 * What replication needs: `_local` documents (checkpoints, never replicated), the conflicts
 * inbox (edits the store could not merge, deletions against edits), the documents refused from
 * other machines, a library id, and the indexes that conflicted documents and walks of the
 * revision tree by parent use.
 */
export const m0003: Migration = {
  version: 3,
  name: 'replication',
  up(db) {
    db.exec(`
      CREATE TABLE local_docs (
        id TEXT PRIMARY KEY,
        rev INTEGER NOT NULL,
        body TEXT NOT NULL
      ) STRICT;

      -- One row per case the person decides: "fields" (the same field changed on two sides) or
      -- "delete" (one side deleted what the other edited). key makes a replayed case one row.
      CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('fields', 'delete')),
        key TEXT NOT NULL UNIQUE,
        base_rev TEXT,
        ours_rev TEXT NOT NULL,
        theirs_rev TEXT NOT NULL,
        fields TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        resolved_at TEXT,
        resolution TEXT
      ) STRICT;
      CREATE INDEX conflicts_open ON conflicts(doc_id) WHERE resolved_at IS NULL;

      CREATE TABLE denied (
        id TEXT NOT NULL,
        rev TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (id, rev)
      ) STRICT;

      CREATE INDEX docs_conflicted ON docs(rowid) WHERE conflicted = 1;
      CREATE INDEX revs_parent ON revs(doc_rowid, parent);
    `);
    db.prepare("INSERT INTO meta(key, value) VALUES ('library_id', ?) ON CONFLICT(key) DO NOTHING").run(randomUUID());
  },
};
