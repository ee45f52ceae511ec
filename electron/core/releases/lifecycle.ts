import { DatelineError } from '../../shared/errors';
import { TRASHED } from '../../shared/releases/rules';
import type { Handlers } from '../dispatcher';
import type { CoreContext } from '../context';
import type { StoredDoc } from '../store/docstore';
import { updateDoc, validateKnown } from '../store/repository';
import { prepared } from '../store/statements';
import { releaseSummaries } from './queries';

/**
 * A release's life beyond editing: language versions linked and unlinked, withdrawal, the trash.
 * Every state is a field of the documents themselves (translationGroup, withdrawal, trashed), so
 * it replicates like any edit and another office sees the same thing.
 */

const groupOf = (d: StoredDoc): string | null => (typeof d.body.translationGroup === 'string' ? d.body.translationGroup : null);

function liveRelease(ctx: CoreContext, id: string, path: string): StoredDoc {
  const d = ctx.library.docs.require(id, 'release');
  if (d.body.trashed) {
    throw new DatelineError('RELEASE_UNAVAILABLE', `${path}: the release "${id}" is in the trash; restore it first.`, {
      path: [path],
      params: { id, headline: typeof d.body.headline === 'string' ? d.body.headline : id, reason: 'trashed' },
    });
  }
  return d;
}

function setFields(ctx: CoreContext, d: StoredDoc, patch: Record<string, unknown>): { id: string; rev: string } {
  const written = ctx.library.docs.update(d.id, validateKnown('release', { ...d.body, ...patch }), { author: ctx.library.author }, d.rev);
  return { id: written.id, rev: written.rev };
}

export const lifecycleHandlers: Pick<
  Handlers,
  'release.link' | 'release.unlink' | 'release.withdraw' | 'release.trash' | 'release.untrash' | 'release.emptyTrash'
> = {
  'release.link': (input, ctx) =>
    ctx.library.db
      .transaction(() => {
        if (input.id === input.to) {
          throw new DatelineError('INVALID_INPUT', 'to: a release cannot be a language version of itself.', { path: ['to'], params: { field: 'to' } });
        }
        const release = liveRelease(ctx, input.id, 'id');
        const target = liveRelease(ctx, input.to, 'to');
        const group = groupOf(target) ?? target.id;
        if (groupOf(release) === group) {
          throw new DatelineError('CONFLICT', `"${input.id}" is already a language version of "${input.to}".`, { params: { id: input.id } });
        }
        const language = String(release.body.language);
        const same = releaseSummaries(ctx, { sql: 'p.translation_group = ? AND p.language = ? AND d.id <> ?', params: [group, language, release.id] });
        const clash = same[0] ?? (target.body.language === language ? { id: target.id } : undefined);
        if (clash) {
          throw new DatelineError('CONFLICT', `These versions already have a "${language}" release ("${clash.id}"); unlink it first.`, {
            params: { id: clash.id, language },
          });
        }
        if (groupOf(target) === null) setFields(ctx, target, { translationGroup: group });
        setFields(ctx, release, { translationGroup: group });
        return releaseSummaries(ctx, { sql: 'p.translation_group = ? AND p.status <> ?', params: [group, TRASHED] });
      })
      .immediate(),
  'release.unlink': (input, ctx) =>
    ctx.library.db
      .transaction(() => {
        const release = ctx.library.docs.require(input.id, 'release');
        if (groupOf(release) === null) {
          throw new DatelineError('INVALID_INPUT', `id: "${input.id}" is not linked to other language versions.`, { path: ['id'], params: { field: 'id' } });
        }
        return setFields(ctx, release, { translationGroup: null });
      })
      .immediate(),
  'release.withdraw': (input, ctx) => {
    liveRelease(ctx, input.id, 'id');
    return updateDoc(ctx, 'release', input.id, input.rev, { status: 'withdrawn', withdrawal: { reason: input.reason, at: ctx.library.docs.now() } });
  },
  'release.trash': (input, ctx) => {
    const d = ctx.library.docs.require(input.id, 'release');
    if (d.body.trashed) return { id: d.id, rev: d.rev };
    return updateDoc(ctx, 'release', input.id, input.rev, { trashed: { at: ctx.library.docs.now() } });
  },
  'release.untrash': (input, ctx) => {
    const d = ctx.library.docs.require(input.id, 'release');
    if (!d.body.trashed) {
      throw new DatelineError('INVALID_INPUT', `id: "${input.id}" is not in the trash.`, { path: ['id'], params: { field: 'id' } });
    }
    return updateDoc(ctx, 'release', input.id, null, { trashed: null });
  },
  'release.emptyTrash': (input, ctx) =>
    ctx.library.db
      .transaction(() => {
        const docs = ctx.library.docs;
        const ids =
          input.ids ??
          releaseSummaries(ctx, { sql: 'p.status = ?', params: [TRASHED] }).map((r) => r.id);
        for (const id of ids) {
          const d = docs.require(id, 'release');
          if (!d.body.trashed) {
            throw new DatelineError('INVALID_INPUT', `ids: "${id}" is not in the trash; nothing was deleted.`, { path: ['ids'], params: { field: 'ids' } });
          }
          docs.remove(id, { author: ctx.library.author }, d.rev);
          prepared(ctx.library.db, 'DELETE FROM drafts WHERE doc_id = ?').run(id);
        }
        return { deleted: ids.length };
      })
      .immediate(),
};
