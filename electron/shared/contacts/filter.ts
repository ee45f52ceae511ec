import { z } from 'zod';
import { CONTACT_KINDS, CountrySchema, DocIdSchema, LanguageSchema } from '../documents';

/**
 * What narrows the list of contacts: a search, kind, beat, country, language, outlet and static
 * list. The contacts screen filters by it, a segment saves it, an export takes it.
 */

const name = z.string().trim().min(1).max(60);

export const ContactFilterShape = {
  query: z.string().max(500).optional(),
  kind: z.enum(CONTACT_KINDS).optional(),
  beat: name.optional(),
  country: CountrySchema.optional(),
  language: LanguageSchema.optional(),
  outlet: DocIdSchema.optional(),
  list: name.optional(),
};
export const ContactFilterSchema = z.object(ContactFilterShape).strict();
export type ContactFilter = z.infer<typeof ContactFilterSchema>;

/** The filter's fields, in the order the screen shows them. */
export const FILTER_FIELDS = ['query', 'kind', 'beat', 'country', 'language', 'outlet', 'list'] as const satisfies readonly (keyof ContactFilter)[];

export const CONTACT_SORTS = ['name', 'updated'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
