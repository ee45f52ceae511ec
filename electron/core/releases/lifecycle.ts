import { DatelineError } from '../../shared/errors';
import { TRASHED } from '../../shared/releases/rules';
import type { Handlers } from '../dispatcher';
import type { CoreContext } from '../context';
import type { Doc } from '../../shared/documents';
import { prepared } from '../store/statements';
import { assertWithdrawable } from './gate';
import { releaseSummaries } from './queries';

/**
 * A release's life beyond editing: language versions linked and unlinked, withdrawal, the trash.
 * Every state is a field of the documents themselves (translationGroup, withdrawal, trashed), so
 * it replicates like any edit and another office sees the same thing.
 */

function liveRelease(ctx: CoreContext, id: string, path: string): Doc<'release'> {
  const d = ctx.library.repo.get('release', id);
  if (d.trashed) {
    throw new DatelineError('RELEASE_UNAVAILABLE', `${path}: the release "${id}" is in the trash; restore it first.`, {
      path: [path],
      params: { id, headline: d.headline, reason: 'trashed' },
    });
  }
  return d;
}

/** Releases deleted for good in one transaction when the whole trash is emptied. */
const EMPTY_BATCH = 200;

/** Deletes the given trashed releases (tombstones, so the deletion syncs) and their drafts; a release not in the trash refuses them all when `strict`. */
function deleteTrashed(ctx: CoreContext, ids: readonly string[], strict: boolean): number {
  let deleted = 0;
  for (const id of ids) {
    const d = ctx.library.repo.get('release', id);
    if (!d.trashed) {
      if (!strict) continue;
      throw new DatelineError('INVALID_INPUT', `ids: "${id}" is not in the trash; nothing was deleted.`, { path: ['ids'], params: { field: 'ids', id, headline: d.headline, reason: 'notInTrash' } });
    }
    ctx.library.docs.remove(id, { author: ctx.library.author }, d.rev);
    prepared(ctx.library.db, 'DELETE FROM drafts WHERE doc_id = ?').run(id);
    deleted += 1;
  }
  return deleted;
}

/** Deletes every trashed release for good; how many. */
export function emptyReleaseTrash(ctx: CoreContext): number {
  // The whole trash, however large, a batch to a transaction: a writer elsewhere (the CLI,
  // sync) waits for one batch, never for thousands of deletions.
  const batch = ctx.library.db.prepare('SELECT d.id FROM release_p p JOIN docs d ON d.rowid = p.doc_rowid WHERE p.status = ? LIMIT ?').pluck();
  let deleted = 0;
  for (;;) {
    const ids = batch.all(TRASHED, EMPTY_BATCH) as string[];
    const n = ctx.library.db.transaction(() => deleteTrashed(ctx, ids, false)).immediate();
    deleted += n;
    if (ids.length < EMPTY_BATCH || n === 0) return deleted;
  }
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
        const group = target.translationGroup ?? target.id;
        if (release.translationGroup === group) {
          throw new DatelineError('CONFLICT', `"${input.id}" is already a language version of "${input.to}".`, { params: { id: input.id, reason: 'alreadyVersion' } });
        }
        const language = release.language;
        const same = releaseSummaries(ctx, { sql: 'p.translation_group = ? AND p.language = ? AND d.id <> ?', params: [group, language, release.id] });
        const clash = same[0] ?? (target.language === language ? { id: target.id } : undefined);
        if (clash) {
          throw new DatelineError('CONFLICT', `These versions already have a "${language}" release ("${clash.id}"); unlink it first.`, {
            params: { id: clash.id, language, reason: 'languageTaken' },
          });
        }
        const repo = ctx.library.repo;
        if (target.translationGroup === null) repo.put(target, { translationGroup: group });
        repo.put(release, { translationGroup: group });
        return releaseSummaries(ctx, { sql: 'p.translation_group = ? AND p.status <> ?', params: [group, TRASHED] });
      })
      .immediate(),
  'release.unlink': (input, ctx) =>
    ctx.library.db
      .transaction(() => {
        const release = ctx.library.repo.get('release', input.id);
        if (release.translationGroup === null) {
          throw new DatelineError('INVALID_INPUT', `id: "${input.id}" is not linked to other language versions.`, { path: ['id'], params: { field: 'id', id: input.id, headline: release.headline, reason: 'notLinked' } });
        }
        return ctx.library.repo.put(release, { translationGroup: null });
      })
      .immediate(),
  'release.withdraw': (input, ctx) => {
    liveRelease(ctx, input.id, 'id');
    // Judged on the revision the write goes on, in its transaction: a draft approved meanwhile
    // elsewhere is withdrawn, an approval undone meanwhile is refused.
    return ctx.library.repo.update('release', input.id, input.rev, { status: 'withdrawn', withdrawal: { reason: input.reason, at: ctx.library.docs.now() } }, (before) =>
      assertWithdrawable(before, ['id']),
    );
  },
  'release.trash': (input, ctx) => {
    const d = ctx.library.repo.get('release', input.id);
    if (d.trashed) return { id: d.id, rev: d.rev };
    return ctx.library.repo.update('release', input.id, input.rev, { trashed: { at: ctx.library.docs.now() } });
  },
  'release.untrash': (input, ctx) => {
    const d = ctx.library.repo.get('release', input.id);
    if (!d.trashed) {
      throw new DatelineError('INVALID_INPUT', `id: "${input.id}" is not in the trash.`, { path: ['id'], params: { field: 'id', id: input.id, headline: d.headline, reason: 'notInTrash' } });
    }
    return ctx.library.repo.update('release', input.id, null, { trashed: null });
  },
  'release.emptyTrash': (input, ctx) => {
    if (input.ids) return { deleted: ctx.library.db.transaction(() => deleteTrashed(ctx, input.ids!, true)).immediate() };
    return { deleted: emptyReleaseTrash(ctx) };
  },
};
