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

/**
 * The list's orders: by name, last changed first, or grouped by outlet (the outlet's name, else
 * the organisation), country or language (their names in the interface's language), beat or
 * static list, by name within each group and the ungrouped last.
 */
export const CONTACT_SORTS = ['name', 'updated', 'outlet', 'country', 'language', 'beat', 'list'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
