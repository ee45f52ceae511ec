import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { Created, Meanwhile, Saved, ShownRevision } from '../../shared/contract';
import { DatelineError, inputIssue, isDatelineError, unreadableStored, type StoredPlace } from '../../shared/errors';
import {
  checkKnownFields,
  DOC_SCHEMA_VERSION,
  FIELDS_BY_TYPE,
  isReservedName,
  readLeniently,
  schemaOf,
  type Doc,
  type DocType,
  type FieldsByType,
} from '../../shared/documents';
import { assertEditable, noSuchDoc, type Body, type DocStore, type StoredDoc } from './docstore';
import { threeWayMerge } from './merge';
import { prepared } from './statements';

/**
 * The typed way in and out of the store: domain code reads `repo.get('release', id)` and gets a
 * `Doc<'release'>` decoded by the one decoder below, and writes typed fields and patches. The
 * revision machinery (trees, winners, the changes feed) stays in DocStore; this layer only
 * turns stored bodies into typed documents and typed fields into validated bodies.
 */

/** What a caller gives to create a document: the type's fields as its schema accepts them (defaults apply). */
export type DocInput<T extends DocType> = z.input<(typeof FIELDS_BY_TYPE)[T]>;

/** A change to some fields of a document; the others stay as they are. */
export type DocPatch<T extends DocType> = { [K in keyof FieldsByType[T]]?: FieldsByType[T][K] | undefined };

const shapeOf = (type: DocType): Record<string, unknown> => (FIELDS_BY_TYPE[type] as unknown as z.ZodObject).shape;

/**
 * The one decoder of a stored body. Known fields are read by the type's schema (defaults
 * filled in); a body of a newer schema version is read as far as this version can
 * (`readLeniently`: read-only here, the store keeps all of it); fields this version does not
 * know and the store's own fields (schema, createdAt, ...) are kept as they are.
 */
export function decodeDoc<T extends DocType>(type: T, d: Pick<StoredDoc, 'id' | 'rev' | 'body' | 'conflicted'>, place: StoredPlace = { type, id: d.id }): Doc<T> {
  const shape = shapeOf(type);
  const out: Body = {};
  for (const [k, v] of Object.entries(d.body)) if (!(k in shape) && !isReservedName(k)) out[k] = v;
  Object.assign(out, decodeFields(type, place, d.body), { id: d.id, rev: d.rev, type, conflicted: d.conflicted });
  return out as Doc<T>;
}

function decodeFields<T extends DocType>(type: T, place: StoredPlace, body: Readonly<Body>): FieldsByType[T] {
  const schema = FIELDS_BY_TYPE[type] as unknown as z.ZodObject;
  if (schemaOf(body) > DOC_SCHEMA_VERSION) {
    const lenient = readLeniently(schema, body);
    if (lenient) return lenient as FieldsByType[T];
  }
  const known: Body = {};
  for (const k of Object.keys(schema.shape)) if (k in body) known[k] = body[k];
  const parsed = schema.safeParse(known);
  if (parsed.success) return parsed.data as FieldsByType[T];
  // Every local write and every replicated revision is checked before it is stored, so this
  // is a document damaged outside Dateline: say which and where, never a stack trace.
  throw unreadableStored(place, parsed.error);
}

/**
 * Validates the fields this version knows and keeps the others as they are, so that what a
 * newer app or another office wrote survives an edit made here. A document of a newer schema
 * version is refused whole (DOC_NEWER): it is read-only in this app.
 */
export function validateKnown<T extends DocType>(type: T, body: Readonly<Body>, where: (string | number)[] = ['fields']): FieldsByType[T] {
  assertEditable({ type }, body);
  const checked = checkKnownFields(type, body);
  if (!checked.ok) {
    const path = [...where, ...checked.path];
    // The issue's code (errors.ts inputIssue), for the window to say what is wrong in the person's language.
    throw new DatelineError('INVALID_INPUT', `${path.join('.')}: ${checked.message}`, { path, params: { field: path.join('.'), ...inputIssue(checked.issue) } });
  }
  return checked.fields as FieldsByType[T];
}

/** Checks a change before it is stored (the release gate): the document before and after. */
export type WriteCheck<T extends DocType> = (before: Doc<T>, after: Doc<T>) => void;

/**
 * What a type adds to an edit committed as a merge (`Repository.commit`). Each runs on a version
 * about to be stored and on the revision it goes on (`before`): the person's version on the base
 * they edited, then, when a change came meanwhile, the merged version on the current revision.
 */
export interface EditRules<T extends DocType> {
  /** Completes a version before it is validated and stored (a contact's phones in E.164, its outlet history). */
  complete?: (before: Readonly<Body>, after: Body) => void;
  /** Refuses a version with a coded error (the release gate); nothing is stored then. */
  check?: (before: Readonly<Body>, after: FieldsByType[T]) => void;
  /** Who made the edit, when not this library's author (a draft's session). */
  author?: string;
  /**
   * Refuses, with a coded error, keeping the person's version of a document deleted meanwhile
   * (`deleted`: the version they edited): an attachment whose file left this computer with it.
   */
  keepOverDeletion?: (deleted: Readonly<Body>) => void;
}

/** The revision an edit was made on, with its body; null when the library compacted it away. */
export interface EditBase {
  rev: string;
  body: Body | null;
}

export class Repository {
  constructor(
    private readonly db: Database.Database,
    private readonly docs: DocStore,
    private readonly author: string,
  ) {}

  /** The live document of that type, decoded; NOT_FOUND when it is missing, deleted or of another type. */
  get<T extends DocType>(type: T, id: string): Doc<T> {
    return decodeDoc(type, this.docs.require(id, type));
  }

  /**
   * The document as the contract's `*.get` returns it: decoded, except one written by a newer
   * Dateline, which is shown exactly as stored (values this version does not know included),
   * since it is read-only here and the person reads what the other office wrote.
   */
  show<T extends DocType>(type: T, id: string): Doc<T> {
    const d = this.docs.require(id, type);
    if (schemaOf(d.body) <= DOC_SCHEMA_VERSION) return decodeDoc(type, d);
    return { ...d.body, id: d.id, rev: d.rev, type, conflicted: d.conflicted } as Doc<T>;
  }

  /** The live document of that type, decoded, or undefined when there is none. */
  find<T extends DocType>(type: T, id: string): Doc<T> | undefined {
    const d = this.docs.getStored(id);
    return d && !d.deleted && d.type === type ? decodeDoc(type, d) : undefined;
  }

  /** One revision of a document, current or old, decoded (a deletion is NOT_FOUND). */
  revision<T extends DocType>(type: T, id: string, rev: string): Doc<T> {
    const r = this.docs.getRevision(id, rev);
    if (r.deleted) throw new DatelineError('NOT_FOUND', `Revision "${rev}" of "${id}" is a deletion.`, { params: { id, rev, reason: 'revisionDeleted' } });
    return decodeDoc(type, { id, rev, body: r.body, conflicted: false }, { type, id, rev });
  }

  /**
   * One revision for reading (history, the conflicts inbox): decoded, or as stored when a newer
   * Dateline wrote it, as `show` does; a deletion is its tombstone with `deleted: true`.
   */
  showRevision<T extends DocType>(type: T, id: string, rev: string): ShownRevision<T> {
    const r = this.docs.getRevision(id, rev);
    if (r.deleted) return { ...r.body, id, rev, deleted: true };
    const shown = schemaOf(r.body) <= DOC_SCHEMA_VERSION ? decodeDoc(type, { id, rev, body: r.body, conflicted: false }, { type, id, rev }) : ({ ...r.body, id, rev, type } as Doc<T>);
    return Object.assign(shown, { deleted: false as const });
  }

  /**
   * A `_local` record of this library (settings, saved segments: never replicated) read by its
   * schema; undefined when there is none, the coded error when it was damaged outside Dateline.
   * `what` names it in that error ("sync settings").
   */
  local<S extends z.ZodType>(id: string, schema: S, what: string): z.output<S> | undefined {
    const row = prepared(this.db, 'SELECT body FROM local_docs WHERE id = ?').get(id) as { body: string } | undefined;
    if (!row) return undefined;
    const place = { type: what, id };
    let body: unknown;
    try {
      body = JSON.parse(row.body);
    } catch {
      throw unreadableStored(place, 'its text is not JSON');
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw unreadableStored(place, parsed.error);
    return parsed.data;
  }

  create<T extends DocType>(type: T, fields: DocInput<T>, where: (string | number)[] = []): Created {
    const d = this.docs.create(type, validateKnown(type, fields as Readonly<Body>, where), { author: this.author });
    return { id: d.id, rev: d.rev };
  }

  /**
   * Applies `patch` on top of `rev` (the current winner when null) in one write transaction:
   * without a rev, the winner read here is still the winner when the new revision goes on it,
   * so another process's write in between is waited for, never reported as a CONFLICT.
   */
  update<T extends DocType>(type: T, id: string, rev: string | null, patch: DocPatch<T>, check?: WriteCheck<T>): Created {
    return this.db
      .transaction((): Created => {
        const current = this.docs.require(id, type);
        const base = rev && rev !== current.rev ? this.docs.getRevision(id, rev).body : current.body;
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        const merged = validateKnown(type, { ...base, ...defined });
        if (check) check(decodeDoc(type, { id, rev: rev ?? current.rev, body: base, conflicted: current.conflicted }), decodeDoc(type, { id, rev: '', body: merged, conflicted: false }));
        const d = this.docs.update(id, merged, { author: this.author }, rev ?? current.rev);
        return { id: d.id, rev: d.rev };
      })
      .immediate();
  }

  /**
   * A person's edit (`patch`: the fields they changed) made on revision `rev` of a live document
   * (the current winner when null), committed as a three-way merge in one write transaction: see
   * `commitEdit`. A document deleted meanwhile keeps the person's version beside the deletion
   * (`commitOverDeletion`); a revision the document never had is NOT_FOUND.
   */
  commit<T extends DocType>(type: T, id: string, rev: string | null, patch: Readonly<Body>, rules: EditRules<T> = {}): Saved {
    return this.db
      .transaction((): Saved => {
        // A field given as undefined (a caller in this process) is left as it is, as `update` leaves it.
        const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
        const stored = this.docs.getStored(id);
        if (stored?.deleted && stored.type === type && rev !== null) return this.commitOverDeletion(type, stored, rev, defined, rules);
        const current = this.docs.require(id, type);
        const base = { rev: rev ?? current.rev, body: rev === null ? current.body : this.bodyOrCompacted(id, rev) };
        return this.commitEdit(type, current, base, defined, rules);
      })
      .immediate();
  }

  /**
   * An edit made on `rev` of a document deleted meanwhile (by sync, another window), inside the
   * caller's transaction, as a release's editing session is (library/history.ts commitDraft):
   * the person's patch over the version they edited is kept as a branch beside the deletion and
   * the case goes to the conflicts inbox, where they keep it or let the deletion stand. A
   * document erased (a person, at their request) or merged into another never comes back this
   * way: refused, saying which (`whyGone`).
   */
  private commitOverDeletion<T extends DocType>(type: T, current: StoredDoc, rev: string, patch: Readonly<Body>, rules: EditRules<T>): Saved {
    const docs = this.docs;
    const id = current.id;
    this.refuseErased(type, id);
    const edited = docs.revisions(id).find((r) => r.rev === rev);
    if (!edited) throw new DatelineError('NOT_FOUND', `Document "${id}" has no revision "${rev}".`, { params: { id, rev, reason: 'noRevision' } });
    if (edited.deleted) throw noSuchDoc(id, type);
    // The version edited, or, compacted away, the version the deletion ended (what the person last saw).
    const before = this.bodyOrCompacted(id, rev) ?? this.deletedVersion(id, current.rev);
    if (before === null) throw noSuchDoc(id, type);
    assertEditable({ type, id }, before);
    const patched: Body = { ...before, ...patch };
    rules.complete?.(before, patched);
    const ours = validateKnown(type, patched);
    rules.check?.(before, ours);
    rules.keepOverDeletion?.(before);
    const written = docs.branch(id, rev, ours, { author: rules.author ?? this.author });
    docs.inbox.recordDelete(id, rev, written, current.rev, docs.now());
    return { id, rev: written, meanwhile: 'deleted' };
  }

  /** The body of the version a tombstone ended (its parent), or null when there is none any more. */
  private deletedVersion(id: string, tombstone: string): Body | null {
    const parent = this.docs.getRevision(id, tombstone).parent;
    return parent === null ? null : this.bodyOrCompacted(id, parent);
  }

  /**
   * How a deleted document went, when it was erased (`erased`: a person at their request, or
   * their photo) or merged into another (`mergedInto`, the one it went into), read from the marks
   * of its tombstones; null for a plain deletion.
   */
  whyGone(id: string): { erased: true } | { mergedInto: string } | null {
    for (const r of this.docs.revisions(id)) {
      if (!r.leaf || !r.deleted || !r.available) continue;
      const body = this.docs.getRevision(id, r.rev).body;
      if (body.erased === true) return { erased: true };
      if (typeof body.mergedInto === 'string') return { mergedInto: body.mergedInto };
    }
    return null;
  }

  /**
   * Refuses an edit of a document erased or merged into another: an erased person's data never
   * comes back, and a merged one lives on in the one it went into, named (followed along a chain
   * of merges) when it is still in the library.
   */
  private refuseErased(type: DocType, id: string): void {
    const why = this.whyGone(id);
    if (why === null) return;
    if ('erased' in why) {
      throw new DatelineError('NOT_FOUND', `The ${type} "${id}" was erased from this library while it was being edited; the edit was not kept, since nothing erased comes back.`, {
        params: { id, type, reason: 'erased' },
      });
    }
    const survivor = this.survivorOf(why.mergedInto);
    const into = survivor ? `"${survivor.name}" (${survivor.id})` : `"${why.mergedInto}", no longer in the library either`;
    throw new DatelineError('NOT_FOUND', `The ${type} "${id}" was merged into ${into} while it was being edited; the edit was not kept: make it there.`, {
      params: { id, type, reason: 'mergedAway', survivor: survivor?.id ?? null, survivorName: survivor?.name ?? null },
    });
  }

  /** The live document a merge led to, following merges made since; null when it is gone too. */
  private survivorOf(first: string): { id: string; name: string } | null {
    const seen = new Set<string>();
    for (let at: string | null = first; at !== null && !seen.has(at); ) {
      seen.add(at);
      const d = this.docs.getStored(at);
      if (!d) return null;
      if (!d.deleted) return { id: d.id, name: typeof d.body.name === 'string' ? d.body.name : '' };
      const why = this.whyGone(at);
      at = why !== null && 'mergedInto' in why ? why.mergedInto : null;
    }
    return null;
  }

  /** A revision's body, or null when it was compacted away; NOT_FOUND for a revision the document never had. */
  private bodyOrCompacted(id: string, rev: string): Body | null {
    try {
      return this.docs.getRevision(id, rev).body;
    } catch (e) {
      // Compacted: its place in the tree is kept, its body is not.
      if (isDatelineError(e) && e.code === 'NOT_FOUND' && this.docs.revisions(id).some((r) => r.rev === rev)) return null;
      throw e;
    }
  }

  /**
   * Commits an edit of the live document `current` made on `base`, inside the caller's
   * transaction, as a three-way merge: what changed meanwhile elsewhere (a sync, another window,
   * an import's merge) and what the person changed both stay. A field changed on both sides is
   * not decided here: the person's version is kept as a second branch beside the other one and
   * the case goes to the conflicts inbox. The patch is merged as it is over the base: validating
   * first would fill in the defaults of fields the base left out, and those would count as the
   * person's changes. A document newer than this app stays read-only (DOC_NEWER), whichever side
   * made it so.
   */
  commitEdit<T extends DocType>(type: T, current: StoredDoc, base: EditBase, patch: Readonly<Body>, rules: EditRules<T> = {}): Saved {
    const docs = this.docs;
    const id = current.id;
    if (current.deleted || current.type !== type) throw noSuchDoc(id);
    assertEditable({ type, id }, current.body);
    const who = { author: rules.author ?? this.author };
    const before = base.body ?? current.body;
    const patched: Body = { ...before, ...patch };
    rules.complete?.(before, patched);
    const ours = validateKnown(type, patched);
    rules.check?.(before, ours);
    const saved = (rev: string, meanwhile: Meanwhile): Saved => ({ id, rev, meanwhile });
    if (current.rev === base.rev) return saved(docs.update(id, ours, who, base.rev).rev, 'nothing');
    const { merged, conflicts } = threeWayMerge(base.body, patched, current.body);
    if (conflicts.length === 0) {
      rules.complete?.(current.body, merged);
      const fields = validateKnown(type, merged);
      rules.check?.(current.body, fields);
      return saved(docs.update(id, fields, who, current.rev).rev, 'merged');
    }
    // The person goes on from their own version until they decide.
    const rev = docs.branch(id, base.rev, ours, who);
    docs.inbox.recordFields(id, base.rev, rev, current.rev, conflicts, docs.now(), true);
    return saved(rev, 'conflict');
  }

  /** Writes `doc` with `patch` on the revision it was read at: a CONFLICT when someone changed it since. */
  put<T extends DocType>(doc: Doc<T>, patch: DocPatch<T> = {}): Created {
    return this.update(doc.type, doc.id, doc.rev, patch);
  }
}
