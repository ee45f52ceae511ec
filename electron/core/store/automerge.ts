import type Database from 'better-sqlite3';
import { DOC_SCHEMA_VERSION, schemaOf } from '../../shared/documents';
import type { ConflictsInbox } from './conflicts';
import type { Body, DocKey, DocStore } from './docstore';
import { threeWayMerge } from './merge';

const SYSTEM = { author: 'merge' };

/**
 * Settles the conflicts replication brings in, the way every library settles them alike: for
 * each losing live branch, the three-way merge of the winner and the loser against their
 * common revision. When no field changed on both sides, the merged body goes on the winner and
 * a tombstone on the loser, both written without clock or author (the merged body takes the
 * later side's time and author), so two libraries merging the same branches make the same
 * revisions and converge instead of conflicting again. Otherwise the case goes to the inbox.
 */
export class AutoMerger {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly docs: DocStore,
    private readonly inbox: ConflictsInbox,
  ) {
    this.s = {
      live: db.prepare<[number], string>('SELECT rev FROM revs WHERE doc_rowid = ? AND leaf = 1 AND deleted = 0 ORDER BY rev').pluck(),
      path: db.prepare<[{ rowid: number; rev: string }], string>(
        `WITH RECURSIVE p(rev, parent) AS (
           SELECT rev, parent FROM revs WHERE doc_rowid = @rowid AND rev = @rev
           UNION ALL
           SELECT r.rev, r.parent FROM revs r JOIN p ON r.doc_rowid = @rowid AND r.rev = p.parent
         ) SELECT rev FROM p`,
      ).pluck(),
      body: db.prepare<[number, string], string | null>('SELECT body FROM revs WHERE doc_rowid = ? AND rev = ?').pluck(),
    };
  }

  /** Merges what can be merged of one document's live branches; runs inside the caller's transaction. */
  settle(doc: DocKey, at: string): void {
    for (;;) {
      const live = this.s.live.all(doc.rowid);
      if (live.length < 2) return;
      const winner = this.docs.getStored(doc.id)!;
      const loser = live.find((r) => r !== winner.rev)!;
      if (!this.mergeInto(doc, winner.rev, loser, at)) {
        // Recorded for the person; the other losers, if any, wait for the same decision.
        return;
      }
    }
  }

  private bodyOf(rowid: number, rev: string): Body | null {
    const text = this.s.body.get(rowid, rev);
    return typeof text === 'string' ? (JSON.parse(text) as Body) : null;
  }

  private mergeInto(doc: DocKey, winner: string, loser: string, at: string): boolean {
    const ancestors = new Set(this.s.path.all({ rowid: doc.rowid, rev: winner }));
    const base = this.s.path.all({ rowid: doc.rowid, rev: loser }).find((r) => ancestors.has(r)) ?? null;
    const ours = this.bodyOf(doc.rowid, winner);
    const theirs = this.bodyOf(doc.rowid, loser);
    const baseBody = base === null ? null : this.bodyOf(doc.rowid, base);
    const readable = ours && theirs && schemaOf(ours) <= DOC_SCHEMA_VERSION && schemaOf(theirs) <= DOC_SCHEMA_VERSION;
    const { merged, conflicts } = readable ? threeWayMerge(baseBody, ours, theirs) : { merged: {}, conflicts: ['*'] };
    if (!readable || conflicts.length > 0) {
      this.inbox.recordFields(doc.id, base, winner, loser, readable ? conflicts : [], at);
      return false;
    }
    const later = String(theirs.updatedAt ?? '') > String(ours.updatedAt ?? '') ? theirs : ours;
    const body: Body = {
      ...merged,
      type: doc.type,
      schema: Math.max(schemaOf(ours), schemaOf(theirs)),
      createdAt: ours.createdAt,
      createdBy: ours.createdBy,
      updatedAt: later.updatedAt,
      updatedBy: later.updatedBy,
    };
    for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
    this.docs.writeExact(doc.id, winner, body, false, { ...SYSTEM, at });
    const tomb: Body = typeof theirs.office === 'string' ? { office: theirs.office } : {};
    this.docs.writeExact(doc.id, loser, tomb, true, { ...SYSTEM, at });
    return true;
  }
}
