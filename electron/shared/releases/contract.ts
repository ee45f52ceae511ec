import { z } from 'zod';
import { DocIdSchema, LanguageSchema, ReleaseFields, ReleaseStatusSchema, type Doc } from '../documents';
import { fieldsUpdate, method, pageInput, type Created, type Page } from '../methods';

/** Contract methods of press releases and their language versions. Merged into API in contract.ts. */

export interface ReleaseSummary {
  id: string;
  rev: string;
  headline: string;
  language: string;
  status: string;
  office: string | null;
  releaseDate: string | null;
  embargoAt: string | null;
  translationGroup: string | null;
  updatedAt: string;
  tags: string[];
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
    }),
  ),
  'release.translate': method<Created>()(z.object({ id: DocIdSchema, language: LanguageSchema }).strict()),
  'release.versions': method<ReleaseSummary[]>()(z.object({ id: DocIdSchema }).strict()),
} as const;
