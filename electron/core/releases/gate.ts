import { DatelineError } from '../../shared/errors';
import { blockingFields, unavailableForKits, withdrawRefusal, type WithdrawRefusal } from '../../shared/releases/rules';
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

const WITHDRAW_REFUSED: Record<WithdrawRefusal, string> = {
  withdrawDraft: 'it is a draft and never went out; move it to the trash instead',
  withdrawInReview: 'it is still in review and never went out; move it to the trash instead',
  alreadyWithdrawn: 'it is already withdrawn',
};

/**
 * Refuses withdrawing a release that never went out (a draft, one in review) or was already
 * withdrawn: `before` is the release as it stands, `path` where the caller asked for it
 * (release.withdraw's id, or release.update's fields.status).
 */
export function assertWithdrawable(before: Body, path: (string | number)[]): void {
  const reason = withdrawRefusal(before.status);
  if (reason === null) return;
  const headline = typeof before.headline === 'string' && before.headline.trim() !== '' ? before.headline : String(before.id);
  throw new DatelineError('INVALID_INPUT', `${path.join('.')}: the release "${headline}" cannot be withdrawn: ${WITHDRAW_REFUSED[reason]}.`, {
    path,
    params: { field: path.join('.'), id: String(before.id), headline, status: String(before.status), reason },
  });
}

/**
 * A local write that makes a release withdrawn (release.update's status) is held to the rule
 * release.withdraw keeps: only an approved or released release may become withdrawn.
 */
export function assertWithdrawnFromOut(before: Body, after: Body): void {
  if (after.status === 'withdrawn' && before.status !== 'withdrawn') assertWithdrawable(before, ['fields', 'status']);
}

/** The same rule for release.create: a release that does not exist yet never went out, so it is not created withdrawn. */
export function assertNotCreatedWithdrawn(input: Body): void {
  if (input.status !== 'withdrawn') return;
  throw new DatelineError('INVALID_INPUT', 'status: a new release cannot be withdrawn: only a release that went out (approved or released) can be; create it with another status.', {
    path: ['status'],
    params: { field: 'status', status: 'withdrawn', reason: 'createdWithdrawn' },
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
