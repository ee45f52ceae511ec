import { z } from 'zod';
import { AttachmentEditableFields, DocIdSchema, type Doc } from '../documents';
import { BaseRev, changeOf, fieldsUpdate, ListIds, method, pageInput, type Created, type Page, type Saved } from '../methods';

/** Contract methods of attachments: photos, logos, fact sheets, video. Merged into API in contract.ts. */

export interface AttachmentSummary {
  id: string;
  rev: string;
  sha256: string;
  originalName: string;
  mediaType: string;
  size: number;
  updatedAt: string;
  hasThumbnail: boolean;
  /** What tells two files of the same name apart in a picker (two "photo.jpg" from two cameras). */
  caption: string | null;
  credit: string | null;
  /** False when the file is not on this computer yet (synced documents arrive before their files): shown as "on the server", not as damage. */
  here: boolean;
}

export interface AttachmentAdded extends Created {
  sha256: string;
  /** True when the same bytes were already in the library (no second copy was written). */
  deduped: boolean;
}

/** What a photo's file says of where it was taken, before an export removes it. */
export interface AttachmentLocation {
  /** The file holds GPS coordinates (Exif or XMP); null when the file is not on this computer yet. */
  inFile: boolean | null;
}

/**
 * Where an attachment is used: the releases it is linked to, the kits that carry it, the offices
 * whose logo it is. Said on its page, and before it is deleted (those kits then show it missing).
 */
export interface AttachmentReferences {
  /** Trashed ones too, marked: a release restored from the trash would look for it. */
  releases: { id: string; headline: string; language: string; trashed: boolean }[];
  kits: { id: string; title: string }[];
  offices: { id: string; name: string }[];
}

/**
 * Web mode's "Save a copy": the file waits in the library's tmp/ for the browser, which fetches
 * it once by a one-time link (as a kit's export does), never through the page's memory.
 */
export interface AttachmentDownload {
  download: string;
  name: string;
  mediaType: string;
  bytes: number;
}

export const ATTACHMENT_API = {
  'attachment.add': method<AttachmentAdded>()(
    z
      .object({
        name: z.string().min(1, 'the file needs a name').max(1000),
        /** The file's bytes, base64-encoded. */
        data: z.base64({ message: 'file data must be base64' }),
        mediaType: z.string().max(255).optional(),
        fields: changeOf(AttachmentEditableFields).optional(),
      })
      .strict(),
  ),
  'attachment.update': method<Saved>()(fieldsUpdate(AttachmentEditableFields)),
  'attachment.get': method<Doc<'attachment'>>()(z.object({ id: DocIdSchema }).strict()),
  'attachment.list': method<Page<AttachmentSummary>>()(pageInput({ release: DocIdSchema.optional(), ids: ListIds.optional() })),
  'attachment.location': method<AttachmentLocation>()(z.object({ id: DocIdSchema }).strict()),
  'attachment.content': method<{ mediaType: string; data: string; size: number }>()(
    z.object({ id: DocIdSchema, variant: z.enum(['original', 'thumbnail']).default('original') }).strict(),
  ),
  'attachment.references': method<AttachmentReferences>()(z.object({ id: DocIdSchema }).strict()),
  /** Web mode: the original file waiting for the browser's download (see AttachmentDownload). */
  'attachment.download': method<AttachmentDownload>()(z.object({ id: DocIdSchema }).strict()),
  /**
   * Deletes an attachment (a tombstone, so it syncs): it waits in the trash with its file, which
   * leaves the library folder when the trash is emptied (trash.empty) unless another attachment
   * holds the same bytes; kits that carry it show it as no longer in the library.
   */
  'attachment.delete': method<Created>()(z.object({ id: DocIdSchema, rev: BaseRev }).strict()),
} as const;
