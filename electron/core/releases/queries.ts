import type { ReleaseSummary } from '../../shared/releases/contract';
import type { CoreContext } from '../context';
import type { ListedRow } from '../store/paging';
import { selectList } from '../store/projection-columns';

/** Release lookups: list rows, and the language versions kits and the editor show. */


export function tagsFor(ctx: CoreContext, rowids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (rowids.length === 0) return out;
  const rows = ctx.library.db
    .prepare(`SELECT doc_rowid, tag FROM release_tag_p WHERE doc_rowid IN (${rowids.map(() => '?').join(',')}) ORDER BY tag`)
    .all(...rowids) as { doc_rowid: number; tag: string }[];
  for (const r of rows) out.set(r.doc_rowid, [...(out.get(r.doc_rowid) ?? []), r.tag]);
  return out;
}

export function summary(r: ListedRow<'release_p'>, tags: string[]): ReleaseSummary {
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
    .prepare(`SELECT p.doc_rowid, d.id, d.winner AS rev, ${selectList('release_p')} FROM release_p p JOIN docs d ON d.rowid = p.doc_rowid WHERE ${where.sql} ORDER BY p.language`)
    .all(...where.params) as ListedRow<'release_p'>[];
  const tags = tagsFor(ctx, rows.map((r) => r.doc_rowid));
  return rows.map((r) => summary(r, tags.get(r.doc_rowid) ?? []));
}

