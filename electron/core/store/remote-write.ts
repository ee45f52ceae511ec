import type Database from 'better-sqlite3';
import { z } from 'zod';
import { checkKnownFields, DOC_SCHEMA_VERSION, DOC_TYPES, DocIdSchema, isReservedName, REV_PATTERN, schemaOf, type DocType } from '../../shared/documents';
import type { Body, DocKey, DocStore } from './docstore';
import type { BulkWriteResult, RemoteRevision } from './replication-api';
import { canonicalJson, revPos } from './revisions';

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
const Envelope = z.object({
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

interface Checked {
  id: string;
  rev: string;
  deleted: boolean;
  type: string | null;
  body: Body;
  /** The revision and its ancestors, newest first, as full revision ids. */
  path: string[];
}

const describe = (v: unknown): string => (typeof v === 'string' ? v.slice(0, 200) : '');

/**
 * Checks one revision from elsewhere: its envelope, its path, reserved names, and its body by
 * this version's document rules (unless a newer version wrote it: then it is kept as is).
 */
export function checkRemote(doc: unknown): Checked | { reason: string } {
  const env = Envelope.safeParse(doc);
  if (!env.success) {
    const issue = env.error.issues[0]!;
    return { reason: `${issue.path.join('.') || 'document'}: ${issue.message}` };
  }
  const { _id: id, _rev: rev, _revisions: revs } = env.data;
  if (id.startsWith('_')) return { reason: `"${id}" is one of CouchDB's own documents, not a library document` };
  const idCheck = DocIdSchema.safeParse(id);
  if (!idCheck.success) return { reason: `_id: ${idCheck.error.issues[0]!.message}` };
  if (revs.start !== revPos(rev) || revs.ids[0] !== rev.slice(rev.indexOf('-') + 1)) {
    return { reason: `_revisions: the path does not end at ${rev}` };
  }
  if (revs.start - revs.ids.length < 0) return { reason: '_revisions: the path is longer than its start position' };
  const body: Body = {};
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) {
    if (EDGE_FIELDS.has(k)) continue;
    if (isReservedName(k)) return { reason: `field "${k}": names starting with "_" are reserved by CouchDB and never stored` };
    if (k === '__proto__') return { reason: 'field "__proto__" cannot be stored' };
    body[k] = v;
  }
  const deleted = env.data._deleted === true;
  const type = typeof body.type === 'string' && body.type.length > 0 && body.type.length <= 50 ? body.type : null;
  if (!deleted && type === null) return { reason: 'type: a document says what it is (release, contact, ...)' };
  if (!deleted && (DOC_TYPES as readonly string[]).includes(type!) && schemaOf(body) <= DOC_SCHEMA_VERSION) {
    const checked = checkKnownFields(type as DocType, body);
    if (!checked.ok) return { reason: `${checked.path.join('.') || 'fields'}: ${checked.message}` };
  }
  const path = revs.ids.map((h, i) => `${revs.start - i}-${h}`);
  return { id, rev, deleted, type, body, path };
}

interface RevRow {
  parent: string | null;
  leaf: number;
}

/**
 * The write path for revisions made elsewhere (`new_edits: false`). It runs inside the
 * caller's transaction: each revision goes in with its unknown ancestors (without bodies),
 * a stemmed root is accepted as a root, each document's winner is settled once per batch, and
 * a replayed revision changes nothing, not even the changes feed.
 */
export class RemoteWriter {
  private readonly s;

  constructor(
    db: Database.Database,
    private readonly docs: DocStore,
  ) {
    this.s = {
      rev: db.prepare<[number, string], RevRow>('SELECT parent, leaf FROM revs WHERE doc_rowid = ? AND rev = ?'),
      insertRev: db.prepare(
        'INSERT INTO revs(doc_rowid, rev, pos, parent, deleted, leaf, body, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      setParent: db.prepare('UPDATE revs SET parent = ? WHERE doc_rowid = ? AND rev = ?'),
      unleaf: db.prepare('UPDATE revs SET leaf = 0 WHERE doc_rowid = ? AND rev = ?'),
      deny: db.prepare(
        'INSERT INTO denied(id, rev, reason, at) VALUES (?, ?, ?, ?) ON CONFLICT(id, rev) DO UPDATE SET reason = excluded.reason, at = excluded.at',
      ),
    };
  }

  write(batch: readonly RemoteRevision[]): BulkWriteResult {
    const result: BulkWriteResult = { written: 0, skipped: 0, denied: [] };
    // Grouped by document, first appearance first, so each winner is settled once.
    const byId = new Map<string, Checked[]>();
    for (const doc of batch) {
      const c = checkRemote(doc);
      if ('reason' in c) {
        const d = doc as Partial<Record<string, unknown>> | null;
        this.refuse(result, describe(d?._id), describe(d?._rev), c.reason);
        continue;
      }
      const list = byId.get(c.id);
      if (list) list.push(c);
      else byId.set(c.id, [c]);
    }
    const now = this.docs.now();
    for (const [id, revs] of byId) {
      let key: DocKey | undefined = this.docs.rowOf(id);
      const fresh = key === undefined;
      let wrote = false;
      for (const c of revs) {
        if (key && c.type !== null && !c.deleted && c.type !== key.type) {
          this.refuse(result, id, c.rev, `type: this document is a ${key.type}, not a ${c.type}`);
          continue;
        }
        if (key && this.s.rev.get(key.rowid, c.rev)) {
          result.skipped++;
          continue;
        }
        if (!key) {
          if (c.type === null) {
            this.refuse(result, id, c.rev, 'type: a deletion of a document this library never had must say its type');
            continue;
          }
          key = this.docs.insertDocRow(id, c.type, c.rev, now);
        }
        this.insertPath(key.rowid, c, now);
        result.written++;
        wrote = true;
      }
      if (key && wrote) {
        this.docs.settle(key, undefined, fresh);
        this.docs.reconcile(key);
      }
    }
    return result;
  }

  private insertPath(rowid: number, c: Checked, now: string): void {
    const n = c.path.length;
    for (let i = n - 1; i >= 0; i--) {
      const rev = c.path[i]!;
      const parent = i + 1 < n ? c.path[i + 1]! : null;
      const existing = this.s.rev.get(rowid, rev);
      if (existing) {
        // The path reaches further back than this library's tree: join the two.
        if (existing.parent === null && parent !== null) this.s.setParent.run(parent, rowid, rev);
        if (i > 0 && existing.leaf === 1) this.s.unleaf.run(rowid, rev);
        continue;
      }
      if (i > 0) {
        this.s.insertRev.run(rowid, rev, revPos(rev), parent, 0, 0, null, '', '');
      } else {
        const author = typeof c.body.updatedBy === 'string' ? c.body.updatedBy : '';
        const at = typeof c.body.updatedAt === 'string' ? c.body.updatedAt : now;
        this.s.insertRev.run(rowid, rev, revPos(rev), parent, c.deleted ? 1 : 0, 1, canonicalJson(c.body), author, at);
      }
    }
  }

  private refuse(result: BulkWriteResult, id: string, rev: string, reason: string): void {
    result.denied.push({ id, rev, reason });
    this.s.deny.run(id, rev, reason, this.docs.now());
  }
}
