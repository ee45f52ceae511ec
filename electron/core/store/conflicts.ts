import type Database from 'better-sqlite3';
import type { ConflictCase } from '../../shared/conflicts/contract';
import type { DocKey } from './docstore';

interface CaseRow {
  id: number;
  doc_id: string;
  type: string | null;
  kind: 'fields' | 'delete';
  base_rev: string | null;
  ours_rev: string;
  theirs_rev: string;
  fields: string;
  detected_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

interface TreeRow {
  rev: string;
  parent: string | null;
  leaf: number;
  deleted: number;
}

/**
 * Answers, for a deleted leaf, whether it deleted the document against an edit: some live leaf
 * comes through the deleted revision's parent, and every live leaf does.
 */
type AgainstEdit = (deleted: string) => boolean;

function againstEdit(rows: readonly TreeRow[]): AgainstEdit {
  const parentOf = new Map(rows.map((r) => [r.rev, r.parent]));
  const paths = rows
    .filter((r) => r.leaf === 1 && r.deleted === 0)
    .map((r) => {
      const path = new Set<string>();
      for (let at: string | null | undefined = r.rev; at && !path.has(at); at = parentOf.get(at)) path.add(at);
      return path;
    });
  return (deleted) => {
    const parent = parentOf.get(deleted);
    return !!parent && paths.length > 0 && paths.every((p) => p.has(parent));
  };
}

/**
 * The conflicts inbox: what the store could not settle alone and the person decides once.
 * "fields": the same field changed on two sides (both versions stay as leaves of the tree);
 * "delete": one side deleted a version the other side went on editing (CouchDB lets the edit
 * win silently; here it is recorded so the person sees it). A case is recorded once: its key
 * names the revisions involved, so a replayed batch adds nothing.
 */
export class ConflictsInbox {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO conflicts(doc_id, kind, key, base_rev, ours_rev, theirs_rev, fields, detected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING`,
      ),
      upsertMine: db.prepare(
        `INSERT INTO conflicts(doc_id, kind, key, base_rev, ours_rev, theirs_rev, fields, detected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET ours_rev = excluded.ours_rev, theirs_rev = excluded.theirs_rev WHERE resolved_at IS NULL`,
      ),
      deletedLeaves: db.prepare<[number], { rev: string; parent: string | null }>(
        'SELECT rev, parent FROM revs WHERE doc_rowid = ? AND leaf = 1 AND deleted = 1 AND parent IS NOT NULL',
      ),
      hasLive: db.prepare<[number], number>('SELECT count(*) FROM revs WHERE doc_rowid = ? AND leaf = 1 AND deleted = 0').pluck(),
      children: db.prepare<[number, string], number>('SELECT count(*) FROM revs WHERE doc_rowid = ? AND parent = ?').pluck(),
      winner: db.prepare<[number], string>('SELECT winner FROM docs WHERE rowid = ?').pluck(),
      tree: db.prepare<[number], TreeRow>('SELECT rev, parent, leaf, deleted FROM revs WHERE doc_rowid = ?'),
      // deleted flag of a leaf; undefined when the revision is no leaf (or unknown).
      leafState: db.prepare<[number, string], number>('SELECT deleted FROM revs WHERE doc_rowid = ? AND rev = ? AND leaf = 1').pluck(),
      open: db.prepare<[], CaseRow>(
        `SELECT c.*, d.type FROM conflicts c LEFT JOIN docs d ON d.id = c.doc_id WHERE c.resolved_at IS NULL ORDER BY c.id`,
      ),
      openFor: db.prepare<[string], CaseRow>(
        `SELECT c.*, d.type FROM conflicts c LEFT JOIN docs d ON d.id = c.doc_id WHERE c.doc_id = ? AND c.resolved_at IS NULL ORDER BY c.id`,
      ),
      one: db.prepare<[number], CaseRow>('SELECT c.*, d.type FROM conflicts c LEFT JOIN docs d ON d.id = c.doc_id WHERE c.id = ?'),
      resolve: db.prepare('UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL'),
      resolveDoc: db.prepare('UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE doc_id = ? AND resolved_at IS NULL'),
    };
  }

  /**
   * Records each deletion that ended a version someone else went on editing: a deleted leaf
   * whose parent has another child, while a live leaf remains and every live leaf comes through
   * that parent. A deletion that ended a losing branch (CouchDB's usual way of resolving a
   * conflict) has no sibling, or leaves the document alive in a branch that does not come
   * through its parent (the edit then merges with that branch, by sync): neither is a case.
   */
  noticeDeleteAgainstEdit(doc: DocKey, at: string): void {
    if (this.s.hasLive.get(doc.rowid) === 0) return;
    let tree: AgainstEdit | undefined;
    for (const d of this.s.deletedLeaves.all(doc.rowid)) {
      if (this.s.children.get(doc.rowid, d.parent!)! < 2) continue;
      tree ??= againstEdit(this.s.tree.all(doc.rowid));
      if (!tree(d.rev)) continue;
      const winner = this.s.winner.get(doc.rowid)!;
      this.s.insert.run(doc.id, 'delete', `delete:${doc.id}:${d.rev}`, d.parent, winner, d.rev, '[]', at);
    }
  }

  /** Records an edit (`ours`) made on `base` while another side deleted the document (`theirs`). */
  recordDelete(docId: string, base: string | null, ours: string, theirs: string, at: string): void {
    this.s.insert.run(docId, 'delete', `delete:${docId}:${theirs}`, base, ours, theirs, '[]', at);
  }

  /**
   * Records the same fields changed on two leaves since their common revision `base`. `ours`
   * is this library's side when it knows one (an editing session); `mine` then says so over a
   * record of the same pair made without knowing.
   */
  recordFields(docId: string, base: string | null, ours: string, theirs: string, fields: readonly string[], at: string, mine = false): void {
    const key = `fields:${docId}:${[ours, theirs].sort().join(':')}`;
    const args = [docId, 'fields', key, base, ours, theirs, JSON.stringify([...fields].sort()), at] as const;
    (mine ? this.s.upsertMine : this.s.insert).run(...args);
  }

  /** Closes the open cases of a document whose branches were merged or ended elsewhere. */
  closeSettled(doc: DocKey, at: string): void {
    for (const c of this.s.openFor.all(doc.id)) {
      const ours = this.s.leafState.get(doc.rowid, c.ours_rev);
      const theirs = this.s.leafState.get(doc.rowid, c.theirs_rev);
      // A "fields" case needs both branches alive; a "delete" case, its deletion still a leaf
      // and an edit still alive (deleted after all, here or elsewhere, there is nothing to decide).
      const open = c.kind === 'fields' ? ours === 0 && theirs === 0 : theirs === 1 && this.s.hasLive.get(doc.rowid) !== 0;
      if (!open) this.s.resolve.run(at, 'settled elsewhere', c.id);
    }
  }

  list(docId?: string): ConflictCase[] {
    return (docId === undefined ? this.s.open.all() : this.s.openFor.all(docId)).map(toCase);
  }

  get(id: number): ConflictCase | null {
    const r = this.s.one.get(id);
    return r ? toCase(r) : null;
  }

  markResolved(id: number, resolution: string, at: string): boolean {
    return this.s.resolve.run(at, resolution, id).changes > 0;
  }

  /** Closes every open case of a document (erased, or settled by a later write). */
  closeAll(docId: string, resolution: string, at: string): void {
    this.s.resolveDoc.run(at, resolution, docId);
  }
}

function toCase(r: CaseRow): ConflictCase {
  return {
    id: r.id,
    docId: r.doc_id,
    docType: r.type ?? 'unknown',
    kind: r.kind,
    baseRev: r.base_rev,
    oursRev: r.ours_rev,
    theirsRev: r.theirs_rev,
    fields: JSON.parse(r.fields) as string[],
    detectedAt: r.detected_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
  };
}
