import { z } from 'zod';
import { AttachmentEditableFields, DocIdSchema, type Doc } from '../documents';
import { changeOf, fieldsUpdate, method, pageInput, type Created, type Page } from '../methods';

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
  'attachment.update': method<Created>()(fieldsUpdate(AttachmentEditableFields)),
  'attachment.get': method<Doc<'attachment'>>()(z.object({ id: DocIdSchema }).strict()),
  'attachment.list': method<Page<AttachmentSummary>>()(pageInput({ release: DocIdSchema.optional() })),
  'attachment.location': method<AttachmentLocation>()(z.object({ id: DocIdSchema }).strict()),
  'attachment.content': method<{ mediaType: string; data: string; size: number }>()(
    z.object({ id: DocIdSchema, variant: z.enum(['original', 'thumbnail']).default('original') }).strict(),
  ),
} as const;
