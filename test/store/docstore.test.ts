import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import { nextRev } from '../../electron/core/store/revisions';
import { tempDir } from '../helpers';

const ctx = { author: 'amina' };

async function lib() {
  return Library.open(tempDir(), { author: 'amina' });
}

describe('document store', () => {
  it('creates a document with a revision N-<32 hex> and reads it back', async () => {
    const l = await lib();
    const d = l.docs.create('release', { headline: 'Floods in Kasese', language: 'en', office: null }, ctx);
    expect(d.rev).toMatch(/^1-[0-9a-f]{32}$/);
    const back = l.docs.require(d.id, 'release');
    expect(back.body.headline).toBe('Floods in Kasese');
    expect(back.body.createdBy).toBe('amina');
    expect(back.body.type).toBe('release');
    l.close();
  });

  it('keeps every revision body and walks the tree newest first', async () => {
    const l = await lib();
    const a = l.docs.create('release', { headline: 'one', language: 'en' }, ctx);
    const b = l.docs.update(a.id, { headline: 'two', language: 'en' }, ctx, a.rev);
    const c = l.docs.update(a.id, { headline: 'three', language: 'en' }, { author: 'jean' });
    expect(b.rev.startsWith('2-')).toBe(true);
    expect(c.rev.startsWith('3-')).toBe(true);
    const revs = l.docs.revisions(a.id);
    expect(revs.map((r) => r.rev)).toEqual([c.rev, b.rev, a.rev]);
    expect(revs[0]).toMatchObject({ winner: true, leaf: true, author: 'jean' });
    expect(revs[2]).toMatchObject({ winner: false, leaf: false, parent: null });
    expect(l.docs.getRevision(a.id, a.rev).body.headline).toBe('one');
    l.close();
  });

  it('refuses an edit based on a stale revision with CONFLICT', async () => {
    const l = await lib();
    const a = l.docs.create('contact', { name: 'Jane Doe' }, ctx);
    l.docs.update(a.id, { name: 'Jane M. Doe' }, ctx, a.rev);
    expect(() => l.docs.update(a.id, { name: 'J. Doe' }, ctx, a.rev)).toThrowError(/changed since revision/);
    l.close();
  });

  it('deletes with a tombstone that stays in the tree and the changes feed', async () => {
    const l = await lib();
    const a = l.docs.create('contact', { name: 'To delete' }, ctx);
    const before = l.docs.lastSeq();
    const t = l.docs.remove(a.id, ctx);
    expect(t.deleted).toBe(true);
    expect(t.rev.startsWith('2-')).toBe(true);
    expect(() => l.docs.require(a.id)).toThrowError(/No document/);
    const changes = l.docs.changesSince(before);
    expect(changes).toEqual([{ seq: before + 1, id: a.id, rev: t.rev, deleted: true }]);
    const n = l.db.prepare('SELECT count(*) AS n FROM contact_p').get() as { n: number };
    expect(n.n).toBe(0);
    l.close();
  });

  it('stores a second leaf, flags the conflict and picks the same winner deterministically', async () => {
    const l = await lib();
    const a = l.docs.create('release', { headline: 'base', language: 'en' }, ctx);
    const mine = l.docs.update(a.id, { headline: 'mine', language: 'en' }, ctx);
    const theirsBody = { type: 'release', headline: 'theirs', language: 'en', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'hq' };
    const theirsRev = nextRev(a.rev, false, theirsBody);
    const after = l.docs.putRevision(a.id, 'release', {
      rev: theirsRev,
      parent: a.rev,
      deleted: false,
      body: theirsBody,
      author: 'hq',
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(after.conflicted).toBe(true);
    const expected = [mine.rev, theirsRev].sort().at(-1);
    expect(after.rev).toBe(expected);
    const leaves = l.docs.revisions(a.id).filter((r) => r.leaf);
    expect(leaves).toHaveLength(2);
    // Replaying the same revision is a no-op.
    const again = l.docs.putRevision(a.id, 'release', { rev: theirsRev, parent: a.rev, deleted: false, body: theirsBody, author: 'hq', at: 'x' });
    expect(again.seq).toBe(after.seq);
    // Deleting the winning branch lets the other live branch win.
    const del = l.docs.remove(a.id, ctx, after.rev);
    expect(del.deleted).toBe(false);
    expect(del.conflicted).toBe(false);
    expect(del.rev).toBe(after.rev === mine.rev ? theirsRev : mine.rev);
    l.close();
  });

  it('gives each changed document a new, higher sequence number', async () => {
    const l = await lib();
    const a = l.docs.create('contact', { name: 'A' }, ctx);
    const b = l.docs.create('contact', { name: 'B' }, ctx);
    const a2 = l.docs.update(a.id, { name: 'A2' }, ctx);
    expect(b.seq).toBeGreaterThan(a.seq);
    expect(a2.seq).toBeGreaterThan(b.seq);
    expect(l.docs.changesSince(0).map((c) => c.id)).toEqual([b.id, a.id]);
    l.close();
  });

  it('keeps fields this version does not know through an update', async () => {
    const l = await lib();
    const a = l.docs.create('release', { headline: 'x', language: 'en', futureField: { hq: 1 } }, ctx);
    const b = l.docs.update(a.id, { ...l.docs.require(a.id).body, headline: 'y' }, ctx);
    expect(b.body.futureField).toEqual({ hq: 1 });
    l.close();
  });

  it('notices writes made by another connection through data_version', async () => {
    const dir = tempDir();
    const app = await Library.open(dir, { author: 'app' });
    const cli = await Library.open(dir, { author: 'cli' });
    expect(app.changedOutside()).toBe(false);
    app.docs.create('contact', { name: 'own write' }, ctx);
    expect(app.changedOutside()).toBe(false);
    cli.docs.create('contact', { name: 'from the CLI' }, ctx);
    expect(app.changedOutside()).toBe(true);
    expect(app.changedOutside()).toBe(false);
    cli.close();
    app.close();
  });

  it('creates a batch all together or not at all', async () => {
    const l = await lib();
    const made = l.docs.createMany('contact', [{ fields: { name: 'A' } }, { fields: { name: 'B' } }], ctx);
    expect(made.map((d) => d.body.name)).toEqual(['A', 'B']);
    expect(made[1]!.seq).toBeGreaterThan(made[0]!.seq);
    const before = l.docs.lastSeq();
    expect(() => l.docs.createMany('contact', [{ fields: { name: 'C' } }, { fields: { name: 'dup' }, id: made[0]!.id }], ctx)).toThrowError(/already exists/);
    expect(l.docs.lastSeq()).toBe(before);
    expect((l.db.prepare('SELECT count(*) AS n FROM contact_p').get() as { n: number }).n).toBe(2);
    l.close();
  });
});

describe('query plans', () => {
  it("rewrites and deletes a document's projection rows through an index, never a scan", async () => {
    const l = await Library.open(tempDir());
    for (const table of ['release_tag_p', 'contact_key_p', 'attachment_link_p', 'release_p', 'contact_p', 'attachment_p']) {
      const plan = l.db.prepare(`EXPLAIN QUERY PLAN DELETE FROM ${table} WHERE doc_rowid = ?`).all(1) as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' | '), table).not.toMatch(/\bSCAN\b/);
    }
    l.close();
  });
});
