import { z } from 'zod';
import { DocIdSchema } from '../documents';
import { method } from '../methods';

/** One case of the conflicts inbox, as the contract returns it. */
export interface ConflictCase {
  id: number;
  docId: string;
  docType: string;
  /** "fields": the same fields changed on two sides; "delete": one side deleted what the other edited. */
  kind: 'fields' | 'delete';
  /** The revision both sides started from, when the library still has it. */
  baseRev: string | null;
  /** The version that wins for now (a "delete" case: the edit). */
  oursRev: string;
  /** The other version (a "delete" case: the deletion). */
  theirsRev: string;
  /** The fields changed on both sides ("fields" cases). */
  fields: string[];
  detectedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

/**
 * How the person settles a case. "fields": for each field in conflict, which side's value
 * stays (fields changed on one side only are merged anyway). "delete": keep the edited
 * document, or delete it after all.
 */
export const ConflictChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fields'), take: z.record(z.string().min(1).max(200), z.enum(['ours', 'theirs'])) }).strict(),
  z.object({ kind: z.literal('delete'), keep: z.enum(['edit', 'deletion']) }).strict(),
]);
export type ConflictChoice = z.infer<typeof ConflictChoiceSchema>;

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
