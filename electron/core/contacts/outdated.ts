import { isOutdated } from '../../shared/contacts/outdated';
import type { CoreContext } from '../context';

/**
 * Judges contacts of a list against their office's `outdatedAfterMonths`: offices read once
 * per list; a contact without an office goes by the library's first office that sets a period.
 */
export function outdatedJudge(ctx: CoreContext): (office: string | null, lastVerified: string | null, updatedAt: string) => boolean {
  const periods = new Map<string, number>();
  const rows = ctx.library.db
    .prepare<[], { id: string; months: number | null }>(
      // The offices first (CROSS JOIN): ordered by the documents' rowid, SQLite walked every document to find them.
      `SELECT d.id, json_extract(r.body, '$.outdatedAfterMonths') AS months FROM office_p p CROSS JOIN docs d ON d.rowid = p.doc_rowid
       JOIN revs r ON r.doc_rowid = d.rowid AND r.rev = d.winner ORDER BY p.doc_rowid`,
    )
    .all();
  let fallback: number | null = null;
  for (const r of rows) {
    if (typeof r.months !== 'number') continue;
    periods.set(r.id, r.months);
    fallback ??= r.months;
  }
  const today = ctx.library.docs.now().slice(0, 10);
  return (office, lastVerified, updatedAt) => isOutdated(lastVerified ?? updatedAt, (office ? periods.get(office) : undefined) ?? fallback, today);
}
