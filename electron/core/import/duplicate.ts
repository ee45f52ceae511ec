import type { ImportDuplicate } from '../../shared/import/contract';
import { plainText } from '../../shared/richtext';
import { BlobStore } from '../attachments/blobs';
import type { CoreContext } from '../context';

/**
 * Whether the library already holds the release being imported: a release stored from the same
 * original (its bytes' hash), or one with the same headline and the same body once whitespace is
 * set aside. Releases in the trash do not count: the person threw them away. Importing the same
 * page twice otherwise stores two copies, and a kit's list then shows two identical entries.
 */

const squash = (s: string): string => s.replace(/\s+/gu, ' ').trim();

interface LiveRelease {
  id: string;
  headline: string;
}

function liveReleases(ctx: CoreContext, where: string, params: string[]): LiveRelease[] {
  return ctx.library.db
    .prepare<string[], LiveRelease>(
      `SELECT d.id, p.headline FROM release_p p JOIN docs d ON d.rowid = p.doc_rowid
       WHERE d.deleted = 0 AND p.status <> 'trashed' AND ${where} ORDER BY d.rowid`,
    )
    .all(...params);
}

/** The release's original, as stored: the hash its attachment is kept under (BlobStore.hash). */
export function findDuplicate(ctx: CoreContext, release: { headline: string | null; body: readonly string[] }, original: Uint8Array): ImportDuplicate | null {
  const originalSha256 = BlobStore.hash(original);
  const links = ctx.library.db
    .prepare<[string], { release_id: string }>(
      `SELECT l.release_id FROM attachment_p a JOIN docs d ON d.rowid = a.doc_rowid JOIN attachment_link_p l ON l.doc_rowid = a.doc_rowid
       WHERE a.sha256 = ? AND d.deleted = 0`,
    )
    .all(originalSha256)
    .map((l) => l.release_id);
  if (links.length > 0) {
    const [first] = liveReleases(ctx, `d.id IN (${links.map(() => '?').join(',')})`, links);
    const doc = first ? ctx.library.repo.find('release', first.id) : null;
    if (doc) return { id: doc.id, headline: doc.headline, storedAt: doc.createdAt, by: 'original' };
  }
  const headline = release.headline?.trim() ?? '';
  if (headline === '') return null;
  const body = squash(release.body.join(' '));
  for (const candidate of liveReleases(ctx, 'p.headline IN (?, ?)', [headline, squash(headline)])) {
    const doc = ctx.library.repo.find('release', candidate.id);
    if (doc && squash(plainText(doc.body)) === body) return { id: doc.id, headline: doc.headline, storedAt: doc.createdAt, by: 'text' };
  }
  return null;
}
