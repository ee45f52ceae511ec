import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CouchPeer, type CouchPeerOptions } from '../couch-peer';
import { SyncError } from '../errors';
import { CHUNK_ATTACHMENT, chunkDoc, chunkId, fileDoc, FileDoc, fileDocId, LEGACY_CHUNK_SIZE, type FileManifest } from './chunks';

/**
 * The files database on the server, next to the documents database: `<db>-files`. Chunks go up
 * as multipart/related PUTs with `new_edits=false` (the JSON of the chunk document, then its
 * bytes as they are, as CouchDB's own replicator sends attachments), and come down as the raw
 * attachment, so a 50 MB photo costs 50 MB on the wire, not the 67 MB of base64.
 */

/** `https://host/office-kampala` → `https://host/office-kampala-files` (credentials kept, for CouchPeer to move to a header). */
export function filesDbUrl(documentsUrl: string): string {
  let url: URL;
  try {
    url = new URL(documentsUrl);
  } catch {
    throw new SyncError('protocol', `"${documentsUrl}" is not a server address; it should look like https://sync.example.org/office-db.`);
  }
  let path = url.pathname;
  while (path.endsWith('/')) path = path.slice(0, -1);
  url.pathname = `${path}-files`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

const AllDocsReply = z.object({
  rows: z.array(z.object({ key: z.string(), value: z.object({ rev: z.string(), deleted: z.boolean().optional() }).optional(), error: z.string().optional() })),
});

/** Slower than this is a link that stalled: a request gets its usual time plus a millisecond per byte (8 kbit/s). */
const timeoutFor = (base: number, bytes: number) => base + bytes;

export class FilesPeer {
  readonly couch: CouchPeer;
  private readonly timeoutMs: number;

  constructor(opts: CouchPeerOptions) {
    this.couch = new CouchPeer({ ...opts, url: filesDbUrl(opts.url) });
    this.timeoutMs = opts.timeoutMs ?? 60_000;
  }

  open(create: boolean): Promise<void> {
    return this.couch.open(create);
  }

  /** Which of these ids the server holds as a live document. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < ids.length; i += 200) {
      const keys = ids.slice(i, i + 200);
      const r = await this.couch.sendBytes('POST', '/_all_docs', { data: JSON.stringify({ keys }), type: 'application/json' }, [200]);
      const reply = AllDocsReply.safeParse(parseJson(r.bytes));
      if (!reply.success) throw new SyncError('protocol', `The server's _all_docs answer for ${this.couch.url} is not what CouchDB sends.`);
      for (const row of reply.data.rows) if (row.value && !row.value.deleted) out.add(row.key);
    }
    return out;
  }

  /** Of these chunks, the ones the server lacks (by `_revs_diff` on their fixed revisions). */
  async missingChunks(shas: readonly string[]): Promise<Set<string>> {
    const missing = new Set<string>();
    for (let i = 0; i < shas.length; i += 200) {
      const request: Record<string, string[]> = {};
      for (const sha of shas.slice(i, i + 200)) request[chunkId(sha)] = [chunkDoc(sha, 0)._rev as string];
      const diff = await this.couch.revsDiff(request);
      for (const id of Object.keys(diff)) if (diff[id]!.missing.length > 0) missing.add(id.slice('chunk-'.length));
    }
    return missing;
  }

  async putChunk(sha256: string, bytes: Buffer): Promise<void> {
    const boundary = `dateline-${randomBytes(12).toString('hex')}`;
    const head =
      `--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(chunkDoc(sha256, bytes.length))}\r\n` +
      `--${boundary}\r\nContent-Disposition: attachment; filename="${CHUNK_ATTACHMENT}"\r\nContent-Type: application/octet-stream\r\nContent-Length: ${bytes.length}\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head, 'utf8'), bytes, Buffer.from(`\r\n--${boundary}--`, 'utf8')]);
    await this.couch.sendBytes(
      'PUT',
      `/${encodeURIComponent(chunkId(sha256))}?new_edits=false`,
      { data: body, type: `multipart/related; boundary="${boundary}"` },
      [200, 201, 202],
      timeoutFor(this.timeoutMs, body.length),
    );
  }

  /** The chunk's bytes as the server has them (unchecked: the caller checks them against the hash), or null. */
  async getChunk(sha256: string, expectedLength: number): Promise<Buffer | null> {
    const r = await this.couch.sendBytes('GET', `/${encodeURIComponent(chunkId(sha256))}/${CHUNK_ATTACHMENT}`, undefined, [200, 404], timeoutFor(this.timeoutMs, expectedLength));
    return r.status === 404 ? null : r.bytes;
  }

  /** Written last, once every chunk is there: a file document on the server means the whole file is. */
  async putFile(manifest: FileManifest): Promise<void> {
    const doc = fileDoc(manifest);
    await this.couch.sendBytes('PUT', `/${encodeURIComponent(doc._id)}?new_edits=false`, { data: JSON.stringify(doc), type: 'application/json' }, [200, 201, 202]);
  }

  async getFile(sha256: string): Promise<FileManifest | null> {
    const r = await this.couch.sendBytes('GET', `/${encodeURIComponent(fileDocId(sha256))}`, undefined, [200, 404]);
    if (r.status === 404) return null;
    const doc = FileDoc.safeParse(parseJson(r.bytes));
    if (!doc.success || doc.data.sha256 !== sha256) {
      throw new SyncError('protocol', `The server's list of chunks for the file ${sha256.slice(0, 12)}… is damaged (${doc.success ? 'it names another file' : doc.error.issues[0]!.message}).`);
    }
    return { sha256: doc.data.sha256, size: doc.data.size, chunkSize: doc.data.chunkSize ?? LEGACY_CHUNK_SIZE, chunks: doc.data.chunks };
  }
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
