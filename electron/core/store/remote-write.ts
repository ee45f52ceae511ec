import type Database from 'better-sqlite3';
import { z } from 'zod';
import { checkKnownFields, DOC_SCHEMA_VERSION, DOC_TYPES, DocIdSchema, isReservedName, REV_PATTERN, schemaOf, type DocType } from '../../shared/documents';
import { invalidInput } from '../../shared/errors';
import { officeOf, type Body, type DocStore, type StoredKey } from './docstore';
import { project } from './projections';
import { BODY_TEXT, type BulkWriteResult, type RemoteRevision } from './replication-api';
import { knownFieldsAccepted } from './body-accept';
import { isConflicted, pickWinner, revPos, type LeafInfo } from './revisions';

/** Members CouchDB puts on a document at the network edge; never stored in a body. */
const EDGE_FIELDS: ReadonlySet<string> = new Set([
  '_id',
  '_rev',
  '_deleted',
  '_revisions',
  '_attachments',
  '_conflicts',
  '_deleted_conflicts',
  '_revs_info',
  '_local_seq',
]);
/** CouchDB's default revs_limit: a longer path is refused rather than walked. */
export const MAX_PATH = 1000;

/** The envelope of a revision from elsewhere; its body is checked by the document rules after. */
const EnvelopeSchema = z.object({
  _id: z.string(),
  _rev: z.string().regex(REV_PATTERN, 'a revision looks like "3-" followed by 32 hex digits'),
  _deleted: z.boolean().optional(),
  _revisions: z.object({
    start: z.number().int().min(1),
    ids: z
      .array(z.string().regex(/^[0-9a-f]{32}$/, 'a revision id is 32 hex digits'))
      .min(1)
      .max(MAX_PATH),
  }),
});

/** A revision from elsewhere whose envelope (id, revision, path) is checked; its body not yet. */
interface Envelope {
  id: string;
  rev: string;
  deleted: boolean;
  /** The revision and its ancestors, newest first, as full revision ids. */
  path: string[];
  doc: Record<string, unknown>;
  /** Where it is in its batch: refusals are listed in batch order. */
  at: number;
}

interface Checked extends Omit<Envelope, 'doc'> {
  type: string | null;
  body: Body;
  /** The body's text as it arrived, where the sender could vouch that it is what JSON.stringify makes of `body` (BODY_TEXT). */
  text: Uint8Array | undefined;
}

const describe = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 200) : '');

const HEX32 = /^[0-9a-f]{32}$/;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

/**
 * The envelope's fields when they are well formed, by hand: what EnvelopeSchema and DocIdSchema
 * accept, or stricter; undefined sends the revision through them for their wording of what is
 * wrong. Parsing every envelope with zod was a tenth of a pulled batch.
 */
function wellFormed(doc: unknown): { id: string; rev: string; deleted: boolean; start: number; ids: string[] } | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const { _id: id, _rev: rev, _deleted: deleted, _revisions: revs } = doc as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || !ID_PATTERN.test(id)) return undefined;
  if (typeof rev !== 'string' || !REV_PATTERN.test(rev)) return undefined;
  if (deleted !== undefined && typeof deleted !== 'boolean') return undefined;
  if (typeof revs !== 'object' || revs === null || Array.isArray(revs)) return undefined;
  const { start, ids } = revs as Record<string, unknown>;
  if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 1) return undefined;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > MAX_PATH) return undefined;
  for (const h of ids) if (typeof h !== 'string' || !HEX32.test(h)) return undefined;
  return { id, rev, deleted: deleted === true, start, ids: ids as string[] };
}

/** Checks the envelope of one revision from elsewhere: its id, its revision and its path. */
function checkEnvelope(doc: unknown, at: number): Envelope | { reason: string } {
  let env = wellFormed(doc);
  if (env === undefined) {
    const parsed = EnvelopeSchema.safeParse(doc);
    // The contract's own wording of a zod failure ("_rev: is required"), as every input gets it.
    if (!parsed.success) return { reason: invalidInput(parsed.error).message };
    const { _id: id, _rev: rev, _revisions: revs } = parsed.data;
    if (id.startsWith('_')) return { reason: `"${id}" is one of CouchDB's own documents, not a library document` };
    const idCheck = DocIdSchema.safeParse(id);
    if (!idCheck.success) return { reason: invalidInput(idCheck.error, { prefix: ['_id'] }).message };
    env = { id, rev, deleted: parsed.data._deleted === true, start: revs.start, ids: revs.ids };
  }
  const { id, rev, start, ids } = env;
  if (start !== revPos(rev) || ids[0] !== rev.slice(rev.indexOf('-') + 1)) {
    return { reason: `_revisions: the path does not end at ${rev}` };
  }
  if (start - ids.length < 0) return { reason: '_revisions: the path is longer than its start position' };
  const path = ids.map((h, i) => `${start - i}-${h}`);
  return { id, rev, deleted: env.deleted, path, doc: doc as Record<string, unknown>, at };
}

/**
 * Checks the body of a revision from elsewhere: reserved names, and the document rules of this
 * version (unless a newer version wrote it: then it is kept as is).
 */
function checkBody(e: Envelope): Checked | { reason: string } {
  const body: Body = {};
  for (const [k, v] of Object.entries(e.doc)) {
    if (EDGE_FIELDS.has(k)) continue;
    if (isReservedName(k)) return { reason: `field "${k}": names starting with "_" are reserved by CouchDB and never stored` };
    if (k === '__proto__') return { reason: 'field "__proto__" cannot be stored' };
    body[k] = v;
  }
  const type = typeof body.type === 'string' && body.type.length > 0 && body.type.length <= 50 ? body.type : null;
  if (!e.deleted && type === null) return { reason: 'type: a document says what it is (release, contact, ...)' };
  if (!e.deleted && (DOC_TYPES as readonly string[]).includes(type!) && schemaOf(body) <= DOC_SCHEMA_VERSION) {
    // zod only for the wording of a refusal; the decision is the same (body-accept.ts).
    if (!knownFieldsAccepted(type as DocType, body)) {
      const checked = checkKnownFields(type as DocType, body);
      if (!checked.ok) return { reason: `${checked.path.join('.') || 'fields'}: ${checked.message}` };
    }
  }
  return { id: e.id, rev: e.rev, deleted: e.deleted, path: e.path, at: e.at, type, body, text: (e.doc as RemoteRevision)[BODY_TEXT] };
}

/** Records a refusal: in the result, in `denied`, and where it was in its batch. */
type Refuse = (id: string, rev: string, reason: string, at: number) => void;

interface RevRow {
  parent: string | null;
  leaf: number;
}

/** A revision of a document's tree as a batch builds it, before it is stored. */
interface FreshRev {
  parent: string | null;
  leaf: boolean;
  deleted: boolean;
  body: Body | null;
  text: Uint8Array | undefined;
}

/**
 * The write path for revisions made elsewhere (`new_edits: false`). It runs inside the
 * caller's transaction: each revision goes in with its unknown ancestors (without bodies),
 * a stemmed root is accepted as a root, each document's winner is settled once per batch, and
 * a replayed revision changes nothing, not even the changes feed. New winners' search entries
 * are queued in the same transaction and caught up before any search answers.
 */
export class RemoteWriter {
  private readonly s;

  constructor(
    private readonly db: Database.Database,
    private readonly docs: DocStore,
  ) {
    this.s = {
      rev: db.prepare<[number, string], RevRow>('SELECT parent, leaf FROM revs WHERE doc_rowid = ? AND rev = ?'),
      deny: db.prepare(
        'INSERT INTO denied(id, rev, reason, at) VALUES (?, ?, ?, ?) ON CONFLICT(id, rev) DO UPDATE SET reason = excluded.reason, at = excluded.at',
      ),
    };
  }

  write(batch: readonly RemoteRevision[]): BulkWriteResult {
    const result: BulkWriteResult = { written: 0, skipped: 0, denied: [] };
    const refusedAt = new Map<object, number>();
    const refuse: Refuse = (id, rev, reason, at) => {
      const entry = { id, rev, reason };
      result.denied.push(entry);
      refusedAt.set(entry, at);
      this.s.deny.run(id, rev, reason, this.docs.now());
    };
    // Which documents this library has, in one lookup, so that a revision stored already (a
    // replayed batch) is skipped before its body is checked.
    const ids = new Set<string>();
    for (const d of batch) {
      const id = (d as { _id?: unknown } | null)?._id;
      if (typeof id === 'string') ids.add(id);
    }
    const known = this.docs.rowsOf([...ids]);
    // Grouped by document, first appearance first, so each winner is settled once. Every body
    // is checked before anything is written (measured: checking each one between the writes
    // cost 12% more CPU).
    const checked = new Map<string, Checked[]>();
    for (const [at, doc] of batch.entries()) {
      const e = checkEnvelope(doc, at);
      if ('reason' in e) {
        const d = doc as Partial<Record<string, unknown>> | null;
        refuse(describe(d?._id), describe(d?._rev), e.reason, at);
        continue;
      }
      const key = known.get(e.id);
      if (key && this.s.rev.get(key.rowid, e.rev)) {
        result.skipped++;
        continue;
      }
      const c = checkBody(e);
      if ('reason' in c) {
        refuse(e.id, e.rev, c.reason, at);
        continue;
      }
      const list = checked.get(e.id);
      if (list) list.push(c);
      else checked.set(e.id, [c]);
    }
    const now = this.docs.now();
    // The last sequence number taken: documents new here number their changes entries from it
    // themselves, so each row is written once; a known document's settle takes its own, and
    // the count is read again after it.
    let seq: number | undefined;
    for (const [id, revs] of checked) {
      const key = known.get(id);
      if (key) {
        this.writeKnown(key, revs, result, refuse, now);
        seq = undefined;
      } else {
        seq = this.writeFresh(id, revs, result, refuse, now, seq);
      }
    }
    // A change of type is refused while writing; the caller hears of refusals in its batch's order.
    if (result.denied.length > 1) result.denied.sort((a, b) => refusedAt.get(a)! - refusedAt.get(b)!);
    return result;
  }

  /**
   * Revisions of a document this library has: each path is joined to the stored tree. A
   * revision stored already (a replayed batch) is skipped before its body is even checked, and
   * a branch that does not change the winner leaves its projections and search entry alone.
   */
  private writeKnown(key: StoredKey, revs: readonly Checked[], result: BulkWriteResult, refuse: Refuse, now: string): void {
    const bodies = new Map<string, Body>();
    for (const c of revs) {
      if (c.type !== null && !c.deleted && c.type !== key.type) {
        refuse(key.id, c.rev, `type: this document is a ${key.type}, not a ${c.type}`, c.at);
        continue;
      }
      // Twice in this batch: the first one is stored now.
      if (bodies.has(c.rev) || this.s.rev.get(key.rowid, c.rev)) {
        result.skipped++;
        continue;
      }
      this.insertPath(key.rowid, c, now);
      bodies.set(c.rev, c.body);
      result.written++;
    }
    if (bodies.size === 0) return;
    this.docs.settle(key, undefined, { bodyOf: (rev) => bodies.get(rev), winner: key.winner }, 'later');
    this.docs.reconcile(key);
  }

  /**
   * Revisions of a document this library never had: its whole tree is what this batch brings,
   * so the tree is built in memory and its winner settled from it before anything is written;
   * the document row is then written once, complete, with its changes entry numbered after
   * `seq` (the last sequence number taken, or undefined to read it). Returns the last taken.
   */
  private writeFresh(id: string, revs: readonly Checked[], result: BulkWriteResult, refuse: Refuse, now: string, seq: number | undefined): number | undefined {
    const tree = new Map<string, FreshRev>();
    let type: string | null = null;
    for (const c of revs) {
      if (type !== null && c.type !== null && !c.deleted && c.type !== type) {
        refuse(id, c.rev, `type: this document is a ${type}, not a ${c.type}`, c.at);
        continue;
      }
      if (tree.has(c.rev)) {
        result.skipped++;
        continue;
      }
      if (type === null) {
        if (c.type === null) {
          refuse(id, c.rev, 'type: a deletion of a document this library never had must say its type', c.at);
          continue;
        }
        type = c.type;
      }
      for (let i = c.path.length - 1; i >= 0; i--) {
        const rev = c.path[i]!;
        const parent = i + 1 < c.path.length ? c.path[i + 1]! : null;
        const seen = tree.get(rev);
        if (seen) {
          if (seen.parent === null) seen.parent = parent;
          if (i > 0) seen.leaf = false;
        } else {
          tree.set(rev, { parent, leaf: i === 0, deleted: i === 0 && c.deleted, body: i === 0 ? c.body : null, text: i === 0 ? c.text : undefined });
        }
      }
      result.written++;
    }
    if (type === null) return seq;
    const leaves: LeafInfo[] = [];
    for (const [rev, r] of tree) if (r.leaf) leaves.push({ rev, pos: revPos(rev), deleted: r.deleted });
    // What DocStore.settle makes of the winner, from the tree in memory: a leaf always holds its body.
    const winner = pickWinner(leaves);
    const body = tree.get(winner.rev)!.body ?? {};
    const at = typeof body.updatedAt === 'string' ? body.updatedAt : this.docs.now();
    const taken = (seq ?? this.docs.usedSeq()) + 1;
    const key = this.docs.insertDocRow(id, type, winner, isConflicted(leaves), taken, officeOf(body), at);
    for (const [rev, r] of tree) {
      if (r.body === null) this.docs.rows.insert(key.rowid, rev, revPos(rev), r.parent, false, false, null, '', '');
      else this.insertBody(key.rowid, rev, r.parent, r.deleted, r.leaf, r.body, r.text, now);
    }
    this.docs.insertChangeAt(taken, key.rowid);
    // Never projected before, so there is nothing to delete first; its search entry is queued.
    project(this.db, type, key.rowid, winner.deleted ? null : body, at, true, 'later');
    // One branch: no case can be open or arise for a document that arrived just now.
    if (leaves.length > 1) this.docs.reconcile(key);
    return taken;
  }

  private insertPath(rowid: number, c: Checked, now: string): void {
    const n = c.path.length;
    for (let i = n - 1; i >= 0; i--) {
      const rev = c.path[i]!;
      const parent = i + 1 < n ? c.path[i + 1]! : null;
      const existing = this.s.rev.get(rowid, rev);
      if (existing) {
        // The path reaches further back than this library's tree: join the two.
        if (existing.parent === null && parent !== null) this.docs.rows.setParent(rowid, rev, parent);
        if (i > 0 && existing.leaf === 1) this.docs.rows.unleaf(rowid, rev);
        continue;
      }
      if (i > 0) this.docs.rows.insert(rowid, rev, revPos(rev), parent, false, false, null, '', '');
      else this.insertBody(rowid, rev, parent, c.deleted, true, c.body, c.text, now);
    }
  }

  private insertBody(rowid: number, rev: string, parent: string | null, deleted: boolean, leaf: boolean, body: Body, text: Uint8Array | undefined, now: string): void {
    const author = typeof body.updatedBy === 'string' ? body.updatedBy : '';
    const at = typeof body.updatedAt === 'string' ? body.updatedAt : now;
    // Stored as it came: its revision id is given, so no canonical text is needed to hash it,
    // and sorting every object's keys cost a tenth of a pulled batch. Where the sender kept the
    // very text JSON.stringify would make (BODY_TEXT), that text is written instead.
    this.docs.rows.insert(rowid, rev, revPos(rev), parent, deleted, leaf, text ?? JSON.stringify(body), author, at);
  }

}
