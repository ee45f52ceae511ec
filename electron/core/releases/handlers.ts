import { DatelineError } from '../../shared/errors';
import { TRASHED } from '../../shared/releases/rules';
import type { Handlers } from '../dispatcher';
import { distinctTags } from '../../shared/releases/tags';
import { listPage } from '../store/paging';
import { assertNotCreatedWithdrawn, assertReadyToGoOut, assertWithdrawnFromOut } from './gate';
import { headlinePage } from './headline-order';
import { relevancePage } from './relevance-order';
import type { Page, ParsedInputOf, ReleaseSummary } from '../../shared/contract';
import type { CoreContext } from '../context';
import { releasePassage, wantedWords } from '../search/passage';
import { releaseRows, releaseSummaries, summariesOf, tagFilter } from './queries';
import { naturalDirection, type ReleaseSort } from '../../shared/releases/list-sort';

/** The column each order of the list reads (the headline order is chosen in headline-order.ts). */
const SORT_COLUMNS = { updated: 'updated_at', releaseDate: 'release_date', embargo: 'embargo_at', headline: 'headline' } as const satisfies Record<ReleaseSort, string>;

export const releaseHandlers: Pick<
  Handlers,
  'release.create' | 'release.update' | 'release.get' | 'release.list' | 'release.translate' | 'release.versions'
> = {
  'release.create': (input, ctx) => {
    assertNotCreatedWithdrawn(input);
    assertReadyToGoOut(null, input, []);
    // A tag given twice in two spellings ("Inondations", "inondations") is one tag: the first spelling.
    return ctx.library.repo.create('release', { ...input, tags: distinctTags(input.tags) });
  },
  'release.update': (input, ctx) =>
    ctx.library.repo.update('release', input.id, input.rev, input.fields.tags ? { ...input.fields, tags: distinctTags(input.fields.tags) } : input.fields, (before, after) => {
      assertWithdrawnFromOut(before, after);
      assertReadyToGoOut(before, after);
    }),
  'release.get': (input, ctx) => ctx.library.repo.show('release', input.id),
  'release.list': (input, ctx) => withPassages(ctx, input, listReleases(input, ctx)),
  'release.translate': (input, ctx) => {
    const db = ctx.library.db;
    return db.transaction(() => {
      const repo = ctx.library.repo;
      const source = repo.get('release', input.id);
      if (source.trashed) {
        throw new DatelineError('RELEASE_UNAVAILABLE', `id: the release "${source.id}" is in the trash; restore it first.`, {
          path: ['id'],
          params: { id: source.id, headline: source.headline, reason: 'trashed' },
        });
      }
      if (source.language === input.language) {
        throw new DatelineError('INVALID_INPUT', `language: this release is already in "${input.language}".`, { path: ['language'], params: { field: 'language', language: input.language, reason: 'alreadyInLanguage' } });
      }
      let group = source.translationGroup;
      if (group) {
        const existing = releaseSummaries(ctx, { sql: 'p.translation_group = ? AND p.language = ?', params: [group, input.language] });
        if (existing[0]) {
          throw new DatelineError('CONFLICT', `A "${input.language}" version of this release already exists.`, {
            params: { id: existing[0].id, language: input.language, reason: 'languageTaken' },
          });
        }
      } else {
        group = source.id;
        repo.put(source, { translationGroup: group });
      }
      // The new version keeps the source's facts (place, date, embargo, office, contacts, tags)
      // and none of its words: the writer starts from an empty page in the new language, so no
      // English sentence survives into the Arabic release by oversight.
      const boilerplate = source.boilerplate;
      return repo.create('release', {
        office: source.office,
        headline: '',
        subheadline: null,
        datelinePlace: source.datelinePlace,
        releaseDate: source.releaseDate,
        embargo: source.embargo,
        language: input.language,
        status: 'draft',
        body: { type: 'doc', content: [] },
        quotes: [],
        notesToEditors: null,
        // An office's boilerplate follows the language; a text written into the source does not.
        boilerplate: boilerplate && 'office' in boilerplate ? boilerplate : null,
        endMark: source.endMark,
        contacts: source.contacts,
        tags: source.tags,
        translationGroup: group,
      });
    }).immediate();
  },
  'release.versions': (input, ctx) => {
    const source = ctx.library.repo.get('release', input.id);
    const group = source.translationGroup;
    if (!group) return releaseSummaries(ctx, { sql: 'd.id = ?', params: [source.id] });
    return releaseSummaries(ctx, { sql: 'p.translation_group = ? AND (p.status <> ? OR d.id = ?)', params: [group, TRASHED, source.id] });
  },
};

/** One page of the releases list (filters, search, order). */
function listReleases(input: ParsedInputOf<'release.list'>, ctx: CoreContext): Page<ReleaseSummary> {
  const where: { sql: string; params: (string | number)[] }[] = [];
  where.push(input.trashed ? { sql: 'p.status = ?', params: [TRASHED] } : { sql: 'p.status <> ?', params: [TRASHED] });
  if (input.addable) where.push({ sql: 'p.status <> ?', params: ['withdrawn'] });
  if (input.status) where.push({ sql: 'p.status = ?', params: [input.status] });
  if (input.language) where.push({ sql: 'p.language = ?', params: [input.language] });
  if (input.office) where.push({ sql: 'p.office = ?', params: [input.office] });
  if (input.tag) where.push(tagFilter(ctx, input.tag));
  if (input.ranked && input.query !== undefined && input.query.trim() !== '') {
    const page = relevancePage(ctx.library.db, { where, query: input.query, limit: input.limit, cursor: input.cursor });
    return { items: releaseRows(ctx, page.rowids), nextCursor: page.nextCursor, total: page.total };
  }
  const sort = input.sort ?? 'updated';
  const direction = input.direction ?? naturalDirection(sort);
  if (sort === 'headline') {
    // The list's language: the one it is narrowed to, else the interface's.
    const locale = input.language ?? input.locale ?? 'en';
    const page = headlinePage(ctx.library.db, { where, query: input.query, limit: input.limit, cursor: input.cursor, direction, locale });
    return { items: releaseRows(ctx, page.rowids), nextCursor: page.nextCursor, total: page.total };
  }
  const page = listPage(ctx.library.db, {
    table: 'release_p',
    sort: { column: SORT_COLUMNS[sort], direction: direction === 'asc' ? 'ASC' : 'DESC', nullsLast: sort !== 'updated' },
    where,
    query: input.query,
    limit: input.limit,
    cursor: input.cursor,
    map: (r) => r,
  });
  return { ...page, items: summariesOf(ctx, page.items) };
}

/** The page with each release's passage where the search's words are, when asked for. */
function withPassages(ctx: CoreContext, input: ParsedInputOf<'release.list'>, page: Page<ReleaseSummary>): Page<ReleaseSummary> {
  if (!input.passages || input.query === undefined || input.query.trim() === '') return page;
  const wanted = wantedWords(input.query);
  return {
    ...page,
    items: page.items.map((r) => ({ ...r, passage: releasePassage(ctx, r.id, wanted) })),
  };
}
