import { resolve } from 'node:path';
import { DatelineError } from '../../shared/errors';
import { jobStep } from '../../shared/library/job-steps';
import type { Handlers } from '../dispatcher';
import { downloadFile, type DownloadStats } from './files/download';
import { FilesPeer } from './files/files-peer';
import { filePolicy, setFilePolicy } from './files/policy';
import { syncLibrary } from './library-sync';
import { exportSyncFile, importSyncFile } from './sync-file';

export const syncHandlers: Pick<Handlers, 'sync.run' | 'sync.export' | 'sync.import' | 'attachment.fetch' | 'sync.filesPolicy' | 'sync.setFilesPolicy'> = {
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
  'sync.export': (input, ctx) => exportSyncFile(ctx.library.replication, ctx.blobs, resolve(input.out), input.peer),
  'sync.import': (input, ctx) => importSyncFile(ctx.library.replication, ctx.blobs, resolve(input.from)),
  'attachment.fetch': async (input, ctx, job) => {
    const doc = ctx.library.docs.require(input.id, 'attachment');
    const { sha256, size } = doc.body;
    if (typeof sha256 !== 'string' || typeof size !== 'number') {
      throw new DatelineError('INVALID_INPUT', `The attachment ${input.id} names no file.`, { params: { id: input.id } });
    }
    const peer = new FilesPeer({
      url: input.remote,
      ...(input.user ? { user: input.user } : {}),
      ...(input.password !== undefined ? { password: input.password } : {}),
      retry: { signal: job?.signal },
    });
    const stats: DownloadStats = { chunks: 0, bytes: 0 };
    const outcome = await downloadFile(peer, ctx.blobs, { sha256, size }, stats, job?.signal);
    return { outcome, bytes: stats.bytes };
  },
  'sync.filesPolicy': (_input, ctx) => filePolicy(ctx.library.replication),
  'sync.setFilesPolicy': (input, ctx) => setFilePolicy(ctx.library.replication, input.policy),
};
