import type Database from 'better-sqlite3';

/**
 * Damage done to a library outside Dateline (a disk editor, a broken tool), for tests that a
 * damaged record gives the coded error naming it instead of a crash.
 */

/** Sets `path` (a SQLite JSON path such as "$.name") to the JSON text `json` in a stored revision: the winner unless `rev` is given. */
export function damageRevision(db: Database.Database, id: string, path: string, json: string, rev?: string): void {
  const changed = db
    .prepare(
      `UPDATE bodies SET json = json_set(json, ?, json(?))
       WHERE id = (SELECT body_id FROM rev_tree WHERE doc_rowid = (SELECT rowid FROM docs WHERE id = ?) AND rev = coalesce(?, (SELECT winner FROM docs WHERE id = ?)))`,
    )
    .run(path, json, id, rev ?? null, id).changes;
  if (changed !== 1) throw new Error(`no stored revision ${rev ?? 'winner'} of ${id} to damage`);
}

/** Replaces the text of a `_local` record (settings, segments, a private note). */
export function damageLocal(db: Database.Database, id: string, text: string): void {
  if (db.prepare('UPDATE local_docs SET body = ? WHERE id = ?').run(text, id).changes !== 1) throw new Error(`no local record ${id} to damage`);
}
