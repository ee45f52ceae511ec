import type { Migration } from './types';

/**
 * Revision bodies move out of the revision tree. In the WITHOUT ROWID `revs` table a body of a
 * few kilobytes overflowed its b-tree pages, so storing a pulled document rewrote about 15 pages
 * of that b-tree. Bodies now live in `bodies`, a rowid table appended in order, and the tree in
 * `rev_tree`, whose rows are small. The view `revs` joins them back with the columns the single
 * table had, so every reader is unchanged; writes go through store/rev-rows.ts. A body row
 * belongs to exactly one revision (`rev_tree.body_id`); compaction and erasure delete it.
 */
export const m0008: Migration = {
  version: 8,
  name: 'bodies-apart',
  up(db) {
    db.exec(`
      CREATE TABLE bodies (
        id INTEGER PRIMARY KEY,
        json TEXT NOT NULL
      ) STRICT;
      CREATE TABLE rev_tree (
        doc_rowid INTEGER NOT NULL REFERENCES docs(rowid) ON DELETE CASCADE,
        rev TEXT NOT NULL,
        pos INTEGER NOT NULL,
        parent TEXT,
        deleted INTEGER NOT NULL DEFAULT 0,
        leaf INTEGER NOT NULL DEFAULT 1,
        body_id INTEGER,
        author TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (doc_rowid, rev)
      ) STRICT, WITHOUT ROWID;

      INSERT INTO bodies(id, json)
        SELECT row_number() OVER (ORDER BY doc_rowid, rev), body FROM revs WHERE body IS NOT NULL;
      INSERT INTO rev_tree(doc_rowid, rev, pos, parent, deleted, leaf, body_id, author, at)
        SELECT r.doc_rowid, r.rev, r.pos, r.parent, r.deleted, r.leaf, n.id, r.author, r.at
        FROM revs r LEFT JOIN (
          SELECT doc_rowid, rev, row_number() OVER (ORDER BY doc_rowid, rev) AS id FROM revs WHERE body IS NOT NULL
        ) n ON n.doc_rowid = r.doc_rowid AND n.rev = r.rev;

      DROP TABLE revs;
      CREATE INDEX revs_leaves ON rev_tree(doc_rowid) WHERE leaf = 1;
      CREATE INDEX revs_parent ON rev_tree(doc_rowid, parent);
      CREATE VIEW revs AS
        SELECT t.doc_rowid, t.rev, t.pos, t.parent, t.deleted, t.leaf, b.json AS body, t.author, t.at
        FROM rev_tree t LEFT JOIN bodies b ON b.id = t.body_id;
    `);
  },
};
