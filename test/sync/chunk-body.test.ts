import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chunkDocsBody, chunkId, chunkRev } from '../../electron/core/sync/files/chunks';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the _bulk_docs body of chunks', () => {
  it('is the JSON of each chunk document at its fixed revision, with its bytes in base64', () => {
    // Lengths 0, 1 and 2 modulo 3 (base64 padding), and a slice of a larger buffer (its offset must not leak in).
    const pool = randomBytes(9000);
    const chunks = [randomBytes(8192), randomBytes(1), randomBytes(5), pool.subarray(100, 8292)].map((bytes) => ({ sha256: sha(bytes), bytes }));
    const body = chunkDocsBody(chunks);
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    expect(parsed).toEqual({
      new_edits: false,
      docs: chunks.map((c) => ({
        _id: chunkId(c.sha256),
        _rev: chunkRev(c.sha256),
        _revisions: { start: 1, ids: [chunkRev(c.sha256).slice(2)] },
        _attachments: { data: { content_type: 'application/octet-stream', data: Buffer.from(c.bytes).toString('base64') } },
      })),
    });
    // The buffer is exactly the text: no bytes left over at its end.
    expect(body.toString('utf8')).toBe(JSON.stringify(parsed));
  });

  it('is an empty list for no chunks', () => {
    expect(JSON.parse(chunkDocsBody([]).toString('utf8'))).toEqual({ new_edits: false, docs: [] });
  });
});
