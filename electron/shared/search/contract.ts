import { z } from 'zod';
import { DocTypeSchema, type DocType } from '../documents';
import { method, Query } from '../methods';

/** The library-wide full-text search. Merged into API in contract.ts. */

export interface SearchHit {
  id: string;
  type: DocType;
  title: string;
  /** A release's or kit's language (BCP 47). */
  language: string | null;
  /** A release's date, YYYY-MM-DD. */
  date: string | null;
  /** A word from the document itself (a contact's organisation, a file's media type). */
  detail: string | null;
  /**
   * Where the words were found (asked with `passages`): in a release's text, null when only its
   * headline has them; in another document, what its title and detail do not show (a contact's
   * phone number, e-mail address or beat), null when they hold every word.
   */
  passage?: Passage | null;
}

/**
 * Where a search's words were found in a document: a short piece of its own text, in order, the
 * words searched for marked. Shown as text (a window marks the marked pieces), never as HTML.
 */
export interface Passage {
  parts: { text: string; mark: boolean }[];
  /** The document's text goes on before the passage (the window shows "…"). */
  cutBefore: boolean;
  /** The document's text goes on after it. */
  cutAfter: boolean;
}

export const SEARCH_API = {
  search: method<SearchHit[]>()(
    z
      .object({
        query: Query,
        types: z.array(DocTypeSchema).max(6).optional(),
        limit: z.number().int().min(1).max(200).default(20),
        /** Skips this many of the best matches: the next page starts where the last one ended. */
        offset: z.number().int().min(0).max(1_000_000).default(0),
        /** Each hit comes with the passage where the words are (`passage`), as in the releases list. */
        passages: z.boolean().optional(),
      })
      .strict(),
  ),
} as const;
