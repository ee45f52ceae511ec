import { DatelineError } from '../../../shared/errors';
import type { CoreContext } from '../../context';

/**
 * Why a file still on the server did not come down for the work that needs it: sync cannot
 * reach a server now ('sync-first'), this computer downloads only when asked ('on-request'), or
 * the server turned out not to hold it ('not-on-server', as good as gone).
 */
export type NotDownloaded = 'sync-first' | 'on-request' | 'not-on-server';

/**
 * Work that reads attachment files (a kit export) when some may still be on the server only:
 * `resolve` refuses a file that is not here with `notHere`; the file is then brought down
 * through sync in the app (when it is set up and reachable, and this computer's policy is not
 * "never") and `resolve` runs again. Otherwise `resolve` runs once more told why, so that its
 * refusal names the file, says it is on the server and not damaged, and what to do.
 */
export async function withFilesHere<T>(
  ctx: CoreContext,
  resolve: (notDownloaded?: NotDownloaded) => T,
  signal?: AbortSignal,
  onBytes?: (file: { name: string; size: number }, done: number) => void,
): Promise<T> {
  const tried = new Set<string>();
  for (;;) {
    try {
      return resolve();
    } catch (e) {
      const params = e instanceof DatelineError ? e.params : undefined;
      const sha256 = params?.notHere === true && typeof params.sha256 === 'string' ? params.sha256 : null;
      if (!sha256 || tried.has(sha256)) throw e;
      tried.add(sha256);
      if (!ctx.sync) return resolve('sync-first');
      if (ctx.sync.filesPolicy() === 'never') return resolve('on-request');
      const file = { name: typeof params?.name === 'string' ? params.name : sha256.slice(0, 12), size: typeof params?.size === 'number' ? params.size : 0 };
      const outcome = await ctx.sync.fetchFile({ sha256, size: file.size }, onBytes && ((done) => onBytes(file, done)), signal);
      if (outcome === 'unavailable') return resolve('sync-first');
      if (outcome === 'not-on-server') return resolve('not-on-server');
    }
  }
}
