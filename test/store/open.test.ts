import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import { DB_FILE } from '../../electron/core/store/open';
import { m0001 } from '../../electron/core/store/migrations/0001-initial';
import { m0002 } from '../../electron/core/store/migrations/0002-drafts';
import type { Migration } from '../../electron/core/store/migrations/types';
import { LATEST_VERSION } from '../../electron/core/store/migrations/index';
import { noiseOverMiddlePages } from '../damage';
import { tempDir } from '../helpers';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function expectCode(p: Promise<unknown>, code: string): Promise<Error & { code: string }> {
  try {
    await p;
  } catch (e) {
    expect((e as { code?: string }).code).toBe(code);
    return e as Error & { code: string };
  }
  throw new Error(`expected ${code}, but it opened`);
}

describe('opening a library', () => {
  it('creates a new library with WAL, foreign keys and synchronous=FULL', async () => {
    const dir = tempDir();
    const l = await Library.open(dir);
    expect(l.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(l.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(l.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(l.db.pragma('application_id', { simple: true })).toBe(0x44544c4e);
    l.close();
  });

  it('refuses a file that is not a SQLite database and leaves it untouched', async () => {
    const dir = tempDir();
    const p = join(dir, DB_FILE);
    writeFileSync(p, 'Minutes of the Tuesday meeting\n'.repeat(50));
    const before = sha(p);
    const e = await expectCode(Library.open(dir), 'NOT_A_LIBRARY');
    expect(e.message).toContain(p);
    expect(sha(p)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual([DB_FILE]);
  });

  it("refuses another program's SQLite database untouched (no WAL switch, no tables)", async () => {
    const dir = tempDir();
    const p = join(dir, DB_FILE);
    const other = new Database(p);
    other.exec("CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices(total) VALUES (12.5);");
    other.close();
    const before = sha(p);
    await expectCode(Library.open(dir), 'NOT_A_LIBRARY');
    expect(sha(p)).toBe(before);
    expect(existsSync(`${p}-wal`)).toBe(false);
  });

  it('refuses a library written by a newer Dateline and leaves it untouched', async () => {
    const dir = tempDir();
    const l = await Library.open(dir);
    l.docs.create('contact', { name: 'Kept safe' }, { author: 't' });
    l.db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    l.db.pragma('wal_checkpoint(TRUNCATE)');
    l.db.pragma('journal_mode = DELETE');
    l.db.close();
    const p = join(dir, DB_FILE);
    const before = sha(p);
    const e = await expectCode(Library.open(dir), 'LIBRARY_NEWER');
    expect(e.message).toMatch(/newer version of Dateline/);
    expect(sha(p)).toBe(before);
  });

  it('moves a damaged library aside with its -wal and -shm files and says where', async () => {
    const dir = tempDir();
    const l = await Library.open(dir);
    for (let i = 0; i < 300; i++) l.docs.create('contact', { name: `Person ${i}`, notes: 'x'.repeat(500) }, { author: 't' });
    l.db.pragma('wal_checkpoint(TRUNCATE)');
    l.db.close();
    const p = join(dir, DB_FILE);
    writeFileSync(`${p}-shm`, Buffer.alloc(32768));
    writeFileSync(`${p}-wal`, Buffer.alloc(0));
    noiseOverMiddlePages(p);
    const before = sha(p);
    const e = await expectCode(Library.open(dir), 'LIBRARY_DAMAGED');
    const movedTo = (e as unknown as { params: { movedTo: string } }).params.movedTo;
    expect(e.message).toContain(movedTo);
    expect(existsSync(p)).toBe(false);
    expect(readdirSync(movedTo).sort()).toEqual([DB_FILE, `${DB_FILE}-shm`, `${DB_FILE}-wal`, 'why.json']);
    expect(sha(join(movedTo, DB_FILE))).toBe(before);
    // The next open starts a fresh library in the same folder.
    const fresh = await Library.open(dir);
    expect(fresh.docs.lastSeq()).toBe(0);
    fresh.close();
  });

  it('refuses a file where a folder is expected', async () => {
    const dir = tempDir();
    const f = join(dir, 'notes.txt');
    writeFileSync(f, 'hello');
    await expectCode(Library.open(f), 'NOT_A_LIBRARY');
  });
});

describe('migrations', () => {
  it('migrates a version 1 library with data, after a backup taken with the backup API', async () => {
    const dir = tempDir();
    const old = await Library.open(dir, { migrations: [m0001] });
    expect(old.db.pragma('user_version', { simple: true })).toBe(1);
    const c = old.docs.create('contact', { name: 'Grace Akello', emails: [{ type: 'work', address: 'g.akello@example.org' }] }, { author: 't' });
    old.close();

    const lib = await Library.open(dir);
    expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(lib.migrationBackup).not.toBeNull();
    expect(lib.docs.require(c.id).body.name).toBe('Grace Akello');
    expect(lib.db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'drafts'").get()).toEqual({ n: 1 });
    lib.close();

    const backup = new Database(lib.migrationBackup!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT count(*) AS n FROM docs').get()).toEqual({ n: 1 });
    backup.close();
  });

  it('rolls a failing migration back whole, version bump included', async () => {
    const dir = tempDir();
    (await Library.open(dir, { migrations: [m0001, m0002] })).close();
    const broken: Migration = {
      version: 3,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done(x)');
        throw new Error('disk said no');
      },
    };
    await expect(Library.open(dir, { migrations: [m0001, m0002, broken] })).rejects.toThrow(/disk said no/);
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('the background check', () => {
  it('reads the whole file in a worker and reports damage that the open-time check did not see', async () => {
    const dir = tempDir();
    const l = await Library.open(dir);
    for (let i = 0; i < 300; i++) l.docs.create('contact', { name: `Person ${i}`, notes: 'x'.repeat(500) }, { author: 't' });
    l.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(await l.checkInBackground(true)).toEqual([]);
    const p = join(dir, DB_FILE);
    noiseOverMiddlePages(p, 0x5a);
    const problems = await l.checkInBackground(true);
    expect(problems.length).toBeGreaterThan(0);
    l.close();
  });
});
