import type Database from 'better-sqlite3';

/** Most distinct SQL texts kept per connection: list filters combine into a few dozen at most. */
const LIMIT = 200;
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement prepared once per connection and reused: handlers that build their SQL from a
 * few fixed pieces (list filters, the draft journal) otherwise prepare it on every call.
 */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let s = cache.get(sql);
  if (s) {
    // Most recently used last, so the oldest is the one dropped below.
    cache.delete(sql);
  } else {
    s = db.prepare(sql);
    if (cache.size >= LIMIT) cache.delete(cache.keys().next().value as string);
  }
  cache.set(sql, s);
  return s;
}
