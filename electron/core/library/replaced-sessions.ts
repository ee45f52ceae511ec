import { DatelineError } from '../../shared/errors';
import type { CoreContext } from '../context';
import type { Library } from '../store/library';

/**
 * Editing sessions of a library that a restore replaced. An editor left open (another browser
 * tab in web mode, a window nobody looked at) still holds typing made against the old library;
 * when it saves, that typing must not land in the restored one. The core keeps, for as long as
 * it runs, the sessions that wrote drafts in each library it opened, and after a restore
 * refuses the old library's sessions, whatever the editor sends.
 */

const seen = new WeakMap<Library, Set<string>>();
const retired = new WeakMap<CoreContext, Set<string>>();

/** Notes that `session` saved a draft in this library. */
export function noteSession(library: Library, session: string): void {
  let s = seen.get(library);
  if (!s) seen.set(library, (s = new Set()));
  s.add(session);
}

/** The editing sessions of the open library: those that saved in this run and those its journal holds. */
export function sessionsOf(library: Library): string[] {
  const journal = library.db.prepare<[], string>('SELECT DISTINCT session FROM drafts').pluck().all();
  return [...new Set([...(seen.get(library) ?? []), ...journal])];
}

/** Once a restore has swapped the library: the sessions of the library it replaced are refused from now on. */
export function retireSessions(ctx: CoreContext, sessions: string[]): void {
  let out = retired.get(ctx);
  if (!out) retired.set(ctx, (out = new Set()));
  for (const s of sessions) out.add(s);
}

/** The refusal of an editing session that began in a library a restore has replaced. */
function replaced(id: string): DatelineError {
  return new DatelineError(
    'CONFLICT',
    `The library was restored from a backup while "${id}" was open for editing; the typing of that session was not saved into the restored library. Open the document again to go on.`,
    { params: { id, reason: 'libraryReplaced' } },
  );
}

/**
 * Refuses a draft of a session from a replaced library, or one based on a revision this library
 * does not have (a base from the library before a restore: merging it would bring back old typing).
 */
export function assertSessionOfThisLibrary(ctx: CoreContext, id: string, session: string, baseRev: string | null | undefined): void {
  if (retired.get(ctx)?.has(session)) throw replaced(id);
  if (baseRev && !ctx.library.docs.revisions(id).some((r) => r.rev === baseRev)) throw replaced(id);
}
