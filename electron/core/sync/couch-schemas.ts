import { z } from 'zod';

/**
 * What a CouchDB-protocol server may answer, checked before anything reaches the store: the
 * server is another machine, and a proxy or captive portal in between can answer anything.
 */

/** A revision id, `N-<hash>`: one pattern for zod and the hand check of `_bulk_get` replies. */
const REV_ID = /^[1-9][0-9]*-[0-9a-zA-Z]+$/;
const Rev = z.string().regex(REV_ID, 'not a revision id');
const SeqValue = z.union([z.string(), z.number()]);

export const RevisionDoc = z
  .object({
    _id: z.string().min(1),
    _rev: Rev,
    _deleted: z.boolean().optional(),
    _revisions: z.object({ start: z.number().int().min(1), ids: z.array(z.string().min(1)).min(1) }),
  })
  .loose()
  .refine((d) => d._rev === `${d._revisions.start}-${d._revisions.ids[0]}`, { message: '_revisions does not end in _rev' });

export const ChangesReply = z.object({
  results: z.array(
    z.object({
      seq: SeqValue,
      id: z.string(),
      changes: z.array(z.object({ rev: Rev })),
      deleted: z.boolean().optional(),
    }),
  ),
  last_seq: SeqValue,
});

export const RevsDiffReply = z.record(z.string(), z.object({ missing: z.array(Rev), possible_ancestors: z.array(Rev).optional() }));

/** `{ ok: doc }`, or `{ missing }` / `{ error }` / `{}` (pouchdb-server) for a revision not there. */
const OpenRev = z.object({ ok: RevisionDoc.optional() }).loose();

export const OpenRevsReply = z.array(OpenRev);

export const BulkGetReply = z.object({
  results: z.array(z.object({ id: z.string(), docs: z.array(OpenRev) })),
});

export const BulkDocsReply = z.array(
  z.object({ id: z.string().optional(), rev: z.string().optional(), ok: z.boolean().optional(), error: z.string().optional(), reason: z.string().optional() }).loose(),
);

export const LocalDocReply = z.object({ _id: z.string(), _rev: z.string() }).loose();

export const PutReply = z.object({ ok: z.boolean().optional(), id: z.string(), rev: z.string() });

export const ErrorReply = z.object({ error: z.string(), reason: z.string().optional() }).loose();

/** Whether a revision from the server passes RevisionDoc, checked by hand. */
function isRevisionDoc(d: unknown): boolean {
  if (typeof d !== 'object' || d === null || Array.isArray(d)) return false;
  const { _id: id, _rev: rev, _deleted: deleted, _revisions: revs } = d as Record<string, unknown>;
  if (typeof id !== 'string' || id.length === 0 || typeof rev !== 'string' || !REV_ID.test(rev)) return false;
  if (deleted !== undefined && typeof deleted !== 'boolean') return false;
  if (typeof revs !== 'object' || revs === null || Array.isArray(revs)) return false;
  const { start, ids } = revs as Record<string, unknown>;
  if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 1 || !Array.isArray(ids) || ids.length === 0) return false;
  for (const h of ids) if (typeof h !== 'string' || h.length === 0) return false;
  return rev === `${start}-${ids[0] as string}`;
}

/**
 * What BulkGetReply accepts, or a stricter answer, decided by hand and without copying: zod's
 * loose objects copy every member of every revision, 19 us a pulled document (profile of a pull
 * of 2,000 releases). A reply this refuses goes through BulkGetReply, which decides and words
 * the refusal.
 */
export function isBulkGetReply(value: unknown): value is z.infer<typeof BulkGetReply> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { results } = value as Record<string, unknown>;
  if (!Array.isArray(results)) return false;
  for (const r of results as unknown[]) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return false;
    const { id, docs } = r as Record<string, unknown>;
    if (typeof id !== 'string' || !Array.isArray(docs)) return false;
    for (const d of docs as unknown[]) {
      if (typeof d !== 'object' || d === null || Array.isArray(d)) return false;
      const ok = (d as Record<string, unknown>).ok;
      if (ok !== undefined && !isRevisionDoc(ok)) return false;
    }
  }
  return true;
}
