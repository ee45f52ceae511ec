import { z } from 'zod';

/**
 * What a CouchDB-protocol server may answer, checked before anything reaches the store: the
 * server is another machine, and a proxy or captive portal in between can answer anything.
 */

const Rev = z.string().regex(/^[1-9][0-9]*-[0-9a-zA-Z]+$/, 'not a revision id');
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
