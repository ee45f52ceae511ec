import { copyFile, link } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentDownload, AttachmentReferences, ParsedInputOf } from '../../shared/contract';
import type { Doc } from '../../shared/documents';
import { DatelineError } from '../../shared/errors';
import { formatBytes } from '../../shared/sync/bytes';
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';
import { newDownloadFolder, offerDownload, removeDownloadFolder } from '../library/downloads';
import { prepared } from '../store/statements';

/**
 * An attachment's life beyond its fields: where it is used, a copy of its file saved elsewhere,
 * and deletion. Deleting writes a tombstone, so it syncs like any edit; the kits that carry it
 * then name it as no longer in the library, as they do for one deleted on another laptop.
 */

const isSha = (sha256: string): boolean => /^[0-9a-f]{64}$/.test(sha256);

/** The attachment, refused when its file has not come down from the server yet (not damage: the person is told where it is). */
function withFileHere(ctx: CoreContext, id: string): Doc<'attachment'> {
  const a = ctx.library.repo.get('attachment', id);
  if (isSha(a.sha256) && !ctx.blobs.has(a.sha256)) {
    throw new DatelineError('NOT_FOUND', `"${a.originalName}" is not on this computer yet: it is on the server (${formatBytes(a.size)}) and comes down when files are synced.`, {
      params: { id, name: a.originalName, notHere: true, size: a.size, reason: 'notOnComputer' },
    });
  }
  return a;
}

/**
 * Live kits and offices whose winning revision names the attachment. Kits and offices are few
 * (hundreds, not the contacts' hundred thousand), so their bodies are read here rather than kept
 * in a table of references.
 */
function kitsAndOffices(ctx: CoreContext, id: string): Pick<AttachmentReferences, 'kits' | 'offices'> {
  const kitIds = prepared(
    ctx.library.db,
    `SELECT d.id FROM kit_p k JOIN docs d ON d.rowid = k.doc_rowid JOIN revs r ON r.doc_rowid = d.rowid AND r.rev = d.winner
     WHERE d.deleted = 0 AND EXISTS (
       SELECT 1 FROM json_each(r.body, '$.items') i
       WHERE json_extract(i.value, '$.kind') = 'attachment' AND json_extract(i.value, '$.id') = ?)
     ORDER BY d.rowid`,
  )
    .pluck()
    .all(id) as string[];
  const officeIds = prepared(
    ctx.library.db,
    `SELECT d.id FROM office_p o JOIN docs d ON d.rowid = o.doc_rowid JOIN revs r ON r.doc_rowid = d.rowid AND r.rev = d.winner
     WHERE d.deleted = 0 AND json_extract(r.body, '$.logo') = ? ORDER BY d.rowid`,
  )
    .pluck()
    .all(id) as string[];
  const repo = ctx.library.repo;
  return {
    kits: kitIds.flatMap((k) => {
      const kit = repo.find('kit', k);
      return kit && kit.items.some((i) => i.kind === 'attachment' && i.id === id) ? [{ id: kit.id, title: kit.title }] : [];
    }),
    offices: officeIds.flatMap((o) => {
      const office = repo.find('office', o);
      return office && office.logo === id ? [{ id: office.id, name: office.name }] : [];
    }),
  };
}

export function attachmentReferences(ctx: CoreContext, id: string): AttachmentReferences {
  const a = ctx.library.repo.get('attachment', id);
  // A link may outlive its release (deleted on another laptop): only those still in the library are named.
  const releases = a.releases.flatMap((r) => {
    const release = ctx.library.repo.find('release', r);
    return release ? [{ id: release.id, headline: release.headline, language: release.language, trashed: !!release.trashed }] : [];
  });
  return { releases, ...kitsAndOffices(ctx, id) };
}

/** Web mode: the original file, linked (or else copied) into a download folder for the browser to fetch once. */
async function download(input: ParsedInputOf<'attachment.download'>, ctx: CoreContext): Promise<AttachmentDownload> {
  const a = withFileHere(ctx, input.id);
  const folder = newDownloadFolder(ctx.dir, 'attachment');
  // The file's name on disk is ours; the person's name for it travels in the download's header only.
  const path = join(folder, 'original');
  try {
    // A hard link costs nothing for a video of 200 MB; a system that refuses one gets a copy.
    await link(ctx.blobs.path(a.sha256), path).catch(() => copyFile(ctx.blobs.path(a.sha256), path));
  } catch (e) {
    removeDownloadFolder(folder);
    throw e;
  }
  const id = offerDownload({ path, name: a.originalName, bytes: a.size, folder });
  return { download: id, name: a.originalName, mediaType: a.mediaType, bytes: a.size };
}

/**
 * The tombstone. The file and its preview stay while the attachment is in the trash, so it can
 * be restored; emptying the trash takes them away (library/trash.ts), unless another live
 * attachment holds the same bytes (a file added twice is stored once).
 */
function remove(input: ParsedInputOf<'attachment.delete'>, ctx: CoreContext) {
  ctx.library.repo.get('attachment', input.id);
  return ctx.library.db
    .transaction(() => {
      const gone = ctx.library.docs.remove(input.id, { author: ctx.library.author }, input.rev);
      prepared(ctx.library.db, 'DELETE FROM drafts WHERE doc_id = ?').run(input.id);
      return { id: gone.id, rev: gone.rev };
    })
    .immediate();
}

export const attachmentLifecycleHandlers: Pick<Handlers, 'attachment.references' | 'attachment.download' | 'attachment.delete'> = {
  'attachment.references': (input, ctx) => attachmentReferences(ctx, input.id),
  'attachment.download': download,
  'attachment.delete': remove,
};
