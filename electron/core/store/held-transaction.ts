import type Database from 'better-sqlite3';

/**
 * A write transaction held open across pauses of a long job (a contacts import reports its
 * progress and hears a cancel between slices of the file, and stores all of it or nothing).
 * While it is held, every other call to the same connection would run inside it: its writes
 * undone by a cancel, its reads seeing rows not yet committed. So the dispatcher makes calls
 * wait for `heldTransaction` to settle (all but the job methods that follow and cancel it).
 */

const held = new WeakMap<Database.Database, Promise<unknown>>();

/** The held transaction of this connection, to wait for; undefined when there is none. */
export function heldTransaction(db: Database.Database): Promise<unknown> | undefined {
  return held.get(db);
}

/**
 * Runs `work` inside BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when it throws or `keep` says
 * no. `work` may pause (await); nothing else runs on the connection meanwhile.
 */
export async function holdTransaction<T>(db: Database.Database, work: () => Promise<T>, keep: (result: T) => boolean): Promise<T> {
  while (held.has(db)) await held.get(db)!.catch(() => undefined);
  const run = (async () => {
    db.prepare('BEGIN IMMEDIATE').run();
    let result: T;
    try {
      result = await work();
    } catch (e) {
      if (db.inTransaction) db.prepare('ROLLBACK').run();
      throw e;
    }
    db.prepare(keep(result) ? 'COMMIT' : 'ROLLBACK').run();
    return result;
  })();
  held.set(db, run);
  try {
    return await run;
  } finally {
    held.delete(db);
  }
}
