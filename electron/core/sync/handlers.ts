import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DatelineError } from '../../shared/errors';
import { jobStep } from '../../shared/library/job-steps';
import type { Handlers } from '../dispatcher';
import { downloadFile, type DownloadStats } from './files/download';
import { FilesPeer } from './files/files-peer';
import { noteFilesOnServer } from './files/on-server';
import { filePolicy, setFilePolicy } from './files/policy';
import { recordConflict, syncLibrary } from './library-sync';
import { exportSyncFile, importSyncFile } from './sync-file';
import { SYNC_FILE_WEB_MAX_BYTES, syncFileName, type ConflictNote } from '../../shared/sync/contract';
import type { CoreContext } from '../context';
import type { JobHandle } from '../jobs';
import { inTempFolder } from '../litter';
import { joinOfficeSuppression } from '../contacts/suppression';

const exportProgress = (job: JobHandle | null) => (docs: number) => job?.progress(docs, null, jobStep('SYNC_FILE_WRITING'));
const importOptions = (ctx: CoreContext, job: JobHandle | null) => ({
  onConflict: (c: ConflictNote) => recordConflict(ctx.library, c),
  onReceived: () => void joinOfficeSuppression(ctx.library),
  onLines: (lines: number) => job?.progress(lines, null, jobStep('SYNC_FILE_READING')),
  onMerging: () => job?.progress(0, null, jobStep('SYNC_FILE_MERGING')),
});

export const syncHandlers: Pick<Handlers, 'sync.run' | 'sync.export' | 'sync.import' | 'sync.exportFile' | 'sync.importFile' | 'attachment.fetch' | 'sync.filesPolicy' | 'sync.setFilesPolicy'> = {
  'sync.run': (input, ctx, job) =>
    syncLibrary(ctx.library, {
      remote: {
        url: input.remote,
        ...(input.user ? { user: input.user } : {}),
        ...(input.password !== undefined ? { password: input.password } : {}),
        retry: { signal: job?.signal },
      },
      create: input.create,
      signal: job?.signal,
      onStep: (step, done) => job?.progress(done, null, jobStep(step === 'pull' ? 'SYNC_RECEIVING' : step === 'push' ? 'SYNC_SENDING' : 'SYNC_MERGING')),
    }, ctx.blobs),
  'sync.export': (input, ctx, job) => {
    // A list of erased people still kept on this computer goes into the office first, so the file carries it.
    joinOfficeSuppression(ctx.library);
    return exportSyncFile(ctx.library.replication, ctx.blobs, resolve(input.out), input.peer, { onDocs: exportProgress(job), libraryDir: ctx.dir });
  },
  // The file's chunks wait, checked, in a folder of the library's tmp/ until the whole file is read.
  'sync.import': (input, ctx, job) =>
    inTempFolder(ctx.dir, 'sync-import', (dir) => importSyncFile(ctx.library.replication, ctx.blobs, resolve(input.from), dir, importOptions(ctx, job))),
  // Web mode: the browser names no path; the file is made and read in the library's own tmp/.
  'sync.exportFile': (input, ctx, job) =>
    inTempFolder(ctx.dir, 'sync-file', async (dir) => {
      joinOfficeSuppression(ctx.library);
      const name = syncFileName(ctx.library.replication.libraryId(), input.peer, new Date().toISOString().slice(0, 10));
      const out = join(dir, name);
      const made = await exportSyncFile(ctx.library.replication, ctx.blobs, out, input.peer, { maxBytes: SYNC_FILE_WEB_MAX_BYTES, onDocs: exportProgress(job) });
      const bytes = readFileSync(out);
      return { ...made, name, data: bytes.toString('base64'), bytes: bytes.length };
    }),
  'sync.importFile': (input, ctx, job) =>
    inTempFolder(ctx.dir, 'sync-file', async (dir) => {
      const bytes = Buffer.from(input.data, 'base64');
      const path = join(dir, 'upload.dateline-sync');
      writeFileSync(path, bytes);
      return importSyncFile(ctx.library.replication, ctx.blobs, path, join(dir, 'chunks'), { shownAs: basename(input.name), ...importOptions(ctx, job) });
    }),
  'attachment.fetch': async (input, ctx, job) => {
    const doc = ctx.library.docs.require(input.id, 'attachment');
    const { sha256, size } = doc.body;
    if (typeof sha256 !== 'string' || typeof size !== 'number') {
      throw new DatelineError('INVALID_INPUT', `The attachment ${input.id} names no file.`, { params: { id: input.id, reason: 'attachmentNoFile' } });
    }
    const name = typeof doc.body.originalName === 'string' ? doc.body.originalName : input.id;
    const onBytes = (done: number) => job?.progress(done, size, jobStep('FILE_DOWNLOADING', { name }));
    onBytes(0);
    const before = ctx.blobs.has(sha256);
    if (input.remote === undefined) {
      if (!ctx.sync) throw new DatelineError('INTERNAL', 'Sync in the app is not running in this Dateline.', { params: { reason: 'syncNotRunning' } });
      const outcome = await ctx.sync.fetchFile({ sha256, size }, onBytes, job?.signal);
      if (outcome === 'unavailable') {
        throw new DatelineError('OFFLINE', `"${name}" is on the server and could not be downloaded now: sync is not set up, paused, offline or waiting for its password. Try again when Settings → Server shows the server reachable.`, {
          params: { id: input.id, name, notHere: true, size, reason: 'fileNotDownloaded' },
        });
      }
      return { outcome, bytes: outcome === 'stored' && !before ? size : 0 };
    }
    const peer = new FilesPeer({
      url: input.remote,
      ...(input.user ? { user: input.user } : {}),
      ...(input.password !== undefined ? { password: input.password } : {}),
      retry: { signal: job?.signal },
    });
    const stats: DownloadStats = { chunks: 0, bytes: 0 };
    const outcome = await downloadFile(peer, ctx.blobs, { sha256, size }, stats, job?.signal, onBytes);
    if (outcome !== 'not-on-server') noteFilesOnServer(ctx.library.replication, { here: [sha256] });
    return { outcome, bytes: stats.bytes };
  },
  'sync.filesPolicy': (_input, ctx) => filePolicy(ctx.library.replication),
  'sync.setFilesPolicy': (input, ctx) => setFilePolicy(ctx.library.replication, input.policy),
};
