import type Database from 'better-sqlite3';
import { prepared } from './statements';

/**
 * Writes the rows of revision trees. From schema 7 a revision's body lives in `bodies` (a rowid
 * table) and the tree in `rev_tree` (WITHOUT ROWID, small rows), read together through the view
 * `revs`, whose columns are those of the single table an older library has; see
 * migrations/0008-bodies-apart.ts. Every reader reads `revs`; every write of revision rows goes
 * through here, which writes either layout (a library at an older schema: tests, a migration).
 */
export interface RevRows {
  /**
   * Inserts one revision; `json` is its body's text (a string, or its UTF-8 bytes), or null for
   * an ancestor known by id only.
   */
  insert(
    rowid: number,
    rev: string,
    pos: number,
    parent: string | null,
    deleted: boolean,
    leaf: boolean,
    json: string | Uint8Array | null,
    author: string,
    at: string,
  ): void;
  unleaf(rowid: number, rev: string): void;
  setParent(rowid: number, rev: string, parent: string): void;
  /** Removes every body of a document but those of the given revisions (a JSON array). */
  eraseBodies(rowid: number, keep: string): void;
  /** Compaction of the documents with row numbers in [from, to]; returns the bodies removed. */
  compact(from: number, to: number): number;
}

/**
 * Which old bodies compaction removes, as a condition on the tree table `t`: not a leaf, not a
 * branch point (the base a later merge of its branches needs), not the base of an editing
 * session in progress nor of an open conflict.
 */
const COMPACTABLE = (t: string) => `
  ${t}.doc_rowid BETWEEN @from AND @to AND ${t}.leaf = 0
    AND (SELECT count(*) FROM ${t} c WHERE c.doc_rowid = ${t}.doc_rowid AND c.parent = ${t}.rev) < 2
    AND NOT EXISTS (SELECT 1 FROM drafts d JOIN docs o ON o.id = d.doc_id WHERE o.rowid = ${t}.doc_rowid AND d.base_rev = ${t}.rev)
    AND NOT EXISTS (
      SELECT 1 FROM conflicts k JOIN docs o ON o.id = k.doc_id
      WHERE o.rowid = ${t}.doc_rowid AND k.resolved_at IS NULL AND k.base_rev = ${t}.rev
    )`;

// Prepared on use: a library at schema 1 or 2 has no drafts or conflicts tables yet.
const COMPACT_BODIES = `DELETE FROM bodies WHERE id IN (SELECT body_id FROM rev_tree WHERE body_id IS NOT NULL AND ${COMPACTABLE('rev_tree')})`;
const COMPACT_LINKS = `UPDATE rev_tree SET body_id = NULL
  WHERE doc_rowid BETWEEN @from AND @to AND body_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bodies b WHERE b.id = rev_tree.body_id)`;
const COMPACT_TOGETHER = `UPDATE revs SET body = NULL WHERE body IS NOT NULL AND ${COMPACTABLE('revs')}`;

/** Schema 7 and later: bodies apart from the tree. */
function apart(db: Database.Database): RevRows {
  // Bytes are bound as a blob: the cast makes them the same text a string would have been.
  const insertBody = db.prepare<[string | Uint8Array]>('INSERT INTO bodies(json) VALUES (CAST(? AS TEXT))');
  const insertTree = db.prepare<[number, string, number, string | null, number, number, number | null, string, string]>(
    'INSERT INTO rev_tree(doc_rowid, rev, pos, parent, deleted, leaf, body_id, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const unleaf = db.prepare<[number, string]>('UPDATE rev_tree SET leaf = 0 WHERE doc_rowid = ? AND rev = ?');
  const setParent = db.prepare<[string, number, string]>('UPDATE rev_tree SET parent = ? WHERE doc_rowid = ? AND rev = ?');
  const erased = 'doc_rowid = ? AND body_id IS NOT NULL AND rev NOT IN (SELECT value FROM json_each(?))';
  const eraseBodies = db.prepare<[number, string]>(`DELETE FROM bodies WHERE id IN (SELECT body_id FROM rev_tree WHERE ${erased})`);
  const eraseLinks = db.prepare<[number, string]>(`UPDATE rev_tree SET body_id = NULL WHERE ${erased}`);
  return {
    insert(rowid, rev, pos, parent, deleted, leaf, json, author, at) {
      const bodyId = json === null ? null : Number(insertBody.run(json).lastInsertRowid);
      insertTree.run(rowid, rev, pos, parent, deleted ? 1 : 0, leaf ? 1 : 0, bodyId, author, at);
    },
    unleaf: (rowid, rev) => void unleaf.run(rowid, rev),
    setParent: (rowid, rev, parent) => void setParent.run(parent, rowid, rev),
    eraseBodies(rowid, keep) {
      eraseBodies.run(rowid, keep);
      eraseLinks.run(rowid, keep);
    },
    compact(from, to) {
      const removed = prepared(db, COMPACT_BODIES).run({ from, to }).changes;
      if (removed > 0) prepared(db, COMPACT_LINKS).run({ from, to });
      return removed;
    },
  };
}

/** Before schema 7: one table holding tree and bodies. */
function together(db: Database.Database): RevRows {
  const insert = db.prepare<[number, string, number, string | null, number, number, string | Uint8Array | null, string, string]>(
    'INSERT INTO revs(doc_rowid, rev, pos, parent, deleted, leaf, body, author, at) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT), ?, ?)',
  );
  const unleaf = db.prepare<[number, string]>('UPDATE revs SET leaf = 0 WHERE doc_rowid = ? AND rev = ?');
  const setParent = db.prepare<[string, number, string]>('UPDATE revs SET parent = ? WHERE doc_rowid = ? AND rev = ?');
  const eraseBodies = db.prepare<[number, string]>(
    'UPDATE revs SET body = NULL WHERE doc_rowid = ? AND body IS NOT NULL AND rev NOT IN (SELECT value FROM json_each(?))',
  );
  return {
    insert: (rowid, rev, pos, parent, deleted, leaf, json, author, at) =>
      void insert.run(rowid, rev, pos, parent, deleted ? 1 : 0, leaf ? 1 : 0, json, author, at),
    unleaf: (rowid, rev) => void unleaf.run(rowid, rev),
    setParent: (rowid, rev, parent) => void setParent.run(parent, rowid, rev),
    eraseBodies: (rowid, keep) => void eraseBodies.run(rowid, keep),
    compact: (from, to) => prepared(db, COMPACT_TOGETHER).run({ from, to }).changes,
  };
}

const cache = new WeakMap<Database.Database, RevRows>();

/** The revision-row writes of this library, for its schema; built once per connection. */
export function revRows(db: Database.Database): RevRows {
  let r = cache.get(db);
  if (!r) {
    r = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'bodies'").get() === undefined ? together(db) : apart(db);
    cache.set(db, r);
  }
  return r;
}
