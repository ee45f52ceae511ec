import type { BlobStore } from '../../attachments/blobs';
import type { ReplicationStore } from '../../store/replication-api';
import type { FilePolicy, FilesSummary } from '../../../shared/sync/contract';
import { SyncError } from '../errors';
import { downloadFiles, type DownloadOutcome, type DownloadStats } from './download';
import { fileDocId } from './chunks';
import { FileFailed } from './failure';
import type { FilesPeer } from './files-peer';
import { noteFilesOnServer } from './on-server';
import { distinctFiles, uploadFiles, type FileRef } from './upload';

/**
 * The files step of a sync, after the documents: upload every attachment file the server lacks,
 * then, when this computer's policy is "always", download every attachment file missing here
 * that the server holds (all of them together: their chunks share requests).
 * With "when opened" a file comes down when someone opens or exports it (attachment.fetch);
 * with "never" only then too, by hand. A file that fails is listed and the others go on; a lost
 * connection or a refused account stops the step (the next sync resumes where it stopped).
 */

export interface FilesStep {
  blobs: BlobStore;
  /** Every live attachment's file, as its document records it: what this step uploads (and downloads). */
  list: () => FileRef[];
  /**
   * Files this step also brings down when the server holds them, though it never sends them: the
   * app sends attachments of no office to the home office only, but one pulled from another
   * office's database has its file there.
   */
  alsoDownload?: () => FileRef[];
  policy: FilePolicy;
  /** Where this computer notes which missing files the server holds (not damage: not downloaded yet); a bench's bare step has none. */
  store?: ReplicationStore;
  /** The caller has already seen the files database there (the app asks once per connection): it is not asked for again. */
  opened?: boolean;
}

export async function syncFiles(peer: FilesPeer, step: FilesStep, signal?: AbortSignal): Promise<FilesSummary> {
  const summary: FilesSummary = {
    policy: step.policy,
    uploaded: { files: 0, chunks: 0, bytes: 0 },
    downloaded: { files: 0, chunks: 0, bytes: 0 },
    notHere: { files: 0, bytes: 0 },
    failed: [],
  };
  try {
    // Made next to the documents database when missing; a server that lets this account sync but not create it says so here.
    if (!step.opened) await peer.open(true);
  } catch (e) {
    if (!(e instanceof SyncError) || (e.failure !== 'auth' && e.failure !== 'forbidden')) throw e;
    summary.failed.push({ sha256: '', why: { code: 'no-database' }, reason: `There is no files database at ${peer.couch.url} and this account may not create it; ask the server's administrator to create it. (${e.message})` });
    return summary;
  }
  const files = step.list();
  const up = await uploadFiles(peer, step.blobs, files, signal);
  summary.uploaded = { files: up.files, chunks: up.chunks, bytes: up.bytes };
  const stats: DownloadStats = { chunks: 0, bytes: 0 };
  const own = distinctFiles(files.filter((f) => !step.blobs.has(f.sha256)));
  const owned = new Set(own.map((f) => f.sha256));
  const extra = distinctFiles((step.alsoDownload?.() ?? []).filter((f) => !owned.has(f.sha256) && !step.blobs.has(f.sha256)));
  const onServer = await peer.existing([...own, ...extra].map((f) => fileDocId(f.sha256)));
  // Another database's file counts here only when this one holds it (elsewhere it is that office's to report).
  const missing = [...own, ...extra.filter((f) => onServer.has(fileDocId(f.sha256)))];
  if (step.store) noteFilesOnServer(step.store, {
    found: missing.filter((f) => onServer.has(fileDocId(f.sha256))).map((f) => f.sha256),
    here: files.filter((f) => step.blobs.has(f.sha256)).map((f) => f.sha256),
  });
  const outcomes = step.policy === 'always' ? await downloadFiles(peer, step.blobs, missing.filter((f) => onServer.has(fileDocId(f.sha256))), { stats, ...(signal ? { signal } : {}) }) : new Map<string, DownloadOutcome | FileFailed>();
  const stored = missing.filter((f) => outcomes.get(f.sha256) === 'stored').map((f) => f.sha256);
  if (step.store && stored.length > 0) noteFilesOnServer(step.store, { here: stored });
  for (const f of missing) {
    const outcome = outcomes.get(f.sha256);
    if (outcome === 'stored') {
      summary.downloaded.files++;
      continue;
    }
    if (outcome instanceof FileFailed) summary.failed.push({ sha256: f.sha256, reason: outcome.message, why: outcome.why });
    summary.notHere.files++;
    summary.notHere.bytes += f.size;
  }
  summary.downloaded.chunks = stats.chunks;
  summary.downloaded.bytes = stats.bytes;
  return summary;
}
