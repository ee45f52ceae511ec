import { DatelineError } from '../../../shared/errors';
import type { CoreContext } from '../../context';

/**
 * Work that reads attachment files (a kit export) when some may still be on the server only:
 * `resolve` refuses a file that is not here with NOT_FOUND and `notHere`; the file is then
 * brought down through sync in the app (when it is set up and reachable, and this computer's
 * policy is not "never") and `resolve` runs again. Otherwise its refusal stands: it names the
 * file and says it is on the server, not damaged.
 */
export async function withFilesHere<T>(ctx: CoreContext, resolve: () => T, signal?: AbortSignal): Promise<T> {
  const tried = new Set<string>();
  for (;;) {
    try {
      return resolve();
    } catch (e) {
      const params = e instanceof DatelineError ? e.params : undefined;
      const sha256 = params?.notHere === true && typeof params.sha256 === 'string' ? params.sha256 : null;
      if (!sha256 || tried.has(sha256) || !ctx.sync || ctx.sync.filesPolicy() === 'never') throw e;
      tried.add(sha256);
      const outcome = await ctx.sync.fetchFile({ sha256, size: typeof params?.size === 'number' ? params.size : 0 }, undefined, signal);
      if (outcome !== 'stored' && outcome !== 'here') throw e;
    }
  }
}
