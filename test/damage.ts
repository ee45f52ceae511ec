import type Database from 'better-sqlite3';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Library } from '../electron/core/store/library';
import { DB_FILE } from '../electron/core/store/open';

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

/** Writes 32 KiB of the byte `fill` over pages in the middle of a SQLite file, its header intact. */
export function noiseOverMiddlePages(file: string, fill = 0xa5): void {
  const noise = Buffer.alloc(4096 * 8, fill);
  const fd = openSync(file, 'r+');
  writeSync(fd, noise, 0, noise.length, Math.floor(statSync(file).size / 2 / 4096) * 4096);
  closeSync(fd);
}

/** A library of 300 contacts in `dir`, closed, with noise over pages in the middle of its file: the next open finds it damaged and moves it aside. */
export async function damagedLibrary(dir: string): Promise<void> {
  const lib = await Library.open(dir);
  for (let i = 0; i < 300; i++) lib.docs.create('contact', { name: `Person ${i}`, notes: 'x'.repeat(500) }, { author: 't' });
  lib.close();
  noiseOverMiddlePages(join(dir, DB_FILE));
}
