import { z } from 'zod';
import { ConflictChoiceSchema, type ConflictCase } from './conflicts';
import { DocIdSchema } from './documents';
import { method } from './methods';

/**
 * Contract methods of the conflicts inbox: the cases the store could not settle alone (the same
 * field changed on two sides, a deletion against an edit), and the person's decision on each.
 * Merged into API in contract.ts.
 */
export const CONFLICT_API = {
  /** Open cases, oldest first; only those of one document when `docId` is given. */
  'conflict.list': method<ConflictCase[]>()(z.object({ docId: DocIdSchema.optional() }).strict()),
  /** Settles one case; returns the document's revision afterwards (a tombstone when deleted). */
  'conflict.resolve': method<{ id: string; rev: string; deleted: boolean }>()(
    z.object({ id: z.number().int().positive(), choice: ConflictChoiceSchema }).strict(),
  ),
} as const;
