import type { ReleaseSummary } from '../../shared/contract';
import { DatelineError } from '../../shared/errors';
import type { Handlers } from '../dispatcher';
import type { CoreContext } from '../context';
import { createDoc, getDoc, updateDoc, validateKnown } from './common';
import { listPage } from './paging';

interface ReleaseRow {
  headline: string;
  language: string;
  status: string;
  office: string | null;
  release_date: string | null;
  embargo_at: string | null;
  translation_group: string | null;
  updated_at: string;
}

const COLUMNS = 'p.headline, p.language, p.status, p.office, p.release_date, p.embargo_at, p.translation_group, p.updated_at';

function tagsFor(ctx: CoreContext, rowids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (rowids.length === 0) return out;
  const rows = ctx.library.db
    .prepare(`SELECT doc_rowid, tag FROM release_tag_p WHERE doc_rowid IN (${rowids.map(() => '?').join(',')}) ORDER BY tag`)
    .all(...rowids) as { doc_rowid: number; tag: string }[];
  for (const r of rows) out.set(r.doc_rowid, [...(out.get(r.doc_rowid) ?? []), r.tag]);
  return out;
}

function summary(r: ReleaseRow & { doc_rowid: number; id: string; rev: string }, tags: string[]): ReleaseSummary {
  return {
    id: r.id,
    rev: r.rev,
    headline: r.headline,
    language: r.language,
    status: r.status,
    office: r.office,
    releaseDate: r.release_date,
    embargoAt: r.embargo_at,
    translationGroup: r.translation_group,
    updatedAt: r.updated_at,
    tags,
  };
}

export function releaseSummaries(ctx: CoreContext, where: { sql: string; params: (string | number)[] }): ReleaseSummary[] {
  const rows = ctx.library.db
    .prepare(`SELECT p.doc_rowid, d.id, d.winner AS rev, ${COLUMNS} FROM release_p p JOIN docs d ON d.rowid = p.doc_rowid WHERE ${where.sql} ORDER BY p.language`)
    .all(...where.params) as (ReleaseRow & { doc_rowid: number; id: string; rev: string })[];
  const tags = tagsFor(ctx, rows.map((r) => r.doc_rowid));
  return rows.map((r) => summary(r, tags.get(r.doc_rowid) ?? []));
}

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
