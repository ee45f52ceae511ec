import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/store/library';
import type { RemoteRevision } from '../../electron/core/store/replication-api';
import { Rng } from '../bench/rng';
import { tempDir } from '../helpers';

/** PouchDB 9's own revision-tree rules, the reference (test-only peer, untyped). */
type PouchNode = [string, { status: string; deleted?: boolean }, PouchNode[]];
interface PouchPath {
  pos: number;
  ids: PouchNode;
}
interface PouchMerge {
  merge(tree: PouchPath[], path: PouchPath, depth: number): { tree: PouchPath[] };
  revExists(tree: PouchPath[], rev: string): boolean;
  winningRev(meta: { rev_tree: PouchPath[] }): string;
  collectConflicts(meta: { rev_tree: PouchPath[] }): string[];
  collectLeaves(tree: PouchPath[]): { rev: string; opts: { deleted?: boolean } }[];
}
const pouch = createRequire(import.meta.url)('pouchdb-merge') as PouchMerge;

interface Node {
  rev: string;
  parent: Node | null;
  deleted: boolean;
}

/** A random revision tree: each new revision extends a random earlier one; some are deletions. */
function universe(rng: Rng, size: number): Node[] {
  const hex = () => Array.from({ length: 32 }, () => '0123456789abcdef'[rng.int(16)]).join('');
  const nodes: Node[] = [{ rev: `1-${hex()}`, parent: null, deleted: false }];
  for (let i = 1; i < size; i++) {
    const parent = nodes[rng.int(nodes.length)]!;
    const pos = Number(parent.rev.split('-')[0]) + 1;
    nodes.push({ rev: `${pos}-${hex()}`, parent, deleted: rng.next() < 0.3 });
  }
  return nodes;
}

/** A revision with its path as a server sends it, sometimes stemmed (its oldest ancestors cut off). */
function send(rng: Rng, id: string, node: Node): RemoteRevision {
  const path: string[] = [];
  for (let n: Node | null = node; n; n = n.parent) path.push(n.rev);
  const keep = rng.next() < 0.35 ? 1 + rng.int(path.length) : path.length;
  const ids = path.slice(0, keep).map((r) => r.slice(r.indexOf('-') + 1));
  const body = node.deleted ? { type: 'release' } : { type: 'release', headline: `Version ${node.rev.slice(0, 6)}`, language: 'en' };
  return { ...body, _id: id, _rev: node.rev, _revisions: { start: Number(node.rev.split('-')[0]), ids }, ...(node.deleted ? { _deleted: true } : {}) };
}

/** What PouchDB's bulkDocs({ new_edits: false }) does with the same revision. */
function pouchInsert(tree: PouchPath[], doc: RemoteRevision): PouchPath[] {
  if (pouch.revExists(tree, doc._rev)) return tree;
  const ids = doc._revisions.ids;
  let node: PouchNode = [ids[0]!, doc._deleted ? { status: 'available', deleted: true } : { status: 'available' }, []];
  for (const h of ids.slice(1)) node = [h, { status: 'missing' }, [node]];
  return pouch.merge(tree, { pos: doc._revisions.start - ids.length + 1, ids: node }, 1000).tree;
}

describe('winners and conflicts against PouchDB 9 (pouchdb-merge)', () => {
  it('agrees on random trees built through the batch path, with stemmed roots and replays', async () => {
    const l = await Library.open(tempDir(), { author: 'test' });
    const rng = new Rng(20261204);
    const ids = Array.from({ length: 60 }, (_, i) => `rel-${i}`);
    const trees = new Map(ids.map((id) => [id, universe(rng, 2 + rng.int(14))]));
    const reference = new Map<string, PouchPath[]>(ids.map((id) => [id, []]));
    const sent: RemoteRevision[][] = [];
    let compared = 0;
    let replays = 0;

    for (let b = 0; b < 60; b++) {
      const replay = sent.length > 0 && rng.next() < 0.2;
      const batch = replay
        ? sent[rng.int(sent.length)]!
        : Array.from({ length: 10 }, () => {
            const id = ids[rng.int(ids.length)]!;
            const nodes = trees.get(id)!;
            return send(rng, id, nodes[rng.int(nodes.length)]!);
          });
      const seq = l.docs.lastSeq();
      const r = l.replication.bulkInsertRemote(batch);
      expect(r.denied).toEqual([]);
      if (replay) {
        replays++;
        expect(r.written).toBe(0);
        expect(l.docs.lastSeq()).toBe(seq);
      } else {
        sent.push(batch);
      }
      for (const doc of batch) reference.set(doc._id, pouchInsert(reference.get(doc._id)!, doc));

      for (const id of new Set(batch.map((d) => d._id))) {
        const tree = reference.get(id)!;
        const ours = l.docs.getStored(id)!;
        const leaves = l.docs.revisions(id).filter((h) => h.leaf);
        const theirLeaves = pouch.collectLeaves(tree);
        expect(leaves.map((h) => [h.rev, h.deleted]).sort(), id).toEqual(theirLeaves.map((x) => [x.rev, !!x.opts.deleted]).sort());
        const winner = pouch.winningRev({ rev_tree: tree });
        expect(ours.rev, id).toBe(winner);
        expect(ours.deleted, id).toBe(!!theirLeaves.find((x) => x.rev === winner)!.opts.deleted);
        const conflicts = pouch.collectConflicts({ rev_tree: tree }).sort();
        expect(leaves.filter((h) => !h.deleted && h.rev !== ours.rev).map((h) => h.rev).sort(), id).toEqual(conflicts);
        expect(ours.conflicted, id).toBe(conflicts.length > 0);
        compared++;
      }
    }
    expect(replays).toBeGreaterThan(3);
    expect(compared).toBeGreaterThan(400);
    // Projections follow the winners: one release row per live document.
    const live = ids.filter((id) => l.docs.getStored(id) && !l.docs.getStored(id)!.deleted).length;
    expect((l.db.prepare('SELECT count(*) AS n FROM release_p').get() as { n: number }).n).toBe(live);
    l.close();
  });
});
