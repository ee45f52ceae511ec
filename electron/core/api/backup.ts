import type { Handlers } from '../dispatcher';
import { backupLibrary, NO_JOB } from '../backup/backup';
import { restoreLibrary } from '../backup/restore';

/** Backup and restore run as jobs: they report progress and can be cancelled until the library is swapped. */
export const backupHandlers: Pick<Handlers, 'library.backup' | 'library.restore'> = {
  'library.backup': (input, ctx, job) => backupLibrary(ctx.library.db, ctx.blobs, ctx.dir, input.out, job ?? NO_JOB),
  'library.restore': (input, ctx, job) => restoreLibrary(ctx, input.from, job ?? NO_JOB),
};
