import { z } from 'zod';
import { DocIdSchema, LanguageSchema, ReleaseFields, ReleaseStatusSchema, type Doc } from '../documents';
import { BaseRev, fieldsUpdate, method, pageInput, type Created, type Page } from '../methods';
import { RELEASE_SORTS, SORT_DIRECTIONS } from './list-sort';
import type { Passage } from '../search/contract';

/** Contract methods of press releases and their language versions. Merged into API in contract.ts. */

export interface ReleaseSummary {
  id: string;
  rev: string;
  headline: string;
  language: string;
  /** The release's status, or "trashed" while it is in the trash. */
  status: string;
  office: string | null;
  releaseDate: string | null;
  embargoAt: string | null;
  /** The embargo's own time zone, for saying it in words; given while the embargo is still in force when listed, else null. */
  embargoTimeZone: string | null;
  translationGroup: string | null;
  updatedAt: string;
  tags: string[];
  /** Where the words of the list's search were found in the release (asked with `passages`); null when only its headline has them. */
  passage?: Passage | null;
}

export const RELEASE_API = {
  'release.create': method<Created>()(ReleaseFields),
  'release.update': method<Created>()(fieldsUpdate(ReleaseFields)),
  'release.get': method<Doc<'release'>>()(z.object({ id: DocIdSchema }).strict()),
  'release.list': method<Page<ReleaseSummary>>()(
    pageInput({
      status: ReleaseStatusSchema.optional(),
      language: LanguageSchema.optional(),
      office: DocIdSchema.optional(),
      tag: z.string().max(60).optional(),
      /** True lists the trash; otherwise trashed releases are left out. */
      trashed: z.boolean().optional(),
      /** True leaves out withdrawn releases too: those a kit can take (the kit builder's picker). */
      addable: z.boolean().optional(),
      /** With `query`: the best matches first, as the search ranks them (`sort` and `direction` then unused); without one, `sort`'s order. */
      ranked: z.boolean().optional(),
      /** The order (list-sort.ts); last changed when absent. */
      sort: z.enum(RELEASE_SORTS).optional(),
      /** The sort's own direction when absent (naturalDirection). */
      direction: z.enum(SORT_DIRECTIONS).optional(),
      /** The interface's language: headlines are sorted in its collation unless `language` narrows the list to one. */
      locale: LanguageSchema.optional(),
      /** With `query`: each release found comes with the passage where the words are (`passage`). */
      passages: z.boolean().optional(),
    }),
  ),
  'release.translate': method<Created>()(z.object({ id: DocIdSchema, language: LanguageSchema }).strict()),
  'release.versions': method<ReleaseSummary[]>()(z.object({ id: DocIdSchema }).strict()),
  /** Makes `id` a language version of `to` (joining `to`'s versions); both documents carry the link. */
  'release.link': method<ReleaseSummary[]>()(z.object({ id: DocIdSchema, to: DocIdSchema }).strict()),
  /** Takes `id` out of its language versions; the others stay linked to each other. */
  'release.unlink': method<Created>()(z.object({ id: DocIdSchema }).strict()),
  'release.withdraw': method<Created>()(
    z.object({ id: DocIdSchema, rev: BaseRev, reason: z.string().trim().min(1, 'say why the release is withdrawn').max(2000) }).strict(),
  ),
  /** Moves a release to the trash (a flag in the document, so it syncs); nothing is deleted yet. */
  'release.trash': method<Created>()(z.object({ id: DocIdSchema, rev: BaseRev }).strict()),
  'release.untrash': method<Created>()(z.object({ id: DocIdSchema }).strict()),
  /** Deletes for good (tombstones) the given trashed releases, or every one in the trash. */
  'release.emptyTrash': method<{ deleted: number }>()(z.object({ ids: z.array(DocIdSchema).min(1).max(1000).optional() }).strict()),
} as const;
