import { resolve } from 'node:path';
import { jobStep } from '../../shared/library/job-steps';
import type { Handlers } from '../dispatcher';
import { syncLibrary } from './library-sync';
import { exportSyncFile, importSyncFile } from './sync-file';

export const syncHandlers: Pick<Handlers, 'sync.run' | 'sync.export' | 'sync.import'> = {
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
    }),
  'sync.export': (input, ctx) => exportSyncFile(ctx.library.replication, ctx.blobs, resolve(input.out), input.peer),
  'sync.import': (input, ctx) => importSyncFile(ctx.library.replication, ctx.blobs, resolve(input.from)),
};
