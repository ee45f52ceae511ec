import { z } from 'zod';
import { DocIdSchema } from '../documents';
import { method } from '../methods';

/**
 * Contract methods about the people a contact may be a duplicate of, as its page suggests them:
 * the same e-mail address or phone number, or a similar name at the same organisation or
 * outlet; and the person's answer that one is not the same person, kept on this computer.
 * Merged into API through contacts/contract.ts.
 */

/** Why two contacts may be one person, the surest first. */
export const SIMILAR_REASONS = ['email', 'phone', 'name'] as const;
export type SimilarReason = (typeof SIMILAR_REASONS)[number];

export interface SimilarContact {
  id: string;
  name: string;
  organisation: string | null;
  outlet: { id: string; name: string } | null;
  /** Each reason once, in SIMILAR_REASONS' order. */
  reasons: SimilarReason[];
  /** With the reason 'name': the same words (in any order, titles aside), or a name alike (an initial, a slip, a name more). */
  sameName?: boolean;
}

const Pair = z
  .object({ id: DocIdSchema, other: DocIdSchema })
  .strict()
  .refine((v) => v.id !== v.other, { message: 'a contact is the same person as itself', path: ['other'] });

export const SIMILAR_API = {
  /** The live contacts that may be the same person as this one, the surest first; none the person said were not. */
  'contact.similar': method<SimilarContact[]>()(z.object({ id: DocIdSchema }).strict()),
  /** "Not the same person": the pair is never suggested again on this computer (never replicated). Answers what is left to suggest. */
  'contact.notSame': method<SimilarContact[]>()(Pair),
} as const;
