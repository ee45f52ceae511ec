import type Database from 'better-sqlite3';
import type { ConflictCase } from '../../shared/conflicts/contract';
import type { DocKey } from './docstore';
import type { RemoteRevision } from './replication-api';
import { revPos } from './revisions';
import { deletionsAgainstEdit, GAVE_WAY_TO, type StampOf } from '../sync/merge';

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
  author: string;
  at: string;
  body: string | null;
}

/**
 * A document's leaves as replication sees them (each with its path and, for a tombstone, its
 * body, which holds its mark), and who wrote each revision when: what the rule in
 * sync/merge.ts needs to tell a deletion from a closed branch.
 */
function leavesOf(docId: string, rows: readonly TreeRow[]): { leaves: RemoteRevision[]; stampOf: StampOf } {
  const byRev = new Map(rows.map((r) => [r.rev, r]));
  const leaves = rows
    .filter((r) => r.leaf === 1)
    .map((r): RemoteRevision => {
      const ids: string[] = [];
      const seen = new Set<string>();
      for (let at: TreeRow | undefined = r; at && !seen.has(at.rev); at = at.parent ? byRev.get(at.parent) : undefined) {
        seen.add(at.rev);
        ids.push(at.rev.slice(at.rev.indexOf('-') + 1));
      }
      const body = r.deleted === 1 && r.body !== null ? (JSON.parse(r.body) as Record<string, unknown>) : {};
      return { ...body, _id: docId, _rev: r.rev, _revisions: { start: revPos(r.rev), ids }, ...(r.deleted === 1 ? { _deleted: true } : {}) };
    });
  return { leaves, stampOf: (rev) => byRev.get(rev) };
}

/** How a case closed by itself is marked: its branches were merged or ended elsewhere, or here. */
export const SETTLED_ELSEWHERE = 'settled elsewhere';

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
      // A deletion's case closed by itself while nothing was left to keep (the document deleted
      // here too) opens again when an edit of the deleted document arrives after all: otherwise
      // the library that saw the cases in that order would never show what the others show. A
      // case a person resolved stays resolved.
      noticeDelete: db.prepare(
        `INSERT INTO conflicts(doc_id, kind, key, base_rev, ours_rev, theirs_rev, fields, detected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET ours_rev = excluded.ours_rev, resolved_at = NULL, resolution = NULL
         WHERE resolution = '${SETTLED_ELSEWHERE}'`,
      ),
      upsertMine: db.prepare(
        `INSERT INTO conflicts(doc_id, kind, key, base_rev, ours_rev, theirs_rev, fields, detected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET ours_rev = excluded.ours_rev, theirs_rev = excluded.theirs_rev WHERE resolved_at IS NULL`,
      ),
      deletedLeaves: db.prepare<[number], { rev: string; body: string | null }>(
        'SELECT rev, body FROM revs WHERE doc_rowid = ? AND leaf = 1 AND deleted = 1 AND parent IS NOT NULL',
      ),
      hasLive: db.prepare<[number], number>('SELECT count(*) FROM revs WHERE doc_rowid = ? AND leaf = 1 AND deleted = 0').pluck(),
      winner: db.prepare<[number], string>('SELECT winner FROM docs WHERE rowid = ?').pluck(),
      // Bodies of deleted leaves only: the marks that say a tombstone closed a branch.
      tree: db.prepare<[number], TreeRow>(
        'SELECT rev, parent, leaf, deleted, author, at, CASE WHEN leaf = 1 AND deleted = 1 THEN body END AS body FROM revs WHERE doc_rowid = ?',
      ),
      // deleted flag of a leaf; undefined when the revision is no leaf (or unknown).
      leafState: db.prepare<[number, string], number>('SELECT deleted FROM revs WHERE doc_rowid = ? AND rev = ? AND leaf = 1').pluck(),
      open: db.prepare<[], CaseRow>(
        `SELECT c.*, d.type FROM conflicts c LEFT JOIN docs d ON d.id = c.doc_id WHERE c.resolved_at IS NULL ORDER BY c.id`,
      ),
      openFor: db.prepare<[string], CaseRow>(
        `SELECT c.*, d.type FROM conflicts c LEFT JOIN docs d ON d.id = c.doc_id WHERE c.doc_id = ? AND c.resolved_at IS NULL ORDER BY c.id`,
      ),
      one: db.prepare<[number], CaseRow>('SELECT c.*, d.type FROM conflicts c LEFT JOIN docs d ON d.id = c.doc_id WHERE c.id = ?'),
      showAgainst: db.prepare<[string, number, string]>('UPDATE conflicts SET ours_rev = ? WHERE id = ? AND ours_rev <> ?'),
      resolve: db.prepare('UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL'),
      resolveDoc: db.prepare('UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE doc_id = ? AND resolved_at IS NULL'),
    };
  }

  /**
   * Records each deletion made against an edit (see `deletionsAgainstEdit` in sync/merge.ts):
   * a tombstone that closes no branch, beside a live branch that shares an ancestor with it.
   * The tombstones with which Dateline closes a branch (a resolution, a merge, an edit kept over
   * a deletion) carry a mark, read first, so a document whose only tombstones are marked costs
   * one read; the others need the tree.
   */
  noticeDeleteAgainstEdit(doc: DocKey, at: string): void {
    if (this.s.hasLive.get(doc.rowid) === 0) return;
    const unmarked = this.s.deletedLeaves.all(doc.rowid).some((d) => {
      const body = d.body === null ? {} : (JSON.parse(d.body) as Record<string, unknown>);
      return typeof body[GAVE_WAY_TO] !== 'string' && body.editKept !== true;
    });
    if (!unmarked) return;
    const { leaves, stampOf } = leavesOf(doc.id, this.s.tree.all(doc.rowid));
    for (const d of deletionsAgainstEdit(leaves, stampOf)) {
      // The version deleted: the tombstone's parent (a tombstone has one here: see deletionsAgainstEdit).
      const { start, ids } = d._revisions;
      const winner = this.s.winner.get(doc.rowid)!;
      this.s.noticeDelete.run(doc.id, 'delete', `delete:${doc.id}:${d._rev}`, `${start - 1}-${ids[1]!}`, winner, d._rev, '[]', at);
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
    let against: Set<string> | undefined;
    for (const c of this.s.openFor.all(doc.id)) {
      const ours = this.s.leafState.get(doc.rowid, c.ours_rev);
      const theirs = this.s.leafState.get(doc.rowid, c.theirs_rev);
      // A "fields" case needs both branches alive; a "delete" case, its deletion still a leaf
      // and an edit still alive (deleted after all, here or elsewhere, there is nothing to decide),
      // and still a deletion: an earlier version's resolution is known as one only once the
      // revision it wrote on the other side is here too, which a cut pull may bring later.
      let open = c.kind === 'fields' ? ours === 0 && theirs === 0 : theirs === 1 && this.s.hasLive.get(doc.rowid) !== 0;
      if (open && c.kind === 'delete') {
        if (!against) {
          const { leaves, stampOf } = leavesOf(doc.id, this.s.tree.all(doc.rowid));
          against = new Set(deletionsAgainstEdit(leaves, stampOf).map((d) => d._rev));
        }
        open = against.has(c.theirs_rev);
      }
      if (!open) this.s.resolve.run(at, SETTLED_ELSEWHERE, c.id);
      // The edit a deletion is shown against is the document's winner now, not when the case
      // was found: so every library shows the same pair, whatever order the branches came in.
      else if (c.kind === 'delete') {
        const winner = this.s.winner.get(doc.rowid)!;
        this.s.showAgainst.run(winner, c.id, winner);
      }
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
