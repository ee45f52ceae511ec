import { z } from 'zod';
import { DocIdSchema } from '../documents';
import { Empty, method } from '../methods';

/**
 * The trash beyond releases: contacts, outlets, kits and attachments deleted (tombstones whose
 * last version is still kept), each restorable until the trash is emptied. A release goes to
 * the trash as a field of its own (release.trash) and is listed by release.list; emptying the
 * trash here empties both. Merged into API in contract.ts.
 */

export const TRASHABLE_TYPES = ['contact', 'outlet', 'kit', 'attachment'] as const;
export type TrashableType = (typeof TRASHABLE_TYPES)[number];

/** The most deleted documents one call lists, newest first; `total` says how many there are. */
export const TRASH_LIST_MAX = 500;

export interface DeletedItem {
  id: string;
  type: TrashableType;
  /** What its list called it: a contact's or an outlet's name, a kit's title, a file's name. */
  name: string;
  /** Who deleted it: the author this library or the office that deleted it recorded. */
  deletedBy: string;
  deletedAt: string;
}

export interface TrashRestored {
  id: string;
  rev: string;
  type: TrashableType;
  name: string;
  /** A contact whose outlet is gone for good (not in the trash either) comes back without one: said to the person. */
  outletDropped: boolean;
}

export const TRASH_API = {
  'trash.list': method<{ items: DeletedItem[]; total: number }>()(Empty),
  /** Brings a deleted contact, outlet, kit or attachment back as it was before its deletion. */
  'trash.restore': method<TrashRestored>()(
    z
      .object({
        id: DocIdSchema,
        /** Restore even though a live document of the same type has the same name (the person was told). */
        allowSameName: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Deletes for good everything in the trash, releases included: nothing of it can be restored after. */
  'trash.empty': method<{ releases: number; others: number }>()(Empty),
} as const;
