import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchLibrary } from '../../electron/core/search/query';
import { Library } from '../../electron/core/store/library';
import { MIGRATIONS } from '../../electron/core/store/migrations/index';
import { PAGE_SIZE } from '../../electron/core/store/migrations/0011-page-size';
import { DB_FILE } from '../../electron/core/store/open';
import { pulled } from '../search/fixtures';
import { tempDir } from '../helpers';

// Migration 11 rebuilds a library's pages at 16 KB. Real library files, built by the
// migrations before it, then opened by this version.

const BEFORE = MIGRATIONS.filter((m) => m.version < 11);
const ctx = { author: 'amina' };

/** Every row of every table (full-text shadow tables included), in a fixed order. */
function everything(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const tables = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name").pluck().all();
  for (const t of tables) {
    const columns = (db.pragma(`table_info("${t}")`) as unknown[]).length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).raw().all();
  }
  return out;
}

/** A library of the version before, with releases, contacts, a branch, a deletion and a compaction. */
async function oldLibrary(dir: string): Promise<void> {
  const l = await Library.open(dir, { author: 'amina', migrations: BEFORE });
  expect(l.db.pragma('page_size', { simple: true })).toBe(4096);
  for (let i = 0; i < 40; i++) {
    l.docs.create('release', { headline: `Cholera response ${i}`, language: i % 2 ? 'fr' : 'en', tags: [`tag${i % 3}`], body: `Day ${i} `.repeat(300) }, ctx);
    l.docs.create('contact', { name: `Person ${i}`, emails: [{ address: `p${i}@example.org` }] }, ctx);
  }
  const branched = l.docs.create('release', { headline: 'Branched', language: 'en' }, ctx);
  l.docs.update(branched.id, { headline: 'Branched, edited here' }, ctx, branched.rev);
  l.replication.bulkInsertRemote([pulled(branched.id, 'elsewhere', 3, { headline: 'Branched, edited elsewhere' })]);
  const gone = l.docs.create('release', { headline: 'Withdrawn', language: 'en' }, ctx);
  l.docs.remove(gone.id, ctx, gone.rev);
  l.docs.compact();
  l.close();
}

describe('migration 11: 16 KB pages', () => {
  it('rebuilds an old library at 16 KB pages, after its backup, keeping every row of every table', async () => {
    const dir = tempDir();
    await oldLibrary(dir);
    const direct = new Database(join(dir, DB_FILE));
    const before = everything(direct);
    direct.close();
    expect(before.docs!.length).toBe(82);

    const l = await Library.open(dir, { author: 'amina' });
    expect(l.migrationBackup).not.toBeNull();
    expect(existsSync(l.migrationBackup!)).toBe(true);
    expect(l.db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(l.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(l.db.pragma('temp_store', { simple: true })).toBe(2);
    expect(l.db.pragma('user_version', { simple: true })).toBe(11);
    const after = everything(l.db);
    // Only the schema's name moved on.
    expect(after.meta).toContainEqual(['schema', '11-page-size']);
    const meta = (rows: unknown[]) => rows.filter((r) => (r as unknown[])[0] !== 'schema');
    expect({ ...after, meta: meta(after.meta!) }).toEqual({ ...before, meta: meta(before.meta!) });
    expect(l.integrityCheck()).toEqual([]);
    expect(l.db.prepare('SELECT count(*) FROM docs WHERE conflicted = 1').pluck().get()).toBe(1);
    expect(searchLibrary(l.db, 'cholera', { limit: 100 })).toHaveLength(40);
    // And it goes on working: a write, a read by a projection's index.
    l.docs.create('release', { headline: 'After the update', language: 'en', tags: ['tag1'] }, ctx);
    expect(l.db.prepare("SELECT count(*) FROM release_tag_p WHERE tag = 'tag1'").pluck().get()).toBe(14);
    l.close();
  });

  it('makes a new library with 16 KB pages', async () => {
    const l = await Library.open(tempDir());
    expect(l.db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(l.db.pragma('journal_mode', { simple: true })).toBe('wal');
    l.close();
  });

  it('refuses to rebuild a library open elsewhere, changing nothing, and rebuilds it once it is closed', async () => {
    const dir = tempDir();
    await oldLibrary(dir);
    const elsewhere = new Database(join(dir, DB_FILE));
    elsewhere.pragma('busy_timeout = 0');
    elsewhere.prepare('SELECT count(*) FROM docs').get();
    try {
      const e = await Library.open(dir).then(
        () => null,
        (err: unknown) => err as { code?: string; message: string },
      );
      expect(e?.code).toBe('LIBRARY_BUSY');
      expect(e?.message).toMatch(/open in another Dateline.*nothing was changed/);
      expect(elsewhere.pragma('user_version', { simple: true })).toBe(10);
      expect(elsewhere.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(elsewhere.pragma('page_size', { simple: true })).toBe(4096);
      expect(elsewhere.prepare('SELECT count(*) FROM docs').pluck().get()).toBe(82);
    } finally {
      elsewhere.close();
    }
    const l = await Library.open(dir);
    expect(l.db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(l.db.prepare('SELECT count(*) FROM docs').pluck().get()).toBe(82);
    l.close();
  });
});
