import type Database from 'better-sqlite3';
import type { Doc } from '../../shared/documents';
import type { CoreContext } from '../context';

/** Attachment lookups other domains share (the importer keeps its original as an attachment). */

/** The oldest live attachment holding these bytes: a file added twice is stored once. */
export function liveAttachmentBySha(ctx: CoreContext, sha256: string): Doc<'attachment'> | undefined {
  const row = ctx.library.db
    .prepare<[string], { id: string }>(
      `SELECT d.id FROM attachment_p a JOIN docs d ON d.rowid = a.doc_rowid
       WHERE a.sha256 = ? AND d.deleted = 0 AND d.type = 'attachment'
       ORDER BY d.rowid LIMIT 1`,
    )
    .get(sha256);
  return row ? ctx.library.repo.find('attachment', row.id) : undefined;
}

/** Adds release links to an existing attachment (those it has stay first); writes nothing when none is new. */
export function linkReleases(ctx: CoreContext, existing: Doc<'attachment'>, releases: string[]): { id: string; rev: string } {
  const links = existing.releases;
  const merged = [...links, ...releases.filter((r) => !links.includes(r))];
  if (merged.length === links.length) return { id: existing.id, rev: existing.rev };
  return ctx.library.repo.put(existing, { releases: merged });
}

/**
 * Every live attachment's file (hash and size), once per file: what sync sends and fetches. With
 * `office`, only the files of that office's attachments, and with `home` also those of
 * attachments that name no office (the app syncs each office's files with its own database).
 */
export function attachmentFiles(db: Database.Database, office?: { office: string; home: boolean }): { sha256: string; size: number }[] {
  const where = office ? 'AND (d.office = @office OR (@home = 1 AND d.office IS NULL))' : '';
  return db
    .prepare<[{ office: string | null; home: number }], { sha256: string; size: number }>(
      `SELECT a.sha256 AS sha256, MAX(a.size) AS size FROM attachment_p a JOIN docs d ON d.rowid = a.doc_rowid
       WHERE d.deleted = 0 AND d.type = 'attachment' ${where} GROUP BY a.sha256 ORDER BY MIN(d.rowid)`,
    )
    .all({ office: office?.office ?? null, home: office?.home ? 1 : 0 })
    .filter((r) => /^[0-9a-f]{64}$/.test(r.sha256) && Number.isInteger(r.size) && r.size > 0);
}
