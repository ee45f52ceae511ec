import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryInfo } from '../../shared/contract';
import { jobStep } from '../../shared/library/job-steps';
import type { Handlers } from '../dispatcher';
import { DatelineError } from '../../shared/errors';
import { backupFileName } from '../../shared/library/contract';
import { LATEST_VERSION } from '../store/migrations/index';
import { markNoticeSeen, pendingNotice } from '../store/notices';
import { filesOnServer } from '../sync/files/on-server';
import { backupLibrary, NO_JOB } from './backup';
import { compactLibrary } from './compact';
import { newDownloadFolder, offerDownload } from './downloads';
import { readLastBackup, recordBackup } from './last-backup';
import { restoreLibrary } from './restore';
import { forgetBackup, offerBackup, takeBackup } from './checked-backups';

export const libraryHandlers: Pick<
  Handlers,
  | 'library.info'
  | 'library.notice'
  | 'library.noticeSeen'
  | 'library.check'
  | 'library.changes'
  | 'library.backup'
  | 'library.backupFile'
  | 'library.lastBackup'
  | 'library.restore'
  | 'library.checkBackup'
  | 'library.restoreBackup'
  | 'library.forgetBackup'
  | 'library.compact'
  | 'job.get'
  | 'job.list'
  | 'job.cancel'
> = {
  'library.info': (_input, ctx): LibraryInfo => {
    return {
      path: ctx.dir,
      author: ctx.library.author,
      schemaVersion: LATEST_VERSION,
      lastSeq: ctx.library.docs.lastSeq(),
      counts: ctx.library.docs.liveCounts(),
      attachmentLimitBytes: ctx.attachmentLimit,
    };
  },
  // Read from disk each time: another process (the CLI) may have told the person meanwhile.
  'library.notice': (_input, ctx) => (ctx.library.readOnly ? null : pendingNotice(ctx.dir)),
  'library.noticeSeen': (input, ctx) => {
    if (ctx.library.readOnly) {
      throw new DatelineError('LIBRARY_READ_ONLY', `The library in ${ctx.dir} is read-only here, so the notice cannot be marked as seen.`, { params: { path: ctx.dir } });
    }
    return { seen: markNoticeSeen(ctx.dir, input.id) };
  },
  'library.check': (_input, ctx, job) => {
    job?.progress(0, 1, jobStep('CHECK_RUNNING'));
    const problems = ctx.library.integrityCheck();
    // A file the last sync saw on the server is not downloaded yet (the download policy), not lost.
    const onServer = filesOnServer(ctx.library.replication);
    const notDownloaded = { files: 0, bytes: 0 };
    for (const { sha256, size } of ctx.library.db.prepare('SELECT sha256, MAX(size) AS size FROM attachment_p GROUP BY sha256').all() as { sha256: string; size: number }[]) {
      if (ctx.blobs.has(sha256)) continue;
      if (onServer.has(sha256)) {
        notDownloaded.files++;
        notDownloaded.bytes += size;
      } else problems.push({ code: 'FILE_MISSING', params: { file: sha256.slice(0, 12) } });
    }
    job?.progress(1, 1, problems.length === 0 ? jobStep('CHECK_CLEAN') : jobStep('CHECK_DONE', { count: problems.length }));
    return { problems, notDownloaded };
  },
  // Backup and restore run as jobs: they report progress and can be cancelled until the library is swapped.
  'library.backup': async (input, ctx, job) => {
    const made = await backupLibrary(ctx.library.db, ctx.blobs, ctx.dir, input.out, job ?? NO_JOB);
    recordBackup(ctx.library, made, new Date());
    return made;
  },
  // Web mode: the browser names no path; the backup waits in the library's tmp/ for one download.
  'library.backupFile': async (_input, ctx, job) => {
    const now = new Date();
    const folder = newDownloadFolder(ctx.dir, 'backup');
    try {
      const name = backupFileName(now.toISOString().slice(0, 10));
      const made = await backupLibrary(ctx.library.db, ctx.blobs, ctx.dir, join(folder, name), job ?? NO_JOB, () => now);
      recordBackup(ctx.library, made, now);
      const download = offerDownload({ path: made.path, name, bytes: made.bytes, folder });
      return { download, name, bytes: made.bytes, documents: made.documents, files: made.files, leftOut: made.leftOut };
    } catch (e) {
      rmSync(folder, { recursive: true, force: true });
      throw e;
    }
  },
  'library.lastBackup': (_input, ctx) => readLastBackup(ctx.library),
  'library.restore': (input, ctx, job) => restoreLibrary(ctx, input.from, job ?? NO_JOB),
  'library.checkBackup': (input, ctx) => offerBackup(ctx.dir, input.from),
  // The file is the one the core recorded when it checked it; an uploaded one is removed after, whatever happened.
  'library.restoreBackup': async (input, ctx, job) => {
    const { path, release } = takeBackup(ctx.dir, input.backup);
    try {
      return await restoreLibrary(ctx, path, job ?? NO_JOB);
    } finally {
      release();
    }
  },
  'library.forgetBackup': (input, ctx) => ({ forgotten: forgetBackup(ctx.dir, input.backup) }),
  'library.compact': (input, ctx, job) => compactLibrary(ctx.library.docs, input, job ?? NO_JOB),
  'library.changes': (input, ctx) => ({
    lastSeq: ctx.library.docs.lastSeq(),
    changes: ctx.library.docs.changesSince(input.since, input.limit),
  }),
  'job.get': (input, ctx) => ctx.jobs.get(input.id),
  'job.list': (_input, ctx) => ctx.jobs.list(),
  'job.cancel': (input, ctx) => ctx.jobs.cancel(input.id),
};
