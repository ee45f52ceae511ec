import { z } from 'zod';
import { DocIdSchema, type Doc } from '../documents';
import type { RevisionSummary } from '../library/contract';
import { method } from '../methods';

/**
 * Contract methods about one person: where they are named, everything held about them, merging
 * a duplicate into them, and erasing them. Merged into API through contacts/contract.ts.
 */

export interface ContactReferences {
  releases: { id: string; headline: string; releaseDate: string | null }[];
  kits: { id: string; title: string }[];
}

export interface PersonExport {
  exportedAt: string;
  contact: Doc<'contact'>;
  /**
   * Every revision kept of the contact, with its author and time, and what it held (`body`; null
   * where compaction removed it): an earlier number or address is data held about the person
   * until then.
   */
  history: (RevisionSummary & { body: Record<string, unknown> | null })[];
  outlet: { id: string; name: string } | null;
  outletHistory: { id: string; name: string | null }[];
  /**
   * The person's photo with its bytes (base64), so that the export holds everything kept about
   * them; `data` is null when the file is not on this computer (kept on the sync server only).
   */
  photo: { id: string; originalName: string; mediaType: string; size: number; sha256: string; data: string | null } | null;
  references: ContactReferences;
  /** The note kept on this computer only (see contact.privateNote). */
  privateNote: string | null;
}

export interface EraseResult {
  id: string;
  /** The office whose suppression record now holds the person's keyed hashes; null in a library with no office, which keeps its own record on this computer. */
  office: string | null;
  suppressedKeys: number;
  /** Documents erased: the person's, and their photo's when they had one. */
  documentsErased: number;
  /** Files removed from this library's disk: the photo's, unless another attachment holds the same bytes or it was never downloaded here. */
  filesRemoved: number;
  /** Releases, kits and offices (as a default press contact) that named the person and no longer do. */
  releasesChanged: number;
  kitsChanged: number;
  officesChanged: number;
}

export interface MergeResult {
  id: string;
  rev: string;
  mergedFrom: string;
  /** Releases, kits and offices (as a default press contact) that named the duplicate and now name the survivor. */
  releasesChanged: number;
  kitsChanged: number;
  officesChanged: number;
}

/** The fields a person may pick from the duplicate on the merge screen (the rest are combined). */
export const MERGE_PICKABLE = ['name', 'kind', 'role', 'organisation', 'outlet', 'notes', 'photo', 'dataProtection'] as const;

export const PERSON_API = {
  'contact.references': method<ContactReferences>()(z.object({ id: DocIdSchema }).strict()),
  'contact.exportPerson': method<PersonExport>()(z.object({ id: DocIdSchema }).strict()),
  'contact.merge': method<MergeResult>()(
    z
      .object({
        /** The contact that stays. */
        survivor: DocIdSchema,
        /** The duplicate: becomes a tombstone pointing at the survivor. */
        other: DocIdSchema,
        /** Fields to take from the duplicate instead of the survivor. */
        take: z.array(z.enum(MERGE_PICKABLE)).max(MERGE_PICKABLE.length).default([]),
      })
      .strict()
      .refine((v) => v.survivor !== v.other, { message: 'a contact cannot be merged into itself', path: ['other'] }),
  ),
  'contact.erase': method<EraseResult>()(z.object({ id: DocIdSchema }).strict()),
} as const;
