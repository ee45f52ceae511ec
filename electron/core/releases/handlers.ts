import { DatelineError } from '../../shared/errors';
import type { Handlers } from '../dispatcher';
import { createDoc, getDoc, updateDoc, validateKnown } from '../store/repository';
import { listPage } from '../store/paging';
import { COLUMNS, releaseSummaries, summary, tagsFor, type ReleaseRow } from './queries';

export const releaseHandlers: Pick<
  Handlers,
  'release.create' | 'release.update' | 'release.get' | 'release.list' | 'release.translate' | 'release.versions'
> = {
  'release.create': (input, ctx) => createDoc(ctx, 'release', input),
  'release.update': (input, ctx) => updateDoc(ctx, 'release', input.id, input.rev, input.fields),
  'release.get': (input, ctx) => getDoc(ctx, 'release', input.id),
  'release.list': (input, ctx) => {
    const where: { sql: string; params: (string | number)[] }[] = [];
    if (input.status) where.push({ sql: 'p.status = ?', params: [input.status] });
    if (input.language) where.push({ sql: 'p.language = ?', params: [input.language] });
    if (input.office) where.push({ sql: 'p.office = ?', params: [input.office] });
    if (input.tag) where.push({ sql: 'p.doc_rowid IN (SELECT doc_rowid FROM release_tag_p WHERE tag = ?)', params: [input.tag] });
    const page = listPage<ReleaseRow, ReleaseRow & { doc_rowid: number; id: string; rev: string }>(ctx.library.db, {
      table: 'release_p',
      columns: COLUMNS,
      sort: { column: 'updated_at', direction: 'DESC' },
      where,
      query: input.query,
      limit: input.limit,
      cursor: input.cursor,
      map: (r) => r,
    });
    const tags = tagsFor(ctx, page.items.map((r) => r.doc_rowid));
    return { ...page, items: page.items.map((r) => summary(r, tags.get(r.doc_rowid) ?? [])) };
  },
  'release.translate': (input, ctx) => {
    const db = ctx.library.db;
    return db.transaction(() => {
      const source = ctx.library.docs.require(input.id, 'release');
      if (source.body.language === input.language) {
        throw new DatelineError('INVALID_INPUT', `language: this release is already in "${input.language}".`, { path: ['language'] });
      }
      let group = typeof source.body.translationGroup === 'string' ? source.body.translationGroup : null;
      if (group) {
        const existing = releaseSummaries(ctx, { sql: 'p.translation_group = ? AND p.language = ?', params: [group, input.language] });
        if (existing[0]) {
          throw new DatelineError('CONFLICT', `A "${input.language}" version of this release already exists.`, {
            params: { id: existing[0].id, language: input.language },
          });
        }
      } else {
        group = source.id;
        ctx.library.docs.update(source.id, { ...source.body, translationGroup: group }, { author: ctx.library.author }, source.rev);
      }
      // The new version starts from the source's facts; its text is for the translator to write.
      const fields = validateKnown('release', {
        office: source.body.office ?? null,
        headline: source.body.headline ?? '',
        subheadline: source.body.subheadline ?? null,
        datelinePlace: source.body.datelinePlace ?? null,
        releaseDate: source.body.releaseDate ?? null,
        embargo: source.body.embargo ?? null,
        language: input.language,
        status: 'draft',
        body: source.body.body ?? { type: 'doc', content: [] },
        quotes: source.body.quotes ?? [],
        notesToEditors: source.body.notesToEditors ?? null,
        boilerplate: source.body.boilerplate ?? null,
        endMark: source.body.endMark ?? null,
        contacts: source.body.contacts ?? [],
        tags: source.body.tags ?? [],
        translationGroup: group,
      });
      return createDoc(ctx, 'release', fields);
    }).immediate();
  },
  'release.versions': (input, ctx) => {
    const source = ctx.library.docs.require(input.id, 'release');
    const group = typeof source.body.translationGroup === 'string' ? source.body.translationGroup : null;
    if (!group) return releaseSummaries(ctx, { sql: 'd.id = ?', params: [source.id] });
    return releaseSummaries(ctx, { sql: 'p.translation_group = ?', params: [group] });
  },
};
