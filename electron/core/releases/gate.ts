import { DatelineError } from '../../shared/errors';
import { blockingFields, unavailableForKits } from '../../shared/releases/rules';
import type { CoreContext } from '../context';

type Body = Readonly<Record<string, unknown>>;

/**
 * Refuses a local write that would leave a release approved or released without its headline,
 * dateline place, release date or body. Replication never comes through here: what another
 * office stored is kept as it came.
 */
export function assertReadyToGoOut(before: Body | null, after: Body, where: (string | number)[] = ['fields']): void {
  const missing = blockingFields(before, after);
  if (missing.length === 0) return;
  const status = String(after.status);
  throw new DatelineError('RELEASE_INCOMPLETE', `${[...where, 'status'].join('.')}: a release needs ${missing.join(', ')} before it can be ${status}.`, {
    path: [...where, missing[0]!],
    params: { status, missing: missing.join(',') },
  });
}

/**
 * Refuses releases that are withdrawn or in the trash when they are added to a kit; releases the
 * kit already held are left to the export, which names them.
 */
export function assertUsableInKit(ctx: CoreContext, ids: readonly string[], already: ReadonlySet<string> = new Set()): void {
  for (const id of ids) {
    if (already.has(id)) continue;
    const d = ctx.library.repo.find('release', id);
    if (!d) continue;
    const why = unavailableForKits(d);
    if (!why) continue;
    const headline = d.headline !== '' ? d.headline : id;
    const state = why === 'trashed' ? 'is in the trash' : 'was withdrawn';
    throw new DatelineError('RELEASE_UNAVAILABLE', `The release "${headline}" ${state}; it cannot go into a kit.`, {
      path: ['items'],
      params: { id, headline, reason: why },
    });
  }
}
