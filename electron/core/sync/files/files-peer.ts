import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { z } from 'zod';
import { issueMessage } from '../../../shared/errors';
import { CouchPeer, type CouchPeerOptions } from '../couch-peer';
import { BulkDocsReply } from '../couch-schemas';
import { SyncError } from '../errors';
import { answerText } from '../http';
import { liftBase64 } from './chunk-answer';
import { FileFailed } from './failure';
import { MAX_REQUEST_BYTES, NEAR_REQUEST_BYTES } from './pace';
import { CHUNK_ATTACHMENT, chunkDocsBody, chunkId, chunkRev, fileDoc, FileDoc, fileDocId, LEGACY_CHUNK_SIZE, type FileManifest } from './chunks';

/**
 * The files database on the server, next to the documents database: `<db>-files`. Chunks go up
 * several to a `_bulk_docs` request with `new_edits: false` and come down several to a
 * `_bulk_get`, so a photo of 32 small chunks costs a few requests, not 32. JSON carries the bytes
 * as base64, a third more; the request body is therefore gzipped with Huffman coding only (the
 * 64 letters of base64 take 6 bits each again: 1.005x the raw bytes, at about 90 MB/s of client
 * CPU where full deflate buys nothing on photos and costs three times as much). CouchDB and
 * pouchdb-server both inflate a gzipped JSON body; a server that refuses one (415) is sent plain
 * JSON for the rest of the session, and so is a near one (`CouchPeer.compresses`: answered
 * within 10 ms), where bytes cost nothing and the gzip and gunzip cost both machines CPU (200
 * photos of 256 KB: 67 MB of base64 through each). Answers are asked for gzipped, but neither server compresses
 * a `_bulk_get`: chunks fetched that way cost 1.39x their bytes on the wire (measured with
 * pouchdb-server). A request for one chunk, which is what a slow link gets (pace.ts), is
 * therefore a plain GET of the raw attachment: where bytes are dear they cost 1.0x.
 */

const huffman = promisify(gzip);
// memLevel 9: larger blocks, fewer Huffman tables built; 10 MB of chunks: 53 ms of CPU, not 58, and 1.0033x, not 1.0041x.
// One 256 KiB output piece holds a whole request (128 KiB of chunks): zlib's 16 KiB pieces, each a
// trip to the thread pool, doubled the CPU of compressing (80 requests: 230 ms, not 110).
const gzipJson = (json: Buffer) => huffman(json, { strategy: constants.Z_HUFFMAN_ONLY, memLevel: 9, chunkSize: 256 * 1024 });

/** A chunk to send: its hash and its bytes. */
export interface ChunkOut {
  sha256: string;
  bytes: Buffer;
}

/** A chunk to fetch: its hash and the length its file document gives it. */
export interface ChunkWanted {
  sha256: string;
  length: number;
}

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
  rows: z.array(
    z.object({
      key: z.string(),
      value: z.object({ rev: z.string(), deleted: z.boolean().optional() }).optional(),
      error: z.string().optional(),
      doc: z.unknown().optional(),
    }),
  ),
});

/** A chunk document as `_bulk_get` with `attachments=true` answers it: its one attachment inline, in base64. */
const ChunkGot = z.object({
  _id: z.string(),
  _attachments: z.object({ [CHUNK_ATTACHMENT]: z.object({ data: z.string() }) }).loose(),
}).loose();

const BulkGetChunks = z.object({
  results: z.array(z.object({ id: z.string(), docs: z.array(z.object({ ok: z.unknown().optional() }).loose()) })),
});

/** Slower than this is a link that stalled: a request gets its usual time plus a millisecond per byte (8 kbit/s). */
const timeoutFor = (base: number, bytes: number) => base + bytes;

export class FilesPeer {
  readonly couch: CouchPeer;
  private readonly timeoutMs: number;
  /** Cleared when the server refuses a gzipped body (415). */
  private gzipBodies = true;
  /** Cleared when the server has no `_bulk_get` (404, 405, 501): chunks then come one GET each. */
  private bulkGet = true;

  constructor(opts: CouchPeerOptions) {
    this.couch = new CouchPeer({ ...opts, url: filesDbUrl(opts.url) });
    this.timeoutMs = opts.timeoutMs ?? 60_000;
  }

  /** The largest request of chunks, in chunk bytes: larger to a near server (pace.ts). */
  get requestBytes(): number {
    return this.couch.compresses ? MAX_REQUEST_BYTES : NEAR_REQUEST_BYTES;
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

  /** Of these chunks, the ones the server lacks (by `_revs_diff` on their fixed revisions), a thousand a request. */
  async missingChunks(shas: readonly string[]): Promise<Set<string>> {
    const missing = new Set<string>();
    for (let i = 0; i < shas.length; i += 1000) {
      const request: Record<string, string[]> = {};
      for (const sha of shas.slice(i, i + 1000)) request[chunkId(sha)] = [chunkRev(sha)];
      const diff = await this.couch.revsDiff(request);
      for (const id of Object.keys(diff)) if (diff[id]!.missing.length > 0) missing.add(id.slice('chunk-'.length));
    }
    return missing;
  }

  /**
   * Several chunks in one `_bulk_docs` (`new_edits: false`, each at its fixed revision, so a
   * repeat changes nothing); answers the bytes that went on the wire.
   */
  async putChunks(chunks: readonly ChunkOut[]): Promise<number> {
    const raw = chunks.reduce((n, c) => n + c.bytes.length, 0);
    return this.bulkDocs(chunkDocsBody(chunks), timeoutFor(this.timeoutMs, raw));
  }

  /** File documents, written once all their chunks are on the server: one `_bulk_docs`. */
  async putFiles(manifests: readonly FileManifest[]): Promise<void> {
    if (manifests.length > 0) await this.bulkDocs(Buffer.from(JSON.stringify({ new_edits: false, docs: manifests.map(fileDoc) }), 'utf8'), this.timeoutMs);
  }

  /** One `_bulk_docs` of this JSON body, gzipped unless the server is near or refuses that; answers the bytes sent. */
  private async bulkDocs(json: Buffer, timeoutMs: number): Promise<number> {
    let r;
    let sent = json.length;
    if (this.gzipBodies && this.couch.compresses) {
      const body = await gzipJson(json);
      sent = body.length;
      r = await this.couch.sendBytes('POST', '/_bulk_docs', { data: body, type: 'application/json', encoding: 'gzip' }, [201, 202, 415], timeoutMs);
      if (r.status === 415) this.gzipBodies = false;
    }
    if (!r || r.status === 415) {
      sent = json.length;
      r = await this.couch.sendBytes('POST', '/_bulk_docs', { data: json, type: 'application/json' }, [201, 202], timeoutMs);
    }
    const reply = BulkDocsReply.safeParse(parseJson(r.bytes));
    if (!reply.success) throw new SyncError('protocol', `The server's _bulk_docs answer for ${this.couch.url} is not what CouchDB sends.`);
    const refused = reply.data.find((item) => item.error);
    if (refused) {
      const failure = refused.error === 'forbidden' || refused.error === 'unauthorized' ? 'forbidden' : 'protocol';
      throw new SyncError(failure, `${this.couch.url} refused ${refused.id ?? 'a document'} (${refused.error}${refused.reason ? `: ${refused.reason}` : ''}).`);
    }
    return sent;
  }

  /**
   * Several chunks in one `_bulk_get` (each by id: its winning revision, as a single GET would
   * give it): the bytes of each the server has, unchecked (the caller checks them against their
   * hash), and the bytes that came over the wire. One chunk alone, and every chunk from a server
   * without `_bulk_get`, comes raw by a GET of its attachment.
   */
  async getChunks(wanted: readonly ChunkWanted[]): Promise<{ chunks: Map<string, Buffer>; wire: number }> {
    const chunks = new Map<string, Buffer>();
    const before = this.couch.stats.bytesReceived;
    const expected = wanted.reduce((n, c) => n + c.length, 0);
    if (this.bulkGet && wanted.length > 1) {
      const body = JSON.stringify({ docs: wanted.map((c) => ({ id: chunkId(c.sha256) })) });
      const r = await this.couch.sendBytes('POST', '/_bulk_get?attachments=true', { data: body, type: 'application/json' }, [200, 400, 404, 405, 501], timeoutFor(this.timeoutMs, expected));
      if (r.status === 200) {
        const answer = liftBase64(r.bytes);
        const reply = BulkGetChunks.safeParse(parseJson(answer.text));
        if (!reply.success) throw new SyncError('protocol', `The server's _bulk_get answer for ${this.couch.url} is not what CouchDB sends (${issueMessage(reply.error.issues[0]!)}).`);
        for (const result of reply.data.results) {
          for (const d of result.docs) {
            const doc = ChunkGot.safeParse(d.ok);
            if (!doc.success || doc.data._id !== result.id || !result.id.startsWith('chunk-')) continue;
            chunks.set(result.id.slice('chunk-'.length), answer.bytesOf(doc.data._attachments[CHUNK_ATTACHMENT].data));
          }
        }
        return { chunks, wire: this.couch.stats.bytesReceived - before };
      }
      this.bulkGet = false;
    }
    for (const c of wanted) {
      const bytes = await this.getChunk(c.sha256, c.length);
      if (bytes) chunks.set(c.sha256, bytes);
    }
    return { chunks, wire: this.couch.stats.bytesReceived - before };
  }

  /**
   * The chunk lists of these files, one `_all_docs` with their documents per 200: null where the
   * server has none, a FileFailed where its list is damaged (that file only).
   */
  async getFiles(shas: readonly string[]): Promise<Map<string, FileManifest | null | FileFailed>> {
    const out = new Map<string, FileManifest | null | FileFailed>();
    for (let i = 0; i < shas.length; i += 200) {
      const keys = shas.slice(i, i + 200).map(fileDocId);
      const r = await this.couch.sendBytes('POST', '/_all_docs?include_docs=true', { data: JSON.stringify({ keys }), type: 'application/json' }, [200]);
      const reply = AllDocsReply.safeParse(parseJson(r.bytes));
      if (!reply.success) throw new SyncError('protocol', `The server's _all_docs answer for ${this.couch.url} is not what CouchDB sends.`);
      for (const row of reply.data.rows) {
        if (!row.key.startsWith('file-')) continue;
        const sha = row.key.slice('file-'.length);
        if (!row.value || row.value.deleted || !row.doc) out.set(sha, null);
        else {
          try {
            out.set(sha, manifestFrom(sha, row.doc));
          } catch (e) {
            if (!(e instanceof FileFailed)) throw e;
            out.set(sha, e);
          }
        }
      }
    }
    for (const sha of shas) if (!out.has(sha)) out.set(sha, null);
    return out;
  }

  /** The chunk's bytes as the server has them (unchecked: the caller checks them against the hash), or null. */
  async getChunk(sha256: string, expectedLength: number): Promise<Buffer | null> {
    const r = await this.couch.sendBytes('GET', `/${encodeURIComponent(chunkId(sha256))}/${CHUNK_ATTACHMENT}`, undefined, [200, 404], timeoutFor(this.timeoutMs, expectedLength));
    return r.status === 404 ? null : r.bytes;
  }
}

/** A file document from the server, checked: it must list the chunks of the file it names. */
function manifestFrom(sha256: string, value: unknown): FileManifest {
  const doc = FileDoc.safeParse(value);
  if (!doc.success || doc.data.sha256 !== sha256) {
    throw new FileFailed({ code: 'list-damaged' }, `The server's list of chunks for the file ${sha256.slice(0, 12)}… is damaged (${doc.success ? 'it names another file' : doc.error.issues[0]!.message}).`, 'protocol');
  }
  return { sha256: doc.data.sha256, size: doc.data.size, chunkSize: doc.data.chunkSize ?? LEGACY_CHUNK_SIZE, chunks: doc.data.chunks };
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(answerText(bytes));
  } catch {
    return undefined;
  }
}
