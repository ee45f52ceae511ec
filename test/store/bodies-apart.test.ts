import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations/index';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { tempDir } from '../helpers';

const ctx = { author: 'amina' };
const hex = (s: string): string => createHash('md5').update(s).digest('hex');

function pulled(id: string, seed: string, pos: number, headline: string): RemoteRevision {
  const ids = Array.from({ length: pos }, (_, i) => hex(`${seed}${pos - i}`));
  return { type: 'release', language: 'en', headline, office: 'off-kenya', _id: id, _rev: `${pos}-${ids[0]}`, _revisions: { start: pos, ids } };
}

const open: Library[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function library(dir: string, migrations = MIGRATIONS): Promise<Library> {
  const l = await Library.open(dir, { author: 'amina', migrations });
  open.push(l);
  return l;
}

/** Every revision as readers see it (the `revs` table before version 7, the view after). */
const revisions = (l: Library): unknown[] => l.db.prepare('SELECT * FROM revs ORDER BY doc_rowid, rev').all();
const count = (l: Library, sql: string): number => l.db.prepare<[], number>(sql).pluck().get()!;

/** Bodies and tree agree: every body belongs to exactly one revision, every link finds its body. */
function consistent(l: Library): void {
  expect(count(l, 'SELECT count(*) FROM bodies WHERE id NOT IN (SELECT body_id FROM rev_tree WHERE body_id IS NOT NULL)')).toBe(0);
  expect(count(l, 'SELECT count(*) FROM rev_tree WHERE body_id IS NOT NULL AND body_id NOT IN (SELECT id FROM bodies)')).toBe(0);
  expect(count(l, 'SELECT count(*) - count(DISTINCT body_id) FROM rev_tree WHERE body_id IS NOT NULL')).toBe(0);
}

describe('revision bodies apart from the tree (migration 8)', () => {
  it('upgrades a library of the version before with history, compacted and erased revisions, and reads every revision as before', async () => {
    const dir = tempDir();
    const old = await library(dir, MIGRATIONS.filter((m) => m.version < 8));
    const a = old.docs.create('release', { headline: 'Floods in Beledweyne', language: 'en' }, ctx);
    for (let i = 1; i <= 3; i++) old.docs.update(a.id, { headline: `Floods in Beledweyne, day ${i}`, language: 'en' }, ctx);
    old.docs.compact(a.id);
    const c = old.docs.create('contact', { name: 'Achieng Otieno' }, ctx);
    old.docs.update(c.id, { name: 'Achieng A. Otieno' }, ctx);
    old.docs.erase(c.id, { erased: true }, ctx);
    old.replication.bulkInsertRemote([pulled('rel-remote', 'r', 3, 'Cholera vaccination in Kasese'), pulled('rel-remote', 'b', 2, 'a branch')]);
    const before = revisions(old);
    expect(before.filter((r) => (r as { body: string | null }).body === null).length).toBeGreaterThan(4);
    old.close();
    open.pop();

    const l = await library(dir);
    expect(l.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(revisions(l)).toEqual(before);
    expect(count(l, 'SELECT count(*) FROM bodies')).toBe(before.filter((r) => (r as { body: string | null }).body !== null).length);
    consistent(l);
    // Written, compacted and erased in the new layout.
    l.docs.update(a.id, { headline: 'Floods in Beledweyne, day 4', language: 'en' }, ctx);
    expect(l.docs.compact(a.id)).toBe(1);
    l.docs.erase('rel-remote', { erased: true }, ctx);
    expect(JSON.stringify(l.db.prepare('SELECT json FROM bodies').all())).not.toMatch(/Kasese|a branch/);
    consistent(l);
    expect(l.docs.require(a.id).body.headline).toBe('Floods in Beledweyne, day 4');
    expect(l.replication.openRevs(a.id, 'all')).toHaveLength(1);
  });

  it('stores a new library\'s bodies apart: one body row per revision that has one, none for ancestors known by id', async () => {
    const l = await library(tempDir());
    l.replication.bulkInsertRemote([pulled('rel-1', 'x', 3, 'Water trucking in Garissa')]);
    expect(count(l, 'SELECT count(*) FROM rev_tree')).toBe(3);
    expect(l.db.prepare('SELECT json FROM bodies').pluck().all().map((j) => JSON.parse(j as string) as { headline: string }).map((b) => b.headline)).toEqual([
      'Water trucking in Garissa',
    ]);
    consistent(l);
  });
});
