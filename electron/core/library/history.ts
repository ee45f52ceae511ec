import type { DocVersion, Draft, HistoryRevision, ShownRevision } from '../../shared/contract';
import { z } from 'zod';
import { DatelineError, isDatelineError, unreadableStored } from '../../shared/errors';
import { DOC_TYPES, isReservedName, type DocType } from '../../shared/documents';
import { historyVersions, VERSION_WINDOW_MS } from '../../shared/library/history-versions';
import { revisionsToRead, versionChanges } from '../../shared/library/version-changes';
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';
import { assertReadyToGoOut } from '../releases/gate';
import { noSuchDoc } from '../store/docstore';
import { validateKnown } from '../store/repository';
import { prepared } from '../store/statements';
import { assertSessionOfThisLibrary, noteSession } from './replaced-sessions';

function docType(ctx: CoreContext, id: string): DocType {
  const d = ctx.library.docs.getStored(id);
  if (!d) throw noSuchDoc(id);
  if (!(DOC_TYPES as readonly string[]).includes(d.type)) {
    throw new DatelineError('FORBIDDEN', `"${id}" is a ${d.type}, which this version of Dateline cannot edit.`, { params: { id, type: d.type, reason: 'cannotEditType' } });
  }
  return d.type as DocType;
}

interface DraftRow {
  doc_id: string;
  base_rev: string | null;
  fields: string;
  session: string;
  author: string;
  started_at: string;
  updated_at: string;
}

const DraftFields = z.record(z.string(), z.unknown());

/** The journal's fields of a draft: an object of field values, or the coded error when damaged outside Dateline. */
function draftFields(id: string, text: string): Record<string, unknown> {
  const place = { type: 'draft', id };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw unreadableStored(place, 'its text is not JSON');
  }
  const parsed = DraftFields.safeParse(value);
  if (!parsed.success) throw unreadableStored(place, parsed.error);
  return parsed.data;
}

function readDraft(ctx: CoreContext, id: string): Draft | null {
  const r = prepared(ctx.library.db, 'SELECT * FROM drafts WHERE doc_id = ?').get(id) as DraftRow | undefined;
  if (!r) return null;
  return {
    id: r.doc_id,
    baseRev: r.base_rev,
    fields: draftFields(r.doc_id, r.fields),
    session: r.session,
    author: r.author,
    startedAt: r.started_at,
    updatedAt: r.updated_at,
  };
}

/**
 * Turns the draft journal entry of a document into one revision, as a three-way merge against
 * the revision the session started from: what changed meanwhile elsewhere (another library,
 * another window) and what the person changed both stay. A field changed on both sides is not
 * decided here: the person's version is kept as a second branch beside the other one and the
 * case goes to the conflicts inbox; so does an edit of a document deleted meanwhile.
 */
export function commitDraft(ctx: CoreContext, id: string): { id: string; rev: string } | null {
  const db = ctx.library.db;
  return db.transaction(() => {
    const draft = readDraft(ctx, id);
    if (!draft) return null;
    const type = docType(ctx, id);
    const docs = ctx.library.docs;
    const current = docs.getStored(id)!;
    const who = { author: draft.author };
    // The session's base, with its body when the library still has it.
    let baseRev = draft.baseRev ?? current.rev;
    let base: Record<string, unknown> | null;
    try {
      base = docs.getRevision(id, baseRev).body;
    } catch (e) {
      if (!isDatelineError(e) || e.code !== 'NOT_FOUND') throw e;
      if (!docs.revisions(id).some((r) => r.rev === baseRev)) baseRev = current.rev;
      base = null;
    }
    const gate = { author: draft.author, check: type === 'release' ? assertReadyToGoOut : undefined };
    let rev: string;
    if (current.deleted) {
      // The person's patch over the base, merged as it is (see Repository.commitEdit).
      const ours = validateKnown(type, { ...(base ?? current.body), ...draft.fields });
      gate.check?.(base ?? current.body, ours);
      rev = docs.branch(id, baseRev, ours, who);
      docs.inbox.recordDelete(id, baseRev, rev, current.rev, docs.now());
    } else {
      // Approved meanwhile elsewhere while this session emptied a required field: the merge may
      // not approve what is incomplete (the gate refuses it); the journal keeps the person's typing.
      rev = ctx.library.repo.commitEdit(type, current, { rev: baseRev, body: base }, draft.fields, gate).rev;
    }
    prepared(db, 'DELETE FROM drafts WHERE doc_id = ?').run(id);
    // Which session made it: history shows the saves of one session as one version.
    prepared(db, 'INSERT OR IGNORE INTO rev_sessions(doc_rowid, rev, session) SELECT rowid, ?, ? FROM docs WHERE id = ?').run(rev, draft.session, id);
    return { id, rev };
  }).immediate();
}

/** Every revision of a document (the store's tree), each with the editing session that committed it when this library knows it. */
function history(ctx: CoreContext, id: string): HistoryRevision[] {
  const revisions = ctx.library.docs.revisions(id);
  const rows = prepared(ctx.library.db, 'SELECT s.rev, s.session FROM rev_sessions s JOIN docs d ON d.rowid = s.doc_rowid WHERE d.id = ?').all(id) as {
    rev: string;
    session: string;
  }[];
  const sessions = new Map(rows.map((r) => [r.rev, r.session]));
  return revisions.map((r) => ({ ...r, session: sessions.get(r.rev) ?? null }));
}

/**
 * The versions of a document's history, each with what it changed. The bodies compared (at most
 * two per version) are read in one query, and each version is compared once with the one before:
 * a document of 200 versions is 200 comparisons, whatever the panel then shows.
 */
function versions(ctx: CoreContext, id: string): DocVersion[] {
  const revisions = history(ctx, id);
  const tree = new Map(revisions.map((r) => [r.rev, r]));
  const list = historyVersions(revisions, VERSION_WINDOW_MS, true);
  const rows = prepared(
    ctx.library.db,
    `SELECT t.rev, b.json AS body FROM json_each(?) w
       JOIN rev_tree t ON t.doc_rowid = (SELECT rowid FROM docs WHERE id = ?) AND t.rev = w.value
       JOIN bodies b ON b.id = t.body_id`,
  ).all(JSON.stringify(revisionsToRead(list, tree)), id) as { rev: string; body: string }[];
  const bodies = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    try {
      bodies.set(r.rev, JSON.parse(r.body) as Record<string, unknown>);
    } catch {
      // A body damaged outside Dateline: its changes are unknown (doc.revision says why when it is opened).
    }
  }
  return versionChanges(list, tree, bodies);
}

export const historyHandlers: Pick<
  Handlers,
  'doc.delete' | 'doc.history' | 'doc.versions' | 'doc.revision' | 'doc.restore' | 'draft.save' | 'draft.get' | 'draft.commit' | 'draft.discard'
> = {
  'doc.delete': (input, ctx) => {
    docType(ctx, input.id);
    const d = ctx.library.docs.remove(input.id, { author: ctx.library.author }, input.rev);
    prepared(ctx.library.db, 'DELETE FROM drafts WHERE doc_id = ?').run(input.id);
    return { id: d.id, rev: d.rev };
  },
  'doc.history': (input, ctx) => history(ctx, input.id),
  'doc.versions': (input, ctx) => versions(ctx, input.id),
  'doc.revision': (input, ctx) => {
    const stored = ctx.library.docs.getStored(input.id);
    if (stored && (DOC_TYPES as readonly string[]).includes(stored.type)) return ctx.library.repo.showRevision(stored.type as DocType, input.id, input.rev);
    // A type this version does not know (written by a newer Dateline): shown as stored.
    const r = ctx.library.docs.getRevision(input.id, input.rev);
    return { ...r.body, id: input.id, rev: input.rev, deleted: r.deleted } as ShownRevision;
  },
  'doc.restore': (input, ctx) => {
    const type = docType(ctx, input.id);
    const docs = ctx.library.docs;
    const { deleted, ...old } = ctx.library.repo.showRevision(type, input.id, input.rev);
    if (deleted) {
      throw new DatelineError('INVALID_INPUT', `rev: revision ${input.rev} is a deletion; pick a revision with content.`, { path: ['rev'], params: { rev: input.rev, reason: 'restoreDeletion' } });
    }
    const current = docs.getStored(input.id)!;
    const fields = validateKnown(type, old);
    // An old revision is no way around the release gate (one stored before it existed, or from another office).
    if (type === 'release') assertReadyToGoOut(current.deleted ? null : current.body, fields, []);
    const d = docs.update(input.id, fields, { author: ctx.library.author }, current.rev);
    return { id: d.id, rev: d.rev };
  },
  'draft.save': (input, ctx) => {
    const type = docType(ctx, input.id);
    const reserved = Object.keys(input.fields).find(isReservedName);
    if (reserved !== undefined) {
      throw new DatelineError('INVALID_INPUT', `fields.${reserved}: "${reserved}" starts with "_", a name reserved for sync; a document cannot hold it.`, {
        path: ['fields', reserved],
        params: { field: `fields.${reserved}`, name: reserved, reason: 'reservedField' },
      });
    }
    // Validate now so a typo in a field name fails while the person is still typing.
    assertSessionOfThisLibrary(ctx, input.id, input.session, input.baseRev);
    const current = ctx.library.docs.require(input.id, type);
    const next = validateKnown(type, { ...current.body, ...input.fields });
    if (type === 'release') assertReadyToGoOut(current.body, next);
    const now = ctx.library.docs.now();
    // Merged here, not with json_patch: a field set to null (an embargo cleared) must stay null.
    const existing = readDraft(ctx, input.id);
    const fields = { ...(existing?.fields ?? {}), ...input.fields };
    prepared(
      ctx.library.db,
      `INSERT INTO drafts(doc_id, base_rev, fields, session, author, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(doc_id) DO UPDATE SET fields = excluded.fields, session = excluded.session, updated_at = excluded.updated_at`,
    ).run(input.id, input.baseRev ?? current.rev, JSON.stringify(fields), input.session, ctx.library.author, now, now);
    noteSession(ctx.library, input.session);
    return { updatedAt: now };
  },
  'draft.get': (input, ctx) => readDraft(ctx, input.id),
  'draft.commit': (input, ctx) => commitDraft(ctx, input.id),
  'draft.discard': (input, ctx) => ({
    discarded: prepared(ctx.library.db, 'DELETE FROM drafts WHERE doc_id = ?').run(input.id).changes > 0,
  }),
};
