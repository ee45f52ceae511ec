import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { AttachmentLocation, AttachmentSummary, Page, ParsedInputOf, Saved } from '../../shared/contract';
import { AttachmentEditableFields, type Doc } from '../../shared/documents';
import { DatelineError, invalidInput } from '../../shared/errors';
import { formatBytes } from '../../shared/sync/bytes';
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';
import { idsCondition, listPage } from '../store/paging';
import { tooLarge } from './files';
import { canThumbnail, hasThumbnail, imageSize, makeThumbnail, sniffMediaType, svgPreview, thumbnailPath, THUMBNAIL_TYPE } from './images';
import { safeFileName } from '../../shared/file-names';
import { fileRecordsLocation } from './location';
import { linkReleases, liveAttachmentBySha } from './queries';

type AttachmentHandlers = Pick<Handlers, 'attachment.add' | 'attachment.update' | 'attachment.get' | 'attachment.list' | 'attachment.content' | 'attachment.location'>;

const invalid = (method: string, error: z.ZodError, prefix: (string | number)[]): DatelineError => invalidInput(error, { context: method, prefix });

/** Bytes a base64 string decodes to, worked out without decoding it (so an oversized upload is refused before it is copied). */
function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/** A preview is a cache: failing to write one must never fail the attachment itself. */
async function tryThumbnail(ctx: CoreContext, sha256: string, bytes: Uint8Array, mediaType: string): Promise<void> {
  if (!canThumbnail(mediaType) || hasThumbnail(ctx.dir, sha256)) return;
  try {
    await makeThumbnail(ctx.blobs, ctx.dir, sha256, bytes, mediaType);
  } catch {
    // The preview is made again on demand (attachment.content) once the disk allows it.
  }
}

async function add(input: ParsedInputOf<'attachment.add'>, ctx: CoreContext) {
  const originalName = safeFileName(input.name);
  const length = decodedLength(input.data);
  if (length > ctx.attachmentLimit) throw tooLarge(`"${originalName}"`, length, ctx.attachmentLimit);
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length === 0) {
    throw new DatelineError('EMPTY_FILE', `"${originalName}" is empty (0 bytes); there is nothing to attach.`, { params: { name: originalName } });
  }
  if (bytes.length > ctx.attachmentLimit) throw tooLarge(`"${originalName}"`, bytes.length, ctx.attachmentLimit);

  const mediaType = sniffMediaType(bytes, input.mediaType);
  const editable = AttachmentEditableFields.safeParse(input.fields ?? {});
  if (!editable.success) throw invalid('attachment.add', editable.error, ['fields']);
  // Checked before the file is stored: a link to a release that is not there would dangle.
  for (const release of editable.data.releases) ctx.library.docs.require(release, 'release');
  const { width, height } = await imageSize(bytes, mediaType);

  // The file first: a document must never point at bytes that are not on disk. If the
  // document then fails, the stored file is orphaned but harmless (named by its hash).
  const { sha256, size } = ctx.blobs.put(bytes);

  const result = ctx.library.db
    .transaction(() => {
      // Inside a write transaction, so the CLI and the app adding the same file at once
      // cannot both miss the other's document.
      const existing = liveAttachmentBySha(ctx, sha256);
      if (existing) {
        const doc = linkReleases(ctx, existing, editable.data.releases);
        return { id: doc.id, rev: doc.rev, sha256, deduped: true };
      }
      const doc = ctx.library.repo.create('attachment', { ...editable.data, sha256, originalName, mediaType, size, width, height });
      return { ...doc, sha256, deduped: false };
    })
    .immediate();

  await tryThumbnail(ctx, sha256, bytes, mediaType);
  return result;
}

/**
 * The fields the person changed, committed as a three-way merge on the revision they edited
 * (Repository.commit): the file facts, fields unknown to this version and what changed elsewhere
 * meanwhile stay. A link added now must point at a release that exists (links already there may
 * outlive theirs). An attachment deleted meanwhile keeps the person's version beside the deletion,
 * unless its file left this computer with it: a version naming bytes that are not here would come
 * back as a file "on the server" that no server may hold.
 */
function update(input: ParsedInputOf<'attachment.update'>, ctx: CoreContext): Saved {
  return ctx.library.repo.commit('attachment', input.id, input.rev, input.fields, {
    check: (before, after) => {
      const had = Array.isArray(before.releases) ? before.releases : [];
      for (const release of after.releases) if (!had.includes(release)) ctx.library.docs.require(release, 'release');
    },
    keepOverDeletion: (deleted) => {
      const sha = deleted.sha256;
      if (typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha) && !ctx.blobs.has(sha)) {
        const name = typeof deleted.originalName === 'string' ? deleted.originalName : input.id;
        throw new DatelineError('NOT_FOUND', `"${name}" was deleted while its details were being edited, and its file left this computer with it; the edit was not kept.`, {
          params: { id: input.id, name, type: 'attachment', reason: 'deletedWithFile' },
        });
      }
    },
  });
}

function get(input: ParsedInputOf<'attachment.get'>, ctx: CoreContext): Doc<'attachment'> {
  return ctx.library.repo.show('attachment', input.id);
}

function list(input: ParsedInputOf<'attachment.list'>, ctx: CoreContext): Page<AttachmentSummary> {
  return listPage<'attachment_p', AttachmentSummary, { caption: unknown; credit: unknown }>(ctx.library.db, {
    table: 'attachment_p',
    // The caption and credit are in the document only: read from each listed row's current body.
    extra: `(SELECT json_extract(r.body, '$.caption') FROM revs r WHERE r.doc_rowid = p.doc_rowid AND r.rev = d.winner) AS caption,
      (SELECT json_extract(r.body, '$.credit') FROM revs r WHERE r.doc_rowid = p.doc_rowid AND r.rev = d.winner) AS credit`,
    sort: { column: 'updated_at', direction: 'DESC' },
    where: [
      ...(input.release === undefined ? [] : [{ sql: 'p.doc_rowid IN (SELECT doc_rowid FROM attachment_link_p WHERE release_id = ?)', params: [input.release] }]),
      ...(input.ids === undefined ? [] : [idsCondition(input.ids)]),
    ],
    query: input.query,
    limit: input.limit,
    cursor: input.cursor,
    map: (r) => ({
      id: r.id,
      rev: r.rev,
      sha256: r.sha256,
      originalName: r.original_name,
      mediaType: r.media_type,
      size: r.size,
      updatedAt: r.updated_at,
      caption: typeof r.caption === 'string' ? r.caption : null,
      credit: typeof r.credit === 'string' ? r.credit : null,
      // A photo whose file came by sync has no preview made yet: attachment.content makes it when asked.
      hasThumbnail:
        /^[0-9a-f]{64}$/.test(r.sha256) && (hasThumbnail(ctx.dir, r.sha256) || ((canThumbnail(r.media_type) || svgPreview(r.media_type, r.size)) && ctx.blobs.has(r.sha256))),
      here: /^[0-9a-f]{64}$/.test(r.sha256) && ctx.blobs.has(r.sha256),
    }),
  });
}

/** Whether the file holds GPS coordinates, read from its metadata alone; null while the file is still on the server. */
async function location(input: ParsedInputOf<'attachment.location'>, ctx: CoreContext): Promise<AttachmentLocation> {
  const { sha256, mediaType } = ctx.library.repo.get('attachment', input.id);
  if (!/^[0-9a-f]{64}$/.test(sha256) || !ctx.blobs.has(sha256)) return { inFile: null };
  return { inFile: await fileRecordsLocation(ctx.blobs.path(sha256), mediaType) };
}

async function content(input: ParsedInputOf<'attachment.content'>, ctx: CoreContext) {
  const { sha256, mediaType, originalName: name, size } = ctx.library.repo.get('attachment', input.id);
  if (/^[0-9a-f]{64}$/.test(sha256) && !ctx.blobs.has(sha256) && !(input.variant === 'thumbnail' && hasThumbnail(ctx.dir, sha256))) {
    // A synced attachment whose file has not come down yet: not damage, and the person is told where it is.
    throw new DatelineError('NOT_FOUND', `"${name}" is not on this computer yet: it is on the server (${formatBytes(size)}) and comes down when files are synced.`, {
      params: { id: input.id, name, notHere: true, size, reason: 'notOnComputer' },
    });
  }
  if (input.variant === 'original') {
    const bytes = ctx.blobs.read(sha256);
    return { mediaType, data: bytes.toString('base64'), size: bytes.length };
  }
  if (svgPreview(mediaType, size)) {
    const bytes = ctx.blobs.read(sha256);
    return { mediaType, data: bytes.toString('base64'), size: bytes.length };
  }
  if (!canThumbnail(mediaType)) {
    throw new DatelineError('NOT_FOUND', `"${name}" is not an image (${mediaType}), so it has no preview.`, {
      params: { id: input.id, name, mediaType, reason: 'notAnImage' },
    });
  }
  let path: string | null = thumbnailPath(ctx.dir, sha256);
  if (!hasThumbnail(ctx.dir, sha256)) path = await makeThumbnail(ctx.blobs, ctx.dir, sha256, ctx.blobs.read(sha256), mediaType);
  if (path === null) {
    throw new DatelineError('NOT_FOUND', `"${name}" could not be read as an image (it may be damaged), so it has no preview.`, {
      params: { id: input.id, name, mediaType, reason: 'previewUnreadable' },
    });
  }
  const bytes = readFileSync(path);
  return { mediaType: THUMBNAIL_TYPE, data: bytes.toString('base64'), size: bytes.length };
}

export const attachmentHandlers: AttachmentHandlers = {
  'attachment.add': add,
  'attachment.update': update,
  'attachment.get': get,
  'attachment.list': list,
  'attachment.content': content,
  'attachment.location': location,
};
