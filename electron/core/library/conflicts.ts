import type { ConflictChoice } from '../../shared/conflicts/contract';
import { DatelineError } from '../../shared/errors';
import { DOC_TYPES, type DocType } from '../../shared/documents';
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';
import type { Body, StoredDoc } from '../store/docstore';
import { threeWayMerge } from '../store/merge';
import { editKeptBody } from '../sync/merge';
import { SETTLED_ELSEWHERE } from '../store/conflicts';
import { validateKnown } from '../store/repository';

interface Settled {
  id: string;
  rev: string;
  deleted: boolean;
}

const settled = (d: StoredDoc): Settled => ({ id: d.id, rev: d.rev, deleted: d.deleted });

function bodyOf(ctx: CoreContext, id: string, rev: string | null): Body | null {
  if (rev === null) return null;
  try {
    return ctx.library.docs.getRevision(id, rev).body;
  } catch {
    return null;
  }
}

function liveLeaves(ctx: CoreContext, id: string): string[] {
  return ctx.library.docs
    .revisions(id)
    .filter((r) => r.leaf && !r.deleted)
    .map((r) => r.rev);
}

/**
 * Settles a case of the conflicts inbox as the person chose, in one transaction. A "fields"
 * case becomes one revision on the winning branch (both sides' other changes merged, each
 * field in conflict from the side chosen) and a tombstone on the other branch; a "delete"
 * case deletes every live branch of the document, or keeps the edited document by ending the
 * deletion with a tombstone of its own (the same revision on every library that keeps it), which
 * closes the case everywhere once it syncs.
 */
export function resolveConflict(ctx: CoreContext, caseId: number, choice: ConflictChoice): Settled {
  const { db, author } = ctx.library;
  const docs = ctx.library.docs;
  return db.transaction(() => {
    const c = docs.inbox.get(caseId);
    if (!c || c.resolvedAt !== null) {
      throw new DatelineError('NOT_FOUND', `There is no open conflict ${caseId}; it may have been settled already.`, { params: { id: caseId, reason: 'conflictSettled' } });
    }
    if (choice.kind !== c.kind) {
      throw new DatelineError('INVALID_INPUT', `choice.kind: conflict ${caseId} is a "${c.kind}" case, not "${choice.kind}".`, {
        path: ['choice', 'kind'],
        params: { id: caseId, kind: c.kind, chosen: choice.kind, reason: 'conflictOtherCase' },
      });
    }
    const now = docs.now();
    const who = { author };
    const live = liveLeaves(ctx, c.docId);
    if (choice.kind === 'delete') {
      let last = docs.getStored(c.docId)!;
      if (choice.keep === 'deletion') {
        for (const leaf of live) last = docs.remove(c.docId, who, leaf);
        docs.inbox.markResolved(caseId, 'deleted', now);
        return settled(docs.getStored(c.docId) ?? last);
      }
      const deletion = docs.revisions(c.docId).find((r) => r.rev === c.theirsRev);
      if (!deletion?.leaf || !deletion.deleted || live.length === 0) {
        docs.inbox.markResolved(caseId, SETTLED_ELSEWHERE, now);
        return settled(last);
      }
      // Marked first: the write below closes the case by itself, as it will on every other library.
      docs.inbox.markResolved(caseId, 'kept the edit', now);
      docs.writeExact(c.docId, c.theirsRev, editKeptBody(docs.getRevision(c.docId, c.theirsRev).body), true, who);
      return settled(docs.getStored(c.docId)!);
    }
    if (!live.includes(c.oursRev) || !live.includes(c.theirsRev)) {
      // Someone settled it elsewhere (the branches were merged or ended): nothing left to decide.
      docs.inbox.markResolved(caseId, SETTLED_ELSEWHERE, now);
      return settled(docs.getStored(c.docId)!);
    }
    if (!(DOC_TYPES as readonly string[]).includes(c.docType)) {
      throw new DatelineError('FORBIDDEN', `"${c.docId}" is a ${c.docType}, which this version of Dateline cannot edit.`, { params: { id: c.docId, type: c.docType, reason: 'cannotEditType' } });
    }
    const ours = bodyOf(ctx, c.docId, c.oursRev) ?? {};
    const theirs = bodyOf(ctx, c.docId, c.theirsRev) ?? {};
    const { merged, conflicts } = threeWayMerge(bodyOf(ctx, c.docId, c.baseRev), ours, theirs);
    for (const field of conflicts) {
      const side = choice.take[field];
      if (!side) {
        throw new DatelineError('INVALID_INPUT', `choice.take.${field}: choose "ours" or "theirs" for this field.`, {
          path: ['choice', 'take', field],
          params: { field, reason: 'conflictNoSide' },
        });
      }
      const value = (side === 'ours' ? ours : theirs)[field];
      if (value === undefined) delete merged[field];
      else merged[field] = value;
    }
    const winner = docs.getStored(c.docId)!.rev;
    const loser = winner === c.oursRev ? c.theirsRev : c.oursRev;
    const fields = validateKnown(c.docType as DocType, merged);
    // The other branch ends first, so the merged revision is written on a document in no
    // conflict; its tombstone names the branch it gave way to, so it is no deletion anywhere.
    docs.remove(c.docId, who, loser, winner);
    const written = docs.update(c.docId, fields, who, winner === c.oursRev ? c.oursRev : c.theirsRev);
    docs.inbox.markResolved(caseId, 'merged', now);
    return settled(docs.getStored(written.id)!);
  }).immediate();
}

export const conflictHandlers: Pick<Handlers, 'conflict.list' | 'conflict.resolve'> = {
  'conflict.list': (input, ctx) => ctx.library.docs.inbox.list(input.docId),
  'conflict.resolve': (input, ctx) => resolveConflict(ctx, input.id, input.choice),
};
